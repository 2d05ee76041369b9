using Cadre.Core.Planning;
using CsCheck;

namespace Cadre.Core.Tests.Planning;

public sealed class CoverageTests
{
    [Fact]
    public void Coverage_finds_the_gaps_on_both_sides()
    {
        var result = Coverage.Compute([10, 11, 12, 13], [1, 2, 3], [(10, 1), (10, 2), (12, 2)]);
        Assert.Equal([11, 13], result.ElementsWithoutLinks);
        Assert.Equal([3], result.EntriesNotAddressed);
        Assert.Equal(0.5, result.ElementCoverage);
        Assert.Equal(2.0 / 3, result.EntryCoverage, 10);
        Assert.Equal(3, result.Cells.Count);
    }

    [Fact]
    public void Links_outside_the_plan_or_the_vocabulary_are_ignored()
    {
        var result = Coverage.Compute([10], [1], [(10, 1), (99, 1), (10, 42), (10, 1)]);
        Assert.Equal([(10, 1)], result.Cells);
        Assert.Empty(result.ElementsWithoutLinks);
        Assert.Equal(1.0, result.EntryCoverage);
    }

    [Fact]
    public void An_empty_plan_or_vocabulary_has_zero_coverage()
    {
        var result = Coverage.Compute([], [], []);
        Assert.Equal(0, result.ElementCoverage);
        Assert.Equal(0, result.EntryCoverage);
    }

    [Fact]
    public void Every_element_is_either_linked_or_a_gap_and_gaps_keep_display_order() =>
        Gen.Select(Gen.Int[1, 40].Array[0, 30], Gen.Int[1, 20].Array[0, 15], Gen.Select(Gen.Int[0, 45], Gen.Int[0, 25]).Array[0, 60])
            .Sample((elements, entries, links) =>
            {
                var e = elements.Distinct().ToList();
                var v = entries.Distinct().ToList();
                var result = Coverage.Compute(e, v, links);
                var linked = result.Cells.Select(c => c.ElementId).ToHashSet();
                Assert.Equal(e.Where(x => !linked.Contains(x)), result.ElementsWithoutLinks);
                var addressed = result.Cells.Select(c => c.EntryId).ToHashSet();
                Assert.Equal(v.Where(x => !addressed.Contains(x)), result.EntriesNotAddressed);
                Assert.InRange(result.ElementCoverage, 0, 1);
                Assert.InRange(result.EntryCoverage, 0, 1);
                Assert.All(result.Cells, c => Assert.True(e.Contains(c.ElementId) && v.Contains(c.EntryId)));
            }, iter: 500);
}
