using System.Globalization;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Reporting.Model;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Reporting.Handlers;

internal static class ReportInput
{
    public static async Task<Report> LoadAsync(CadreDbContext db, int reportId, CancellationToken ct) =>
        await db.Reports.FirstOrDefaultAsync(r => r.Id == reportId, ct)
        ?? throw new NotFoundException(Messages.Format("Error.NotFound.Report", reportId));

    public static string StatusLabel(ReportWorkflowStatus status) =>
        ReportText.Get(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, "ReportStatus." + status);

    public static void EnsureDraft(Report report)
    {
        if (report.Status != ReportWorkflowStatus.Draft)
        {
            throw new ValidationFailedException("status", Messages.Format("Error.Report.NotDraft", StatusLabel(report.Status)));
        }
    }

    /// <summary>
    /// Saves a change whose inputs were all checked: a unique index that still fails means another request
    /// made the same item in between (two corrections, two first narratives of a section), a conflict (409)
    /// rather than a server error. Nothing of this request is stored.
    /// </summary>
    public static async Task SaveOrConflictAsync(CadreDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList()) entry.State = EntityState.Detached;
            throw new ConcurrencyConflictException(Messages.Get("Error.Conflict"));
        }
    }

    public static void EnsureStatus(Report report, ReportWorkflowStatus expected)
    {
        if (report.Status != expected)
        {
            throw new ValidationFailedException("status", Messages.Format("Error.Report.Transition", StatusLabel(report.Status)));
        }
    }
}

/// <summary>Starts the first version of a plan's annual report for a year, or of its end-of-period evaluation.</summary>
public sealed class CreateReport(CadreDbContext db)
{
    /// <param name="Year">The year reported on; ignored for an evaluation (the plan's last year).</param>
    public sealed record Request(int PlanId, ReportKind Kind, int Year);

    public async Task<Report> HandleAsync(Request request, CancellationToken ct = default)
    {
        ReportingPermissions.EnsureCanManage(db.Actor);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PlanId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Plan", request.PlanId));
        var year = request.Kind == ReportKind.Evaluation ? plan.EndYear : request.Year;
        if (year < plan.StartYear || year > plan.EndYear)
        {
            throw new ValidationFailedException("year", Messages.Format("Error.Report.YearOutsidePlan", year, plan.StartYear, plan.EndYear));
        }
        var versions = await db.Reports.Where(r => r.PlanId == plan.Id && r.Kind == request.Kind && r.Year == year)
            .Select(r => new { r.VersionNumber, r.Status }).ToListAsync(ct);
        if (versions.Count > 0)
        {
            // The first version exists: a new one is a correction (CorrectReport), and only of a published one.
            var open = versions.FirstOrDefault(v => v.Status != ReportWorkflowStatus.Published);
            throw new ValidationFailedException("year", open is not null
                ? Messages.Format("Error.Report.OpenVersionExists", open.VersionNumber)
                : Messages.Get("Error.Report.CorrectOnlyPublished"));
        }
        var report = new Report
        {
            PlanId = plan.Id,
            Kind = request.Kind,
            Year = year,
            VersionNumber = 1,
            Status = ReportWorkflowStatus.Draft,
            CreatedAtUtc = db.UtcNow,
            CreatedBy = db.Actor.Name,
        };
        db.Reports.Add(report);
        await ReportInput.SaveOrConflictAsync(db, ct);
        return report;
    }
}

/// <summary>A correction of a published report: a new draft version with the same narratives, pointing to it.</summary>
public sealed class CorrectReport(CadreDbContext db)
{
    public sealed record Request(int ReportId);

    public async Task<Report> HandleAsync(Request request, CancellationToken ct = default)
    {
        ReportingPermissions.EnsureCanManage(db.Actor);
        var source = await db.Reports.AsNoTracking().Include(r => r.Narratives).FirstOrDefaultAsync(r => r.Id == request.ReportId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Report", request.ReportId));
        if (!source.IsPublished) throw new ValidationFailedException("status", Messages.Get("Error.Report.CorrectOnlyPublished"));
        var versions = await db.Reports.Where(r => r.PlanId == source.PlanId && r.Kind == source.Kind && r.Year == source.Year)
            .Select(r => new { r.VersionNumber, r.Status }).ToListAsync(ct);
        var open = versions.FirstOrDefault(v => v.Status != ReportWorkflowStatus.Published);
        if (open is not null) throw new ValidationFailedException("status", Messages.Format("Error.Report.OpenVersionExists", open.VersionNumber));
        var now = db.UtcNow;
        var report = new Report
        {
            PlanId = source.PlanId,
            Kind = source.Kind,
            Year = source.Year,
            VersionNumber = versions.Max(v => v.VersionNumber) + 1,
            Status = ReportWorkflowStatus.Draft,
            CorrectsReportId = source.Id,
            CreatedAtUtc = now,
            CreatedBy = db.Actor.Name,
            Narratives = source.Narratives.Select(n => new ReportNarrativeText
            {
                SectionKey = n.SectionKey,
                Language = n.Language,
                Text = n.Text,
                UpdatedAtUtc = now,
                UpdatedBy = db.Actor.Name,
            }).ToList(),
        };
        db.Reports.Add(report);
        await ReportInput.SaveOrConflictAsync(db, ct);
        return report;
    }
}

/// <summary>Writes (or clears, with empty text) the narrative of a section in a language, while the report is a draft.</summary>
public sealed class SaveReportNarrative(CadreDbContext db)
{
    /// <param name="Version">The narrative's version last read (null for a new one, or to skip the check).</param>
    public sealed record Request(int ReportId, string SectionKey, string Language, string? Text, int? Version = null);

    public async Task<ReportNarrativeText?> HandleAsync(Request request, CancellationToken ct = default)
    {
        ReportingPermissions.EnsureCanManage(db.Actor);
        var report = await ReportInput.LoadAsync(db, request.ReportId, ct);
        ReportInput.EnsureDraft(report);
        var v = new Validation();
        if (!LocalizedText.IsSupported(request.Language)) v.Add("language", Messages.Format("Error.UnknownLanguage", request.Language));
        v.MaxLength("text", request.Text, ReportingLimits.MaxNarrativeChars);
        var key = request.SectionKey?.Trim() ?? "";
        var known = key == ReportBuilder.SummaryKey
            || (key.StartsWith("element:", StringComparison.Ordinal) &&
                await db.PlanElements.AnyAsync(e => e.PlanId == report.PlanId && e.Code == key.Substring(8), ct));
        if (!known) v.Add("sectionKey", Messages.Format("Error.Report.UnknownSection", key));
        v.ThrowIfAny();

        var existing = await db.ReportNarratives.FirstOrDefaultAsync(n => n.ReportId == report.Id && n.SectionKey == key && n.Language == request.Language, ct);
        var text = request.Text?.Trim() ?? "";
        if (existing is null)
        {
            if (text.Length == 0) return null;
            existing = new ReportNarrativeText { ReportId = report.Id, SectionKey = key, Language = request.Language };
            db.ReportNarratives.Add(existing);
        }
        else
        {
            db.ExpectVersion(existing, request.Version);
            if (text.Length == 0)
            {
                db.ReportNarratives.Remove(existing);
                await db.SaveChangesAsync(ct);
                return null;
            }
        }
        existing.Text = text;
        existing.UpdatedAtUtc = db.UtcNow;
        existing.UpdatedBy = db.Actor.Name;
        await ReportInput.SaveOrConflictAsync(db, ct);
        return existing;
    }
}

/// <summary>Draft → submitted to Council (Planner).</summary>
public sealed class SubmitReport(CadreDbContext db)
{
    public sealed record Request(int ReportId, int? Version);

    public async Task<Report> HandleAsync(Request request, CancellationToken ct = default)
    {
        ReportingPermissions.EnsureCanManage(db.Actor);
        var report = await ReportInput.LoadAsync(db, request.ReportId, ct);
        db.ExpectVersion(report, request.Version);
        ReportInput.EnsureStatus(report, ReportWorkflowStatus.Draft);
        report.Status = ReportWorkflowStatus.Submitted;
        report.SubmittedAtUtc = db.UtcNow;
        await ReportFiles.RelabelAsync(db, report, ct);
        await db.SaveChangesAsync(ct);
        return report;
    }
}

/// <summary>Submitted → considered by Council, with the Council's decision (Councillor).</summary>
public sealed class RecordCouncilDecision(CadreDbContext db)
{
    public sealed record Request(int ReportId, int? Version, string? Decision);

    public async Task<Report> HandleAsync(Request request, CancellationToken ct = default)
    {
        ReportingPermissions.EnsureCanRecordDecision(db.Actor);
        var report = await ReportInput.LoadAsync(db, request.ReportId, ct);
        db.ExpectVersion(report, request.Version);
        ReportInput.EnsureStatus(report, ReportWorkflowStatus.Submitted);
        new Validation().Require("decision", request.Decision, ReportingLimits.MaxDecisionChars).ThrowIfAny();
        report.Status = ReportWorkflowStatus.Considered;
        report.CouncilDecision = request.Decision!.Trim();
        report.CouncilDecisionBy = db.Actor.Name;
        report.ConsideredAtUtc = db.UtcNow;
        await ReportFiles.RelabelAsync(db, report, ct);
        await db.SaveChangesAsync(ct);
        return report;
    }
}

/// <summary>
/// Considered → published (Planner). Its files are relabelled "Published" (<see cref="ReportFiles.RelabelAsync"/>); from
/// then on nothing about the report changes. Sending it to Member
/// States: every Delegate of every Member gets a notification in their inbox, in the same transaction.
/// </summary>
public sealed class PublishReport(CadreDbContext db)
{
    public sealed record Request(int ReportId, int? Version);

    public async Task<Report> HandleAsync(Request request, CancellationToken ct = default)
    {
        ReportingPermissions.EnsureCanManage(db.Actor);
        var report = await ReportInput.LoadAsync(db, request.ReportId, ct);
        db.ExpectVersion(report, request.Version);
        ReportInput.EnsureStatus(report, ReportWorkflowStatus.Considered);
        report.Status = ReportWorkflowStatus.Published;
        report.PublishedAtUtc = db.UtcNow;
        var planCode = await db.Plans.Where(p => p.Id == report.PlanId).Select(p => p.Code).FirstAsync(ct);
        await Notifications.Notify.MemberDelegatesAsync(db, report.Kind == ReportKind.Evaluation ? "Notification.EvaluationPublished" : "Notification.ReportPublished",
            [planCode, report.Year.ToString(CultureInfo.InvariantCulture), report.VersionNumber.ToString(CultureInfo.InvariantCulture)],
            $"/Reporting/Public/{report.Id}", ct);
        await ReportFiles.RelabelAsync(db, report, ct);
        await db.SaveChangesAsync(ct);
        return report;
    }
}

/// <summary>
/// On an evaluation: drafts the next plan from the evaluated one with the foundation's <see cref="Planning.Handlers.ClonePlan"/>
/// and links it to the report. Once only; the report may be at any stage (the draft of the next plan is presented
/// with the evaluation), and the link survives publication.
/// </summary>
public sealed class CreateNextPlanFromEvaluation(CadreDbContext db, Planning.Handlers.ClonePlan clone)
{
    public sealed record Request(int ReportId, string? NewCode, int StartYear, int EndYear);

    public async Task<Report> HandleAsync(Request request, CancellationToken ct = default)
    {
        ReportingPermissions.EnsureCanManage(db.Actor);
        var report = await ReportInput.LoadAsync(db, request.ReportId, ct);
        if (report.Kind != ReportKind.Evaluation) throw new ValidationFailedException("kind", Messages.Get("Error.Report.NextPlanOnlyEvaluation"));
        if (report.NextPlanId is not null) throw new ValidationFailedException("status", Messages.Get("Error.Report.NextPlanExists"));
        // One transaction: the plan and the link are stored together or not at all.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var plan = await clone.HandleAsync(new Planning.Handlers.ClonePlan.Request(report.PlanId, request.NewCode ?? "", request.StartYear, request.EndYear), ct);
            report.NextPlanId = plan.Id;
            await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
        return report;
    }
}

/// <summary>
/// What deleting a plan does to its reports: draft reports (never submitted) go with the plan; a report that
/// went to Council or was published is a record and stops the deletion with a clear message. Called by
/// <see cref="Planning.Handlers.DeletePlan"/> before it removes the plan (the database keeps a restricting
/// foreign key as a last guard).
/// </summary>
public static class PlanReports
{
    public static async Task RemoveDraftsOrRefuseAsync(CadreDbContext db, int planId, CancellationToken ct)
    {
        var reports = await db.Reports.Where(r => r.PlanId == planId).ToListAsync(ct);
        var kept = reports.Where(r => r.Status != ReportWorkflowStatus.Draft).OrderBy(r => r.Year).ThenBy(r => r.VersionNumber).ToList();
        if (kept.Count > 0)
        {
            var first = kept[0];
            throw new ValidationFailedException("status", Messages.Format("Error.Report.PlanHasReports", kept.Count, first.Year, ReportInput.StatusLabel(first.Status)));
        }
        db.Reports.RemoveRange(reports);
    }
}
