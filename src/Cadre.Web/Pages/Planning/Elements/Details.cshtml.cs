using System.Globalization;
using Cadre.Core.Audit;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Planning.Elements;

/// <summary>
/// One element: where it sits, its children, its links both ways, the forms to add and remove links,
/// and its history. Linking is two steps without JavaScript: choose a vocabulary (or a plan), then the entry.
/// </summary>
public sealed class DetailsModel(PlanningQueries queries, CadreDbContext db, LinkElement link, UnlinkElement unlink) : PlanningPageModel
{
    public sealed class LinkInput
    {
        public int? VocabularyEntryId { get; set; }
        public int? TargetPlanId { get; set; }
        public string? TargetElementCode { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty]
    public LinkInput Input { get; set; } = new();

    public ElementDetail Element { get; private set; } = null!;
    public IReadOnlyList<TreeRow> Ancestors { get; private set; } = [];
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public IReadOnlyList<VocabularySummary> Vocabularies { get; private set; } = [];
    public string? VocabularyCode { get; private set; }
    public VocabularyDetail? Vocabulary { get; private set; }
    public IReadOnlyList<PlanSummary> OtherPlans { get; private set; } = [];
    public PlanSummary? TargetPlan { get; private set; }
    public bool Editable { get; private set; }

    private async Task<bool> LoadAsync(int id, string? vocabulary, int? targetPlan, CancellationToken ct)
    {
        var element = await queries.GetElementAsync(id, ct);
        if (element is null) return false;
        Element = element;
        var tree = await queries.GetTreeAsync(element.PlanId, ct) ?? [];
        var byId = tree.ToDictionary(r => r.Id);
        var chain = new List<TreeRow>();
        for (var parent = element.ParentId; parent is int p && byId.TryGetValue(p, out var row) && chain.Count < 100; parent = row.ParentId) chain.Add(row);
        chain.Reverse();
        Ancestors = chain;
        var audit = new AuditQueries(db);
        // The element's own changes and the links added to it or removed from it, newest first.
        History = (await audit.HistoryAsync(nameof(PlanElement), id.ToString(CultureInfo.InvariantCulture), ct))
            .Concat(await audit.LinkHistoryAsync(id, ct))
            .OrderByDescending(h => h.Id)
            .ToList();
        var plan = await queries.GetPlanAsync(element.PlanId, ct);
        Editable = CanEdit && plan is not null && plan.Status != PlanStatus.Superseded;
        if (Editable)
        {
            Vocabularies = await queries.ListVocabulariesAsync(ct);
            VocabularyCode = Vocabularies.FirstOrDefault(v => v.Code == vocabulary)?.Code;
            if (VocabularyCode is not null) Vocabulary = await queries.GetVocabularyAsync(VocabularyCode, ct);
            OtherPlans = (await queries.ListPlansAsync(null, PlanSort.Code, false, 1, 200, null, ct)).Items.Where(x => x.Id != element.PlanId).ToList();
            TargetPlan = OtherPlans.FirstOrDefault(x => x.Id == targetPlan);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, string? vocabulary, int? plan, CancellationToken ct)
    {
        if (!await LoadAsync(id, vocabulary, plan, ct)) return NotFound();
        Input.TargetPlanId = TargetPlan?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(int id, string? vocabulary, int? plan, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(id, vocabulary, plan ?? Input.TargetPlanId, ct)) return NotFound();
        int? targetElementId = null;
        if (Input.VocabularyEntryId is null)
        {
            if (TargetPlan is null)
            {
                ModelState.AddModelError("Input.TargetPlanId", Text("Link.ChoosePlan"));
                return Page();
            }
            var code = Input.TargetElementCode?.Trim();
            if (string.IsNullOrEmpty(code))
            {
                ModelState.AddModelError("Input.TargetElementCode", Text("Link.ElementCodeRequired"));
                return Page();
            }
            var targetTree = await queries.GetTreeAsync(TargetPlan.Id, ct) ?? [];
            targetElementId = targetTree.FirstOrDefault(r => r.Code == code)?.Id;
            if (targetElementId is null)
            {
                ModelState.AddModelError("Input.TargetElementCode", Text("Link.ElementCodeUnknown", code, TargetPlan.Code));
                return Page();
            }
        }
        try
        {
            await link.HandleAsync(new LinkElement.Request(id, Input.VocabularyEntryId, targetElementId, Input.Note), ct);
            Flash(Text("Link.Added"));
            return Redirect($"/Planning/Elements/{id}#links-title");
        }
        catch (CadreException ex)
        {
            if (ex is ValidationFailedException v)
            {
                // The handler names its own fields; point each message at the control that was used.
                var field = targetElementId is null ? "Input.VocabularyEntryId" : "Input.TargetElementCode";
                foreach (var (key, messages) in v.Errors)
                {
                    foreach (var m in messages) ModelState.AddModelError(key == "note" ? "Input.Note" : field, m);
                }
                return Page();
            }
            return Fail(ex, nameof(Input)) ?? Page();
        }
    }

    public async Task<IActionResult> OnPostUnlinkAsync(int id, int linkId, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(id, null, null, ct)) return NotFound();
        if (!Element.Links.Any(l => l.Id == linkId)) return NotFound();
        try
        {
            await unlink.HandleAsync(new UnlinkElement.Request(linkId), ct);
            Flash(Text("Link.Removed"));
            return Redirect($"/Planning/Elements/{id}#links-title");
        }
        catch (CadreException ex)
        {
            return FailAtTop(ex) ?? Page();
        }
    }
}
