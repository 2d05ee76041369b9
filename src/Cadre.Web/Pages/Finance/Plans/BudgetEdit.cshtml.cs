using Cadre.Core.Common;
using Cadre.Core.Finance;
using Cadre.Core.Finance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Finance.Plans;

/// <summary>Edits a biennial budget: appropriations by unit and cost category (CHF thousands), and whether the biennium is closed.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class BudgetEditModel(FinanceQueries queries, SaveBudget save) : FinancePageModel
{
    public PlanRef Plan { get; private set; } = null!;
    public BudgetView Budget { get; private set; } = null!;

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public bool Closed { get; set; }

    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public static string LineName(string unit, CostCategory category) => $"Line.{unit}.{category}";

    private async Task<bool> LoadAsync(int id, int startYear, CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(id, ct);
        var budgets = await queries.GetBudgetsAsync(id, ct);
        var budget = budgets?.FirstOrDefault(b => b.StartYear == startYear);
        if (plan is null || budget is null || plan.Kind != Core.Planning.PlanKind.Strategic) return false;
        Plan = plan;
        Budget = budget;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, int startYear, CancellationToken ct)
    {
        if (!await LoadAsync(id, startYear, ct)) return NotFound();
        Version = Budget.Id is null ? null : Budget.Version;
        Closed = Budget.Closed;
        foreach (var l in Budget.Lines.Where(l => Budget.Id is not null)) Values[LineName(l.Unit, l.Category)] = KInput(l.Budget);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int startYear, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(id, startYear, ct)) return NotFound();
        var form = Request.Form.ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.Ordinal);
        var lines = new List<SaveBudget.Line>();
        var names = new List<string>();
        foreach (var unit in FinanceUnits.All)
        {
            foreach (var category in Enum.GetValues<CostCategory>())
            {
                var name = LineName(unit, category);
                Values[name] = form.GetValueOrDefault(name);
                if (string.IsNullOrWhiteSpace(Values[name])) continue;
                lines.Add(new SaveBudget.Line(unit, category, ReadThousands(form, name)));
                names.Add(name);
            }
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            await save.HandleAsync(new SaveBudget.Request(id, startYear, Version, lines, Closed), ct);
            Flash(Text("BudgetEdit.Saved", Budget.StartYear, Budget.EndYear));
            return Redirect($"/Finance/Plans/{id}/Budgets");
        }
        catch (ValidationFailedException ex)
        {
            AddErrors(ex, field => IndexOf(field, "lines") is int i && i < names.Count ? names[i] : null);
            return Page();
        }
        catch (CadreException ex)
        {
            return Fail(ex) ?? Page();
        }
    }
}
