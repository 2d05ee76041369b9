using Cadre.Core.Finance;
using Cadre.Core.Finance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Finance.Risks;

/// <summary>Adds a risk to a strategic plan's register; its first assessment is recorded with it.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class CreateModel(FinanceQueries queries, SaveRisk save) : RiskFormModel(queries, save)
{
    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var plan = await Queries.GetPlanAsync(id, ct);
        if (plan is null || plan.Kind != Core.Planning.PlanKind.Strategic) return false;
        Plan = plan;
        await LoadElementsAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.Version = null;
        return await SaveAsync(null, ct);
    }
}
