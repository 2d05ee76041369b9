using System.Globalization;
using Cadre.Core.Audit;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Planning.Plans;

public sealed class HistoryModel(PlanningQueries queries, CadreDbContext db) : PlanningPageModel
{
    public PlanDetail Plan { get; private set; } = null!;
    public IReadOnlyList<HistoryEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        Entries = await new AuditQueries(db).HistoryAsync(nameof(Cadre.Core.Planning.Plan), id.ToString(CultureInfo.InvariantCulture), ct);
        return Page();
    }
}
