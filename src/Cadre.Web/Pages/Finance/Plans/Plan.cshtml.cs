using Cadre.Core.Finance;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Finance.Plans;

/// <summary>The financial plan in its two layouts: financial (sources and units by year) and results-based (attribution to goals).</summary>
public sealed class PlanModel(FinanceQueries queries) : FinancePageModel
{
    public FinancialPlanView Financial { get; private set; } = null!;
    public AttributionView? Attribution { get; private set; }
    public bool Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? layout, CancellationToken ct)
    {
        var f = await queries.GetFinancialPlanAsync(id, ct);
        if (f is null) return NotFound();
        Financial = f;
        Results = layout == "results";
        if (Results) Attribution = await queries.GetAttributionAsync(id, ct);
        return Page();
    }
}
