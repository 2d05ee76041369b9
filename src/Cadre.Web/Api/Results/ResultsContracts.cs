using Cadre.Core.Results;
using Cadre.Core.Results.Handlers;
using Cadre.Web.Api.Planning;

namespace Cadre.Web.Api.Results;

// The JSON shapes of the Results API. A dimension value is written "dimension:value", e.g. "itu-region:africa" or "sex:female".
// Periods: "2025" (annual), "2025-Q2" (quarterly), or one of the indicator's custom periods (each starting with its year).

/// <summary>A target of an indicator.</summary>
/// <param name="Period">The period; null for the end of the plan.</param>
/// <param name="DimensionValue">Optional dimension value, e.g. "sex:female".</param>
/// <param name="Value">The target value.</param>
public sealed record TargetBody(string? Period, string? DimensionValue, decimal Value);

/// <summary>An indicator to create or replace. Targets and dimensions given replace the previous ones.</summary>
/// <param name="ElementId">The plan element the indicator measures.</param>
/// <param name="Code">Code unique within the plan.</param>
/// <param name="Name">Name per language, at least one.</param>
/// <param name="Definition">Definition per language.</param>
/// <param name="Measure">number, percentage, currency, milestone (yes/no) or qualitative (rating 0-3).</param>
/// <param name="Unit">Unit label, e.g. "people".</param>
/// <param name="Currency">ISO 4217 code for currency indicators.</param>
/// <param name="Direction">increase, decrease or band.</param>
/// <param name="BandLow">Lower bound of the band.</param>
/// <param name="BandHigh">Upper bound of the band.</param>
/// <param name="BaselineValue">Baseline value.</param>
/// <param name="BaselineYear">Baseline year.</param>
/// <param name="EndTarget">End-of-plan target.</param>
/// <param name="Frequency">annual, quarterly or custom.</param>
/// <param name="CustomPeriods">The custom periods, each starting with its year (e.g. 2025-H1).</param>
/// <param name="Cumulative">True when each value is a running total.</param>
/// <param name="DataSource">Where the figures come from.</param>
/// <param name="ResponsibleUnit">The unit responsible, e.g. BDT.</param>
/// <param name="OwnerUserId">The Reporter's user id.</param>
/// <param name="ValidatorUserId">The Validator's user id.</param>
/// <param name="Weight">Weight among the element's indicators (default 1).</param>
/// <param name="Dimensions">Dimension codes: sex, itu-region, income-group or custom ones.</param>
/// <param name="Targets">Targets per period (and dimension value).</param>
/// <param name="Version">The version last read (required when replacing).</param>
public sealed record IndicatorBody(
    int ElementId, string Code, Dictionary<string, string?> Name, Dictionary<string, string?>? Definition = null,
    Measure Measure = Measure.Number, string? Unit = null, string? Currency = null, Direction Direction = Direction.Increase,
    decimal? BandLow = null, decimal? BandHigh = null, decimal? BaselineValue = null, int? BaselineYear = null, decimal? EndTarget = null,
    Frequency Frequency = Frequency.Annual, List<string>? CustomPeriods = null, bool Cumulative = false, string? DataSource = null,
    string? ResponsibleUnit = null, string? OwnerUserId = null, string? ValidatorUserId = null, decimal Weight = 1m,
    List<string>? Dimensions = null, List<TargetBody>? Targets = null, int? Version = null);

public sealed record IndicatorSummaryResponse(
    int Id, int PlanId, int ElementId, string ElementCode, string Code, Dictionary<string, string> Name, Measure Measure, string? Unit, Direction Direction,
    Frequency Frequency, decimal? BaselineValue, int? BaselineYear, decimal? EndTarget, string? ResponsibleUnit, string? OwnerUserId, string? ValidatorUserId,
    decimal Weight, int Version);

public sealed record IndicatorPageResponse(IReadOnlyList<IndicatorSummaryResponse> Items, int Page, int PageSize, int Total, int PageCount);

public sealed record DimensionValueResponse(int Id, string Code, Dictionary<string, string> Name, string Key);

public sealed record DimensionResponse(int Id, string Code, Dictionary<string, string> Name, bool IsStandard, IReadOnlyList<DimensionValueResponse> Values);

/// <summary>A value of a custom dimension: its code (fixed once stored) and its name per language.</summary>
public sealed record DimensionValueBody(string? Code, Dictionary<string, string?>? Name);

/// <summary>A custom dimension: its name per language and its values (values are added or renamed, never removed).</summary>
public sealed record DimensionBody(Dictionary<string, string?>? Name, IReadOnlyList<DimensionValueBody>? Values);

/// <summary>A plan's status thresholds, as shares of achievement (0.9 = 90%).</summary>
public sealed record ThresholdsBody(decimal OnTrack, decimal AtRisk, int? Version = null);

/// <summary>A plan's status thresholds; Version is null while the plan uses the defaults.</summary>
public sealed record ThresholdsSettingsResponse(decimal OnTrack, decimal AtRisk, int? Version);

public sealed record TargetResponse(string? Period, int Year, string? DimensionValue, decimal Value);

public sealed record IndicatorResponse(
    int Id, int PlanId, string PlanCode, int ElementId, string ElementCode, string Code, Dictionary<string, string> Name, Dictionary<string, string> Definition,
    Measure Measure, string? Unit, string? Currency, Direction Direction, decimal? BandLow, decimal? BandHigh, decimal? BaselineValue, int? BaselineYear,
    decimal? EndTarget, Frequency Frequency, IReadOnlyList<string> CustomPeriods, bool Cumulative, string? DataSource, string? ResponsibleUnit,
    string? OwnerUserId, string? ValidatorUserId, decimal Weight, IReadOnlyList<DimensionResponse> Dimensions, IReadOnlyList<TargetResponse> Targets, int Version);

/// <summary>A value to submit (provisional until a Validator approves it).</summary>
/// <param name="Period">The period, e.g. 2025 or 2025-Q2.</param>
/// <param name="Value">The number; 1/0 for a milestone; the rating 0-3 for a qualitative indicator.</param>
/// <param name="DimensionValue">Optional dimension value, e.g. "itu-region:africa".</param>
/// <param name="Text">The narrative of a qualitative value.</param>
/// <param name="Comment">A comment.</param>
/// <param name="EvidenceUrl">A link to the evidence.</param>
/// <param name="EvidenceFileName">The evidence file's name (with EvidenceBase64).</param>
/// <param name="EvidenceBase64">A small evidence file, base64-encoded (the whole request at most 1 MB).</param>
/// <param name="Version">When replacing a provisional value: the version last read.</param>
public sealed record SubmitValueBody(string Period, decimal? Value, string? DimensionValue = null, string? Text = null, string? Comment = null,
    string? EvidenceUrl = null, string? EvidenceFileName = null, string? EvidenceBase64 = null, int? Version = null);

/// <summary>A correction of a validated value: a new revision with a reason.</summary>
/// <param name="Value">The corrected value.</param>
/// <param name="Reason">Why the value is corrected (required).</param>
/// <param name="Text">The narrative of a qualitative value.</param>
/// <param name="Comment">A comment.</param>
/// <param name="EvidenceUrl">A link to the evidence.</param>
public sealed record CorrectValueBody(decimal? Value, string Reason, string? Text = null, string? Comment = null, string? EvidenceUrl = null);

/// <summary>An approval.</summary>
/// <param name="Version">The version last read (required).</param>
public sealed record ApproveValueBody(int? Version);

/// <summary>A rejection.</summary>
/// <param name="Reason">Why (required).</param>
/// <param name="Version">The version last read (required).</param>
public sealed record RejectValueBody(string Reason, int? Version);

public sealed record ValueResponse(
    int Id, int IndicatorId, string IndicatorCode, string Period, int Year, string? DimensionValue, decimal? Value, string? Text, string? Comment,
    string? EvidenceUrl, string? EvidenceFileName, ValueStatus Status, string? Reason, string? RejectionReason, string SubmittedBy, DateTime SubmittedAtUtc,
    string? DecidedBy, DateTime? DecidedAtUtc, int Revision, int? CorrectsId, bool IsLatest, int Version);

public sealed record ValuePageResponse(IReadOnlyList<ValueResponse> Items, int Page, int PageSize, int Total, int PageCount);

public sealed record ThresholdsResponse(double OnTrack, double AtRisk);

/// <summary>An element's roll-up: achievement = Σ(weight × achievement) / weightWithData over its children with data; coverage = weightWithData / totalWeight.</summary>
public sealed record ElementProgressResponse(int ElementId, int? ParentId, string Code, Dictionary<string, string> Title, decimal Weight,
    double? Achievement, ProgressStatus Status, double Coverage, double WeightWithData, double TotalWeight);

public sealed record IndicatorProgressResponse(int IndicatorId, int ElementId, string Code, Dictionary<string, string> Name, Measure Measure, string? Unit,
    decimal Weight, decimal? Baseline, int? BaselineYear, decimal? Target, decimal? Actual, int? ActualYear, decimal? Expected, double? Achievement, ProgressStatus Status);

public sealed record ProgressResponse(int PlanId, string PlanCode, int AsOf, ThresholdsResponse Thresholds,
    Dictionary<string, int> IndicatorStatusCounts, IReadOnlyList<ElementProgressResponse> Elements, IReadOnlyList<IndicatorProgressResponse> Indicators);

public sealed record ImportRowResponse(int Row, string? Indicator, string? Period, string? DimensionValue, string? Value, IReadOnlyList<string> Errors);

/// <summary>The outcome of an import: every row with its errors; committed is true only when every row was stored.</summary>
public sealed record ImportResponse(string PlanCode, bool Committed, int RowCount, int ErrorRowCount, IReadOnlyList<string> FileErrors, IReadOnlyList<ImportRowResponse> Rows);

internal static class ResultsMapping
{
    public static IndicatorSummaryResponse ToResponse(this IndicatorSummary i) =>
        new(i.Id, i.PlanId, i.ElementId, i.ElementCode, i.Code, i.Name.Json(), i.Measure, i.Unit, i.Direction, i.Frequency, i.BaselineValue, i.BaselineYear,
            i.EndTarget, i.ResponsibleUnit, i.OwnerUserId, i.ValidatorUserId, i.Weight, i.Version);

    public static DimensionResponse ToResponse(this DimensionInfo d) =>
        new(d.Id, d.Code, d.Name.Json(), d.IsStandard, d.Values.Select(v => new DimensionValueResponse(v.Id, v.Code, v.Name.Json(), v.Key)).ToList());

    public static IndicatorResponse ToResponse(this IndicatorDetail i) =>
        new(i.Id, i.PlanId, i.PlanCode, i.ElementId, i.ElementCode, i.Code, i.Name.Json(), i.Definition.Json(), i.Measure, i.Unit, i.Currency, i.Direction,
            i.BandLow, i.BandHigh, i.BaselineValue, i.BaselineYear, i.EndTarget, i.Frequency, i.CustomPeriods, i.Cumulative, i.DataSource, i.ResponsibleUnit,
            i.OwnerUserId, i.ValidatorUserId, i.Weight, i.Dimensions.Select(ToResponse).ToList(),
            i.Targets.Select(t => new TargetResponse(t.Period, t.Year, t.DimensionValue, t.Value)).ToList(), i.Version);

    public static ValueResponse ToResponse(this ValueRow v) =>
        new(v.Id, v.IndicatorId, v.IndicatorCode, v.Period, v.Year, v.DimensionValue, v.Value, v.Text, v.Comment, v.EvidenceUrl, v.EvidenceFileName, v.Status,
            v.Reason, v.RejectionReason, v.SubmittedBy, v.SubmittedAtUtc, v.DecidedBy, v.DecidedAtUtc, v.Revision, v.CorrectsId, v.IsLatest, v.Version);

    public static ProgressResponse ToResponse(this PlanProgress p) =>
        new(p.PlanId, p.PlanCode, p.AsOfYear, new ThresholdsResponse(p.Thresholds.OnTrack, p.Thresholds.AtRisk),
            p.IndicatorStatusCounts.ToDictionary(k => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(k.Key.ToString()), k => k.Value),
            p.ElementsInOrder.Select(e => new ElementProgressResponse(e.ElementId, e.ParentId, e.Code, e.Title.Json(), e.Weight, e.Achievement, e.Status,
                e.Coverage, e.WeightWithData, e.TotalWeight)).ToList(),
            p.Indicators.Values.OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => new IndicatorProgressResponse(i.IndicatorId, i.ElementId, i.Code, i.Name.Json(),
                i.Measure, i.Unit, i.Weight, i.Baseline, i.BaselineYear, i.FinalTarget, i.Actual, i.ActualYear, i.Expected, i.Achievement, i.Status)).ToList());

    public static ImportResponse ToResponse(this ImportPreview p, bool committed) =>
        new(p.PlanCode, committed, p.Rows.Count, p.ErrorRowCount, p.FileErrors,
            p.Rows.Select(r => new ImportRowResponse(r.RowNumber, r.Indicator, r.Period, r.DimensionValue, r.Value, r.Errors)).ToList());

    public static SaveIndicator.Request ToRequest(this IndicatorBody b, int? id, int planId) =>
        new(id, planId, b.ElementId, b.Code, b.Name, b.Definition, b.Measure, b.Unit, b.Currency, b.Direction, b.BandLow, b.BandHigh, b.BaselineValue,
            b.BaselineYear, b.EndTarget, b.Frequency, b.CustomPeriods, b.Cumulative, b.DataSource, b.ResponsibleUnit, b.OwnerUserId, b.ValidatorUserId,
            b.Weight, b.Dimensions, b.Targets?.Select(t => new TargetInput(t.Period, t.DimensionValue, t.Value)).ToList(), b.Version);
}
