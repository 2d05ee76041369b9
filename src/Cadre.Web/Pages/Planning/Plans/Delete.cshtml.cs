using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Planning.Plans;

/// <summary>Confirms, then deletes a draft plan with its levels, elements and links.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class DeleteModel(PlanningQueries queries, DeletePlan delete) : PlanningPageModel
{
    [BindProperty]
    public int? Version { get; set; }

    public PlanDetail Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        Version = plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        var plan = await queries.GetPlanAsync(id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        try
        {
            await delete.HandleAsync(new DeletePlan.Request(id, Version), ct);
            Flash(Text("PlanDelete.Done", plan.Code));
            return Redirect("/Planning/Plans");
        }
        catch (CadreException ex)
        {
            ModelState.Remove(nameof(Version));
            Version = plan.Version;
            return FailAtTop(ex) ?? Page();
        }
    }
}
