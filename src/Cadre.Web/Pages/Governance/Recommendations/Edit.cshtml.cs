using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Handlers;
using Cadre.Core.Planning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Pages.Governance.Recommendations;

/// <summary>
/// Writes a recommendation of a body (<c>?body=ID</c>) to its parent, or changes one: number, text, source document,
/// related documents and the plan elements it concerns (codes in one plan). Its status changes on the Status page.
/// </summary>
[Authorize]
public sealed class EditModel(CadreDbContext db, SaveRecommendation save, TimeProvider clock) : GovernanceFormPageModel
{
    public sealed class InputModel
    {
        public int? Version { get; set; }
        public int BodyId { get; set; }
        public string? Number { get; set; }
        public string? TextEn { get; set; }
        public string? TextFr { get; set; }
        public DateOnly ProposedOn { get; set; }
        public string? SourceSymbol { get; set; }
        public string? Documents { get; set; }
        public int? PlanId { get; set; }
        public string? ElementCodes { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? Id { get; private set; }
    public Body Body { get; private set; } = null!;
    public IReadOnlyList<Plan> Plans { get; private set; } = [];

    protected override IReadOnlyDictionary<string, string> FieldMap { get; } = new Dictionary<string, string>
    {
        ["text"] = "Input.TextEn",
        ["bodyId"] = "",
        ["planElementIds"] = "Input.ElementCodes",
    };

    public async Task<IActionResult> OnGetAsync(int? id, int? body, CancellationToken ct)
    {
        Id = id;
        if (id is int rid)
        {
            var r = await db.Recommendations.AsNoTracking().Include(x => x.Elements).ThenInclude(e => e.PlanElement).FirstOrDefaultAsync(x => x.Id == rid, ct);
            if (r is null) return NotFound();
            var plans = r.Elements.Select(e => e.PlanElement!.PlanId).Distinct().ToList();
            Input = new InputModel
            {
                Version = r.Version, BodyId = r.BodyId, Number = r.Number, TextEn = r.Text.En, TextFr = r.Text.Fr, ProposedOn = r.ProposedOn,
                SourceSymbol = r.SourceSymbol, Documents = string.Join("; ", Symbols.Split(r.Documents)),
                PlanId = plans.Count == 1 ? plans[0] : null,
                ElementCodes = string.Join("; ", r.Elements.Select(e => e.PlanElement!.Code).Order(StringComparer.Ordinal)),
            };
        }
        else
        {
            if (body is not int bid) return NotFound();
            Input.BodyId = bid;
            Input.ProposedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        }
        if (await LoadAsync(ct) is { } missing) return missing;
        if (!await BodyAccess.CanManageAsync(db, Actor, Body.Id, ct)) return Refuse();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        ModelState.Clear();
        Recommendation? current = null;
        if (id is int rid)
        {
            current = await db.Recommendations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == rid, ct);
            if (current is null) return NotFound();
            Input.BodyId = current.BodyId;
        }
        if (await LoadAsync(ct) is { } missing) return missing;
        try
        {
            // The status and its decision are kept as they are: they change on the Status page.
            var rec = await save.HandleAsync(new SaveRecommendation.Request(
                id, Input.Version, Input.BodyId, Input.Number ?? "", Texts(Input.TextEn, Input.TextFr), Input.ProposedOn,
                current?.Status ?? RecommendationStatus.Proposed, Input.SourceSymbol,
                current?.Decision.ToDictionary().ToDictionary(k => k.Key, k => (string?)k.Value), current?.DecisionSymbol, current?.DecidedOn,
                SymbolList(Input.Documents), [], Input.PlanId, SplitCodes(Input.ElementCodes)), ct);
            Flash(G("RecForm.Saved"));
            return Redirect($"/Governance/Recommendations/{rec.Id}");
        }
        catch (CadreException ex)
        {
            return Show(ex) ?? Page();
        }
    }

    private static List<string> SplitCodes(string? text) =>
        [.. (text ?? "").Split([';', ',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var b = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Input.BodyId, ct);
        if (b is null) return NotFound();
        Body = b;
        var drafts = PlanningPermissions.CanReadDrafts(Actor);
        Plans = await db.Plans.AsNoTracking().Where(p => drafts || p.Status != PlanStatus.Draft).OrderBy(p => p.Code).ToListAsync(ct);
        return null;
    }
}
