using Cadre.Core.Common;
using Cadre.Core.Finance;
using Cadre.Core.Finance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Finance.Operational;

/// <summary>Rolls an operational plan forward one year: a draft copy with its links and resources.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class RollForwardModel(FinanceQueries queries, RollForwardOperationalPlan roll) : FinancePageModel
{
    public PlanRef Plan { get; private set; } = null!;

    [BindProperty]
    public string? NewCode { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(id, ct);
        if (plan is null || plan.Kind != Core.Planning.PlanKind.Operational) return NotFound();
        Plan = plan;
        NewCode = RollForwardOperationalPlan.NextCode(plan.Code, plan.StartYear, plan.EndYear);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        var plan = await queries.GetPlanAsync(id, ct);
        if (plan is null || plan.Kind != Core.Planning.PlanKind.Operational) return NotFound();
        Plan = plan;
        try
        {
            var next = await roll.HandleAsync(new RollForwardOperationalPlan.Request(id, NewCode), ct);
            TempData["Message"] = Text("Roll.Done", plan.Code, next.Code);
            return Redirect($"/Planning/Plans/{next.Id}");
        }
        catch (ValidationFailedException ex)
        {
            foreach (var m in ex.Errors.SelectMany(e => e.Value)) ModelState.AddModelError(nameof(NewCode), m);
            return Page();
        }
        catch (CadreException ex)
        {
            return Fail(ex) ?? Page();
        }
    }
}
