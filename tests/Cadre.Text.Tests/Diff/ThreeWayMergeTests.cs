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
    // A paragraph of words found nowhere else: changes on either side of it cannot touch each other.
    private const string Separator = "\nzzséparateur zzentre zzles zzdeux zzmoitiés\n";

    [Fact]
    public void Changes_on_either_side_of_an_untouched_paragraph_are_combined_without_conflict() =>
        Gen.Select(TextGen.BaseAndProposal, TextGen.BaseAndProposal).Sample((x, y) =>
        {
            var b = x.Base + Separator + y.Base;
            var ours = x.Proposal + Separator + y.Base;
            var theirs = x.Base + Separator + y.Proposal;
            var expected = x.Proposal + Separator + y.Proposal;
            Assert.Equal(expected, ThreeWayMerge.Merge(b, ours, theirs).MergedText);
            Assert.Equal(expected, ThreeWayMerge.Merge(b, theirs, ours).MergedText);
        }, iter: 2000);

    [Fact]
    public void The_merge_is_deterministic_and_does_not_depend_on_the_order_of_the_sides() =>
        Gen.Select(TextGen.BaseAndProposal, TextGen.Text).Sample((bp, other) =>
        {
            var first = ThreeWayMerge.Merge(bp.Base, bp.Proposal, other, "A", "B");
            var again = ThreeWayMerge.Merge(bp.Base, bp.Proposal, other, "A", "B");
            Assert.Equal(Describe(first), Describe(again));
            var swapped = ThreeWayMerge.Merge(bp.Base, other, bp.Proposal, "B", "A");
            Assert.Equal(first.Conflicts.Count, swapped.Conflicts.Count);
            Assert.Equal(first.Resolve(c => c.BaseText), swapped.Resolve(c => c.BaseText));
            Assert.Equal(first.Resolve(c => c.Versions.Single(v => v.Label == "A").Text), swapped.Resolve(c => c.Versions.Single(v => v.Label == "A").Text));
        }, iter: 1000);

    [Fact]
    public void Resolving_every_conflict_with_the_base_text_keeps_every_change_outside_the_conflicts() =>
        Gen.Select(TextGen.BaseAndProposal, TextGen.Text).Sample((bp, other) =>
        {
            var result = ThreeWayMerge.Merge(bp.Base, bp.Proposal, other);
            // The unchanged chunks and the conflicts' base texts are the base, in order, less what was changed.
            var baseParts = string.Concat(result.Chunks.Select(c => c.Kind == MergeChunkKind.Changed ? "" : c.Text));
            Assert.True(IsSubsequence(baseParts, bp.Base));
            Assert.All(result.Conflicts, c => Assert.Equal(c.BaseText, bp.Base.Substring(c.BaseStart, c.BaseText.Length)));
            Assert.Equal(Enumerable.Range(0, result.Conflicts.Count), result.Conflicts.Select(c => c.Index));
        }, iter: 1000);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Two_members_editing_a_long_document_in_different_paragraphs_get_both_edits_and_a_conflict_only_where_they_meet(int seed)
    {
        // Long enough (over 100,000 characters) for the sides to be diffed in parallel.
        var paragraphs = Enumerable.Range(1, 2500)
            .Select(i => $"{i}.\tLe Conseil examine le rapport {i} sur le plan stratégique 2024-{2027 + (i % 5)} et décide de le transmettre.")
            .ToList();
        var rng = new Random(seed);
        var ours = paragraphs.ToList();
        var theirs = paragraphs.ToList();
        var expected = paragraphs.ToList();
        for (var k = 0; k < 300; k++)
        {
            var at = rng.Next(paragraphs.Count);
            if (at % 2 == 0)
            {
                ours[at] = expected[at] = paragraphs[at].Replace("examine", "approuve", StringComparison.Ordinal);
            }
            else
            {
                theirs[at] = expected[at] = paragraphs[at].Replace("transmettre", "publier", StringComparison.Ordinal);
            }
        }
        // One place where both change the same words differently.
        var clash = 1 + (2 * rng.Next(paragraphs.Count / 2 - 1));
        ours[clash] = paragraphs[clash].Replace("rapport", "projet", StringComparison.Ordinal);
        theirs[clash] = paragraphs[clash].Replace("rapport", "bilan", StringComparison.Ordinal);
        string Join(List<string> p) => string.Join('\n', p) + "\n";

        var result = ThreeWayMerge.Merge(Join(paragraphs), Join(ours), Join(theirs), "A", "B");
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("rapport", conflict.BaseText);
        Assert.Equal(["projet", "bilan"], conflict.Versions.Select(v => v.Text));
        expected[clash] = paragraphs[clash].Replace("rapport", "projet", StringComparison.Ordinal);
        Assert.Equal(Join(expected), result.Resolve(c => c.Versions[0].Text));
        Assert.Equal(Describe(result), Describe(ThreeWayMerge.Merge(Join(paragraphs), Join(ours), Join(theirs), "A", "B")));
    }

    private static List<string> Describe(MergeResult result) =>
        result.Chunks.Select(c => $"{c.Kind}|{c.Text}|{string.Join(',', c.Labels)}|{(c.Conflict is null ? "" : string.Join('|', c.Conflict.Versions))}").ToList();

    private static bool IsSubsequence(string part, string whole)
    {
        var k = 0;
        foreach (var ch in whole)
        {
            if (k < part.Length && part[k] == ch)
            {
                k++;
            }
        }
        return k == part.Length;
    }
}
