using Cadre.Core.Finance;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Finance.Plans;

/// <summary>The attribution of each unit's resources to the plan's elements, totals per top-level element, and the comparison with the financial plan and budgets.</summary>
public sealed class AttributionModel(FinanceQueries queries) : FinancePageModel
{
    public AttributionView Attribution { get; private set; } = null!;
    public IReadOnlyList<UnitKeysView> Keys { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var a = await queries.GetAttributionAsync(id, ct);
        var keys = await queries.GetKeysAsync(id, ct);
        if (a is null || keys is null) return NotFound();
        Attribution = a;
        Keys = keys;
        return Page();
    }
}
