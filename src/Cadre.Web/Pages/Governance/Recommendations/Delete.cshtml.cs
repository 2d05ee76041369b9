using Cadre.Core.Common;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Governance.Recommendations;

/// <summary>Confirms, then deletes a recommendation.</summary>
[Authorize]
public sealed class DeleteModel(GovernanceQueries queries, DeleteRecommendation delete) : GovernancePageModel
{
    public Recommendation Recommendation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, int? version, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        try
        {
            await delete.HandleAsync(id, version, ct);
            Flash(G("RecDelete.Done", Recommendation.Number));
            return Redirect($"/Governance/Bodies/{Uri.EscapeDataString(Recommendation.Body!.Code)}");
        }
        catch (CadreException ex)
        {
            return FailAtTop(ex) ?? Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await queries.GetRecommendationAsync(id, ct) is not { } x) return NotFound();
        if (!x.CanManage) return Refuse();
        Recommendation = x.Recommendation;
        return null;
    }
}
