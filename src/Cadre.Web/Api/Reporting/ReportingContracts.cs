using Cadre.Core.Reporting;
using Cadre.Core.Reporting.Model;

namespace Cadre.Web.Api.Reporting;

/// <summary>Starts the first version of an annual report (for <c>year</c>) or of the plan's evaluation (its last year).</summary>
public sealed record CreateReportRequest(ReportKind Kind, int? Year);

/// <summary>A narrative's text; <c>version</c> is the one last read (omit it for a new narrative). Empty text clears it.</summary>
public sealed record SaveNarrativeRequest(string? Text, int? Version);

/// <summary>Asks for a file of the report in a format and a language ("en", "fr"...).</summary>
public sealed record GenerateReportRequest(ReportFormat Format, string? Language);

/// <summary>A workflow step on the report at the version last read.</summary>
public sealed record ReportStepRequest(int? Version);

/// <summary>Records the Council's consideration with its decision (Councillor).</summary>
public sealed record CouncilDecisionRequest(int? Version, string? Decision);

/// <summary>Creates the draft of the next plan from an evaluated plan (code and period of the new plan).</summary>
public sealed record NextPlanRequest(string? Code, int StartYear, int EndYear);

public sealed record NarrativeResponse(string SectionKey, string Language, string Text, DateTime UpdatedAtUtc, string UpdatedBy, int Version);

public sealed record ReportFileResponse(int Id, ReportFormat Format, string Language, string FileName, long SizeBytes, string Sha256, DateTime CreatedAtUtc, string Url);

public sealed record ReportJobResponse(int Id, int ReportId, ReportFormat Format, string Language, ReportJobStatus Status, int ProgressPercent,
    ReportJobStage Stage, string? Error, DateTime QueuedAtUtc, DateTime? StartedAtUtc, DateTime? FinishedAtUtc, string Url, string? FileUrl);

public sealed record ReportResponse(int Id, int PlanId, string PlanCode, ReportKind Kind, int Year, int VersionNumber, ReportWorkflowStatus Status,
    int? CorrectsReportId, int? NextPlanId, DateTime CreatedAtUtc, DateTime? SubmittedAtUtc, DateTime? ConsideredAtUtc, string? CouncilDecision,
    string? CouncilDecisionBy, DateTime? PublishedAtUtc, int Version, IReadOnlyList<NarrativeResponse> Narratives, IReadOnlyList<ReportFileResponse> Files,
    IReadOnlyList<ReportJobResponse> Jobs);

public sealed record ReportSummaryResponse(int Id, int PlanId, string PlanCode, ReportKind Kind, int Year, int VersionNumber, ReportWorkflowStatus Status,
    DateTime? PublishedAtUtc, int Version, string Url);
