using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Pages.Governance.Bodies;

/// <summary>
/// Creates a body (the secretariat, or the chair of the parent body for a working group: <c>?parent=ID</c>) or changes
/// one (its chair or the secretariat): kind, parent, mandate and its terms-of-reference symbol, membership, working
/// methods and language, lifespan.
/// </summary>
[Authorize]
public sealed class EditModel(CadreDbContext db, SaveBody save) : GovernanceFormPageModel
{
    public sealed class InputModel
    {
        public int? Version { get; set; }
        public string? Code { get; set; }
        public BodyKind Kind { get; set; } = BodyKind.AdvisoryGroupWorkingGroup;
        public string? NameEn { get; set; }
        public string? NameFr { get; set; }
        public int? ParentId { get; set; }
        public string? Sector { get; set; }
        public string? MandateEn { get; set; }
        public string? MandateFr { get; set; }
        public string? MandateSymbol { get; set; }
        public MembershipRule Membership { get; set; } = MembershipRule.OpenToSector;
        public bool WorksByCorrespondence { get; set; }
        public bool MeetsVirtually { get; set; }
        public bool MeetsPhysically { get; set; }
        public string WorkingLanguage { get; set; } = "en";
        public DateOnly? ActiveFrom { get; set; }
        public DateOnly? ActiveTo { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? Id { get; private set; }
    public string? Code { get; private set; }
    public IReadOnlyList<Body> Parents { get; private set; } = [];

    protected override IReadOnlyDictionary<string, string> FieldMap { get; } = new Dictionary<string, string>
    {
        ["name"] = "Input.NameEn",
        ["mandate"] = "Input.MandateEn",
    };

    public async Task<IActionResult> OnGetAsync(int? id, int? parent, CancellationToken ct)
    {
        Id = id;
        if (id is int bid)
        {
            var b = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == bid, ct);
            if (b is null) return NotFound();
            if (!await BodyAccess.CanManageAsync(db, Actor, b.Id, ct)) return Refuse();
            Code = b.Code;
            Input = new InputModel
            {
                Version = b.Version, Code = b.Code, Kind = b.Kind, NameEn = b.Name.En, NameFr = b.Name.Fr, ParentId = b.ParentId, Sector = b.Sector,
                MandateEn = b.Mandate.En, MandateFr = b.Mandate.Fr, MandateSymbol = b.MandateSymbol, Membership = b.Membership,
                WorksByCorrespondence = b.WorksByCorrespondence, MeetsVirtually = b.MeetsVirtually, MeetsPhysically = b.MeetsPhysically,
                WorkingLanguage = b.WorkingLanguage, ActiveFrom = b.ActiveFrom, ActiveTo = b.ActiveTo,
            };
        }
        else
        {
            if (!await BodyAccess.CanCreateAsync(db, Actor, parent, ct)) return Refuse();
            Input.ParentId = parent;
            if (parent is int p && await db.Bodies.AsNoTracking().Where(x => x.Id == p).Select(x => x.Sector).FirstOrDefaultAsync(ct) is string sector) Input.Sector = sector;
        }
        await LoadParentsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is int bid) Code = await db.Bodies.AsNoTracking().Where(x => x.Id == bid).Select(x => x.Code).FirstOrDefaultAsync(ct);
        ClearBinderErrors();
        try
        {
            ThrowIfUnreadable();
            var body = await save.HandleAsync(new SaveBody.Request(
                id, Input.Version, Input.Code ?? "", Input.Kind, Texts(Input.NameEn, Input.NameFr), Input.ParentId, Input.Sector,
                Texts(Input.MandateEn, Input.MandateFr), Input.MandateSymbol, Input.Membership,
                Input.WorksByCorrespondence, Input.MeetsVirtually, Input.MeetsPhysically, Input.WorkingLanguage, Input.ActiveFrom, Input.ActiveTo), ct);
            Flash(G("BodyForm.Saved"));
            return Redirect($"/Governance/Bodies/{Uri.EscapeDataString(body.Code)}");
        }
        catch (CadreException ex)
        {
            if (Show(ex) is { } result) return result;
            await LoadParentsAsync(ct);
            return Page();
        }
    }

    private async Task LoadParentsAsync(CancellationToken ct) =>
        Parents = await db.Bodies.AsNoTracking().Where(b => b.Id != (Id ?? 0)).OrderBy(b => b.Code).ToListAsync(ct);
}
