using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Planning.Plans;

/// <summary>Moves a plan between draft, adopted and superseded. The page itself is the confirmation step.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class StatusModel(PlanningQueries queries, ChangePlanStatus change) : PlanningPageModel
{
    public sealed class StatusInput
    {
        public int? Version { get; set; }
        public PlanStatus? Status { get; set; }
        public string? AdoptedBy { get; set; }
    }

    [BindProperty]
    public StatusInput Input { get; set; } = new();

    public PlanDetail Plan { get; private set; } = null!;

    /// <summary>The statuses the plan may move to from where it is (the rule of ChangePlanStatus).</summary>
    public IReadOnlyList<PlanStatus> Targets => Plan.Status switch
    {
        PlanStatus.Draft => [PlanStatus.Adopted],
        PlanStatus.Adopted => [PlanStatus.Superseded, PlanStatus.Draft],
        _ => [],
    };

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        Input = new StatusInput { Version = plan.Version, Status = Targets.Count > 0 ? Targets[0] : null, AdoptedBy = plan.AdoptedBy };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        var plan = await queries.GetPlanAsync(id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        if (Input.Status is not PlanStatus status)
        {
            ModelState.AddModelError("Input.Status", Text("Status.Choose"));
            return Page();
        }
        try
        {
            await change.HandleAsync(new ChangePlanStatus.Request(id, Input.Version, status, Input.AdoptedBy), ct);
            Flash(Text("Status.Changed", plan.Code, Text("Status." + status)));
            return Redirect($"/Planning/Plans/{id}");
        }
        catch (CadreException ex)
        {
            if (ex is ConcurrencyConflictException)
            {
                ModelState.Remove("Input.Version");
                Input.Version = plan.Version;
            }
            return Fail(ex, nameof(Input)) ?? Page();
        }
    }
}
