using System.Globalization;
using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Planning.Plans;

/// <summary>Adds or edits one framework level: its name and where its elements may sit.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class LevelModel(PlanningQueries queries, SaveFrameworkLevel save, DeleteFrameworkLevel delete, Cadre.Core.Audit.AuditQueries audit) : PlanningPageModel
{
    public sealed class LevelInput
    {
        public int? Version { get; set; }
        public string? Code { get; set; }
        public TextFields Name { get; set; } = new();
        public bool AllowedAtRoot { get; set; }
        public List<string> AllowedParents { get; set; } = [];
        public int? SortOrder { get; set; }
    }

    [BindProperty]
    public LevelInput Input { get; set; } = new();

    public PlanDetail Plan { get; private set; } = null!;
    public LevelInfo? Level { get; private set; }
    public bool IsNew => Level is null;
    public IReadOnlyList<Cadre.Core.Audit.HistoryEntry> History { get; private set; } = [];

    private async Task<IActionResult?> LoadAsync(int id, string level, CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        if (string.Equals(level, "new", StringComparison.OrdinalIgnoreCase)) return null;
        if (!int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out var levelId)) return NotFound();
        Level = plan.Levels.FirstOrDefault(l => l.Id == levelId);
        if (Level is null) return NotFound();
        History = await audit.HistoryAsync(nameof(FrameworkLevel), Level.Id.ToString(CultureInfo.InvariantCulture), ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, string level, CancellationToken ct)
    {
        if (await LoadAsync(id, level, ct) is { } fail) return fail;
        if (Level is not null)
        {
            Input = new LevelInput
            {
                Version = Level.Version,
                Code = Level.Code,
                Name = TextFields.From(Level.Name),
                AllowedAtRoot = Level.AllowedAtRoot,
                AllowedParents = [.. Level.AllowedParents],
                SortOrder = Level.SortOrder,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string level, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (await LoadAsync(id, level, ct) is { } fail) return fail;
        if (!ModelState.IsValid) return Page();
        try
        {
            var saved = await save.HandleAsync(new SaveFrameworkLevel.Request(Plan.Id, Level?.Id, Level is null ? null : Input.Version,
                Input.Code ?? "", Input.Name.ToRequest(), Input.AllowedAtRoot, Input.AllowedParents, Input.SortOrder), ct);
            Flash(Text("Levels.Saved", saved.Code));
            return Redirect($"/Planning/Plans/{Plan.Id}#levels-title");
        }
        catch (CadreException ex)
        {
            if (ex is ConcurrencyConflictException && Level is not null) Input.Version = Level.Version;
            return Fail(ex, nameof(Input)) ?? Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, string level, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (await LoadAsync(id, level, ct) is { } fail) return fail;
        if (Level is null) return NotFound();
        try
        {
            await delete.HandleAsync(new DeleteFrameworkLevel.Request(Plan.Id, Level.Id), ct);
            Flash(Text("Levels.Deleted", Level.Code));
            return Redirect($"/Planning/Plans/{Plan.Id}#levels-title");
        }
        catch (CadreException ex)
        {
            ModelState.Clear();
            Input = new LevelInput
            {
                Version = Level.Version, Code = Level.Code, Name = TextFields.From(Level.Name),
                AllowedAtRoot = Level.AllowedAtRoot, AllowedParents = [.. Level.AllowedParents], SortOrder = Level.SortOrder,
            };
            return FailAtTop(ex) ?? Page();
        }
    }
}
