using Cadre.Web.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Pages.Governance.Work;

/// <summary>Confirms, then deletes an entry of a body's work programme.</summary>
[Authorize]
public sealed class DeleteModel(CadreDbContext db, DeleteWorkItem delete) : GovernancePageModel
{
    public WorkItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, int? version, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        try
        {
            await delete.HandleAsync(id, version, ct);
            Flash(G("WorkDelete.Done", Item.Title.Local()));
            return Redirect($"/Governance/Bodies/{Uri.EscapeDataString(Item.Body!.Code)}");
        }
        catch (CadreException ex)
        {
            return FailAtTop(ex) ?? Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var item = await db.WorkItems.AsNoTracking().Include(w => w.Body).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (item is null) return NotFound();
        if (!await BodyAccess.CanManageAsync(db, Actor, item.BodyId, ct)) return Refuse();
        Item = item;
        return null;
    }
}
