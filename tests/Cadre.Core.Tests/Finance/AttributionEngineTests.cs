using Cadre.Core.Finance;
using CsCheck;

namespace Cadre.Core.Tests.Finance;

/// <summary>Properties of the whole engine (several units at once), beyond one split.</summary>
public sealed class AttributionEngineTests
{
    private static readonly Gen<List<AttributionKey>> Units =
        Gen.Select(Gen.Long[0, 20_000_000_000L], Gen.Dictionary(Gen.Int[1, 40], Gen.Decimal[0m, 100m].Select(d => decimal.Round(d, 2)))[0, 12])
            .Array[1, 8]
            .Select(units => units.Select((u, i) => new AttributionKey("U" + i, u.Item1, u.Item2)).ToList());

    [Fact]
    public void Every_unit_with_keys_attributes_exactly_its_amount_and_the_elements_add_up_to_the_same_total()
    {
        Units.Sample(keys =>
        {
            var result = Attribution.Compute(keys);
            var attributable = keys.Where(k => k.Keys.Values.Any(v => v > 0)).ToList();
            return attributable.All(k => result.Matrix[k.Unit].Values.Sum() == k.AmountMinor)
                && result.ByElement.Values.Sum() == attributable.Sum(k => k.AmountMinor)
                && keys.Where(k => k.AmountMinor > 0 && !k.Keys.Values.Any(v => v > 0)).All(k => result.Unattributed.Contains(k.Unit));
        });
    }

    [Fact]
    public void Attributing_the_engine_twice_gives_the_same_matrix()
    {
        Units.Sample(keys =>
        {
            var a = Attribution.Compute(keys);
            var b = Attribution.Compute(keys.AsEnumerable().Reverse().ToList());
            return a.Matrix.All(row => row.Value.Count == b.Matrix[row.Key].Count && row.Value.All(c => b.Matrix[row.Key][c.Key] == c.Value))
                && a.ByElement.All(e => b.ByElement[e.Key] == e.Value);
        });
    }

    [Fact]
    public void No_unit_leaks_to_an_element_it_does_not_attribute_to_and_each_element_gets_only_its_units_parts()
    {
        Units.Sample(keys =>
        {
            var result = Attribution.Compute(keys);
            var noLeak = keys.All(k => result.Matrix[k.Unit].Keys.All(e => k.Keys.GetValueOrDefault(e) > 0));
            var sums = result.ByElement.All(e => e.Value == keys.Sum(k => result.Matrix[k.Unit].GetValueOrDefault(e.Key)));
            return noLeak && sums;
        });
    }

    [Fact]
    public void Rolling_up_keeps_the_total_at_the_top_level()
    {
        Units.Sample(keys =>
        {
            var result = Attribution.Compute(keys);
            // Elements 1..40 under four top elements 101..104.
            var parents = Enumerable.Range(1, 40).ToDictionary(i => i, i => (int?)(101 + i % 4));
            foreach (var top in Enumerable.Range(101, 4)) parents[top] = null;
            var rolled = Attribution.RollUp(result.ByElement, parents);
            return Enumerable.Range(101, 4).Sum(t => rolled.GetValueOrDefault(t)) == result.ByElement.Values.Sum();
        });
    }
}
