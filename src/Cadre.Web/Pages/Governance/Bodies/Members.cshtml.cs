using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Pages.Governance.Bodies;

/// <summary>The Members listed in a body whose membership is a list: add one, or go to the confirmation to remove one.</summary>
[Authorize]
public sealed class MembersModel(CadreDbContext db, GovernanceQueries queries, AddBodyMember add) : GovernanceFormPageModel
{
    public sealed class InputModel
    {
        public string? MemberCode { get; set; }
        public DateOnly? Since { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Body Body { get; private set; } = null!;
    public IReadOnlyList<Member> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is { } refused) return refused;
        ClearBinderErrors();
        try
        {
            ThrowIfUnreadable();
            await add.HandleAsync(new AddBodyMember.Request(Body.Id, Input.MemberCode, Input.Since), ct);
            Flash(G("Members.Added", Input.MemberCode ?? ""));
            return Redirect($"/Governance/Bodies/{Uri.EscapeDataString(Body.Code)}/Members");
        }
        catch (CadreException ex)
        {
            return Show(ex) ?? Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken ct)
    {
        var body = await queries.FindBodyAsync(code, ct);
        if (body is null || body.Code != code) return NotFound();
        if (!await BodyAccess.CanManageAsync(db, Actor, body.Id, ct)) return Refuse();
        Body = body;
        var listed = body.Members.Select(m => m.MemberId).ToList();
        Candidates = await db.Members.AsNoTracking().Where(m => !listed.Contains(m.Id)).OrderBy(m => m.Code).ToListAsync(ct);
        return null;
    }
}
