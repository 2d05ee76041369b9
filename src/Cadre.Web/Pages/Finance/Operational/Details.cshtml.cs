using Cadre.Core.Finance;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Finance.Operational;

/// <summary>An operational plan's outputs and activities with their responsible unit, resources and links to the strategic plan.</summary>
public sealed class DetailsModel(FinanceQueries queries) : FinancePageModel
{
    public PlanRef Plan { get; private set; } = null!;
    public IReadOnlyList<OutputResourceView> Elements { get; private set; } = [];
    public OperationalPlanView? Summary { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(id, ct);
        if (plan is null || plan.Kind != Core.Planning.PlanKind.Operational) return NotFound();
        Plan = plan;
        Elements = (await queries.GetOperationalResourcesAsync(id, ct))!;
        Summary = (await queries.ListOperationalPlansAsync(ct)).FirstOrDefault(p => p.Plan.Id == id);
        return Page();
    }
}
