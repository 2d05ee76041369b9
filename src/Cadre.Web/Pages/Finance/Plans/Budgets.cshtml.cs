using Cadre.Core.Finance;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Finance.Plans;

/// <summary>The biennial budgets by unit and cost category, with expenditure and execution rates.</summary>
public sealed class BudgetsModel(FinanceQueries queries) : FinancePageModel
{
    public PlanRef Plan { get; private set; } = null!;
    public IReadOnlyList<BudgetView> Budgets { get; private set; } = [];
    public FinancialPlanView? Financial { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(id, ct);
        var budgets = await queries.GetBudgetsAsync(id, ct);
        if (plan is null || budgets is null) return NotFound();
        Plan = plan;
        Budgets = budgets;
        Financial = await queries.GetFinancialPlanAsync(id, ct);
        return Page();
    }
}
