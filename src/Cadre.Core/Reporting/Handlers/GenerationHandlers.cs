using System.Security.Cryptography;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Reporting.Model;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Reporting.Handlers;

/// <summary>Asks for a report file to be generated in the background (while the report is a draft).</summary>
public sealed class QueueReportGeneration(CadreDbContext db)
{
    public sealed record Request(int ReportId, ReportFormat Format, string Language);

    public async Task<ReportGenerationJob> HandleAsync(Request request, CancellationToken ct = default)
    {
        ReportingPermissions.EnsureCanManage(db.Actor);
        var report = await ReportInput.LoadAsync(db, request.ReportId, ct);
        ReportInput.EnsureDraft(report);
        if (!LocalizedText.IsSupported(request.Language))
        {
            throw new ValidationFailedException("language", Messages.Format("Error.UnknownLanguage", request.Language));
        }
        var job = new ReportGenerationJob
        {
            ReportId = report.Id,
            Format = request.Format,
            Language = request.Language,
            Status = ReportJobStatus.Queued,
            QueuedAtUtc = db.UtcNow,
            RequestedBy = db.Actor.Name,
        };
        db.ReportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        return job;
    }
}

/// <summary>
/// Queues, in one action, the report's file in every format (Word, HTML, Excel) and every given language (English
/// and French unless told): one job per format and language, all validated first and saved at once.
/// </summary>
public sealed class QueueReportGenerationSet(CadreDbContext db)
{
    /// <summary>The languages of the set when none are given.</summary>
    public static readonly IReadOnlyList<string> DefaultLanguages = ["en", "fr"];

    /// <param name="Languages">The languages, or null/empty for <see cref="DefaultLanguages"/>.</param>
    public sealed record Request(int ReportId, IReadOnlyList<string>? Languages = null);

    public async Task<IReadOnlyList<ReportGenerationJob>> HandleAsync(Request request, CancellationToken ct = default)
    {
        ReportingPermissions.EnsureCanManage(db.Actor);
        var report = await ReportInput.LoadAsync(db, request.ReportId, ct);
        ReportInput.EnsureDraft(report);
        var languages = (request.Languages is { Count: > 0 } given ? given : DefaultLanguages).Distinct(StringComparer.Ordinal).ToList();
        foreach (var language in languages)
        {
            if (language is null || !LocalizedText.IsSupported(language))
            {
                throw new ValidationFailedException("languages", Messages.Format("Error.UnknownLanguage", language ?? ""));
            }
        }
        var now = db.UtcNow;
        var jobs = languages.SelectMany(language => Enum.GetValues<ReportFormat>().Select(format => new ReportGenerationJob
        {
            ReportId = report.Id,
            Format = format,
            Language = language,
            Status = ReportJobStatus.Queued,
            QueuedAtUtc = now,
            RequestedBy = db.Actor.Name,
        })).ToList();
        db.ReportJobs.AddRange(jobs);
        await db.SaveChangesAsync(ct);
        return jobs;
    }
}

/// <summary>
/// Runs a queued generation job: loads the figures from the <see cref="IReportSource"/>, builds the report
/// with the stored narratives, writes the file, and keeps it with the JSON of the model it was made from.
/// Progress is saved as it goes (for the page and the CLI to show); a failure is recorded on the job, not
/// thrown. Called by a background worker (to be wired in the web host) or directly by the CLI.
/// No <see cref="IReportSource"/> is registered until Results and Finance provide one: jobs then fail with a
/// clear message. Each run counts as an attempt; the stage and percentage are saved at each step.
/// </summary>
public sealed class RunReportGeneration(CadreDbContext db, IReportSource? source = null, IReportChartRenderer? charts = null)
{
    public async Task<ReportGenerationJob> HandleAsync(int jobId, CancellationToken ct = default)
    {
        var job = await db.ReportJobs.FirstOrDefaultAsync(j => j.Id == jobId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.ReportJob", jobId));
        if (job.Status != ReportJobStatus.Queued) throw new ValidationFailedException("status", Messages.Get("Error.Report.JobNotQueued"));
        var report = await db.Reports.Include(r => r.Plan).FirstAsync(r => r.Id == job.ReportId, ct);
        // Claiming the job is a versioned update: a second worker taking the same job gets a conflict.
        job.Status = ReportJobStatus.Running;
        job.StartedAtUtc = db.UtcNow;
        job.Attempts++;
        job.ProgressPercent = 5;
        job.Stage = ReportJobStage.LoadingData;
        await db.SaveChangesAsync(ct);
        try
        {
            ReportInput.EnsureDraft(report);
            if (source is null) throw new ValidationFailedException("source", Messages.Get("Error.Report.NoSource"));
            var data = await source.LoadAsync(report.Plan!.Code, report.Kind, report.Year, ct)
                ?? throw new ValidationFailedException("source", Messages.Format("Error.Report.PlanHasNoData", report.Plan.Code));
            await ProgressAsync(job, 40, ReportJobStage.Building, ct);

            var stored = await db.ReportNarratives.AsNoTracking().Where(n => n.ReportId == report.Id).ToListAsync(ct);
            var narratives = stored.GroupBy(n => n.SectionKey).ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, string>)g.ToDictionary(n => n.Language, n => n.Text, StringComparer.Ordinal),
                StringComparer.Ordinal);
            // Charts are drawn as PNG for both Word and the web page, so that the renderer's cache lets the second
            // format of the same report reuse the first one's images; the workbook has no images.
            var model = ReportBuilder.Build(data, new ReportBuildOptions(report.Kind, report.Year, job.Language, report.VersionNumber,
                ReportFiles.StatusLabel(job.Language, report.Status), db.UtcNow, narratives,
                job.Format == ReportFormat.Xlsx ? null : charts, Images: ReportImageFormats.Png));
            await ProgressAsync(job, 60, ReportJobStage.Writing, ct);

            var (bytes, contentType, extension) = ReportFiles.Write(job.Format, model);
            var json = ReportJson.Serialize(model);
            if (bytes.LongLength > ReportingLimits.MaxArtefactBytes)
            {
                throw new ValidationFailedException("content", Messages.Format("Error.Report.ArtefactTooLarge", bytes.LongLength, ReportingLimits.MaxArtefactBytes));
            }
            if (json.Length > ReportingLimits.MaxModelJsonChars)
            {
                throw new ValidationFailedException("content", Messages.Format("Error.Report.ArtefactTooLarge", json.Length, ReportingLimits.MaxModelJsonChars));
            }
            await ProgressAsync(job, 90, ReportJobStage.Saving, ct);

            var artefact = new ReportArtefact
            {
                ReportId = report.Id,
                Format = job.Format,
                Language = job.Language,
                FileName = $"{report.Plan.Code}-{report.Kind.ToString().ToLowerInvariant()}-{report.Year}-v{report.VersionNumber}-{job.Language}.{extension}",
                ContentType = contentType,
                Content = bytes,
                SizeBytes = bytes.LongLength,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                ModelJson = json,
                CreatedAtUtc = db.UtcNow,
                CreatedBy = job.RequestedBy,
            };
            job.Artefact = artefact;
            job.Status = ReportJobStatus.Done;
            job.ProgressPercent = 100;
            job.Stage = ReportJobStage.Finished;
            job.FinishedAtUtc = db.UtcNow;
            await db.SaveChangesAsync(ct);
        }
        catch (CadreException ex)
        {
            await FailAsync(job, ex.Message, ct);
        }
#pragma warning disable CA1031 // A background job records any failure on itself instead of crashing its worker.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            await FailAsync(job, ex.GetType().Name + ": " + ex.Message, ct);
        }
        return job;
    }

    private async Task ProgressAsync(ReportGenerationJob job, int percent, ReportJobStage stage, CancellationToken ct)
    {
        job.ProgressPercent = percent;
        job.Stage = stage;
        await db.SaveChangesAsync(ct);
    }

    private async Task FailAsync(ReportGenerationJob job, string message, CancellationToken ct)
    {
        // Anything half-added (an artefact) is dropped; only the job's failure is saved.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList()) entry.State = EntityState.Detached;
        job.Artefact = null;
        job.Status = ReportJobStatus.Failed;
        job.Stage = ReportJobStage.Finished;
        job.Error = message.Length > 1000 ? message[..1000] : message;
        job.FinishedAtUtc = db.UtcNow;
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// After a restart: jobs left "running" were interrupted (their worker is gone). Each goes back to the queue
/// if it has been started fewer than <see cref="ReportingLimits.MaxJobAttempts"/> times, and is marked failed
/// otherwise (a job that keeps stopping its worker must not loop). Assumes one worker per database
/// (docs/reporting.md).
/// </summary>
public sealed class RecoverReportJobs(CadreDbContext db)
{
    public sealed record Result(int Requeued, int Failed);

    public async Task<Result> HandleAsync(CancellationToken ct = default)
    {
        var running = await db.ReportJobs.Where(j => j.Status == ReportJobStatus.Running).ToListAsync(ct);
        int requeued = 0, failed = 0;
        foreach (var job in running)
        {
            if (job.Attempts < ReportingLimits.MaxJobAttempts)
            {
                job.Status = ReportJobStatus.Queued;
                job.Stage = ReportJobStage.Queued;
                job.ProgressPercent = 0;
                job.StartedAtUtc = null;
                requeued++;
            }
            else
            {
                job.Status = ReportJobStatus.Failed;
                job.Stage = ReportJobStage.Finished;
                job.Error = Messages.Format("Error.Report.JobInterrupted", job.Attempts);
                job.FinishedAtUtc = db.UtcNow;
                failed++;
            }
        }
        if (running.Count > 0) await db.SaveChangesAsync(ct);
        return new Result(requeued, failed);
    }
}
