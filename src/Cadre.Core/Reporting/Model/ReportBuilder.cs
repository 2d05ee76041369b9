using System.Globalization;
using Cadre.Core.Common;

namespace Cadre.Core.Reporting.Model;

/// <summary>How to build a report from its source data.</summary>
/// <param name="StatusLabel">The workflow status printed on the report (e.g. "Draft").</param>
/// <param name="Narratives">Stored narratives: section key → language → text (paragraphs separated by blank lines).
/// They take precedence over the source's own narratives.</param>
/// <param name="Charts">Draws the progress charts; null leaves the figures out (their tables stay).</param>
/// <param name="FigureMaxDepth">Charts for elements down to this depth (0 = the top level only).</param>
/// <param name="SeriesMaxDepth">Line charts of each indicator's series for elements down to this depth (-1: none).</param>
/// <param name="Images">The images drawn for the charts (PNG for Word, SVG for the web page).</param>
public sealed record ReportBuildOptions(
    ReportKind Kind,
    int Year,
    string Language,
    int Version,
    string StatusLabel,
    DateTime GeneratedAtUtc,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? Narratives = null,
    IReportChartRenderer? Charts = null,
    int FigureMaxDepth = 1,
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
        state.SeriesImages = RenderSeries(data, options);
        var sections = new List<ReportSection> { Summary(data, state) };
        var subtreeHasIndicators = SubtreeIndicators(data.Elements);
        foreach (var element in data.Elements)
        {
            sections.Add(ElementSection(element, subtreeHasIndicators[element.Code], state));
        }
        return new ReportDocument(metadata, sections);
    }

    private sealed class State(ReportBuildOptions options)
    {
        public ReportBuildOptions Options { get; } = options;
        public string Lang => Options.Language;
        public int Tables { get; set; }
        public int Figures { get; set; }
        public Dictionary<string, ReportChartImage> SeriesImages { get; set; } = [];

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

    private static Dictionary<string, int> SubtreeIndicators(IReadOnlyList<ReportElementData> elements)
    {
        var counts = elements.ToDictionary(e => e.Code, e => e.Indicators.Count, StringComparer.Ordinal);
        // Tree order puts children after parents: walk backwards to add each child's count to its parent.
        for (var i = elements.Count - 1; i >= 0; i--)
        {
            var e = elements[i];
            if (e.ParentCode is not null && counts.ContainsKey(e.ParentCode)) counts[e.ParentCode] += counts[e.Code];
        }
        return counts;
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
            var rows = new List<IReadOnlyList<ReportCell>>();
            foreach (var top in tops)
            {
                var indicators = byTop.GetValueOrDefault(top.Code) ?? [];
                var row = new List<ReportCell> { new TextCell(ElementLabel(top, lang)), new NumberCell(indicators.Count) };
                row.AddRange(statuses.Select(st => (ReportCell)new NumberCell(indicators.Count(i => Normalize(i.Status, s.Options.Kind) == st))));
                rows.Add(row);
            }
            var levelName = tops.Count > 0 ? ReportText.Pick(tops[0].LevelName, lang) : s.L("Col.Element");
            var header = new List<string> { s.L("Col.Element"), s.L("Col.Indicators") };
            header.AddRange(statuses.Select(st => ReportText.Status(lang, st)));
            blocks.Add(new ReportTable("summary", s.TableCaption(ReportText.Format(lang, "SummaryCaption", levelName.ToLower(ReportText.Culture(lang)))), header, rows));
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

    private static ReportSection ElementSection(ReportElementData e, int subtreeIndicators, State s)
    {
        var lang = s.Lang;
        var name = ReportText.Pick(e.LevelName, lang) + " " + e.Code;
        var heading = name + s.L("Colon") + ReportText.Pick(e.Title, lang);
        var blocks = new List<ReportBlock>();
        if (e.Indicators.Count > 0)
        {
            blocks.Add(IndicatorTable(e, name, s));
            if (s.Options.Charts is not null && e.Depth <= s.Options.FigureMaxDepth && e.Indicators.Any(i => Progress(i) is not null))
            {
                blocks.Add(ProgressFigure(e, name, s));
            }
            foreach (var i in e.Indicators)
            {
                if (s.SeriesImages.TryGetValue(i.Code, out var image)) blocks.Add(SeriesFigure(i, image, s));
            }
        }
        else if (subtreeIndicators == 0)
        {
            blocks.Add(new ReportNotice(s.L("NoIndicatorsElement")));
        }
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
                    new TextCell(k.Code + " " + ReportText.Pick(k.Title, lang)), new NumberCell(k.Likelihood), new NumberCell(k.Impact),
                    new TextCell(ReportText.Pick(k.Mitigation, lang)),
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

    private static ReportFigure ProgressFigure(ReportElementData e, string name, State s)
    {
        var lang = s.Lang;
        var labels = e.Indicators.Select(i => i.Code).ToList();
        var values = e.Indicators.Select(Progress).ToList();
        var caption = s.FigureCaption(ReportText.Format(lang, "Figure.Progress", name));
        var chart = new ReportBarChart(caption, labels, values.Select(v => v ?? 0m).ToList(), s.L("Col.Progress"), s.Options.Images);
        var image = s.Options.Charts!.Render(chart);
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        var alt = ReportText.Format(lang, "Figure.Alt", e.Indicators.Count, name,
            new PercentCell(known.Count == 0 ? 0 : known.Min()).Display(lang), new PercentCell(known.Count == 0 ? 0 : known.Max()).Display(lang));
        var rows = e.Indicators.Select((i, k) => (IReadOnlyList<ReportCell>)
        [
            new TextCell(IndicatorLabel(i, lang)), Value(i.Baseline), Value(i.Target), Value(i.Actual),
            values[k] is { } p ? new PercentCell(p) : EmptyCell.Instance,
        ]).ToList();
        var data = new ReportTable("figure:" + e.Code, s.TableCaption(ReportText.Format(lang, "Caption.FigureData", caption)),
            [s.L("Col.Indicator"), s.L("Col.Baseline"), s.L("Col.Target"), s.L("Col.Actual"), s.L("Col.Progress")], rows);
        return new ReportFigure("figure:" + e.Code, caption, alt, image.Png, image.WidthPx, image.HeightPx, image.Svg, data);
    }

    /// <summary>True when an indicator has something to draw over the years.</summary>
    private static bool HasSeries(ReportIndicatorData i) => i.Series.Any(p => p.Actual is not null);

    /// <summary>
    /// Draws the line chart of every indicator (down to <see cref="ReportBuildOptions.SeriesMaxDepth"/>) that has
    /// actual values, before the document is assembled, on several threads: each chart is independent.
    /// </summary>
    private static Dictionary<string, ReportChartImage> RenderSeries(ReportSourceData data, ReportBuildOptions o)
    {
        var result = new Dictionary<string, ReportChartImage>(StringComparer.Ordinal);
        if (o.Charts is null || o.SeriesMaxDepth < 0) return result;
        var lang = o.Language;
        var specs = data.Elements.Where(e => e.Depth <= o.SeriesMaxDepth).SelectMany(e => e.Indicators).Where(HasSeries)
            .Select(i => (i.Code, Chart: new ReportSeriesChart(
                IndicatorLabel(i, lang), lang, i.Unit, ReportText.Get(lang, "Chart.Actual"), ReportText.Get(lang, "Chart.YearTarget"),
                ReportText.Get(lang, "Chart.Baseline"), ReportText.Get(lang, "Chart.EndTarget"), i.Baseline, i.EndTarget ?? i.Target, i.Series, o.Images)))
            .ToList();
        var images = new ReportChartImage?[specs.Count];
        Parallel.For(0, specs.Count, k => images[k] = o.Charts.RenderSeries(specs[k].Chart));
        for (var k = 0; k < specs.Count; k++)
        {
            if (images[k] is { } image) result[specs[k].Code] = image;
        }
        return result;
    }

    private static ReportFigure SeriesFigure(ReportIndicatorData i, ReportChartImage image, State s)
    {
        var lang = s.Lang;
        var label = IndicatorLabel(i, lang);
        var caption = s.FigureCaption(ReportText.Format(lang, "Figure.Series", label));
        var years = i.Series.Select(p => p.Year).ToList();
        var none = s.L("NoValue");
        var alt = ReportText.Format(lang, "Figure.SeriesAlt", label, i.Unit, years.Min(), years.Max(),
            i.Baseline is { } b ? Value(b).Display(lang) : none, (i.EndTarget ?? i.Target) is { } t ? Value(t).Display(lang) : none);
        var rows = new List<IReadOnlyList<ReportCell>>();
        if (i.Baseline is { } baseline)
        {
            rows.Add([new TextCell(s.L("Chart.Baseline") + (i.BaselineYear is { } by ? " (" + by.ToString(CultureInfo.InvariantCulture) + ")" : "")),
                EmptyCell.Instance, Value(baseline)]);
        }
        foreach (var p in i.Series)
        {
            rows.Add([new TextCell(p.Year.ToString(CultureInfo.InvariantCulture)), Value(p.Target), Value(p.Actual)]);
        }
        if ((i.EndTarget ?? i.Target) is { } end) rows.Add([new TextCell(s.L("Chart.EndTarget")), Value(end), EmptyCell.Instance]);
        var table = new ReportTable("series:" + i.Code, s.TableCaption(ReportText.Format(lang, "Caption.FigureData", caption)),
            [s.L("Col.Year"), s.L("Col.YearTarget"), s.L("Col.Actual")], rows);
        return new ReportFigure("series:" + i.Code, caption, alt, image.Png, image.WidthPx, image.HeightPx, image.Svg, table);
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
