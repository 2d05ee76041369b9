namespace Cadre.Core.Reporting.Model;

/// <summary>
/// What a report needs from the other areas, as plain data: the plan's framework elements in tree order and,
/// per element, its indicators (baseline, target, actual, status, series), the resources attributed and spent,
/// the main risks and the narrative. Implemented on Results, Finance and Operations once they exist (not yet:
/// see docs/reporting.md); <see cref="SampleReportSource"/> serves tests and the benchmark meanwhile.
/// </summary>
public interface IReportSource
{
    /// <summary>The data for <paramref name="planCode"/> and <paramref name="year"/> (the last year of the period
    /// for an evaluation); null when the plan does not exist.</summary>
    Task<ReportSourceData?> LoadAsync(string planCode, ReportKind kind, int year, CancellationToken ct = default);
}

/// <summary>The plan and its elements, in tree order (each element after its parent).</summary>
/// <param name="SummaryNarrative">The narrative of the summary section per language, if the source holds one;
/// the report's own stored narratives take precedence.</param>
public sealed record ReportSourceData(ReportPlanData Plan, IReadOnlyList<ReportElementData> Elements,
    IReadOnlyDictionary<string, string>? SummaryNarrative = null);

/// <param name="Title">Title per language ("en", "fr"...).</param>
public sealed record ReportPlanData(
    string Code,
    IReadOnlyDictionary<string, string> Title,
    string OriginalLanguage,
    int StartYear,
    int EndYear);

/// <summary>A framework element (strategic goal, target, thematic priority, outcome...).</summary>
/// <param name="LevelName">The level's name per language ("Strategic goal", "But stratégique").</param>
/// <param name="Depth">0 for the top of the tree.</param>
/// <param name="Narrative">The responsible unit's narrative per language, if the source holds one; the
/// report's own stored narratives take precedence.</param>
public sealed record ReportElementData(
    string Code,
    string? ParentCode,
    int Depth,
    string LevelCode,
    IReadOnlyDictionary<string, string> LevelName,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyList<ReportIndicatorData> Indicators,
    ReportResourcesData? Resources,
    IReadOnlyList<ReportRiskData> Risks,
    IReadOnlyDictionary<string, string>? Narrative = null);

/// <summary>Direction of an indicator: whether a higher value is better.</summary>
public enum IndicatorDirection
{
    Increase,
    Decrease,
}

public enum ReportTrend
{
    Unknown,
    Improving,
    Stable,
    Worsening,
}

/// <summary>An indicator with its figures for the report's year (or the period, for an evaluation).</summary>
/// <param name="Status">Computed by Results' progress engine; the report never recomputes it.</param>
/// <param name="Series">Yearly targets and actuals, for the progress chart.</param>
/// <param name="EndTarget">The end-of-plan target (drawn as the target line of the indicator's chart).</param>
/// <param name="ActualYear">The year the <paramref name="Actual"/> value is for (it may be older than the report's year).</param>
public sealed record ReportIndicatorData(
    string Code,
    IReadOnlyDictionary<string, string> Title,
    string Unit,
    IndicatorDirection Direction,
    decimal? Baseline,
    int? BaselineYear,
    decimal? Target,
    decimal? Actual,
    ReportStatus Status,
    ReportTrend Trend,
    IReadOnlyList<ReportIndicatorPoint> Series,
    decimal? EndTarget = null,
    int? ActualYear = null);

public sealed record ReportIndicatorPoint(int Year, decimal? Target, decimal? Actual);

/// <summary>Resources attributed to an element and spent in the year, in thousands of CHF.</summary>
public sealed record ReportResourcesData(decimal AttributedChfThousands, decimal SpentChfThousands);

/// <summary>A main risk of an element, from the risk register.</summary>
/// <param name="Likelihood">1 (rare) to 5 (almost certain).</param>
/// <param name="Impact">1 (minor) to 5 (severe).</param>
public sealed record ReportRiskData(
    string Code,
    IReadOnlyDictionary<string, string> Title,
    int Likelihood,
    int Impact,
    IReadOnlyDictionary<string, string> Mitigation);
