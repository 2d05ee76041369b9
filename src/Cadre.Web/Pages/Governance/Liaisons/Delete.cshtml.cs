using Cadre.Web.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Governance.Liaisons;

/// <summary>Confirms, then deletes a liaison statement (its replies stay, unlinked).</summary>
[Authorize]
public sealed class DeleteModel(GovernanceQueries queries, DeleteLiaison delete, CadreDbContext db) : GovernancePageModel
{
    public LiaisonStatement Statement { get; private set; } = null!;
    public int ReplyCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, int? version, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        try
        {
            await delete.HandleAsync(id, version, ct);
            Flash(G("LiaisonDelete.Done", Statement.Title.Local()));
            return Redirect("/Governance/Liaisons");
        }
        catch (CadreException ex)
        {
            return FailAtTop(ex) ?? Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var found = await queries.GetLiaisonAsync(id, ct);
        if (found is not { } f) return NotFound();
        if (!await BodyAccess.CanManageAsync(db, Actor, f.Statement.FromBodyId, ct)) return Refuse();
        Statement = f.Statement;
        ReplyCount = f.Replies.Count;
        return null;
    }
}
