using Cadre.Core.Results;
using CsCheck;
using Xunit;

namespace Cadre.Core.Tests.Results;

public sealed class RollupTests
{
    /// <summary>A random tree of up to 40 elements, each with up to 3 indicators, some without data.</summary>
    private sealed record Case(List<RollupNode> Nodes, List<(int Indicator, int Element, double Weight, double? Achievement)> Indicators);

    private static readonly Gen<Case> Cases = Gen.Int[1, int.MaxValue].Select(seed =>
    {
        var rng = new Random(seed);
        var n = rng.Next(1, 40);
        var nodes = new List<RollupNode>();
        for (var i = 0; i < n; i++) nodes.Add(new RollupNode(i + 1, i == 0 ? null : rng.Next(1, i + 1), rng.Next(0, 4) == 0 ? 1 : rng.Next(1, 5)));
        var indicators = new List<(int, int, double, double?)>();
        var id = 100;
        foreach (var node in nodes)
        {
            for (var k = rng.Next(0, 4); k > 0; k--)
            {
                indicators.Add((id++, node.Id, rng.Next(1, 4), rng.Next(0, 3) == 0 ? null : Math.Round(rng.NextDouble(), 3)));
            }
        }
        return new Case(nodes, indicators);
    });

    private static Rollup Build(Case c)
    {
        var r = new Rollup(c.Nodes);
        foreach (var (i, e, w, _) in c.Indicators) r.AddIndicator(i, e, w);
        r.SetAll(c.Indicators.Select(x => new KeyValuePair<int, double?>(x.Indicator, x.Achievement)));
        return r;
    }

    [Fact]
    public void An_element_whose_children_have_no_data_has_no_figure_and_zero_coverage()
    {
        var r = new Rollup([new(1, null, 1), new(2, 1, 1), new(3, 1, 1)]);
        r.AddIndicator(10, 2);
        r.AddIndicator(11, 3);
        r.SetAll([new(10, null), new(11, null)]);
        Assert.Null(r.Get(1).Achievement);
        Assert.Equal(0, r.Get(1).Coverage);
    }

    [Fact]
    public void Children_without_data_are_left_out_and_reported_as_missing_coverage()
    {
        var r = new Rollup([new(1, null, 1), new(2, 1, 3), new(3, 1, 1)]);
        r.AddIndicator(10, 2);
        r.AddIndicator(11, 3);
        r.SetAll([new(10, 0.5), new(11, null)]);
        Assert.Equal(0.5, r.Get(1).Achievement);
        Assert.Equal(0.75, r.Get(1).Coverage);
    }

    [Fact]
    public void A_parent_lies_between_its_childrens_minimum_and_maximum()
    {
        Cases.Sample(c =>
        {
            var r = Build(c);
            foreach (var node in c.Nodes)
            {
                var parent = r.Get(node.Id);
                if (parent.Achievement is not double a) continue;
                var parts = c.Nodes.Where(x => x.ParentId == node.Id && x.Weight > 0).Select(x => r.Get(x.Id).Achievement)
                    .Concat(c.Indicators.Where(i => i.Element == node.Id).Select(i => i.Achievement))
                    .OfType<double>().ToList();
                if (a < parts.Min() - 1e-9 || a > parts.Max() + 1e-9) return false;
            }
            return true;
        });
    }

    [Fact]
    public void Elements_without_data_never_change_their_parents_figure()
    {
        Cases.Sample(c =>
        {
            var before = Build(c).All().ToDictionary(p => p.ElementId, p => p.Achievement);
            // Add a leaf with an indicator that has no data under every element.
            var extraNodes = c.Nodes.Select((n, i) => new RollupNode(1000 + i, n.Id, 2)).ToList();
            var bigger = new Case([.. c.Nodes, .. extraNodes],
                [.. c.Indicators, .. extraNodes.Select((n, i) => (5000 + i, n.Id, 1.0, (double?)null))]);
            var after = Build(bigger);
            return c.Nodes.All(n => Nullable.Equals(before[n.Id], after.Get(n.Id).Achievement) || Math.Abs(before[n.Id]!.Value - after.Get(n.Id).Achievement!.Value) < 1e-12);
        });
    }

    [Fact]
    public void Equal_weights_give_the_plain_mean()
    {
        Gen.Double[0, 1].Array[1, 12].Sample(values =>
        {
            var nodes = new List<RollupNode> { new(1, null, 1) };
            nodes.AddRange(values.Select((_, i) => new RollupNode(i + 2, 1, 1)));
            var r = new Rollup(nodes);
            for (var i = 0; i < values.Length; i++) r.AddIndicator(100 + i, i + 2);
            r.SetAll(values.Select((v, i) => new KeyValuePair<int, double?>(100 + i, v)));
            return Math.Abs(r.Get(1).Achievement!.Value - values.Average()) < 1e-9;
        });
    }

    [Fact]
    public void Updating_one_value_incrementally_gives_the_same_figures_as_a_full_recomputation()
    {
        Gen.Select(Cases, Gen.Int[0, 1000], Gen.Double[0, 1], Gen.Bool).Sample((c, pick, value, clear) =>
        {
            if (c.Indicators.Count == 0) return true;
            var incremental = Build(c);
            var index = pick % c.Indicators.Count;
            double? newValue = clear ? null : value;
            incremental.Set(c.Indicators[index].Indicator, newValue);
            var changed = c.Indicators.ToList();
            changed[index] = (changed[index].Indicator, changed[index].Element, changed[index].Weight, newValue);
            var full = Build(c with { Indicators = changed });
            return c.Nodes.All(n =>
            {
                var (a, b) = (incremental.Get(n.Id), full.Get(n.Id));
                return (a.Achievement is null && b.Achievement is null || Math.Abs((a.Achievement ?? -1) - (b.Achievement ?? -1)) < 1e-9)
                    && Math.Abs(a.Coverage - b.Coverage) < 1e-9;
            });
        });
    }
}
