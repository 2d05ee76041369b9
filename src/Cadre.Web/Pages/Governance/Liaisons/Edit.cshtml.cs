using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Pages.Governance.Liaisons;

/// <summary>
/// Writes a liaison statement from a body (<c>?from=ID</c>) to another, or the reply to one (<c>?replyTo=ID</c>: from the
/// receiving body back to the sender, linked to it), or changes one. The sending body's chair or the secretariat.
/// </summary>
[Authorize]
public sealed class EditModel(CadreDbContext db, SaveLiaison save, TimeProvider clock) : GovernanceFormPageModel
{
    public sealed class InputModel
    {
        public int? Version { get; set; }
        public int FromBodyId { get; set; }
        public int ToBodyId { get; set; }
        public int? InReplyToId { get; set; }
        public string? TitleEn { get; set; }
        public string? TitleFr { get; set; }
        public string? TextEn { get; set; }
        public string? TextFr { get; set; }
        public LiaisonAction Action { get; set; } = LiaisonAction.ForComment;
        public DateOnly SentOn { get; set; }
        public DateOnly? Deadline { get; set; }
        public string? Symbol { get; set; }
        public string? Documents { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? Id { get; private set; }
    public LiaisonStatement? Original { get; private set; }
    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    protected override IReadOnlyDictionary<string, string> FieldMap { get; } = new Dictionary<string, string>
    {
        ["title"] = "Input.TitleEn",
        ["text"] = "Input.TextEn",
    };

    public async Task<IActionResult> OnGetAsync(int? id, int? from, int? replyTo, CancellationToken ct)
    {
        Id = id;
        int managedBody;
        if (id is int lid)
        {
            var ls = await db.LiaisonStatements.AsNoTracking().FirstOrDefaultAsync(l => l.Id == lid, ct);
            if (ls is null) return NotFound();
            managedBody = ls.FromBodyId;
            Input = new InputModel
            {
                Version = ls.Version, FromBodyId = ls.FromBodyId, ToBodyId = ls.ToBodyId, InReplyToId = ls.InReplyToId, TitleEn = ls.Title.En, TitleFr = ls.Title.Fr,
                TextEn = ls.Text.En, TextFr = ls.Text.Fr, Action = ls.Action, SentOn = ls.SentOn, Deadline = ls.Deadline, Symbol = ls.Symbol,
                Documents = string.Join("; ", Symbols.Split(ls.Documents)),
            };
        }
        else if (replyTo is int rid)
        {
            var original = await db.LiaisonStatements.AsNoTracking().FirstOrDefaultAsync(l => l.Id == rid, ct);
            if (original is null) return NotFound();
            managedBody = original.ToBodyId;
            Input = new InputModel
            {
                FromBodyId = original.ToBodyId, ToBodyId = original.FromBodyId, InReplyToId = original.Id, Action = LiaisonAction.ForInformation,
                TitleEn = G("LiaisonForm.ReplyPrefix", original.Title.Get("en")), TitleFr = original.Title.Fr is null ? null : "Réponse : " + original.Title.Fr,
                SentOn = Today(),
            };
        }
        else
        {
            if (from is not int fid || !await db.Bodies.AnyAsync(b => b.Id == fid, ct)) return NotFound();
            managedBody = fid;
            Input.FromBodyId = fid;
            Input.SentOn = Today();
        }
        if (!await BodyAccess.CanManageAsync(db, Actor, managedBody, ct)) return Refuse();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        ClearBinderErrors();
        try
        {
            ThrowIfUnreadable();
            var ls = await save.HandleAsync(new SaveLiaison.Request(
                id, Input.Version, Input.FromBodyId, Input.ToBodyId, Texts(Input.TitleEn, Input.TitleFr), Texts(Input.TextEn, Input.TextFr),
                Input.Action, Input.SentOn, Input.Deadline, Input.Symbol, Input.InReplyToId, SymbolList(Input.Documents)), ct);
            Flash(G("LiaisonForm.Saved"));
            return Redirect($"/Governance/Liaisons/{ls.Id}");
        }
        catch (CadreException ex)
        {
            if (Show(ex) is { } result) return result;
            await LoadAsync(ct);
            return Page();
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task LoadAsync(CancellationToken ct)
    {
        Bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Code).ToListAsync(ct);
        if (Input.InReplyToId is int rid) Original = await db.LiaisonStatements.AsNoTracking().Include(l => l.FromBody).FirstOrDefaultAsync(l => l.Id == rid, ct);
    }
}
