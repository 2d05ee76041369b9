using System.Xml.Linq;
using Cadre.Core.Reporting.Model;
using Cadre.Core.Reporting.Writers;

namespace Cadre.Core.Tests.Reporting;

public sealed class HtmlReportWriterTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void The_page_has_the_same_structure_as_the_Word_document(string language)
    {
        // One golden outline for both formats: the HTML page and the DOCX must show the same headings, tables and figures.
        var outline = ReportFixtures.HtmlOutline(HtmlReportWriter.Write(ReportFixtures.Small(language)));
        ReportFixtures.AssertGolden($"small-{language}.outline.txt", outline);
    }

    [Fact]
    public void The_page_is_accessible_by_construction()
    {
        var report = ReportFixtures.Small("fr");
        var doc = ReportFixtures.ReadHtml(HtmlReportWriter.Write(report));
        var html = doc.Root!;
        Assert.Equal("fr-FR", (string?)html.Attribute("lang"));
        Assert.Single(doc.Descendants("h1"));
        Assert.False(string.IsNullOrWhiteSpace(doc.Descendants("title").Single().Value));

        // Headings never skip a level going down.
        var levels = doc.Descendants().Where(e => e.Name.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
            .Select(e => e.Name.LocalName[1] - '0').ToList();
        Assert.Equal(1, levels[0]);
        for (var k = 1; k < levels.Count; k++) Assert.True(levels[k] <= levels[k - 1] + 1, $"h{levels[k - 1]} then h{levels[k]}");

        var tables = doc.Descendants("table").ToList();
        Assert.Equal(report.AllTables().Count(), tables.Count);
        Assert.All(tables, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Element("caption")?.Value));
            Assert.All(t.Element("thead")!.Descendants("th"), th => Assert.Equal("col", (string?)th.Attribute("scope")));
            Assert.All(t.Element("tbody")!.Elements("tr"), tr => Assert.Equal("row", (string?)tr.Elements().First().Attribute("scope")));
        });

        var figures = doc.Descendants("figure").ToList();
        Assert.NotEmpty(figures);
        Assert.All(figures, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)f.Element("img")!.Attribute("alt")));
            Assert.False(string.IsNullOrWhiteSpace(f.Element("figcaption")?.Value));
            Assert.NotNull(f.Element("table"));
        });

        // Status is text, not colour alone.
        Assert.Contains(doc.Descendants("td"), td => ((string?)td.Attribute("class"))?.Contains("status", StringComparison.Ordinal) == true && td.Value == "En bonne voie");
        Assert.Contains(doc.Descendants("p"), p => (string?)p.Attribute("class") == "gap" && p.Value.Contains("Texte manquant", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_from_the_data_is_encoded_and_cannot_inject_markup()
    {
        var data = SampleReportSource.Small().Data;
        var evil = data with
        {
            Elements = data.Elements.Select((e, k) => k == 0
                ? e with { Title = new Dictionary<string, string> { ["en"] = "<script>alert(1)</script> & \"x\"" } }
                : e).ToList(),
        };
        var report = ReportBuilder.Build(evil, new ReportBuildOptions(ReportKind.Annual, 2025, "en", 1, "Draft", ReportFixtures.Generated));
        var bytes = HtmlReportWriter.Write(report);
        var text = ReportFixtures.Utf8(bytes);
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;", text, StringComparison.Ordinal);
        // And it still parses, with the title as text.
        Assert.Contains(ReportFixtures.ReadHtml(bytes).Descendants("h2"), h => h.Value.Contains("<script>", StringComparison.Ordinal));
    }

    [Fact]
    public void Accented_letters_are_written_as_they_are()
    {
        var text = ReportFixtures.Utf8(HtmlReportWriter.Write(ReportFixtures.Small("fr")));
        Assert.Contains("Connectivité universelle", text, StringComparison.Ordinal);
    }
}
