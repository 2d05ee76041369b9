using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Governance.Bodies;

/// <summary>Confirms, then takes a Member off a body's list.</summary>
[Authorize]
public sealed class MemberRemoveModel(CadreDbContext db, GovernanceQueries queries, RemoveBodyMember remove) : GovernancePageModel
{
    public Body Body { get; private set; } = null!;
    public BodyMember Row { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, int memberId, CancellationToken ct) => await LoadAsync(code, memberId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string code, int memberId, CancellationToken ct)
    {
        if (await LoadAsync(code, memberId, ct) is { } refused) return refused;
        try
        {
            await remove.HandleAsync(Body.Id, memberId, ct);
            Flash(G("Members.Removed", Row.Member?.Code ?? ""));
            return Redirect($"/Governance/Bodies/{Uri.EscapeDataString(Body.Code)}/Members");
        }
        catch (CadreException ex)
        {
            return FailAtTop(ex) ?? Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(string code, int memberId, CancellationToken ct)
    {
        var body = await queries.FindBodyAsync(code, ct);
        if (body is null || body.Code != code) return NotFound();
        if (!await BodyAccess.CanManageAsync(db, Actor, body.Id, ct)) return Refuse();
        var row = body.Members.FirstOrDefault(m => m.MemberId == memberId);
        if (row is null) return NotFound();
        Body = body;
        Row = row;
        return null;
    }
}
