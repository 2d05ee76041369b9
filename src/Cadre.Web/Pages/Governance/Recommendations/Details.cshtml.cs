using Cadre.Core.Governance;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Governance.Recommendations;

/// <summary>A recommendation with its status, the settling decision, documents and plan elements.</summary>
public sealed class DetailsModel(GovernanceQueries queries) : GovernancePageModel
{
    public Recommendation Recommendation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.GetRecommendationAsync(id, ct) is not { } x) return NotFound();
        Recommendation = x.Recommendation;
        return Page();
    }
}
