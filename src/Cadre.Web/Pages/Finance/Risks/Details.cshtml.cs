using Cadre.Core.Finance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Finance.Risks;

/// <summary>A risk with the history of its assessments.</summary>
[Authorize]
public sealed class DetailsModel(FinanceQueries queries) : FinancePageModel
{
    public RiskView Risk { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var risk = await queries.GetRiskAsync(id, ct);
        if (risk is null) return NotFound();
        Risk = risk;
        return Page();
    }
}
