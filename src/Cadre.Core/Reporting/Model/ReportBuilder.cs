using System.Globalization;
using Cadre.Core.Common;

namespace Cadre.Core.Reporting.Model;

/// <summary>How to build a report from its source data.</summary>
/// <param name="StatusLabel">The workflow status printed on the report (e.g. "Draft").</param>
/// <param name="Narratives">Stored narratives: section key → language → text (paragraphs separated by blank lines).
/// They take precedence over the source's own narratives.</param>
/// <param name="Charts">Draws the progress charts; null leaves the figures out (their tables stay).</param>
/// <param name="FigureMaxDepth">A progress chart, summarising the indicators of the element and of every element under
/// it, for elements down to this depth (0 = the top level only: one chart per strategic goal, thematic priority...).</param>
/// <param name="SeriesMaxDepth">The table of the yearly targets and actuals of an element's indicators, for elements
/// down to this depth (-1: none).</param>
/// <param name="Images">The images drawn for the charts (PNG for Word; the web page takes the same PNG, or SVG).</param>
public sealed record ReportBuildOptions(
    ReportKind Kind,
    int Year,
    string Language,
    int Version,
    string StatusLabel,
    DateTime GeneratedAtUtc,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? Narratives = null,
    IReportChartRenderer? Charts = null,
    int FigureMaxDepth = 0,
    int SeriesMaxDepth = 1,
    ReportImageFormats Images = ReportImageFormats.Both);

/// <summary>
/// Turns the source data (figures from Results and Finance) into the neutral report: a summary, then one
/// section per framework element in tree order with its narrative, indicators, chart, resources and risks.
/// Pure: no database, no clock. Figures are inserted from the data, never retyped.
/// </summary>
public static class ReportBuilder
{
    public const string SummaryKey = "summary";

    public static string ElementKey(string code) => "element:" + code;

    public static ReportDocument Build(ReportSourceData data, ReportBuildOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var plan = data.Plan;
        if (options.Year < plan.StartYear || options.Year > plan.EndYear)
        {
            throw new ValidationFailedException("year", Messages.Format("Error.Report.YearOutsidePlan", options.Year, plan.StartYear, plan.EndYear));
        }
        var lang = options.Language;
        var planTitle = ReportText.Pick(plan.Title, lang);
        var title = options.Kind == ReportKind.Annual
            ? ReportText.Format(lang, "Title.Annual", planTitle, options.Year)
            : ReportText.Format(lang, "Title.Evaluation", planTitle, plan.StartYear, plan.EndYear);
        var metadata = new ReportMetadata(plan.Code, planTitle, options.Kind, options.Year, lang, options.Version,
            options.StatusLabel, title, options.GeneratedAtUtc);

        var state = new State(options);
        var subtrees = SubtreeIndicators(data.Elements);
        state.Charts = RenderCharts(data, subtrees, options);
        var sections = new List<ReportSection> { Summary(data, state) };
        foreach (var element in data.Elements)
        {
            sections.Add(ElementSection(element, subtrees[element.Code], state));
        }
        return new ReportDocument(metadata, sections);
    }

    private sealed class State(ReportBuildOptions options)
    {
        public ReportBuildOptions Options { get; } = options;
        public string Lang => Options.Language;
        public int Tables { get; set; }
        public int Figures { get; set; }
        /// <summary>The progress charts drawn before the document is assembled, by element code.</summary>
        public Dictionary<string, (ReportChartImage Image, List<ReportIndicatorData> Indicators)> Charts { get; set; } = [];

        public string TableCaption(string text) => ReportText.Format(Lang, "TableNumber", ++Tables, text);

        public string FigureCaption(string text) => ReportText.Format(Lang, "FigureNumber", ++Figures, text);

        public string L(string key) => ReportText.Get(Lang, key);

        public ReportNarrative Narrative(string key, IReadOnlyDictionary<string, string>? fromSource)
        {
            var merged = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (k, v) in fromSource ?? new Dictionary<string, string>()) merged[k] = v;
            if (Options.Narratives is not null && Options.Narratives.TryGetValue(key, out var stored))
            {
                foreach (var (k, v) in stored)
                {
                    if (!string.IsNullOrWhiteSpace(v)) merged[k] = v;
                }
            }
            return ReportNarrative.FromTexts(merged);
        }
    }

    /// <summary>The indicators of each element and of every element under it, in tree order.</summary>
    private static Dictionary<string, List<ReportIndicatorData>> SubtreeIndicators(IReadOnlyList<ReportElementData> elements)
    {
        var lists = elements.ToDictionary(e => e.Code, e => new List<ReportIndicatorData>(), StringComparer.Ordinal);
        var ancestors = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var e in elements)
        {
            ancestors[e.Code] = e.ParentCode is not null && lists.ContainsKey(e.ParentCode) ? e.ParentCode : null;
            // Tree order puts an element after its parent: add its indicators to itself and every ancestor.
            for (string? code = e.Code; code is not null; code = ancestors[code])
            {
                lists[code].AddRange(e.Indicators);
            }
        }
        return lists;
    }

    private static ReportSection Summary(ReportSourceData data, State s)
    {
        var lang = s.Lang;
        var blocks = new List<ReportBlock>();
        var total = data.Elements.Sum(e => e.Indicators.Count);
        if (total == 0)
        {
            blocks.Add(new ReportNotice(s.L("NoIndicatorsPlan")));
        }
        else
        {
            var statuses = s.Options.Kind == ReportKind.Annual
                ? new[] { ReportStatus.OnTrack, ReportStatus.AtRisk, ReportStatus.OffTrack, ReportStatus.NoData }
                : [ReportStatus.Achieved, ReportStatus.PartlyAchieved, ReportStatus.NotAchieved, ReportStatus.NoData];
            var tops = data.Elements.Where(e => e.Depth == 0).ToList();
            var byTop = new Dictionary<string, List<ReportIndicatorData>>(StringComparer.Ordinal);
            var topOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var e in data.Elements)
            {
                var top = e.ParentCode is not null && topOf.TryGetValue(e.ParentCode, out var t) ? t : e.Code;
                topOf[e.Code] = top;
                if (!byTop.TryGetValue(top, out var list)) byTop[top] = list = [];
                list.AddRange(e.Indicators);
            }
            // One table per framework level found at the top of the tree (strategic goals, thematic priorities,
            // enablers...), each under its own level's name, in the order the levels first appear.
            foreach (var group in tops.GroupBy(t => t.LevelCode, StringComparer.Ordinal))
            {
                var rows = new List<IReadOnlyList<ReportCell>>();
                foreach (var top in group)
                {
                    var indicators = byTop.GetValueOrDefault(top.Code) ?? [];
                    var row = new List<ReportCell> { new TextCell(ElementLabel(top, lang)), new NumberCell(indicators.Count) };
                    row.AddRange(statuses.Select(st => (ReportCell)new NumberCell(indicators.Count(i => Normalize(i.Status, s.Options.Kind) == st))));
                    rows.Add(row);
                }
                var levelName = ReportText.Pick(group.First().LevelName, lang);
                var header = new List<string> { levelName, s.L("Col.Indicators") };
                header.AddRange(statuses.Select(st => ReportText.Status(lang, st)));
                blocks.Add(new ReportTable("summary:" + group.Key, s.TableCaption(ReportText.Format(lang, "SummaryCaption", levelName.ToLower(ReportText.Culture(lang)))), header, rows));
            }
        }
        return new ReportSection(SummaryKey, 1, s.L("Summary"), s.Narrative(SummaryKey, data.SummaryNarrative), blocks);
    }

    /// <summary>An evaluation speaks of achievement; an annual report of progress. A source status of the other
    /// kind is shown as given; only counting maps it.</summary>
    private static ReportStatus Normalize(ReportStatus status, ReportKind kind) => (kind, status) switch
    {
        (ReportKind.Annual, ReportStatus.Achieved) => ReportStatus.OnTrack,
        (ReportKind.Annual, ReportStatus.PartlyAchieved) => ReportStatus.AtRisk,
        (ReportKind.Annual, ReportStatus.NotAchieved) => ReportStatus.OffTrack,
        (ReportKind.Evaluation, ReportStatus.OnTrack) => ReportStatus.Achieved,
        (ReportKind.Evaluation, ReportStatus.AtRisk) => ReportStatus.PartlyAchieved,
        (ReportKind.Evaluation, ReportStatus.OffTrack) => ReportStatus.NotAchieved,
        _ => status,
    };

    private static string ElementLabel(ReportElementData e, string lang) => e.Code + " " + ReportText.Pick(e.Title, lang);

    private static string IndicatorLabel(ReportIndicatorData i, string lang) => i.Code + " " + ReportText.Pick(i.Title, lang);

    private static ReportSection ElementSection(ReportElementData e, List<ReportIndicatorData> subtree, State s)
    {
        var lang = s.Lang;
        var name = ReportText.Pick(e.LevelName, lang) + " " + e.Code;
        var heading = name + s.L("Colon") + ReportText.Pick(e.Title, lang);
        var blocks = new List<ReportBlock>();
        if (e.Indicators.Count > 0) blocks.Add(IndicatorTable(e, name, s));
        else if (subtree.Count == 0) blocks.Add(new ReportNotice(s.L("NoIndicatorsElement")));
        if (s.Charts.TryGetValue(e.Code, out var chart)) blocks.Add(ProgressFigure(e, name, chart.Indicators, chart.Image, s));
        if (e.Depth <= s.Options.SeriesMaxDepth && e.Indicators.Any(HasSeries)) blocks.Add(SeriesTable(e, name, s));
        if (e.Resources is { } r)
        {
            var rate = r.AttributedChfThousands == 0 ? (ReportCell)EmptyCell.Instance
                : new PercentCell(Math.Round(r.SpentChfThousands / r.AttributedChfThousands * 100m, 1, MidpointRounding.AwayFromZero), 1);
            blocks.Add(new ReportTable("resources:" + e.Code, s.TableCaption(ReportText.Format(lang, "Caption.Resources", name)),
                [s.L("Col.Element"), s.L("Col.Attributed"), s.L("Col.Spent"), s.L("Col.ExecutionRate")],
                [[new TextCell(e.Code), new AmountCell(r.AttributedChfThousands), new AmountCell(r.SpentChfThousands), rate]]));
        }
        if (e.Risks.Count > 0)
        {
            blocks.Add(new ReportTable("risks:" + e.Code, s.TableCaption(ReportText.Format(lang, "Caption.Risks", name)),
                [s.L("Col.Risk"), s.L("Col.Likelihood"), s.L("Col.Impact"), s.L("Col.Mitigation")],
                e.Risks.Select(k => (IReadOnlyList<ReportCell>)
                [
                    new TextCell(k.Code + " " + ReportText.PickMarked(k.Title, lang, null)), new NumberCell(k.Likelihood), new NumberCell(k.Impact),
                    new TextCell(ReportText.PickMarked(k.Mitigation, lang, "MissingMitigation")),
                ]).ToList()));
        }
        var level = Math.Min(e.Depth + 1, 3);
        return new ReportSection(ElementKey(e.Code), level, heading, s.Narrative(ElementKey(e.Code), e.Narrative), blocks);
    }

    private static ReportTable IndicatorTable(ReportElementData e, string name, State s)
    {
        var lang = s.Lang;
        var evaluation = s.Options.Kind == ReportKind.Evaluation;
        var header = new List<string> { s.L("Col.Indicator"), s.L("Col.Unit"), s.L("Col.Baseline"), s.L("Col.Target"), s.L("Col.Actual"), s.L("Col.Status") };
        if (evaluation) header.Add(s.L("Col.Trend"));
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var i in e.Indicators)
        {
            var status = Normalize(i.Status, s.Options.Kind);
            var row = new List<ReportCell>
            {
                new TextCell(IndicatorLabel(i, lang)), new TextCell(i.Unit), Value(i.Baseline), Value(i.Target), Value(i.Actual),
                new StatusCell(status, ReportText.Status(lang, status)),
            };
            if (evaluation) row.Add(new TextCell(ReportText.Trend(lang, i.Trend)));
            rows.Add(row);
        }
        return new ReportTable("indicators:" + e.Code, s.TableCaption(ReportText.Format(lang, "Caption.Indicators", name)), header, rows);
    }

    /// <summary>The bar chart of an element's indicators and those of the elements under it (or null: nothing to draw).</summary>
    private static ReportBarChart? ProgressChart(ReportElementData e, List<ReportIndicatorData> indicators, ReportBuildOptions o)
    {
        if (indicators.Count == 0 || !indicators.Any(i => Progress(i) is not null)) return null;
        var lang = o.Language;
        var name = ReportText.Pick(e.LevelName, lang) + " " + e.Code;
        // The caption's number is given when the figure is placed; the chart's own title has none.
        var title = ReportText.Format(lang, indicators.Count == e.Indicators.Count ? "Figure.Progress" : "Figure.ProgressSubtree", name);
        return new ReportBarChart(title, indicators.Select(i => i.Code).ToList(), indicators.Select(i => Progress(i) ?? 0m).ToList(),
            ReportText.Get(lang, "Col.Progress"), o.Images);
    }

    /// <summary>
    /// Draws the progress chart of every element down to <see cref="ReportBuildOptions.FigureMaxDepth"/> (by default
    /// one per top-level element, summarising its whole subtree) before the document is assembled, on several threads:
    /// each chart is independent and the renderer is thread-safe.
    /// </summary>
    private static Dictionary<string, (ReportChartImage, List<ReportIndicatorData>)> RenderCharts(
        ReportSourceData data, Dictionary<string, List<ReportIndicatorData>> subtrees, ReportBuildOptions o)
    {
        var result = new Dictionary<string, (ReportChartImage, List<ReportIndicatorData>)>(StringComparer.Ordinal);
        if (o.Charts is null || o.FigureMaxDepth < 0) return result;
        var specs = data.Elements.Where(e => e.Depth <= o.FigureMaxDepth)
            .Select(e => (e.Code, Indicators: subtrees[e.Code], Chart: ProgressChart(e, subtrees[e.Code], o)))
            .Where(x => x.Chart is not null).ToList();
        var images = new ReportChartImage[specs.Count];
        Parallel.For(0, specs.Count, k => images[k] = o.Charts.Render(specs[k].Chart!));
        for (var k = 0; k < specs.Count; k++) result[specs[k].Code] = (images[k], specs[k].Indicators);
        return result;
    }

    private static ReportFigure ProgressFigure(ReportElementData e, string name, List<ReportIndicatorData> indicators, ReportChartImage image, State s)
    {
        var lang = s.Lang;
        var values = indicators.Select(Progress).ToList();
        var caption = s.FigureCaption(ReportText.Format(lang, indicators.Count == e.Indicators.Count ? "Figure.Progress" : "Figure.ProgressSubtree", name));
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        var alt = ReportText.Format(lang, "Figure.Alt", indicators.Count, name,
            new PercentCell(known.Count == 0 ? 0 : known.Min()).Display(lang), new PercentCell(known.Count == 0 ? 0 : known.Max()).Display(lang));
        var rows = indicators.Select((i, k) => (IReadOnlyList<ReportCell>)
        [
            new TextCell(IndicatorLabel(i, lang)), Value(i.Baseline), Value(i.Target), Value(i.Actual),
            values[k] is { } p ? new PercentCell(p) : EmptyCell.Instance,
        ]).ToList();
        var data = new ReportTable("figure:" + e.Code, s.TableCaption(ReportText.Format(lang, "Caption.FigureData", caption)),
            [s.L("Col.Indicator"), s.L("Col.Baseline"), s.L("Col.Target"), s.L("Col.Actual"), s.L("Col.Progress")], rows);
        return new ReportFigure("figure:" + e.Code, caption, alt, image.Png, image.WidthPx, image.HeightPx, image.Svg, data);
    }

    /// <summary>True when an indicator has something to show over the years.</summary>
    private static bool HasSeries(ReportIndicatorData i) => i.Series.Count > 0;

    /// <summary>
    /// The yearly targets and actuals of an element's indicators in one compact table (two rows per indicator:
    /// the targets with the end target, the actuals with the baseline), instead of a chart per indicator.
    /// </summary>
    private static ReportTable SeriesTable(ReportElementData e, string name, State s)
    {
        var lang = s.Lang;
        var indicators = e.Indicators.Where(HasSeries).ToList();
        var years = indicators.SelectMany(i => i.Series).Select(p => p.Year).Distinct().Order().ToList();
        var header = new List<string> { s.L("Col.Indicator"), s.L("Col.Values"), s.L("Col.Baseline") };
        header.AddRange(years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        header.Add(s.L("Col.EndTarget"));
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var i in indicators)
        {
            var label = new TextCell(IndicatorLabel(i, lang));
            var byYear = i.Series.GroupBy(p => p.Year).ToDictionary(g => g.Key, g => g.First());
            var targets = new List<ReportCell> { label, new TextCell(s.L("Col.YearTarget")), EmptyCell.Instance };
            targets.AddRange(years.Select(y => byYear.TryGetValue(y, out var p) ? Value(p.Target) : EmptyCell.Instance));
            targets.Add(Value(i.EndTarget ?? i.Target));
            var actuals = new List<ReportCell> { label, new TextCell(s.L("Col.Actual")), Value(i.Baseline) };
            actuals.AddRange(years.Select(y => byYear.TryGetValue(y, out var p) ? Value(p.Actual) : EmptyCell.Instance));
            actuals.Add(EmptyCell.Instance);
            rows.Add(targets);
            rows.Add(actuals);
        }
        return new ReportTable("series:" + e.Code, s.TableCaption(ReportText.Format(lang, "Caption.Series", name)), header, rows);
    }

    /// <summary>Progress from the baseline (or zero) to the target, in percent, between 0 and 200.</summary>
    public static decimal? Progress(ReportIndicatorData i)
    {
        if (i.Actual is not { } actual || i.Target is not { } target) return null;
        var start = i.Baseline ?? 0m;
        if (target == start) return actual == target ? 100m : null;
        var p = (actual - start) / (target - start) * 100m;
        return Math.Round(Math.Clamp(p, 0m, 200m), 0, MidpointRounding.AwayFromZero);
    }

    private static ReportCell Value(decimal? v)
    {
        if (v is null) return EmptyCell.Instance;
        var decimals = Math.Min(2, (int)((decimal.GetBits(v.Value / 1.000000000000000000000000000000000m)[3] >> 16) & 0xFF));
        return new NumberCell(v.Value, decimals);
    }

    internal static string Invariant(decimal v) => v.ToString(CultureInfo.InvariantCulture);
}
