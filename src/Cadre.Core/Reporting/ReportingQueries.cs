using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Reporting;

/// <summary>Reads of the Reporting area, shared by pages, API and CLI. Unpublished reports are hidden (not found)
/// from those who may not read drafts.</summary>
public sealed class ReportingQueries(CadreDbContext db)
{
    public sealed record ReportSummary(int Id, int PlanId, string PlanCode, Model.ReportKind Kind, int Year, int VersionNumber,
        ReportWorkflowStatus Status, string? CouncilDecision, DateTime? PublishedAtUtc, int Version);

    public sealed record ArtefactSummary(int Id, ReportFormat Format, string Language, string FileName, long SizeBytes, string Sha256, DateTime CreatedAtUtc);

    public async Task<IReadOnlyList<ReportSummary>> ListAsync(int planId, CancellationToken ct = default)
    {
        var drafts = Planning.PlanningPermissions.CanReadDrafts(db.Actor);
        return await db.Reports.AsNoTracking()
            .Where(r => r.PlanId == planId && (drafts || r.Status == ReportWorkflowStatus.Published))
            .OrderBy(r => r.Year).ThenBy(r => r.Kind).ThenBy(r => r.VersionNumber)
            .Select(r => new ReportSummary(r.Id, r.PlanId, r.Plan!.Code, r.Kind, r.Year, r.VersionNumber, r.Status, r.CouncilDecision, r.PublishedAtUtc, r.Version))
            .ToListAsync(ct);
    }

    public async Task<Report> GetAsync(int reportId, CancellationToken ct = default)
    {
        var report = await db.Reports.AsNoTracking().Include(r => r.Narratives).FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || !ReportingPermissions.CanRead(db.Actor, report))
        {
            throw new NotFoundException(Messages.Format("Error.NotFound.Report", reportId));
        }
        return report;
    }

    public async Task<IReadOnlyList<ArtefactSummary>> ArtefactsAsync(int reportId, CancellationToken ct = default)
    {
        await GetAsync(reportId, ct);
        return await db.ReportArtefacts.AsNoTracking().Where(a => a.ReportId == reportId).OrderBy(a => a.Id)
            .Select(a => new ArtefactSummary(a.Id, a.Format, a.Language, a.FileName, a.SizeBytes, a.Sha256, a.CreatedAtUtc))
            .ToListAsync(ct);
    }

    /// <summary>The file and the model snapshot it was made from.</summary>
    public async Task<ReportArtefact> ArtefactAsync(int artefactId, CancellationToken ct = default)
    {
        var artefact = await db.ReportArtefacts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == artefactId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Report", artefactId));
        await GetAsync(artefact.ReportId, ct);
        return artefact;
    }

    public async Task<ReportGenerationJob> JobAsync(int jobId, CancellationToken ct = default)
    {
        var job = await db.ReportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.ReportJob", jobId));
        if (!Planning.PlanningPermissions.CanReadDrafts(db.Actor)) throw new NotFoundException(Messages.Format("Error.NotFound.ReportJob", jobId));
        return job;
    }

    /// <summary>The oldest queued job, for the background worker.</summary>
    public Task<int?> NextQueuedJobAsync(CancellationToken ct = default) =>
        db.ReportJobs.AsNoTracking().Where(j => j.Status == ReportJobStatus.Queued).OrderBy(j => j.Id).Select(j => (int?)j.Id).FirstOrDefaultAsync(ct);
}
