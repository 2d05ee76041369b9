using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Results.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Results.Indicators;

/// <summary>A new indicator on an element of a plan (Planner).</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class CreateModel(SaveIndicator save) : ResultsPageModel
{
    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    public IndicatorFormOptions Form { get; private set; } = null!;

    public Plan Plan => Form.Plan;

    public async Task<IActionResult> OnGetAsync(int planId, int? element, CancellationToken ct)
    {
        var plan = await Reads.PlanAsync(planId, ct);
        if (plan is null) return NotFound();
        Input.ElementId = element;
        Form = await IndicatorFormOptions.LoadAsync(Reads, plan, Input, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        var plan = await Reads.PlanAsync(planId, ct);
        if (plan is null) return NotFound();
        var request = Input.ToRequest(null, planId, ModelState, (k, a) => RText(k, a));
        if (request is not null)
        {
            try
            {
                var created = await save.HandleAsync(request, ct);
                Flash(RText("Indicator.Created", created.Code));
                return Redirect($"/Results/Indicators/{created.Id}");
            }
            catch (CadreException ex)
            {
                var result = Fail(ex, nameof(Input));
                TargetErrors.Gather(ModelState);
                if (result is not null) return result;
            }
        }
        Form = await IndicatorFormOptions.LoadAsync(Reads, plan, Input, ct);
        return Page();
    }
}
