using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Planning.Elements;

[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class EditModel(PlanningQueries queries, UpdateElement update) : PlanningPageModel
{
    public sealed class ElementInput
    {
        public int? Version { get; set; }
        public string? Code { get; set; }
        public string? Level { get; set; }
        public TextFields Title { get; set; } = new();
        public TextFields Description { get; set; } = new();
        public decimal? Weight { get; set; }
    }

    [BindProperty]
    public ElementInput Input { get; set; } = new();

    public ElementDetail Element { get; private set; } = null!;
    public PlanDetail Plan { get; private set; } = null!;

    /// <summary>Set after a concurrency conflict: what someone else saved in the meantime.</summary>
    public ElementDetail? Current { get; private set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var element = await queries.GetElementAsync(id, ct);
        var plan = element is null ? null : await queries.GetPlanAsync(element.PlanId, ct);
        if (element is null || plan is null) return false;
        Element = element;
        Plan = plan;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new ElementInput
        {
            Version = Element.Version,
            Code = Element.Code,
            Level = Element.LevelCode,
            Title = TextFields.From(Element.Title),
            Description = TextFields.From(Element.Description),
            Weight = Element.Weight,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        try
        {
            await update.HandleAsync(new UpdateElement.Request(id, Input.Version, Input.Code ?? "", Input.Title.ToRequest(), Input.Description.ToRequest(),
                Input.Weight ?? 1m, Input.Level), ct);
            Flash(Text("Element.Saved", Input.Code ?? ""));
            return Redirect($"/Planning/Elements/{id}");
        }
        catch (CadreException ex)
        {
            if (ex is ConcurrencyConflictException)
            {
                // Keep what this user typed, show what the other person saved, and let them save over it knowingly.
                Current = Element;
                ModelState.Remove("Input.Version");
                Input.Version = Element.Version;
            }
            return Fail(ex, nameof(Input)) ?? Page();
        }
    }
}
