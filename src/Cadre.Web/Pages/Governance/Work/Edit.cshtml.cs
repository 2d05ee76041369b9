using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Pages.Governance.Work;

/// <summary>Adds an entry to a body's work programme (<c>?body=ID</c>) or changes one: a contribution deadline, a report due, a milestone.</summary>
[Authorize]
public sealed class EditModel(CadreDbContext db, SaveWorkItem save) : GovernanceFormPageModel
{
    public sealed class InputModel
    {
        public int? Version { get; set; }
        public int BodyId { get; set; }
        public WorkItemKind Kind { get; set; } = WorkItemKind.ContributionDeadline;
        public string? TitleEn { get; set; }
        public string? TitleFr { get; set; }
        public DateOnly? DueOn { get; set; }
        public int? MeetingId { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? Id { get; private set; }
    public Body Body { get; private set; } = null!;
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    protected override IReadOnlyDictionary<string, string> FieldMap { get; } = new Dictionary<string, string>
    {
        ["title"] = "Input.TitleEn",
    };

    public async Task<IActionResult> OnGetAsync(int? id, int? body, CancellationToken ct)
    {
        Id = id;
        if (id is int wid)
        {
            var w = await db.WorkItems.AsNoTracking().FirstOrDefaultAsync(x => x.Id == wid, ct);
            if (w is null) return NotFound();
            Input = new InputModel { Version = w.Version, BodyId = w.BodyId, Kind = w.Kind, TitleEn = w.Title.En, TitleFr = w.Title.Fr, DueOn = w.DueOn, MeetingId = w.MeetingId };
        }
        else
        {
            if (body is not int bid) return NotFound();
            Input.BodyId = bid;
        }
        if (await LoadAsync(ct) is { } missing) return missing;
        if (!await BodyAccess.CanManageAsync(db, Actor, Body.Id, ct)) return Refuse();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        ClearBinderErrors();
        if (id is int wid)
        {
            var bodyId = await db.WorkItems.AsNoTracking().Where(x => x.Id == wid).Select(x => (int?)x.BodyId).FirstOrDefaultAsync(ct);
            if (bodyId is null) return NotFound();
            Input.BodyId = bodyId.Value;
        }
        if (await LoadAsync(ct) is { } missing) return missing;
        try
        {
            ThrowIfUnreadable();
            if (Input.DueOn is not DateOnly due) throw new ValidationFailedException("dueOn", G("WorkForm.DueRequired"));
            await save.HandleAsync(new SaveWorkItem.Request(id, Input.Version, Input.BodyId, Input.Kind, Texts(Input.TitleEn, Input.TitleFr), due, Input.MeetingId), ct);
            Flash(G("WorkForm.Saved"));
            return Redirect($"/Governance/Bodies/{Uri.EscapeDataString(Body.Code)}/Calendar?month={due.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)}");
        }
        catch (CadreException ex)
        {
            return Show(ex) ?? Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var b = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Input.BodyId, ct);
        if (b is null) return NotFound();
        Body = b;
        Meetings = await db.Meetings.AsNoTracking().Where(m => m.BodyId == b.Id).OrderBy(m => m.StartUtc).ToListAsync(ct);
        return null;
    }
}
