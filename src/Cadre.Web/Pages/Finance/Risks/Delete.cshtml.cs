using Cadre.Core.Common;
using Cadre.Core.Finance;
using Cadre.Core.Finance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Finance.Risks;

/// <summary>Confirms, then deletes a risk with its assessment history.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class DeleteModel(FinanceQueries queries, DeleteRisk delete) : FinancePageModel
{
    public RiskView Risk { get; private set; } = null!;

    [BindProperty]
    public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        var risk = await queries.GetRiskAsync(id, ct);
        if (risk is null) return NotFound();
        Risk = risk;
        Version = risk.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        var risk = await queries.GetRiskAsync(id, ct);
        if (risk is null) return NotFound();
        Risk = risk;
        try
        {
            await delete.HandleAsync(new DeleteRisk.Request(id, Version), ct);
            Flash(Text("RiskDelete.Done", risk.Code));
            return Redirect($"/Finance/Plans/{risk.PlanId}/Risks");
        }
        catch (CadreException ex)
        {
            ModelState.Remove(nameof(Version));
            Version = risk.Version;
            return FailAtTop(ex) ?? Page();
        }
    }
}
