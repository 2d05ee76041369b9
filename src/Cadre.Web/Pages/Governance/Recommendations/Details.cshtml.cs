using Cadre.Core.Data;
using Cadre.Core.Governance;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Governance.Recommendations;

/// <summary>A recommendation with its status, the settling decision, documents and plan elements.</summary>
public sealed class DetailsModel(GovernanceQueries queries, CadreDbContext db) : GovernancePageModel
{
    public Recommendation Recommendation { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public bool CanDecide { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.GetRecommendationAsync(id, ct) is not { } x) return NotFound();
        Recommendation = x.Recommendation;
        CanManage = x.CanManage;
        CanDecide = x.CanManage || await BodyAccess.CanManageAsync(db, Actor, x.Recommendation.ToBodyId, ct);
        return Page();
    }
}
