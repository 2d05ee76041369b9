using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Planning.Plans;

[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class EditModel(PlanningQueries queries, UpdatePlan update) : PlanningPageModel
{
    public sealed class PlanInput
    {
        public int? Version { get; set; }
        public string? Code { get; set; }
        public TextFields Title { get; set; } = new();
        public TextFields Description { get; set; } = new();
        public int? StartYear { get; set; }
        public int? EndYear { get; set; }
        public string? OwnerUnit { get; set; }
    }

    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public PlanDetail Plan { get; private set; } = null!;

    /// <summary>Set after a concurrency conflict: the values someone else saved.</summary>
    public PlanDetail? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        Input = new PlanInput
        {
            Version = plan.Version,
            Code = plan.Code,
            Title = TextFields.From(plan.Title),
            Description = TextFields.From(plan.Description),
            StartYear = plan.StartYear,
            EndYear = plan.EndYear,
            OwnerUnit = plan.OwnerUnit,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        var plan = await queries.GetPlanAsync(id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        if (!ModelState.IsValid) return Page();
        try
        {
            await update.HandleAsync(new UpdatePlan.Request(id, Input.Version, Input.Code ?? "", Input.Title.ToRequest(), Input.Description.ToRequest(),
                Input.StartYear ?? 0, Input.EndYear ?? 0, Input.OwnerUnit ?? ""), ct);
            Flash(Text("Plans.Saved"));
            return Redirect($"/Planning/Plans/{id}");
        }
        catch (CadreException ex)
        {
            if (ex is ConcurrencyConflictException)
            {
                // Show what the other person saved, and let this user save over it knowingly.
                Current = plan;
                ModelState.Remove("Input.Version");
                Input.Version = plan.Version;
            }
            return Fail(ex, nameof(Input)) ?? Page();
        }
    }
}
