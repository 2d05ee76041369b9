using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Reporting.Model;

namespace Cadre.Core.Reporting;

/// <summary>Where a report is in its way to Council and the public. Only forward; a correction is a new version.</summary>
public enum ReportWorkflowStatus
{
    Draft,
    /// <summary>Submitted to Council: frozen while Council considers it.</summary>
    Submitted,
    /// <summary>Considered by Council, with its decision recorded.</summary>
    Considered,
    /// <summary>Published and sent to Member States. Never changes again.</summary>
    Published,
}

/// <summary>
/// One version of an annual report or of the end-of-period evaluation of a plan. Narratives are editable only
/// while it is a draft; a published report never changes, and a correction is a new version that points to
/// the one it corrects.
/// </summary>
public sealed class Report : IVersioned, IAudited
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public ReportKind Kind { get; set; }
    /// <summary>The year reported on; for an evaluation, the last year of the plan's period.</summary>
    public int Year { get; set; }
    /// <summary>1 for the first version of this plan, year and kind; a correction is the next number.</summary>
    public int VersionNumber { get; set; } = 1;
    public ReportWorkflowStatus Status { get; set; }
    /// <summary>The published version this one corrects, if any.</summary>
    public int? CorrectsReportId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? SubmittedAtUtc { get; set; }
    public DateTime? ConsideredAtUtc { get; set; }
    /// <summary>The Council's decision on the report, as recorded by a Councillor.</summary>
    public string? CouncilDecision { get; set; }
    public string? CouncilDecisionBy { get; set; }
    public DateTime? PublishedAtUtc { get; set; }
    /// <summary>For an evaluation: the draft of the next plan, created from this plan (the plan clone).</summary>
    public int? NextPlanId { get; set; }
    public int Version { get; set; }

    public List<ReportNarrativeText> Narratives { get; set; } = [];

    public bool IsPublished => Status == ReportWorkflowStatus.Published;
}

/// <summary>The narrative of one section of a report in one language, written by the responsible unit.</summary>
public sealed class ReportNarrativeText : IVersioned, IAudited
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public Report? Report { get; set; }
    /// <summary>The section's key in the report model: "summary" or "element:CODE".</summary>
    public string SectionKey { get; set; } = "";
    public string Language { get; set; } = "en";
    public string Text { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>The file formats a report is generated in.</summary>
public enum ReportFormat
{
    Docx,
    Html,
    Xlsx,
}

/// <summary>
/// A generated file of a report, kept with the data it was made from: the report model as JSON (figures,
/// narratives, labels as they were at generation) beside the file's bytes. Not in the audit trail (the bytes
/// would be copied into it); its creation is tied to the audited job that requested it.
/// </summary>
public sealed class ReportArtefact
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public Report? Report { get; set; }
    public ReportFormat Format { get; set; }
    public string Language { get; set; } = "en";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public long SizeBytes { get; set; }
    /// <summary>SHA-256 of <see cref="Content"/>, lowercase hex.</summary>
    public string Sha256 { get; set; } = "";
    /// <summary>The <see cref="ReportDocument"/> the file was written from, as JSON.</summary>
    public string ModelJson { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";
}

public enum ReportJobStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>The steps of a generation job, in order.</summary>
public enum ReportJobStage
{
    Queued,
    LoadingData,
    Building,
    Writing,
    Saving,
    Finished,
}

/// <summary>A request to generate a report file in the background, with its progress.</summary>
public sealed class ReportGenerationJob : IVersioned, IAudited
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public Report? Report { get; set; }
    public ReportFormat Format { get; set; }
    public string Language { get; set; } = "en";
    public ReportJobStatus Status { get; set; }
    public int ProgressPercent { get; set; }
    /// <summary>What the job is doing now (<see cref="ReportJobStage"/>), for the progress display.</summary>
    public ReportJobStage Stage { get; set; }
    /// <summary>How many times a worker has started this job (a job interrupted by a restart is queued again once).</summary>
    public int Attempts { get; set; }
    public string? Error { get; set; }
    public DateTime QueuedAtUtc { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    public string RequestedBy { get; set; } = "";
    public int? ArtefactId { get; set; }
    public ReportArtefact? Artefact { get; set; }
    public int Version { get; set; }
}

/// <summary>Limits of stored artefacts.</summary>
public static class ReportingLimits
{
    /// <summary>Largest generated file kept (bytes). The 500-element benchmark report is a few MB.</summary>
    public const long MaxArtefactBytes = 32L * 1024 * 1024;

    /// <summary>Largest model snapshot kept (characters of JSON; images are inside, base64).</summary>
    public const int MaxModelJsonChars = 48 * 1024 * 1024;

    public const int MaxNarrativeChars = 20_000;
    public const int MaxDecisionChars = 4_000;

    /// <summary>How many times a job is started before an interruption (a restart mid-run) marks it failed.</summary>
    public const int MaxJobAttempts = 2;
}
