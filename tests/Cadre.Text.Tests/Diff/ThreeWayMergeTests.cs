using Cadre.Text.Diff;
using CsCheck;

namespace Cadre.Text.Tests.Diff;

public class ThreeWayMergeTests
{
    private const string Base = "charge le Conseil de contrôler l'évolution du plan stratégique pour la période 2020-2023, et de faire rapport.";

    [Fact]
    public void Merging_a_proposal_with_an_unchanged_copy_gives_the_proposal() =>
        TextGen.BaseAndProposal.Sample((b, p) =>
        {
            Assert.Equal(p, ThreeWayMerge.Merge(b, p, b).MergedText);
            Assert.Equal(p, ThreeWayMerge.Merge(b, b, p).MergedText);
        }, iter: 2000);

    [Fact]
    public void Merging_a_proposal_with_itself_gives_the_proposal() =>
        TextGen.BaseAndProposal.Sample((b, p) => Assert.Equal(p, ThreeWayMerge.Merge(b, p, p).MergedText), iter: 1000);

    [Fact]
    public void Choosing_one_side_for_every_conflict_keeps_all_other_changes() =>
        Gen.Select(TextGen.BaseAndProposal, TextGen.Text).Sample((bp, other) =>
        {
            var result = ThreeWayMerge.Merge(bp.Base, bp.Proposal, other);
            var text = result.Resolve(c => c.Versions[0].Text);
            Assert.NotNull(text);
            Assert.All(result.Conflicts, c => Assert.True(c.Versions.Count >= 2));
        }, iter: 500);

    [Fact]
    public void Non_overlapping_changes_of_two_members_are_combined()
    {
        var ours = Base.Replace("2020-2023", "2024-2027");
        var theirs = Base.Replace("faire rapport", "faire rapport chaque année");
        var result = ThreeWayMerge.Merge(Base, ours, theirs, "Fédération de Russie", "France");
        Assert.False(result.HasConflicts);
        Assert.Equal(Base.Replace("2020-2023", "2024-2027").Replace("faire rapport", "faire rapport chaque année"), result.MergedText);
        Assert.Contains(result.Chunks, c => c.Kind == MergeChunkKind.Changed && c.Labels.SequenceEqual(["Fédération de Russie"]));
        Assert.Contains(result.Chunks, c => c.Kind == MergeChunkKind.Changed && c.Labels.SequenceEqual(["France"]));
    }

    [Fact]
    public void Overlapping_changes_are_a_conflict_with_both_sides_and_their_labels()
    {
        var ours = Base.Replace("2020-2023", "2024-2027");
        var theirs = Base.Replace("2020-2023", "2022-2025").Replace("faire rapport", "faire rapport chaque année");
        var result = ThreeWayMerge.Merge(Base, ours, theirs, "Fédération de Russie", "France");
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("2020-2023", conflict.BaseText);
        Assert.Equal([new ConflictVersion("Fédération de Russie", "2024-2027"), new ConflictVersion("France", "2022-2025")], conflict.Versions);
        Assert.Throws<MergeConflictException>(() => result.MergedText);
        Assert.Equal(theirs, result.Resolve(c => c.Versions.Single(v => v.Label == "France").Text));
    }

    [Fact]
    public void Two_insertions_at_the_same_place_are_a_conflict()
    {
        var result = ThreeWayMerge.Merge("a b", "a x b", "a y b");
        Assert.Single(result.Conflicts);
    }

    [Fact]
    public void Identical_changes_on_both_sides_are_not_a_conflict()
    {
        var ours = Base.Replace("2020-2023", "2024-2027");
        var result = ThreeWayMerge.Merge(Base, ours, ours, "A", "B");
        Assert.False(result.HasConflicts);
        Assert.Equal(ours, result.MergedText);
        Assert.Contains(result.Chunks, c => c.Labels.SequenceEqual(["A", "B"]));
    }

    [Fact]
    public void Three_proposals_merge_with_a_conflict_only_where_they_overlap()
    {
        var result = ThreeWayMerge.Merge(Base,
        [
            new MergeSide("A", Base.Replace("charge", "prie")),
            new MergeSide("B", Base.Replace("stratégique", "financier")),
            new MergeSide("C", Base.Replace("stratégique", "opérationnel")),
        ]);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(["B", "C"], conflict.Versions.Select(v => v.Label));
        Assert.StartsWith("prie le Conseil", result.Resolve(c => c.BaseText));
    }
}
