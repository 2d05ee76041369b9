using Cadre.Core.Common;
using Cadre.Core.Finance;
using Cadre.Core.Finance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Finance.Plans;

/// <summary>Edits how each thematic priority and enabler serves the strategic goals (percent per goal), from which the attribution is totalled per goal.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class GoalsModel(FinanceQueries queries, SaveGoalShares save) : FinancePageModel
{
    public AttributionView Attribution { get; private set; } = null!;

    /// <summary>The top-level elements that are not goals: the rows of the form.</summary>
    public IReadOnlyList<ElementRef> Rows { get; private set; } = [];

    [BindProperty]
    public int? Version { get; set; }

    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public static string CellName(int element, int goal) => $"Share.{element}.{goal}";
    public static string RowName(int element) => $"Row.{element}";

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var a = await queries.GetAttributionAsync(id, ct);
        if (a is null || a.Plan.Kind != Core.Planning.PlanKind.Strategic) return false;
        Attribution = a;
        var goals = a.Goals.Goals.Select(g => g.Id).ToHashSet();
        Rows = a.Elements.Where(e => e.ParentId is null && !goals.Contains(e.Id)).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Attribution.Goals.FinancialPlanVersion;
        foreach (var (element, shares) in Attribution.Goals.Shares)
        {
            foreach (var (goal, percent) in shares) Values[CellName(element, goal)] = percent.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(id, ct)) return NotFound();
        var form = Request.Form.ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.Ordinal);
        var shares = new Dictionary<int, IReadOnlyDictionary<int, decimal>>();
        foreach (var row in Rows)
        {
            var goals = new Dictionary<int, decimal>();
            foreach (var goal in Attribution.Goals.Goals)
            {
                var name = CellName(row.Id, goal.Id);
                Values[name] = form.GetValueOrDefault(name);
                if (string.IsNullOrWhiteSpace(Values[name])) continue;
                var value = ParseNumber(Values[name]);
                if (value is null) ModelState.AddModelError(name, Text("Form.NotANumber", Values[name] ?? ""));
                else goals[goal.Id] = value.Value;
            }
            if (goals.Count > 0) shares[row.Id] = goals;
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            await save.HandleAsync(new SaveGoalShares.Request(id, Version, shares), ct);
            Flash(Text("Goals.Saved"));
            return Redirect($"/Finance/Plans/{id}/Attribution#by-strategic-goal");
        }
        catch (ValidationFailedException ex)
        {
            AddErrors(ex, field =>
            {
                // shares[element] or shares[element][goal]
                var parts = field.Split(['[', ']'], StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 2 && parts[0] == "shares" && int.TryParse(parts[1], out var element))
                {
                    if (parts.Length >= 3 && int.TryParse(parts[2], out var goal)) return CellName(element, goal);
                    return Attribution.Goals.Goals.Count == 0 ? null : CellName(element, Attribution.Goals.Goals[0].Id);
                }
                return null;
            });
            return Page();
        }
        catch (CadreException ex)
        {
            return Fail(ex) ?? Page();
        }
    }
}
