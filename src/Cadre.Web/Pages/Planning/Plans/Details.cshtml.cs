using Cadre.Core.Planning;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Planning.Plans;

public sealed class DetailsModel(PlanningQueries queries) : PlanningPageModel
{
    public PlanDetail Plan { get; private set; } = null!;
    public string? PreviousPlanCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        if (plan.PreviousPlanId is int previous) PreviousPlanCode = (await queries.GetPlanAsync(previous, ct))?.Code;
        return Page();
    }
}
