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

/// <param name="Url">The file itself.</param>
/// <param name="TablesUrl">Every table of the file's report (figures' tables included) as data, each with its CSV.</param>
/// <param name="CsvZipUrl">Every table as one CSV file each, in a ZIP archive.</param>
public sealed record ReportFileResponse(int Id, ReportFormat Format, string Language, string FileName, long SizeBytes, string Sha256, DateTime CreatedAtUtc, string Url,
    string TablesUrl, string CsvZipUrl);

/// <summary>
/// A table of a generated report, from the data snapshot kept with the file: caption and header in the report's
/// language; cells as data (numbers with a dot, percentages in percent, amounts in CHF thousands, text as shown).
/// </summary>
/// <param name="Number">Its place among the report's tables, from 1.</param>
/// <param name="Key">What it shows: "summary:goal", "indicators:CODE", "figure:CODE", "series:CODE", "resources:CODE", "risks:CODE".</param>
/// <param name="CsvUrl">The table as CSV (RFC 4180, UTF-8; text that a spreadsheet would read as a formula starts with an apostrophe).</param>
public sealed record ReportTableResponse(int Number, string Key, string Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, string CsvUrl);

public sealed record ReportJobResponse(int Id, int ReportId, ReportFormat Format, string Language, ReportJobStatus Status, int ProgressPercent,
    ReportJobStage Stage, string? Error, DateTime QueuedAtUtc, DateTime? StartedAtUtc, DateTime? FinishedAtUtc, string Url, string? FileUrl);

public sealed record ReportResponse(int Id, int PlanId, string PlanCode, ReportKind Kind, int Year, int VersionNumber, ReportWorkflowStatus Status,
    int? CorrectsReportId, int? NextPlanId, DateTime CreatedAtUtc, DateTime? SubmittedAtUtc, DateTime? ConsideredAtUtc, string? CouncilDecision,
    string? CouncilDecisionBy, DateTime? PublishedAtUtc, int Version, IReadOnlyList<NarrativeResponse> Narratives, IReadOnlyList<ReportFileResponse> Files,
    IReadOnlyList<ReportJobResponse> Jobs);

public sealed record ReportSummaryResponse(int Id, int PlanId, string PlanCode, ReportKind Kind, int Year, int VersionNumber, ReportWorkflowStatus Status,
    DateTime? PublishedAtUtc, int Version, string Url);

/// <param name="Languages">The languages of the files ("en", "fr"); omitted or empty: English and French.</param>
public sealed record GenerateReportSetRequest(IReadOnlyList<string>? Languages);
