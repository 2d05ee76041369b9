using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Planning.Plans;

/// <summary>
/// The whole element tree in one table, rendered in one pass from <see cref="PlanningQueries.GetTreeAsync"/>
/// (no query per row), with the form to add an element and the reorder buttons for Planners.
/// </summary>
public sealed class TreeModel(PlanningQueries queries, CreateElement create, MoveElement move) : PlanningPageModel
{
    /// <summary>Above this many elements the parent is typed as a code instead of chosen from a list.</summary>
    public const int ParentSelectLimit = 1000;

    public sealed class ElementInput
    {
        public int? ParentId { get; set; }
        public string? ParentCode { get; set; }
        public string? Level { get; set; }
        public string? Code { get; set; }
        public TextFields Title { get; set; } = new();
        public decimal? Weight { get; set; }
    }

    [BindProperty]
    public ElementInput Input { get; set; } = new();

    public PlanDetail Plan { get; private set; } = null!;
    public IReadOnlyList<TreeRow> Rows { get; private set; } = [];
    public IReadOnlyDictionary<string, string> LevelNames { get; private set; } = new Dictionary<string, string>();
    public bool Editable => CanEdit && Plan.Status != PlanStatus.Superseded;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(id, ct);
        if (plan is null) return false;
        Plan = plan;
        Rows = await queries.GetTreeAsync(id, ct) ?? [];
        LevelNames = plan.Levels.ToDictionary(l => l.Code, l => l.Name.Local(), StringComparer.Ordinal);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, int? parent, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.ParentId = parent;
        Input.ParentCode = parent is int p ? Rows.FirstOrDefault(r => r.Id == p)?.Code : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var parentId = Input.ParentId;
        if (Rows.Count > ParentSelectLimit)
        {
            parentId = null;
            if (!string.IsNullOrWhiteSpace(Input.ParentCode))
            {
                var parent = Rows.FirstOrDefault(r => r.Code == Input.ParentCode.Trim());
                if (parent is null)
                {
                    ModelState.AddModelError("Input.ParentCode", Text("Tree.ParentCodeUnknown", Input.ParentCode));
                    return Page();
                }
                parentId = parent.Id;
            }
        }
        try
        {
            var element = await create.HandleAsync(new CreateElement.Request(id, parentId, Input.Level ?? "", Input.Code ?? "", Input.Title.ToRequest(), null, Input.Weight), ct);
            Flash(Text("Tree.Added", element.Code));
            return Redirect($"/Planning/Plans/{id}/Tree#e{element.Id}");
        }
        catch (CadreException ex)
        {
            if (ex is ValidationFailedException v && v.Errors.ContainsKey("parentId") && Rows.Count > ParentSelectLimit)
            {
                foreach (var m in v.Errors["parentId"]) ModelState.AddModelError("Input.ParentCode", m);
                return Page();
            }
            return Fail(ex, nameof(Input)) ?? Page();
        }
    }

    /// <summary>"Move up" and "move down": one form around the table, the pressed button names the element.</summary>
    public async Task<IActionResult> OnPostReorderAsync(int id, int? up, int? down, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(id, ct)) return NotFound();
        var elementId = up ?? down;
        var row = Rows.FirstOrDefault(r => r.Id == elementId);
        if (row is null) return NotFound();
        var siblings = Rows.Where(r => r.ParentId == row.ParentId).ToList();
        var index = siblings.FindIndex(r => r.Id == row.Id);
        var position = up is not null ? index - 1 : index + 1;
        if (position >= 0 && position < siblings.Count)
        {
            try
            {
                await move.HandleAsync(new MoveElement.Request(row.Id, row.Version, row.ParentId, position), ct);
                Flash(Text(up is not null ? "Tree.MovedUp" : "Tree.MovedDown", row.Code));
            }
            catch (CadreException ex)
            {
                if (FailAtTop(ex) is { } result) return result;
                Rows = await queries.GetTreeAsync(id, ct) ?? [];
                return Page();
            }
        }
        return Redirect($"/Planning/Plans/{id}/Tree#e{row.Id}");
    }
}
