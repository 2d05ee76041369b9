using Cadre.Core.Finance;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Finance.Plans;

/// <summary>Everything that does not agree between the plans, the financial plan, the budgets and the attribution, each with a link to fix it.</summary>
public sealed class CoherenceModel(CoherenceQueries coherence) : FinancePageModel
{
    public CoherenceReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var report = await coherence.CheckAsync(id, ct);
        if (report is null) return NotFound();
        Report = report;
        return Page();
    }
}
