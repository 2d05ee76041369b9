using Cadre.Core.Common;
using Cadre.Core.Reporting.Model;

namespace Cadre.Core.Tests.Reporting;

public sealed class ReportBuilderTests
{
    [Fact]
    public void A_year_outside_the_plan_is_rejected_with_a_clear_error()
    {
        var data = SampleReportSource.Small().Data;
        var ex = Assert.Throws<ValidationFailedException>(() =>
            ReportBuilder.Build(data, new ReportBuildOptions(ReportKind.Annual, 2031, "en", 1, "Draft", ReportFixtures.Generated)));
        Assert.Contains("year", ex.Errors.Keys);
        Assert.Contains("2031", ex.Errors["year"][0], StringComparison.Ordinal);
        Assert.Contains("2024", ex.Errors["year"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_without_indicators_gets_a_visible_notice_instead_of_empty_tables()
    {
        var data = SampleReportSource.Small().Data;
        var bare = data with { Elements = data.Elements.Select(e => e with { Indicators = [] }).ToList() };
        var report = ReportBuilder.Build(bare, new ReportBuildOptions(ReportKind.Annual, 2025, "en", 1, "Draft", ReportFixtures.Generated));
        var summary = report.Sections[0];
        Assert.Contains(summary.Blocks, b => b is ReportNotice n && n.Text.Contains("No indicators", StringComparison.Ordinal));
        Assert.DoesNotContain(report.AllTables(), t => t.Key.StartsWith("indicators:", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_element_becomes_a_section_in_tree_order_with_levels_from_its_depth()
    {
        var data = SampleReportSource.Small().Data;
        var report = ReportFixtures.Small();
        Assert.Equal(data.Elements.Count + 1, report.Sections.Count);
        Assert.Equal(data.Elements.Select(e => ReportBuilder.ElementKey(e.Code)), report.Sections.Skip(1).Select(s => s.Key));
        Assert.Equal(data.Elements.Select(e => Math.Min(e.Depth + 1, 3)), report.Sections.Skip(1).Select(s => s.Level));
    }

    [Fact]
    public void Figures_are_inserted_from_the_data_with_the_table_of_their_numbers()
    {
        var data = SampleReportSource.Small().Data;
        var report = ReportFixtures.Small();
        var indicators = report.AllTables().Single(t => t.Key == "indicators:1");
        var source = data.Elements.Single(e => e.Code == "1").Indicators;
        Assert.Equal(source.Count, indicators.Rows.Count);
        for (var k = 0; k < source.Count; k++)
        {
            Assert.Equal(source[k].Actual, ((NumberCell)indicators.Rows[k][4]).Value);
            Assert.Equal(source[k].Target, ((NumberCell)indicators.Rows[k][3]).Value);
        }
        var figure = report.Sections.SelectMany(s => s.Blocks).OfType<ReportFigure>().First(f => f.Key == "figure:1");
        Assert.Equal(source.Count, figure.Data.Rows.Count);
        Assert.False(string.IsNullOrWhiteSpace(figure.AltText));
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], figure.Png.Take(4));
        // 1.a: baseline 88, target 92, actual 90.5 → 62.5 % of the way, rounded.
        Assert.Equal(63m, ((PercentCell)figure.Data.Rows[0][4]).Percent);
    }

    [Fact]
    public void A_missing_narrative_is_marked_missing_in_that_language_only()
    {
        var report = ReportFixtures.Small("fr");
        var target = report.Sections.Single(s => s.Key == "element:1.1");
        Assert.True(target.Narrative!.IsMissing("fr"));
        Assert.False(target.Narrative.IsMissing("en"));
    }

    [Fact]
    public void Stored_narratives_take_precedence_over_the_source_and_are_split_into_paragraphs()
    {
        var stored = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["element:1"] = new Dictionary<string, string> { ["en"] = "Stored first.\n\nStored second." },
        };
        var report = ReportFixtures.Small(narratives: stored);
        var goal = report.Sections.Single(s => s.Key == "element:1");
        Assert.Equal(["Stored first.", "Stored second."], goal.Narrative!.For("en"));
        // French was not stored: the source's French narrative stays.
        Assert.StartsWith("La couverture", goal.Narrative.For("fr")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_evaluation_speaks_of_achievement_and_shows_the_trend()
    {
        var report = ReportFixtures.Small(kind: ReportKind.Evaluation);
        var table = report.AllTables().Single(t => t.Key == "indicators:1");
        Assert.Equal("Trend", table.Header[^1]);
        Assert.Equal(ReportStatus.Achieved, ((StatusCell)table.Rows[0][5]).Status);
        Assert.Contains("2024-2027", report.Metadata.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void The_synthetic_plan_has_the_requested_size()
    {
        var data = SampleReportSource.Synthetic(500, 2000).Data;
        Assert.Equal(500, data.Elements.Count);
        Assert.Equal(2000, data.Elements.Sum(e => e.Indicators.Count));
        var seen = new HashSet<string>();
        foreach (var e in data.Elements)
        {
            if (e.ParentCode is not null) Assert.Contains(e.ParentCode, seen);
            seen.Add(e.Code);
        }
    }
}
