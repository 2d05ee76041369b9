using Cadre.Core.Data;
using Cadre.Core.Governance;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Governance.Liaisons;

/// <summary>A liaison statement, the statement it answers and its replies; the sender edits it, the receiver records the reply.</summary>
public sealed class DetailsModel(GovernanceQueries queries, CadreDbContext db) : GovernancePageModel
{
    public LiaisonStatement Statement { get; private set; } = null!;
    public IReadOnlyList<LiaisonStatement> Replies { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanReply { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.GetLiaisonAsync(id, ct) is not { } x) return NotFound();
        Statement = x.Statement;
        Replies = x.Replies;
        CanManage = x.CanManage;
        CanReply = await BodyAccess.CanManageAsync(db, Actor, x.Statement.ToBodyId, ct);
        return Page();
    }
}
