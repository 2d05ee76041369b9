using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Demo;
using Cadre.Core.Identity;
using Cadre.Core.Reporting;
using Cadre.Core.Reporting.Model;
using Cadre.Core.Reporting.Sources;
using Cadre.Core.Reporting.Writers;
using Cadre.Core.Results;
using Cadre.Core.Tests.Data;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cadre.Core.Tests.Reporting;

/// <summary>The demo database, loaded once for the class.</summary>
public sealed class DemoReportDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await using var db = Database.Context(new FixedActor("admin@test", "u-admin", [Roles.Admin, Roles.Planner]));
        await DemoData.LoadAsync(db, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

public sealed class PlanReportSourceTests(DemoReportDatabase demo) : IClassFixture<DemoReportDatabase>
{
    private const string Plan = DemoData.StrategicPlanCode;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly FixedActor Planner = new("planner@test", "u-planner", [Roles.Planner]);

    private CadreDbContext Db(ICurrentActor? actor = null) => demo.Database.Context(actor ?? Planner);

    private static PlanReportSource Source(CadreDbContext db) => new(db, new ProgressService(db, new MemoryCache(new MemoryCacheOptions())));

    private async Task<ReportSourceData> LoadAsync(ReportKind kind = ReportKind.Annual, int year = 2025)
    {
        await using var db = Db();
        return (await Source(db).LoadAsync(Plan, kind, year, Ct))!;
    }

    internal static ReportDocument Build(ReportSourceData data, string language, ReportKind kind = ReportKind.Annual, ReportImageFormats images = ReportImageFormats.Both) =>
        ReportBuilder.Build(data, new ReportBuildOptions(kind, kind == ReportKind.Annual ? 2025 : data.Plan.EndYear, language, 1,
            ReportText.Get(language, "ReportStatus.Draft"), ReportFixtures.Generated, null, new ScottPlotChartRenderer(), Images: images));

    [Fact]
    public async Task The_indicators_carry_the_figures_and_statuses_of_the_Results_progress_engine()
    {
        var data = await LoadAsync();
        await using var db = Db();
        var planId = await db.Plans.Where(p => p.Code == Plan).Select(p => p.Id).SingleAsync(Ct);
        var progress = (await new ProgressService(db, new MemoryCache(new MemoryCacheOptions())).GetAsync(planId, 2025, Ct))!;
        var indicators = data.Elements.SelectMany(e => e.Indicators).ToList();
        Assert.Equal(progress.Indicators.Count, indicators.Count);
        foreach (var row in progress.Indicators.Values)
        {
            var i = indicators.Single(x => x.Code == row.Code);
            Assert.Equal(row.Actual, i.Actual);
            Assert.Equal(row.Baseline, i.Baseline);
            Assert.Equal(PlanReportSource.Status(row.Status), i.Status);
            Assert.Equal(row.FinalTarget, i.EndTarget);
            Assert.All(i.Series.Where(p => p.Actual is not null), p => Assert.True(p.Year <= 2025));
        }
        Assert.Contains(indicators, i => i.Status == ReportStatus.NoData);
        Assert.Contains(indicators, i => i.Status is ReportStatus.OnTrack or ReportStatus.Achieved);
        Assert.Equal(data.Elements.Count, await db.PlanElements.CountAsync(e => e.PlanId == planId, Ct));
        // Tree order: every element comes after its parent.
        var seen = new HashSet<string>();
        Assert.All(data.Elements, e =>
        {
            Assert.True(e.ParentCode is null || seen.Contains(e.ParentCode), e.Code);
            seen.Add(e.Code);
        });
    }

    [Fact]
    public async Task Resources_are_attributed_and_spent_per_element_and_add_up_to_the_parent()
    {
        var data = await LoadAsync();
        var withResources = data.Elements.Where(e => e.Resources is not null).ToList();
        Assert.NotEmpty(withResources);
        Assert.Contains(withResources, e => e.Resources!.SpentChfThousands > 0);
        foreach (var parent in data.Elements.Where(e => e.Resources is not null))
        {
            var children = data.Elements.Where(c => c.ParentCode == parent.Code && c.Resources is not null).ToList();
            if (children.Count == 0) continue;
            Assert.True(children.Sum(c => c.Resources!.AttributedChfThousands) <= parent.Resources!.AttributedChfThousands, parent.Code);
        }
    }

    [Fact]
    public async Task Main_risks_come_from_the_risk_register_of_their_element()
    {
        var data = await LoadAsync();
        var element = data.Elements.Single(e => e.Code == "TP-D1.O2");
        var risk = Assert.Single(element.Risks, r => r.Code == "R-01");
        Assert.Equal(16, risk.Likelihood * risk.Impact);
        Assert.Contains("Partner2Connect", risk.Mitigation["en"], StringComparison.Ordinal);
        Assert.StartsWith("Élargir la base des donateurs", risk.Mitigation["fr"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_French_demo_report_shows_the_main_risks_and_their_mitigations_in_French()
    {
        var data = await LoadAsync();
        var risks = Build(data, "fr", images: ReportImageFormats.Png).AllTables().Where(t => t.Key.StartsWith("risks:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(risks);
        var r01 = risks.Single(t => t.Key == "risks:TP-D1.O2").Rows.Single(r => r[0].Display("fr").StartsWith("R-01 ", StringComparison.Ordinal));
        Assert.Equal("R-01 Le financement des projets de connectivité rurale est insuffisant", r01[0].Display("fr"));
        Assert.Equal("Élargir la base des donateurs grâce à Partner2Connect ; échelonner les projets.", r01[3].Display("fr"));
        // Every demo risk has its French texts: no gap marker in any risk table.
        Assert.All(risks.SelectMany(t => t.Rows), row => Assert.DoesNotContain("[", row[0].Display("fr") + row[3].Display("fr"), StringComparison.Ordinal));
        var english = Build(data, "en", images: ReportImageFormats.Png).AllTables().Single(t => t.Key == "risks:TP-D1.O2");
        Assert.Equal("Broaden the donor base through Partner2Connect; phase projects.", english.Rows.Single(r => r[0].Display("en").StartsWith("R-01 ", StringComparison.Ordinal))[3].Display("en"));
    }

    [Fact]
    public async Task The_narratives_of_the_demo_report_are_there_for_every_section_in_both_languages()
    {
        var data = await LoadAsync();
        Assert.Contains("second year", data.SummaryNarrative!["en"], StringComparison.Ordinal);
        Assert.All(data.Elements, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Narrative?.GetValueOrDefault("en")), e.Code);
            Assert.False(string.IsNullOrWhiteSpace(e.Narrative?.GetValueOrDefault("fr")), e.Code);
        });
    }

    [Fact]
    public async Task A_year_outside_the_plan_and_a_plan_without_indicators_are_refused_with_clear_errors()
    {
        await using var db = Db();
        var outside = await Assert.ThrowsAsync<ValidationFailedException>(() => Source(db).LoadAsync(Plan, ReportKind.Annual, 2030, Ct));
        Assert.Contains("year", outside.Errors.Keys);
        Assert.Contains("2030", outside.Message, StringComparison.Ordinal);
        var none = await Assert.ThrowsAsync<ValidationFailedException>(() => Source(db).LoadAsync(DemoPlans.ItuDPlanCode, ReportKind.Annual, 2021, Ct));
        Assert.Contains("plan", none.Errors.Keys);
        Assert.Contains(DemoPlans.ItuDPlanCode, none.Message, StringComparison.Ordinal);
        Assert.Null(await Source(db).LoadAsync("NO-SUCH-PLAN", ReportKind.Annual, 2025, Ct));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task The_demo_report_structure_matches_the_golden_file_and_no_narrative_is_missing(string language)
    {
        var report = Build(await LoadAsync(), language);
        var docx = DocxReportWriter.Write(report);
        var outline = ReportFixtures.DocxOutline(docx);
        ReportFixtures.AssertGolden($"demo-{language}.outline.txt", outline);
        // Every section has its narrative (elements without indicators keep their visible notice).
        Assert.DoesNotContain("GAP " + ReportText.Get(language, "MissingNarrative"), outline, StringComparison.Ordinal);
        Assert.Contains("\nFIGURE ", outline, StringComparison.Ordinal);
        Assert.Equal(outline, ReportFixtures.HtmlOutline(HtmlReportWriter.Write(Build(await LoadAsync(), language, images: ReportImageFormats.Svg))));
    }

    [Fact]
    public async Task The_demo_report_as_Word_passes_the_Open_XML_validator_and_its_charts_are_real_PNG_with_alt_text()
    {
        var report = Build(await LoadAsync(), "fr", images: ReportImageFormats.Png);
        var figures = report.Sections.SelectMany(s => s.Blocks).OfType<ReportFigure>().ToList();
        Assert.NotEmpty(figures);
        Assert.Contains(report.AllTables(), t => t.Key.StartsWith("series:", StringComparison.Ordinal));
        Assert.All(figures, f =>
        {
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, f.Png.Take(4));
            Assert.False(string.IsNullOrWhiteSpace(f.AltText));
            Assert.NotEmpty(f.Data.Rows);
        });
        using var doc = WordprocessingDocument.Open(new MemoryStream(DocxReportWriter.Write(report)), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public async Task LibreOffice_converts_the_French_demo_report_and_keeps_its_narratives_figures_and_statuses()
    {
        if (!File.Exists(DocxReportWriterTests.Soffice)) Assert.Skip("LibreOffice is not installed (./test.sh installs Debian's package).");
        var folder = Directory.CreateTempSubdirectory("cadre-demo-lo-");
        try
        {
            var input = Path.Combine(folder.FullName, "demo.docx");
            await File.WriteAllBytesAsync(input, DocxReportWriter.Write(Build(await LoadAsync(), "fr", images: ReportImageFormats.Png)), Ct);
            var output = Path.Combine(folder.FullName, "out");
            await DocxReportWriterTests.ConvertAsync(folder.FullName, input, output, "pdf");
            Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync(Path.Combine(output, "demo.pdf"), Ct)).Take(4));
            await DocxReportWriterTests.ConvertAsync(folder.FullName, input, output, "txt:Text (encoded):UTF8");
            var text = await File.ReadAllTextAsync(Path.Combine(output, "demo.txt"), Ct);
            Assert.Contains("Rapport annuel sur la mise en œuvre du Plan stratégique de l'UIT", text, StringComparison.Ordinal);
            Assert.Contains("deuxième année", text, StringComparison.Ordinal);
            Assert.Contains("Connectivité universelle", text, StringComparison.Ordinal);
            Assert.Contains("Cibles et valeurs atteintes par année", text, StringComparison.Ordinal);
            Assert.Contains("Progression vers la cible", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Texte manquant", text, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_SVG_charts_of_the_HTML_report_are_ScottPlot_drawings_of_each_goal_s_indicators()
    {
        var report = Build(await LoadAsync(), "en", images: ReportImageFormats.Svg);
        var figure = report.Sections.SelectMany(s => s.Blocks).OfType<ReportFigure>().First();
        Assert.Contains("<svg", figure.Svg!, StringComparison.Ordinal);
        Assert.Contains("Progress towards target", figure.Svg, StringComparison.Ordinal);
        Assert.Empty(figure.Png);
        Assert.All(figure.Data.Rows, r => Assert.Contains(r[0].Display("en").Split(' ')[0], figure.Svg, StringComparison.Ordinal));
    }

    [Fact]
    public void The_chart_renderer_draws_a_chart_once_and_hands_back_the_same_image_when_asked_again()
    {
        var renderer = new ScottPlotChartRenderer();
        var chart = new ReportBarChart("Progress of goal 1", ["1.a", "1.b"], [40m, 120m], "Progress", ReportImageFormats.Png);
        var first = renderer.Render(chart);
        var again = renderer.Render(chart with { Labels = ["1.a", "1.b"], ValuesPercent = [40m, 120m] });
        var other = renderer.Render(chart with { ValuesPercent = [41m, 120m] });
        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.Equal(2, renderer.Drawn);
    }

    [Fact]
    public async Task A_missing_narrative_is_a_visible_gap_in_Word_HTML_and_the_workbook()
    {
        var data = await LoadAsync();
        var element = data.Elements.First(e => e.Indicators.Count > 0);
        var elements = data.Elements.Select(e => e.Code == element.Code ? e with { Narrative = new Dictionary<string, string> { ["en"] = "Only English." } } : e).ToList();
        var report = Build(data with { Elements = elements }, "fr", images: ReportImageFormats.Png);
        var marker = ReportText.Get("fr", "MissingNarrative");
        var outline = ReportFixtures.DocxOutline(DocxReportWriter.Write(report));
        Assert.Single(outline.Split('\n'), l => l == "GAP " + marker);
        Assert.Contains("GAP " + marker, ReportFixtures.HtmlOutline(HtmlReportWriter.Write(report)), StringComparison.Ordinal);
        using var book = SpreadsheetDocument.Open(new MemoryStream(XlsxReportWriter.Write(report)), false);
        var texts = book.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.InlineString>()).Select(s => s.InnerText);
        Assert.Single(texts, t => t == marker);
    }

    [Fact]
    public async Task The_evaluation_judges_every_target_achieved_partly_or_not_with_its_trend()
    {
        var data = await LoadAsync(ReportKind.Evaluation, 2027);
        var statuses = data.Elements.SelectMany(e => e.Indicators).Select(i => i.Status).ToList();
        Assert.All(statuses, s => Assert.Contains(s, new[] { ReportStatus.Achieved, ReportStatus.PartlyAchieved, ReportStatus.NotAchieved, ReportStatus.NoData }));
        Assert.Contains(statuses, s => s != ReportStatus.NoData);
        Assert.Contains(data.Elements.SelectMany(e => e.Indicators), i => i.Trend != ReportTrend.Unknown);
        var report = Build(data, "fr", ReportKind.Evaluation, ReportImageFormats.Png);
        var table = report.AllTables().First(t => t.Key.StartsWith("indicators:", StringComparison.Ordinal));
        Assert.Equal(ReportText.Get("fr", "Col.Trend"), table.Header[^1]);
        Assert.StartsWith("Évaluation", report.Metadata.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Direction.Increase, new[] { 10.0, 12.0, 15.0 }, ReportTrend.Improving)]
    [InlineData(Direction.Increase, new[] { 15.0, 12.0, 10.0 }, ReportTrend.Worsening)]
    [InlineData(Direction.Decrease, new[] { 15.0, 12.0, 10.0 }, ReportTrend.Improving)]
    [InlineData(Direction.Decrease, new[] { 10.0, 12.0, 15.0 }, ReportTrend.Worsening)]
    [InlineData(Direction.Increase, new[] { 50.0, 50.1, 50.0 }, ReportTrend.Stable)]
    [InlineData(Direction.Increase, new[] { 50.0 }, ReportTrend.Unknown)]
    public void The_trend_follows_the_slope_of_the_series_and_the_direction(Direction direction, double[] values, ReportTrend expected)
    {
        var points = values.Select((v, k) => (2024 + k, (decimal)v)).ToList();
        Assert.Equal(expected, ReportTrends.Of(direction, null, null, null, null, points));
    }

    [Fact]
    public void For_a_band_moving_towards_its_middle_is_improving()
    {
        Assert.Equal(ReportTrend.Improving, ReportTrends.Of(Direction.Band, 40m, 60m, 90m, 2023, [(2024, 70m), (2025, 55m)]));
        Assert.Equal(ReportTrend.Worsening, ReportTrends.Of(Direction.Band, 40m, 60m, 50m, 2023, [(2024, 70m), (2025, 90m)]));
    }

    [Fact]
    public async Task The_IATI_files_of_the_demo_plan_are_valid_against_the_official_schemas()
    {
        await using var db = Db();
        var files = await new IatiExport(db, Source(db)).ExportAsync(Plan, Ct);
        var org = Cadre.TestSupport.IatiSchemas.Validate(files.Organisation, "iati-organisations-schema.xsd");
        Assert.True(org.Count == 0, string.Join("\n", org));
        var activities = Cadre.TestSupport.IatiSchemas.Validate(files.Activities, "iati-activities-schema.xsd");
        Assert.True(activities.Count == 0, string.Join("\n", activities));
        var doc = System.Xml.Linq.XDocument.Load(new MemoryStream(files.Organisation));
        Assert.Equal(4, doc.Descendants("total-budget").Count());
        Assert.NotEmpty(doc.Descendants("total-expenditure"));
        var acts = System.Xml.Linq.XDocument.Load(new MemoryStream(files.Activities));
        Assert.NotEmpty(acts.Descendants("indicator"));
        Assert.NotEmpty(acts.Descendants("budget"));
        Assert.NotEmpty(acts.Descendants("actual"));
    }

    [Fact]
    public async Task A_draft_plan_is_not_found_for_a_Delegate()
    {
        await using var db = Db(new FixedActor("delegate@test", "u-d", [Roles.Delegate], "CHE"));
        var draft = DemoPlans.OperationalPlanCode;
        Assert.Equal(Cadre.Core.Planning.PlanStatus.Draft, await db.Plans.Where(p => p.Code == draft).Select(p => p.Status).SingleAsync(Ct));
        Assert.Null(await Source(db).LoadAsync(draft, ReportKind.Annual, 2025, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => new IatiExport(db, Source(db)).ExportAsync(draft, Ct));
    }
}
