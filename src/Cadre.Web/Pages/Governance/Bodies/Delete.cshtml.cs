using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Governance.Bodies;

/// <summary>
/// Confirms, then deletes a body: says what goes with it (officers, list of Members, work programme), or why it cannot
/// be deleted (what still refers to it). For whoever may create the body: the secretariat, or the chair of its parent.
/// </summary>
[Authorize]
public sealed class DeleteModel(CadreDbContext db, GovernanceQueries queries, DeleteBody delete) : GovernancePageModel
{
    public Body Body { get; private set; } = null!;
    public BodyUsage Usage { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string code, int? version, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is { } refused) return refused;
        try
        {
            await delete.HandleAsync(Body.Id, version, ct);
            Flash(G("BodyDelete.Done", Body.Code));
            return Redirect(Body.Parent is { } parent ? $"/Governance/Bodies/{Uri.EscapeDataString(parent.Code)}" : "/Governance");
        }
        catch (CadreException ex)
        {
            // A conflict or a body that became used since the page was shown: the page again, with the reason at the top.
            Usage = await BodyUsage.OfAsync(db, Body.Id, ct);
            return FailAtTop(ex) ?? Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken ct)
    {
        var body = await queries.FindBodyAsync(code, ct);
        if (body is null || body.Code != code) return NotFound();
        if (!await delete.CanDeleteAsync(body, ct)) return Refuse();
        Body = body;
        Usage = await BodyUsage.OfAsync(db, body.Id, ct);
        return null;
    }
}
