using System.IO.Compression;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Finance;
using Cadre.Core.Planning;
using Cadre.Core.Reporting.Iati;
using Cadre.Core.Reporting.Model;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Reporting.Sources;

/// <summary>The two IATI 2.03 files of a plan, as bytes ready to write, with the names the CLI and the web give them.</summary>
public sealed record IatiFiles(string PlanCode, byte[] Organisation, byte[] Activities, int ActivityCount, int Year)
{
    /// <summary>The plan code with anything but ASCII letters, digits, dots and hyphens replaced by '_', for file names.</summary>
    public string SafeCode => new(PlanCode.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_').ToArray());

    /// <summary><c>CODE-organisation.xml</c>.</summary>
    public string OrganisationFileName => SafeCode + "-organisation.xml";

    /// <summary><c>CODE-activities.xml</c>.</summary>
    public string ActivitiesFileName => SafeCode + "-activities.xml";

    /// <summary><c>CODE-iati.zip</c>.</summary>
    public string ZipFileName => SafeCode + "-iati.zip";

    /// <summary>Both files in one ZIP archive, under <see cref="OrganisationFileName"/> and <see cref="ActivitiesFileName"/>.</summary>
    public byte[] ToZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in new[] { (OrganisationFileName, Organisation), (ActivitiesFileName, Activities) })
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(bytes);
            }
        }
        return stream.ToArray();
    }
}

/// <summary>
/// The IATI 2.03 files of a plan from the real data: the organisation file with the total budget (the financial
/// plan's expenses) and the total expenditure of each year, and the activities file (one activity per top-level
/// element, with the yearly budgets attributed to it, its results, indicators, baselines and yearly periods with
/// targets and actuals as of the current year). The reader must be allowed to read the plan (a draft plan is
/// not found for those who may not read drafts).
/// </summary>
public sealed class IatiExport(CadreDbContext db, IReportSource source)
{
    /// <summary>The ITU's IATI organisation identifier and name.</summary>
    public static readonly IatiOrganisation Itu = new("XM-DAC-47060", "40",
        new Dictionary<string, string> { ["en"] = "International Telecommunication Union", ["fr"] = "Union internationale des télécommunications" });

    public async Task<IatiFiles> ExportAsync(string planCode, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(planCode);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Code == planCode, ct);
        if (plan is null || (plan.Status == PlanStatus.Draft && !PlanningPermissions.CanReadDrafts(db.Actor)))
        {
            throw new NotFoundException(Messages.Format("Error.Report.PlanNotFound", planCode));
        }
        var fp = await db.FinancialPlans.AsNoTracking().Where(f => f.PlanId == plan.Id).Select(f => (int?)f.Id).FirstOrDefaultAsync(ct)
            ?? throw new ValidationFailedException("plan", Messages.Format("Error.Report.NoFinancialPlan", plan.Code));
        var now = db.UtcNow;
        var year = Math.Clamp(now.Year, plan.StartYear, plan.EndYear);
        var data = await source.LoadAsync(plan.Code, ReportKind.Annual, year, ct)
            ?? throw new NotFoundException(Messages.Format("Error.Report.PlanNotFound", planCode));

        var budgets = (await db.FinancialPlanLines.AsNoTracking().Where(l => l.FinancialPlanId == fp && l.Kind == LineKind.Expense)
            .GroupBy(l => l.Year).Select(g => new { Year = g.Key, Amount = g.Sum(l => l.Amount) }).ToListAsync(ct))
            .OrderBy(b => b.Year).ToList();
        var spent = (await db.Expenditures.AsNoTracking().Where(x => db.Budgets.Any(b => b.Id == x.BudgetId && b.FinancialPlanId == fp))
            .GroupBy(x => x.Year).Select(g => new { Year = g.Key, Amount = g.Sum(x => x.Amount) }).ToListAsync(ct))
            .OrderBy(b => b.Year).ToList();
        var status = plan.IsPublished ? "2" : "1";
        var organisation = new IatiOrganisationFile(Itu, "CHF", plan.OriginalLanguage, now,
            budgets.Select(b => new IatiYearAmount(b.Year, b.Amount, status)).ToList(),
            spent.Select(s => new IatiYearAmount(s.Year, s.Amount)).ToList());

        // Yearly budgets of each top-level element: the financial plan's expenses attributed to it.
        var elements = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == plan.Id).Select(e => new { e.Id, e.ParentId, e.Code }).ToListAsync(ct);
        var byYear = await PlanReportSource.ResourcesByYearAsync(db, plan.Id, elements.ToDictionary(e => e.Id, e => e.ParentId), ct);
        var perTop = elements.Where(e => e.ParentId is null).ToDictionary(e => e.Code,
            e => (IReadOnlyList<IatiYearAmount>)(byYear.GetValueOrDefault(e.Id) ?? []).Where(y => y.Value.Attributed > 0).OrderBy(y => y.Key)
                .Select(y => new IatiYearAmount(y.Key, y.Value.Attributed, "1")).ToList(), StringComparer.Ordinal);
        var activities = IatiMapping.Activities(data, Itu, year, now, plan.OriginalLanguage, perTop);
        return new IatiFiles(plan.Code, IatiWriter.WriteOrganisations(organisation), IatiWriter.WriteActivities(activities), activities.Activities.Count, year);
    }
}
