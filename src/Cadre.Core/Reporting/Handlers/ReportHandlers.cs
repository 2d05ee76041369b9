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
        await db.SaveChangesAsync(ct);
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
        await db.SaveChangesAsync(ct);
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
        await db.SaveChangesAsync(ct);
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
        await db.SaveChangesAsync(ct);
        return report;
    }
}

/// <summary>
/// Considered → published (Planner). From then on nothing about the report changes. Sending it to Member
/// States (a notification to every Member's Delegates) is to be wired with Governance.
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
        await db.SaveChangesAsync(ct);
        return report;
    }
}
