using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Governance.Bodies;

/// <summary>Confirms, then removes an officer recorded by mistake (ending the term keeps them in the body's history instead).</summary>
[Authorize]
public sealed class OfficerRemoveModel(CadreDbContext db, GovernanceQueries queries, RemoveOfficer remove) : GovernancePageModel
{
    public Body Body { get; private set; } = null!;
    public BodyOfficer Officer { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, int officerId, CancellationToken ct) => await LoadAsync(code, officerId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string code, int officerId, int? version, CancellationToken ct)
    {
        if (await LoadAsync(code, officerId, ct) is { } refused) return refused;
        try
        {
            await remove.HandleAsync(officerId, version, Body.Id, ct);
            Flash(G("OfficerRemove.Done", Officer.Name, Body.Code));
            return Redirect($"/Governance/Bodies/{Uri.EscapeDataString(Body.Code)}/Officers");
        }
        catch (CadreException ex)
        {
            return FailAtTop(ex) ?? Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(string code, int officerId, CancellationToken ct)
    {
        var body = await queries.FindBodyAsync(code, ct);
        if (body is null || body.Code != code) return NotFound();
        if (!await BodyAccess.CanManageAsync(db, Actor, body.Id, ct)) return Refuse();
        var officer = body.Officers.FirstOrDefault(o => o.Id == officerId);
        if (officer is null) return NotFound();
        Body = body;
        Officer = officer;
        return null;
    }
}
