using Cadre.Core.Common;
using Cadre.Core.Planning;

namespace Cadre.Core.Results;

public enum Frequency
{
    Annual,
    Quarterly,
    /// <summary>Periods listed on the indicator (<see cref="Indicator.CustomPeriods"/>), each code starting with its year, e.g. <c>2025-H1</c>.</summary>
    Custom,
}

public enum ValueStatus
{
    Provisional,
    Validated,
    Rejected,
}

/// <summary>
/// What is measured on a plan element: a definition, a baseline, targets, who reports and who validates.
/// The code is unique within the plan.
/// </summary>
public sealed class Indicator : IVersioned, IAudited
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int ElementId { get; set; }
    public PlanElement? Element { get; set; }
    /// <summary>Unique within the plan, e.g. <c>1.1.a</c>.</summary>
    public string Code { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    public LocalizedText Definition { get; set; } = new();
    public Measure Measure { get; set; }
    /// <summary>Free unit label: "%", "people", "CHF", "economies"...</summary>
    public string? Unit { get; set; }
    /// <summary>ISO 4217 code for currency indicators.</summary>
    public string? Currency { get; set; }
    public Direction Direction { get; set; }
    public decimal? BandLow { get; set; }
    public decimal? BandHigh { get; set; }
    public decimal? BaselineValue { get; set; }
    public int? BaselineYear { get; set; }
    /// <summary>The end-of-plan target (for the whole, not per dimension value); period targets are in <see cref="Targets"/>.</summary>
    public decimal? EndTarget { get; set; }
    public Frequency Frequency { get; set; }
    /// <summary>For <see cref="Frequency.Custom"/>: period codes separated by commas, each starting with its year.</summary>
    public string? CustomPeriods { get; set; }
    /// <summary>True when each value is the running total since the baseline; false when each period stands alone.</summary>
    public bool Cumulative { get; set; }
    public string? DataSource { get; set; }
    public string? ResponsibleUnit { get; set; }
    /// <summary>The Reporter who submits values (a user id).</summary>
    public string? OwnerUserId { get; set; }
    /// <summary>The Validator who approves values (a user id); any Validator may when null, never the submitter.</summary>
    public string? ValidatorUserId { get; set; }
    /// <summary>Weight among the element's indicators in the roll-up.</summary>
    public decimal Weight { get; set; } = 1m;
    public int SortOrder { get; set; }
    public int Version { get; set; }

    public List<IndicatorTarget> Targets { get; set; } = [];
    public List<IndicatorDimension> Dimensions { get; set; } = [];
}

/// <summary>A target of an indicator for a period (or, with a null period, for the end of the plan), optionally for one dimension value.</summary>
public sealed class IndicatorTarget : IAudited
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    /// <summary>Period code ("2025", "2025-Q2", custom); null for the end of the plan.</summary>
    public string? Period { get; set; }
    /// <summary>The period's year (the plan's last year for an end-of-plan target).</summary>
    public int Year { get; set; }
    public int? DimensionValueId { get; set; }
    public DimensionValue? DimensionValue { get; set; }
    public decimal Value { get; set; }
}

/// <summary>A disaggregation (sex, ITU region, income group, or a custom one) of a plan.</summary>
public sealed class Dimension : IVersioned, IAudited
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public string Code { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    /// <summary>True for the standard dimensions every plan gets (sex, region, income group).</summary>
    public bool IsStandard { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }
    public List<DimensionValue> Values { get; set; } = [];
}

public sealed class DimensionValue : IVersioned, IAudited
{
    public int Id { get; set; }
    public int DimensionId { get; set; }
    public Dimension? Dimension { get; set; }
    public string Code { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    public int SortOrder { get; set; }
    public int Version { get; set; }
}

/// <summary>Which dimensions an indicator is disaggregated by.</summary>
public sealed class IndicatorDimension : IAudited
{
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int DimensionId { get; set; }
    public Dimension? Dimension { get; set; }
}

/// <summary>
/// One revision of a value of an indicator for a period (and optionally a dimension value). A validated
/// revision is never edited: a correction is a new revision (<see cref="Revision"/> + 1, <see cref="CorrectsId"/>)
/// with a reason. The value that counts is the latest validated revision of its series.
/// </summary>
public sealed class ReportedValue : IVersioned, IAudited
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public string Period { get; set; } = "";
    public int Year { get; set; }
    /// <summary>Position of the period within its year: 0 for a year, 1-4 for quarters, the list order for custom periods.</summary>
    public int SubPeriod { get; set; }
    public int? DimensionValueId { get; set; }
    public DimensionValue? DimensionValue { get; set; }
    /// <summary>Identifies the series (period and dimension value) the revision belongs to: unique with the revision.</summary>
    public string SeriesKey { get; set; } = "";
    /// <summary>The number; 1/0 for a milestone (done/not done); the rating 0-3 for a qualitative indicator.</summary>
    public decimal? Value { get; set; }
    /// <summary>The narrative of a qualitative value.</summary>
    public string? Text { get; set; }
    public string? Comment { get; set; }
    public string? EvidenceUrl { get; set; }
    public string? EvidenceFileName { get; set; }
    public string? EvidenceContentType { get; set; }
    public byte[]? EvidenceContent { get; set; }
    public ValueStatus Status { get; set; }
    /// <summary>For a correction (a revision after a validated one), why it was corrected.</summary>
    public string? Reason { get; set; }
    /// <summary>Why the validator rejected the value.</summary>
    public string? RejectionReason { get; set; }
    public string SubmittedById { get; set; } = "";
    public string SubmittedBy { get; set; } = "";
    public DateTime SubmittedAtUtc { get; set; }
    public string? DecidedById { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public int Revision { get; set; } = 1;
    /// <summary>The revision this one corrects.</summary>
    public int? CorrectsId { get; set; }
    public int Version { get; set; }

    public static string KeyOf(string period, int? dimensionValueId) => $"{period}/{dimensionValueId ?? 0}";
}

/// <summary>The Results settings of a plan: the status thresholds.</summary>
public sealed class ResultsSettings : IVersioned, IAudited
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    /// <summary>Achievement from which an indicator is on track (default 0.9).</summary>
    public decimal OnTrackThreshold { get; set; } = 0.9m;
    /// <summary>Achievement from which an indicator is at risk rather than off track (default 0.6).</summary>
    public decimal AtRiskThreshold { get; set; } = 0.6m;
    public int Version { get; set; }

    public Thresholds ToThresholds() => new((double)OnTrackThreshold, (double)AtRiskThreshold);
}
