using Cadre.Core.Finance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Finance.Plans;

/// <summary>The risk register with its heat map (internal: the secretariat and the Council).</summary>
[Authorize]
public sealed class RisksModel(FinanceQueries queries) : FinancePageModel
{
    public PlanRef Plan { get; private set; } = null!;
    public IReadOnlyList<RiskView> Risks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(id, ct);
        var risks = await queries.ListRisksAsync(id, ct);
        if (plan is null || risks is null) return NotFound();
        Plan = plan;
        Risks = risks;
        return Page();
    }
}
