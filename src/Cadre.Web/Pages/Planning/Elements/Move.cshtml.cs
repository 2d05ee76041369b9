using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Planning.Elements;

/// <summary>Moves an element with its subtree. Only parents that the framework allows are offered.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class MoveModel(PlanningQueries queries, MoveElement move) : PlanningPageModel
{
    /// <summary>The value of the "top of the tree" choice (a parent id is never 0).</summary>
    public const int Root = 0;

    public sealed class MoveInput
    {
        public int? Version { get; set; }
        public int? NewParentId { get; set; }
        public int? Position { get; set; }
    }

    [BindProperty]
    public MoveInput Input { get; set; } = new();

    public ElementDetail Element { get; private set; } = null!;
    public bool RootAllowed { get; private set; }
    public IReadOnlyList<TreeRow> Candidates { get; private set; } = [];
    public int SubtreeSize { get; private set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var element = await queries.GetElementAsync(id, ct);
        var plan = element is null ? null : await queries.GetPlanAsync(element.PlanId, ct);
        var tree = element is null ? null : await queries.GetTreeAsync(element.PlanId, ct);
        if (element is null || plan is null || tree is null) return false;
        Element = element;
        var level = plan.Levels.First(l => l.Code == element.LevelCode);
        RootAllowed = level.AllowedAtRoot;
        // The subtree is the run of deeper rows right after the element (the tree is depth first).
        var index = tree.ToList().FindIndex(r => r.Id == id);
        var end = index + 1;
        while (end < tree.Count && tree[end].Depth > tree[index].Depth) end++;
        SubtreeSize = end - index;
        var excluded = tree.Skip(index).Take(SubtreeSize).Select(r => r.Id).ToHashSet();
        Candidates = tree.Where(r => !excluded.Contains(r.Id) && level.AllowedParents.Contains(r.LevelCode)).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new MoveInput { Version = Element.Version, NewParentId = Element.ParentId ?? Root };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        if (Input.NewParentId is null)
        {
            ModelState.AddModelError("Input.NewParentId", Text("Move.ChooseParent"));
            return Page();
        }
        try
        {
            var parent = Input.NewParentId == Root ? null : Input.NewParentId;
            await move.HandleAsync(new MoveElement.Request(id, Input.Version, parent, Input.Position is int p ? Math.Max(0, p - 1) : null), ct);
            Flash(Text("Move.Done", Element.Code));
            return Redirect($"/Planning/Plans/{Element.PlanId}/Tree#e{id}");
        }
        catch (CadreException ex)
        {
            if (ex is ConcurrencyConflictException)
            {
                ModelState.Remove("Input.Version");
                Input.Version = Element.Version;
            }
            return Fail(ex, nameof(Input)) ?? Page();
        }
    }
}
