using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Reporting.Model;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Infrastructure;

/// <summary>
/// A stand-in <see cref="IReportSource"/> for the web host while the real one (Planning, Results and Finance
/// data, written in Reporting/Sources) is not registered: the plan and its element tree only, with no
/// indicators, resources or risks, so that the report shows its "no indicators" gaps instead of failing.
/// Registered with TryAdd: any source registered before it (the real one) wins.
/// </summary>
public sealed class ReportWorkerPlanSource(CadreDbContext db) : IReportSource
{
    public async Task<ReportSourceData?> LoadAsync(string planCode, ReportKind kind, int year, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Levels).FirstOrDefaultAsync(p => p.Code == planCode, ct);
        if (plan is null) return null;
        var elements = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == plan.Id).ToListAsync(ct);
        var levels = plan.Levels.ToDictionary(l => l.Id);
        var byParent = elements.ToLookup(e => e.ParentId);
        var codes = elements.ToDictionary(e => e.Id, e => e.Code);
        var ordered = new List<ReportElementData>();
        void Walk(int? parent, int depth)
        {
            foreach (var e in byParent[parent].OrderBy(e => e.SortOrder).ThenBy(e => e.Code, StringComparer.Ordinal))
            {
                var level = levels[e.LevelId];
                ordered.Add(new ReportElementData(e.Code, e.ParentId is int p ? codes[p] : null, depth, level.Code,
                    Texts(level.Name), Texts(e.Title), [], null, []));
                Walk(e.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return new ReportSourceData(new ReportPlanData(plan.Code, Texts(plan.Title), plan.OriginalLanguage, plan.StartYear, plan.EndYear), ordered);
    }

    private static Dictionary<string, string> Texts(LocalizedText text) =>
        LocalizedText.Languages.Where(l => !string.IsNullOrWhiteSpace(text[l])).ToDictionary(l => l, l => text[l]!, StringComparer.Ordinal);
}
