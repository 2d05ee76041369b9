using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Pages.Planning.Elements;

/// <summary>Confirms, then deletes an element with its subtree and every link from or to them.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class DeleteModel(PlanningQueries queries, CadreDbContext db, DeleteElement delete) : PlanningPageModel
{
    [BindProperty]
    public int? Version { get; set; }

    public ElementDetail Element { get; private set; } = null!;
    public int Descendants { get; private set; }
    public int Links { get; private set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var element = await queries.GetElementAsync(id, ct);
        var tree = element is null ? null : await queries.GetTreeAsync(element.PlanId, ct);
        if (element is null || tree is null) return false;
        Element = element;
        var index = tree.ToList().FindIndex(r => r.Id == id);
        var end = index + 1;
        while (end < tree.Count && tree[end].Depth > tree[index].Depth) end++;
        Descendants = end - index - 1;
        var subtree = tree.Skip(index).Take(end - index).Select(r => r.Id).ToList();
        // Links from the subtree and links into it from other plans: both go with it.
        Links = await db.ElementLinks.CountAsync(l => subtree.Contains(l.ElementId) || (l.TargetElementId != null && subtree.Contains(l.TargetElementId.Value)), ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Element.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            var result = await delete.HandleAsync(new DeleteElement.Request(id, Version), ct);
            Flash(Text("ElementDelete.Done", Element.Code, result.DeletedElements, result.DeletedLinks));
            return Redirect($"/Planning/Plans/{Element.PlanId}/Tree");
        }
        catch (CadreException ex)
        {
            ModelState.Remove(nameof(Version));
            Version = Element.Version;
            return FailAtTop(ex) ?? Page();
        }
    }
}
