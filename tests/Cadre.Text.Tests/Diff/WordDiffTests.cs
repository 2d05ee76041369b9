using Cadre.Text.Diff;
using CsCheck;

namespace Cadre.Text.Tests.Diff;

public class WordDiffTests
{
    private static (EditKind, string)[] Runs(EditScript s) => s.Runs.Select(r => (r.Kind, r.Text)).ToArray();

    [Fact]
    public void Applying_the_script_to_the_base_gives_the_proposal_exactly() =>
        TextGen.BaseAndProposal.Sample((b, p) =>
        {
            var script = WordDiff.Compare(b, p);
            Assert.Equal(p, WordDiff.Apply(b, script));
            Assert.Equal(b, WordDiff.Revert(p, script));
        }, iter: 3000);

    [Fact]
    public void Applying_the_script_holds_for_unrelated_random_texts() =>
        Gen.Select(TextGen.Text, TextGen.Text).Sample((b, p) =>
        {
            var script = WordDiff.Compare(b, p);
            Assert.Equal(p, script.Apply(b));
            Assert.Equal(b, script.Revert(p));
        }, iter: 2000);

    [Fact]
    public void Runs_never_split_a_token_and_are_never_empty() =>
        TextGen.BaseAndProposal.Sample((b, p) =>
        {
            var script = WordDiff.Compare(b, p);
            Assert.All(script.Runs, r => Assert.NotEmpty(r.Text));
            for (var k = 1; k < script.Runs.Count; k++)
            {
                Assert.False(script.Runs[k].Kind == script.Runs[k - 1].Kind && script.Runs[k].MoveId == script.Runs[k - 1].MoveId);
            }
        }, iter: 1000);

    [Fact]
    public void Replacing_a_range_of_years_replaces_the_whole_token() =>
        Assert.Equal(
            [(EditKind.Equal, "pour la période "), (EditKind.Delete, "2020-2023"), (EditKind.Insert, "2024-2027")],
            Runs(WordDiff.Compare("pour la période 2020-2023", "pour la période 2024-2027")));

    [Fact]
    public void A_short_separator_between_two_changes_is_absorbed_into_one_replacement() =>
        Assert.Equal(
            [(EditKind.Equal, "(Rév. "), (EditKind.Delete, "Dubaï, 2018"), (EditKind.Insert, "Bucarest, 2022"), (EditKind.Equal, ")")],
            Runs(WordDiff.Compare("(Rév. Dubaï, 2018)", "(Rév. Bucarest, 2022)")));

    [Fact]
    public void A_single_space_between_two_replaced_words_is_absorbed() =>
        Assert.Equal(
            [(EditKind.Equal, "par "), (EditKind.Delete, "le biais"), (EditKind.Insert, "au moyen"), (EditKind.Equal, " de")],
            Runs(WordDiff.Compare("par le biais de", "par au moyen de")));

    [Fact]
    public void Without_clean_up_the_space_between_changes_stays_equal() =>
        Assert.Contains((EditKind.Equal, " "),
            Runs(WordDiff.Compare("par le biais de", "par au moyen de", new WordDiffOptions { SemanticCleanup = false })));

    [Fact]
    public void Renumbered_items_are_shown_as_a_replaced_number()
    {
        var script = WordDiff.Compare("4\tde recommander au Conseil", "3\tde recommander au Conseil");
        Assert.Equal([(EditKind.Delete, "4"), (EditKind.Insert, "3"), (EditKind.Equal, "\tde recommander au Conseil")], Runs(script));
    }

    [Fact]
    public void Identical_texts_give_a_single_equal_run()
    {
        var script = WordDiff.Compare("a b\nc", "a b\nc");
        Assert.True(script.IsUnchanged);
        Assert.Single(script.Runs);
        Assert.Equal(new EditCounts(3, 0, 0, 0, 0), script.Counts);
    }

    [Fact]
    public void Counts_give_words_kept_inserted_and_deleted()
    {
        var script = WordDiff.Compare("charge le Secrétaire général", "charge le Secrétaire général et les Directeurs");
        Assert.Equal(new EditCounts(4, 3, 0, 0, 0), script.Counts);
    }

    [Fact]
    public void A_moved_paragraph_is_reported_as_a_move()
    {
        const string Base = "considérant\nla Résolution 70 de la Conférence\nla Résolution 72 de la Conférence\nnotant\nles défis que devra relever l'Union\n";
        const string Proposal = "considérant\nla Résolution 72 de la Conférence\nnotant\nles défis que devra relever l'Union\nla Résolution 70 de la Conférence\n";
        var script = WordDiff.Compare(Base, Proposal);
        Assert.DoesNotContain(script.Runs, r => r.Kind is EditKind.Insert or EditKind.Delete);
        var from = Assert.Single(script.Runs, r => r.Kind == EditKind.MoveFrom);
        var to = Assert.Single(script.Runs, r => r.Kind == EditKind.MoveTo);
        Assert.Equal("la Résolution 70 de la Conférence\n", from.Text);
        Assert.Equal(from.Text, to.Text);
        Assert.Equal(from.MoveId, to.MoveId);
        Assert.Equal(1, script.Counts.Moves);
        Assert.Equal(Proposal, script.Apply(Base));
    }

    [Fact]
    public void A_moved_paragraph_that_was_also_edited_is_a_move_with_its_edits()
    {
        const string Base = "A\nla Résolution 70 de la Conférence de plénipotentiaires\nB b b b\nC c c c\n";
        const string Proposal = "B b b b\nC c c c\nA\nla Résolution 70 de la présente Conférence de plénipotentiaires\n";
        var script = WordDiff.Compare(Base, Proposal);
        Assert.Contains(script.Runs, r => r.Kind == EditKind.MoveTo);
        Assert.Contains((EditKind.Insert, "présente "), Runs(script));
        Assert.Equal(
            string.Concat(script.Runs.Where(r => r.Kind == EditKind.MoveFrom).Select(r => r.Text)),
            string.Concat(script.Runs.Where(r => r.Kind == EditKind.MoveTo).Select(r => r.Text)));
        Assert.Equal(Proposal, script.Apply(Base));
        Assert.Equal(Base, script.Revert(Proposal));
    }

    [Fact]
    public void Short_lines_are_never_reported_as_moves()
    {
        var script = WordDiff.Compare("a)\nx y z\nb)\n", "b)\nx y z\na)\n");
        Assert.DoesNotContain(script.Runs, r => r.Kind is EditKind.MoveFrom or EditKind.MoveTo);
    }

    [Fact]
    public void The_output_is_deterministic() =>
        TextGen.BaseAndProposal.Sample((b, p) =>
            Assert.Equal(Runs(WordDiff.Compare(b, p)), Runs(WordDiff.Compare(b, p))), iter: 300);

    [Fact]
    public void Applying_a_script_to_another_base_is_rejected()
    {
        var script = WordDiff.Compare("a b c", "a x c");
        Assert.Throws<EditScriptMismatchException>(() => script.Apply("a b d"));
        Assert.Throws<EditScriptMismatchException>(() => script.Apply("a b c d"));
    }

    [Fact]
    public void A_long_text_with_scattered_changes_round_trips()
    {
        var words = Enumerable.Range(0, 60_000).Select(i => $"mot{i % 997}").ToArray();
        var baseText = string.Join(' ', words.Select((w, i) => i % 40 == 39 ? w + "\n" : w));
        var changed = (string[])words.Clone();
        for (var i = 5; i < changed.Length; i += 97)
        {
            changed[i] = "changé";
        }
        var proposal = string.Join(' ', changed.Select((w, i) => i % 40 == 39 ? w + "\n" : w));
        var script = WordDiff.Compare(baseText, proposal);
        Assert.Equal(proposal, script.Apply(baseText));
        Assert.Equal((changed.Length - 5 + 96) / 97, script.Counts.WordsInserted);
    }

    [Fact]
    public void A_long_single_paragraph_rewritten_throughout_still_round_trips()
    {
        var rng = new Random(7);
        var a = string.Join(' ', Enumerable.Range(0, 40_000).Select(_ => rng.Next(50).ToString()));
        var b = string.Join(' ', Enumerable.Range(0, 40_000).Select(_ => rng.Next(50).ToString()));
        var script = WordDiff.Compare(a, b);
        Assert.Equal(b, script.Apply(a));
    }
}
