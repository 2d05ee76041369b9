using Cadre.Core.Common;
using Cadre.Core.Finance;
using Cadre.Core.Finance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Finance.Plans;

/// <summary>Confirms, then deletes a financial plan with its budgets, expenditure and attribution keys.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class DeleteModel(FinanceQueries queries, DeleteFinancialPlan delete) : FinancePageModel
{
    public FinancialPlanView Financial { get; private set; } = null!;

    [BindProperty]
    public int? Version { get; set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var f = await queries.GetFinancialPlanAsync(id, ct);
        if (f?.Id is null) return false;
        Financial = f;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Financial.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            await delete.HandleAsync(new DeleteFinancialPlan.Request(id, Version), ct);
            Flash(Text("PlanDelete.Done", Financial.Plan.Code));
            return Redirect($"/Finance/Plans/{id}");
        }
        catch (CadreException ex)
        {
            ModelState.Remove(nameof(Version));
            Version = Financial.Version;
            return FailAtTop(ex) ?? Page();
        }
    }
}
