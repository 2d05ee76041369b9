using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Governance.Recommendations;

/// <summary>
/// Records the decision that moves a recommendation on: proposed → endorsed or rejected, endorsed → implemented.
/// The managers of the recommending body or of the body it is addressed to.
/// </summary>
[Authorize]
public sealed class StatusModel(GovernanceQueries queries, SettleRecommendation settle, CadreDbContext db, TimeProvider clock) : GovernanceFormPageModel
{
    public sealed class InputModel
    {
        public int? Version { get; set; }
        public RecommendationStatus? Status { get; set; }
        public string? DecisionEn { get; set; }
        public string? DecisionFr { get; set; }
        public string? DecisionSymbol { get; set; }
        public DateOnly? DecidedOn { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Recommendation Recommendation { get; private set; } = null!;
    public IReadOnlyList<RecommendationStatus> Next { get; private set; } = [];

    protected override IReadOnlyDictionary<string, string> FieldMap { get; } = new Dictionary<string, string>
    {
        ["decision"] = "Input.DecisionEn",
    };

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Input = new InputModel { Version = Recommendation.Version, Status = Next.Count > 0 ? Next[0] : null, DecidedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        ClearBinderErrors();
        try
        {
            ThrowIfUnreadable();
            if (Input.Status is not RecommendationStatus status) throw new ValidationFailedException("status", G("RecStatusForm.Choose"));
            var rec = await settle.HandleAsync(new SettleRecommendation.Request(id, Input.Version, status, Texts(Input.DecisionEn, Input.DecisionFr), Input.DecisionSymbol, Input.DecidedOn), ct);
            Flash(G("RecStatusForm.Saved", G("RecStatus." + rec.Status)));
            return Redirect($"/Governance/Recommendations/{rec.Id}");
        }
        catch (CadreException ex)
        {
            return Show(ex) ?? Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await queries.GetRecommendationAsync(id, ct) is not { } x) return NotFound();
        var r = x.Recommendation;
        if (!x.CanManage && !await BodyAccess.CanManageAsync(db, Actor, r.ToBodyId, ct)) return Refuse();
        Recommendation = r;
        Next = SettleRecommendation.NextStatuses(r.Status);
        return null;
    }
}
