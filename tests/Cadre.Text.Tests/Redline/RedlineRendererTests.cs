using Cadre.Text.Diff;
using Cadre.Text.Redline;

namespace Cadre.Text.Tests.Redline;

public class RedlineRendererTests
{
    [Fact]
    public void Inline_HTML_marks_insertions_and_deletions_and_encodes_user_text()
    {
        var html = HtmlRedline.Inline(WordDiff.Compare("a <b> & c", "a <script>alert(1)</script> & c"));
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>", html);
        Assert.StartsWith("<div class=\"redline\">a &lt;<del>b</del><ins>script&gt;alert(1)&lt;/script", html);
        Assert.EndsWith("&gt; &amp; c</div>", html);
    }

    [Fact]
    public void Inline_HTML_shows_the_seed_title_change_as_one_replacement() =>
        Assert.Equal(
            "<div class=\"redline\">pour la période <del>2020-2023</del><ins>2024-2027</ins></div>",
            HtmlRedline.Inline(WordDiff.Compare("pour la période 2020-2023", "pour la période 2024-2027")));

    [Fact]
    public void Moves_are_marked_with_their_move_id()
    {
        var html = HtmlRedline.Inline(WordDiff.Compare(Samples.Dubai, Samples.Bucharest));
        Assert.Contains("<del class=\"move\" data-move=\"1\">", html);
        Assert.Contains("<ins class=\"move\" data-move=\"1\">", html);
    }

    [Fact]
    public void Side_by_side_has_one_row_per_shared_paragraph()
    {
        var html = HtmlRedline.SideBySide(WordDiff.Compare("un\ndeux trois\nquatre", "un\ndeux 3\nquatre"), "Dubaï <2018>", "Bucarest");
        Assert.Equal(3, html.Split("<tr><td>").Length - 1);
        Assert.Contains("<td>deux <del>trois</del></td><td>deux <ins>3</ins></td>", html);
        Assert.Contains("Dubaï &lt;2018&gt;", html);
    }

    [Fact]
    public void JSON_round_trips_the_edit_script()
    {
        var script = WordDiff.Compare(Samples.Dubai, Samples.Bucharest);
        var json = JsonRedline.Write(script);
        var read = JsonRedline.Read(json);
        Assert.Equal(script.Runs, read.Runs);
        Assert.Contains("\"wordsInserted\":", json);
        Assert.Equal(Samples.Bucharest, read.Apply(Samples.Dubai));
    }

    [Fact]
    public void The_HTML_redline_of_the_seed_matches_the_golden_file()
    {
        var script = WordDiff.Compare(Samples.Dubai, Samples.Bucharest);
        var html = HtmlRedline.Inline(script) + "\n" + HtmlRedline.SideBySide(script, "Dubaï, 2018", "Bucarest, 2022") + "\n";
        RepoPaths.AssertGolden("redline.html", html);
    }
}
