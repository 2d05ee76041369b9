using Cadre.Core.Common;
using Cadre.Core.Results;
using Cadre.Core.Results.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Results.Indicators;

/// <summary>Confirms, then deletes an indicator with its targets and values (Planner).</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class DeleteModel(DeleteIndicator delete) : ResultsPageModel
{
    [BindProperty]
    public int? Version { get; set; }

    public Indicator Indicator { get; private set; } = null!;

    public int ValueCount { get; private set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var indicator = await Reads.IndicatorAsync(id, ct);
        if (indicator is null) return false;
        Indicator = indicator;
        ValueCount = (await Reads.ValuesAsync(id, ct)).Count;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Indicator.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            await delete.HandleAsync(new DeleteIndicator.Request(id, Version), ct);
            Flash(RText("IndicatorDelete.Done", Indicator.Code));
            return Redirect($"/Results/Plans/{Indicator.PlanId}/Indicators");
        }
        catch (CadreException ex)
        {
            ModelState.Remove(nameof(Version));
            Version = Indicator.Version;
            return FailAtTop(ex) ?? Page();
        }
    }
}
