using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Pages.Governance.Bodies;

/// <summary>A body's officers with their terms: appoint a chair or vice-chair, end a term. The body's chair or the secretariat.</summary>
[Authorize]
public sealed class OfficersModel(CadreDbContext db, GovernanceQueries queries, AddOfficer add, EndOfficerTerm end, TimeProvider clock) : GovernanceFormPageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public OfficerRole Role { get; set; } = OfficerRole.ViceChair;
        public string? AccountEmail { get; set; }
        public DateOnly? TermFrom { get; set; }
        public DateOnly? TermTo { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Body Body { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    /// <summary>The end date typed on an officer's row, shown again after an error.</summary>
    public Dictionary<int, DateOnly?> EndOn { get; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is { } refused) return refused;
        ClearBinderErrors();
        try
        {
            ThrowIfUnreadable();
            var officer = await add.HandleAsync(new AddOfficer.Request(Body.Id, Input.Name, Input.Role, Input.TermFrom, Input.TermTo, Input.AccountEmail), ct);
            Flash(G("Officers.Added", officer.Name));
            return Redirect($"/Governance/Bodies/{Uri.EscapeDataString(Body.Code)}/Officers");
        }
        catch (CadreException ex)
        {
            return Show(ex) ?? Page();
        }
    }

    public async Task<IActionResult> OnPostEndAsync(string code, int officerId, int? version, DateOnly? endOn, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is { } refused) return refused;
        ModelState.Clear();
        if (Body.Officers.All(o => o.Id != officerId)) return NotFound();
        try
        {
            var officer = await end.HandleAsync(new EndOfficerTerm.Request(officerId, version, endOn), ct);
            Flash(G("Officers.Ended", officer.Name, GovernanceFormat.Day(officer.TermTo)));
            return Redirect($"/Governance/Bodies/{Uri.EscapeDataString(Body.Code)}/Officers");
        }
        catch (CadreException ex)
        {
            EndOn[officerId] = endOn;
            if (ex is ValidationFailedException v)
            {
                foreach (var m in v.Errors.SelectMany(e => e.Value)) ModelState.AddModelError(EndField(officerId), m);
                return Page();
            }
            return Show(ex) ?? Page();
        }
    }

    /// <summary>The id of an officer's end-date field (the error summary links to it).</summary>
    public static string EndField(int officerId) => "end-" + officerId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken ct)
    {
        var body = await queries.FindBodyAsync(code, ct);
        if (body is null || body.Code != code) return NotFound();
        if (!await BodyAccess.CanManageAsync(db, Actor, body.Id, ct)) return Refuse();
        Body = body;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return null;
    }
}
