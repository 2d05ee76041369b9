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
        var report = await db.Reports.AsNoTracking().Include(r => r.Narratives).Include(r => r.Plan).FirstOrDefaultAsync(r => r.Id == reportId, ct);
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

    /// <summary>The generation jobs of a report, newest first (for those who may read drafts; nothing for others).</summary>
    public async Task<IReadOnlyList<ReportGenerationJob>> JobsAsync(int reportId, int take = 20, CancellationToken ct = default)
    {
        await GetAsync(reportId, ct);
        if (!Planning.PlanningPermissions.CanReadDrafts(db.Actor)) return [];
        return await db.ReportJobs.AsNoTracking().Where(j => j.ReportId == reportId).OrderByDescending(j => j.Id).Take(take).ToListAsync(ct);
    }

    public enum ReportSort
    {
        Year,
        Plan,
        Kind,
        Status,
    }

    public sealed record ReportPage(IReadOnlyList<ReportSummary> Items, int Page, int PageSize, int Total)
    {
        public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    /// <summary>Reports the caller may read, of one plan or of all, sorted and paged.</summary>
    public async Task<ReportPage> PageAsync(int? planId, ReportSort sort, bool descending, int? page, int? pageSize, CancellationToken ct = default)
    {
        var size = Math.Clamp(pageSize ?? 25, 1, 200);
        var drafts = Planning.PlanningPermissions.CanReadDrafts(db.Actor);
        var query = db.Reports.AsNoTracking().Where(r => drafts || r.Status == ReportWorkflowStatus.Published);
        if (planId is int id) query = query.Where(r => r.PlanId == id);
        var total = await query.CountAsync(ct);
        var number = Math.Clamp(page ?? 1, 1, Math.Max(1, (total + size - 1) / size));
        query = (sort, descending) switch
        {
            (ReportSort.Plan, false) => query.OrderBy(r => r.Plan!.Code).ThenBy(r => r.Year).ThenBy(r => r.VersionNumber),
            (ReportSort.Plan, true) => query.OrderByDescending(r => r.Plan!.Code).ThenByDescending(r => r.Year).ThenByDescending(r => r.VersionNumber),
            (ReportSort.Kind, false) => query.OrderBy(r => r.Kind).ThenBy(r => r.Year).ThenBy(r => r.Id),
            (ReportSort.Kind, true) => query.OrderByDescending(r => r.Kind).ThenByDescending(r => r.Year).ThenByDescending(r => r.Id),
            (ReportSort.Status, false) => query.OrderBy(r => r.Status).ThenBy(r => r.Year).ThenBy(r => r.Id),
            (ReportSort.Status, true) => query.OrderByDescending(r => r.Status).ThenByDescending(r => r.Year).ThenByDescending(r => r.Id),
            (_, false) => query.OrderBy(r => r.Year).ThenBy(r => r.Plan!.Code).ThenBy(r => r.VersionNumber),
            (_, true) => query.OrderByDescending(r => r.Year).ThenBy(r => r.Plan!.Code).ThenByDescending(r => r.VersionNumber),
        };
        var items = await query.Skip((number - 1) * size).Take(size)
            .Select(r => new ReportSummary(r.Id, r.PlanId, r.Plan!.Code, r.Kind, r.Year, r.VersionNumber, r.Status, r.CouncilDecision, r.PublishedAtUtc, r.Version))
            .ToListAsync(ct);
        return new ReportPage(items, number, size, total);
    }

    /// <summary>The newest file of a report in a format, preferring <paramref name="language"/>; null if none.</summary>
    public async Task<ReportArtefact?> LatestArtefactAsync(int reportId, ReportFormat format, string language, CancellationToken ct = default)
    {
        await GetAsync(reportId, ct);
        var candidates = await db.ReportArtefacts.AsNoTracking().Where(a => a.ReportId == reportId && a.Format == format)
            .OrderByDescending(a => a.Id).Select(a => new { a.Id, a.Language }).ToListAsync(ct);
        var pick = candidates.FirstOrDefault(a => a.Language == language) ?? candidates.FirstOrDefault();
        return pick is null ? null : await db.ReportArtefacts.AsNoTracking().FirstAsync(a => a.Id == pick.Id, ct);
    }
}
