using Cadre.Core.Common;
using Cadre.Core.Results;
using Cadre.Core.Results.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Results.Indicators;

/// <summary>Changes an indicator's definition, targets and people (Planner).</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class EditModel(SaveIndicator save) : ResultsPageModel
{
    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    public IndicatorFormOptions Form { get; private set; } = null!;

    public Indicator Indicator { get; private set; } = null!;

    /// <summary>True after a concurrency conflict: the form was reloaded with what someone else saved.</summary>
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var indicator = await Reads.IndicatorAsync(id, ct);
        if (indicator is null) return NotFound();
        Indicator = indicator;
        Input = IndicatorInput.From(indicator);
        Form = await IndicatorFormOptions.LoadAsync(Reads, indicator.Plan!, Input, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        var indicator = await Reads.IndicatorAsync(id, ct);
        if (indicator is null) return NotFound();
        Indicator = indicator;
        var request = Input.ToRequest(id, indicator.PlanId, ModelState, (k, a) => RText(k, a));
        if (request is not null)
        {
            try
            {
                await save.HandleAsync(request, ct);
                Flash(RText("Indicator.Saved", request.Code));
                return Redirect($"/Results/Indicators/{id}");
            }
            catch (CadreException ex)
            {
                if (ex is ConcurrencyConflictException)
                {
                    Conflict = true;
                    ModelState.Remove("Input.Version");
                    Input.Version = indicator.Version;
                }
                var result = Fail(ex, nameof(Input));
                TargetErrors.Gather(ModelState);
                if (result is not null) return result;
            }
        }
        Form = await IndicatorFormOptions.LoadAsync(Reads, indicator.Plan!, Input, ct);
        return Page();
    }
}
