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
        // The goal's chart summarises its own indicators and those of the elements under it (1.1), in tree order.
        var subtree = data.Elements.Where(e => e.Code == "1" || e.Code.StartsWith("1.", StringComparison.Ordinal)).SelectMany(e => e.Indicators).ToList();
        Assert.True(subtree.Count > source.Count);
        Assert.Equal(subtree.Count, figure.Data.Rows.Count);
        Assert.Equal(subtree.Select(i => i.Code + " " + i.Title["en"]), figure.Data.Rows.Select(r => r[0].Display("en")));
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
    public void A_risk_text_missing_in_the_report_language_is_marked_not_silently_shown_in_another_language()
    {
        var data = SampleReportSource.Small().Data;
        var first = data.Elements[0];
        Dictionary<string, string> T(string? en, string? fr)
        {
            var d = new Dictionary<string, string>();
            if (en is not null) d["en"] = en;
            if (fr is not null) d["fr"] = fr;
            return d;
        }
        ReportRiskData[] risks =
        [
            new("R-1", T("Funding falls", "Le financement baisse"), 4, 4, T("Broaden the donor base", "Élargir la base des donateurs")),
            new("R-2", T("Staff leave", null), 3, 3, T("Succession planning", null)),
            new("R-3", T("Late payments", "Retards de paiement"), 2, 2, T(null, null)),
        ];
        var withRisks = data with { Elements = [first with { Risks = risks }, .. data.Elements.Skip(1)] };
        ReportTable Table(string language) => ReportBuilder.Build(withRisks, new ReportBuildOptions(ReportKind.Annual, 2025, language, 1, "Draft", ReportFixtures.Generated))
            .AllTables().Single(t => t.Key == "risks:" + first.Code);
        string[][] Cells(ReportTable t) => t.Rows.Select(r => new[] { r[0].Display("en"), r[3].Display("en") }).ToArray();

        var fr = Cells(Table("fr"));
        Assert.Equal(["R-1 Le financement baisse", "Élargir la base des donateurs"], fr[0]);
        Assert.Equal(["R-2 [Traduction manquante] Staff leave", "[Traduction manquante] Succession planning"], fr[1]);
        Assert.Equal(ReportText.Get("fr", "MissingMitigation"), fr[2][1]);
        Assert.StartsWith("[", fr[2][1], StringComparison.Ordinal);
        var en = Cells(Table("en"));
        Assert.Equal(["R-2 Staff leave", "Succession planning"], en[1]);
        Assert.Equal(ReportText.Get("en", "MissingMitigation"), en[2][1]);
        Assert.NotEqual(fr[2][1], en[2][1]);
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

    [Fact]
    public void Charts_are_drawn_for_the_top_level_elements_only_by_default()
    {
        var data = SampleReportSource.Small().Data;
        var report = ReportFixtures.Small();
        var figures = report.Sections.SelectMany(s => s.Blocks).OfType<ReportFigure>().Select(f => f.Key).ToList();
        string Top(ReportElementData e) => e.ParentCode is null ? e.Code : Top(data.Elements.Single(p => p.Code == e.ParentCode));
        var expected = data.Elements.Where(e => e.Depth == 0).Select(e => e.Code)
            .Where(code => data.Elements.Any(e => Top(e) == code && e.Indicators.Any(i => ReportBuilder.Progress(i) is not null)))
            .Select(code => "figure:" + code).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, figures);
    }

    [Fact]
    public void The_yearly_series_are_one_compact_table_per_element_with_a_target_row_and_an_actual_row_per_indicator()
    {
        var data = SampleReportSource.Small().Data;
        var report = ReportFixtures.Small();
        var element = data.Elements.Single(e => e.Code == "1");
        var table = report.AllTables().Single(t => t.Key == "series:1");
        var years = element.Indicators.SelectMany(i => i.Series).Select(p => p.Year).Distinct().Order().ToList();
        Assert.Equal(["Indicator", "Values", "Baseline", .. years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), "End target"], table.Header);
        Assert.Equal(element.Indicators.Count * 2, table.Rows.Count);
        for (var k = 0; k < element.Indicators.Count; k++)
        {
            var i = element.Indicators[k];
            var (targets, actuals) = (table.Rows[2 * k], table.Rows[(2 * k) + 1]);
            Assert.Equal(i.Baseline, ((NumberCell)actuals[2]).Value);
            for (var y = 0; y < years.Count; y++)
            {
                var point = i.Series.Single(p => p.Year == years[y]);
                Assert.Equal(point.Target, (targets[3 + y] as NumberCell)?.Value);
                Assert.Equal(point.Actual, (actuals[3 + y] as NumberCell)?.Value);
            }
        }
        // No chart per indicator: the series are tables only.
        Assert.DoesNotContain(report.Sections.SelectMany(s => s.Blocks).OfType<ReportFigure>(), f => f.Key.StartsWith("series:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_summary_has_one_table_per_framework_level_at_the_top_of_the_tree_named_after_it()
    {
        var data = SampleReportSource.Small().Data;
        var elements = data.Elements.Select(e => e.Code == "2" ? e with { LevelCode = "priority", LevelName = new Dictionary<string, string> { ["en"] = "Thematic priority", ["fr"] = "Priorité thématique" } } : e).ToList();
        var report = ReportBuilder.Build(data with { Elements = elements }, new ReportBuildOptions(ReportKind.Annual, 2025, "en", 1, "Draft", ReportFixtures.Generated));
        var tables = report.Sections[0].Blocks.OfType<ReportTable>().ToList();
        Assert.Equal(2, tables.Count);
        Assert.EndsWith("Status of the indicators by strategic goal", tables[0].Caption, StringComparison.Ordinal);
        Assert.Equal("Strategic goal", tables[0].Header[0]);
        Assert.Equal(["1 Universal connectivity"], tables[0].Rows.Select(r => r[0].Display("en")));
        Assert.EndsWith("Status of the indicators by thematic priority", tables[1].Caption, StringComparison.Ordinal);
        Assert.Equal(["2 Sustainable digital transformation"], tables[1].Rows.Select(r => r[0].Display("en")));
        // Each top-level element counts the indicators of its whole subtree.
        var subtree = elements.Where(e => e.Code == "2" || e.Code.StartsWith("D.", StringComparison.Ordinal)).Sum(e => e.Indicators.Count);
        Assert.Equal((decimal)subtree, ((NumberCell)tables[1].Rows[0][1]).Value);
    }
}
