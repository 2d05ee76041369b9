using Cadre.Core.Finance;
using Cadre.Core.Finance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Finance.Risks;

/// <summary>Changes a risk; a new likelihood, impact or status, or a note, records an assessment in its history.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class EditModel(FinanceQueries queries, SaveRisk save) : RiskFormModel(queries, save)
{
    public RiskView Risk { get; private set; } = null!;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var risk = await Queries.GetRiskAsync(id, ct);
        var plan = risk is null ? null : await Queries.GetPlanAsync(risk.PlanId, ct);
        if (risk is null || plan is null) return false;
        Risk = risk;
        Plan = plan;
        await LoadElementsAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = RiskInput.From(Risk);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(id, ct)) return NotFound();
        return await SaveAsync(id, ct);
    }
}
