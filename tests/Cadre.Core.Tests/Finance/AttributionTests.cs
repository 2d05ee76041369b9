using Cadre.Core.Finance;
using CsCheck;

namespace Cadre.Core.Tests.Finance;

public sealed class AttributionTests
{
    private static readonly Gen<(long Total, Dictionary<int, decimal> Weights)> Splits =
        Gen.Select(Gen.Long[0, 50_000_000_000L], Gen.Int[0, 100].Array[1, 30])
            .Select((total, shares) => (total, shares.Select((s, i) => (i + 1, (decimal)s)).ToDictionary(x => x.Item1, x => x.Item2)));

    [Fact]
    public void Thirds_of_a_franc_add_up_to_the_franc()
    {
        var split = Attribution.Split(100, new Dictionary<int, decimal> { [1] = 1, [2] = 1, [3] = 1 });
        Assert.Equal(100, split.Values.Sum());
        Assert.Equal([34, 33, 33], split.OrderBy(s => s.Key).Select(s => s.Value));
    }

    [Fact]
    public void The_parts_always_sum_exactly_to_the_whole()
    {
        Splits.Sample(s =>
        {
            var split = Attribution.Split(s.Total, s.Weights);
            return s.Weights.Values.Sum() == 0 ? split.Count == 0 : split.Values.Sum() == s.Total;
        });
    }

    [Fact]
    public void Each_part_is_within_one_centime_of_its_exact_share()
    {
        Splits.Sample(s =>
        {
            var sum = s.Weights.Values.Sum();
            if (sum == 0) return true;
            var split = Attribution.Split(s.Total, s.Weights);
            return split.All(p => Math.Abs(p.Value - s.Total * s.Weights[p.Key] / sum) < 1m);
        });
    }

    [Fact]
    public void Attributing_twice_gives_the_same_result()
    {
        Splits.Sample(s =>
        {
            var a = Attribution.Split(s.Total, s.Weights);
            var b = Attribution.Split(s.Total, s.Weights);
            return a.Count == b.Count && a.All(p => b[p.Key] == p.Value);
        });
    }

    [Fact]
    public void A_unit_never_attributes_to_elements_outside_its_keys()
    {
        Splits.Sample(s =>
        {
            var result = Attribution.Compute([new AttributionKey("ITU-D", s.Total, s.Weights)]);
            return result.Matrix["ITU-D"].Keys.All(e => s.Weights.TryGetValue(e, out var w) && w > 0);
        });
    }

    [Fact]
    public void Totals_per_goal_add_the_elements_below_it()
    {
        var result = Attribution.Compute(
        [
            new AttributionKey("ITU-R", 1_000_00, new Dictionary<int, decimal> { [11] = 60, [21] = 40 }),
            new AttributionKey("ITU-D", 3_000_00, new Dictionary<int, decimal> { [11] = 50, [12] = 50 }),
        ]);
        var parents = new Dictionary<int, int?> { [1] = null, [2] = null, [11] = 1, [12] = 1, [21] = 2 };
        var totals = Attribution.RollUp(result.ByElement, parents);
        Assert.Equal(60_000 + 150_000 + 150_000, totals[1]);
        Assert.Equal(40_000, totals[2]);
        Assert.Equal(4_000_00, totals[1] + totals[2]);
    }

    [Fact]
    public void Percentages_must_total_exactly_one_hundred()
    {
        Assert.True(Attribution.IsComplete(new Dictionary<int, decimal> { [1] = 33.5m, [2] = 66.5m }));
        Assert.False(Attribution.IsComplete(new Dictionary<int, decimal> { [1] = 33.3m, [2] = 66.6m }));
    }

    [Fact]
    public void Negative_amounts_and_shares_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Attribution.Compute([new AttributionKey("GS", -1, new Dictionary<int, decimal> { [1] = 100 })]));
        Assert.Throws<ArgumentException>(() => Attribution.Compute([new AttributionKey("GS", 1, new Dictionary<int, decimal> { [1] = -5, [2] = 105 })]));
    }
}
