using Cadre.Core.Common;
using Cadre.Core.Finance;
using Cadre.Core.Finance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Finance.Plans;

/// <summary>
/// Edits a strategic plan's financial plan: revenue by source and expenses by unit for each year, and the
/// financial limits, in CHF thousands; saved whole by <see cref="SaveFinancialPlan"/>.
/// </summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class EditModel(FinanceQueries queries, SaveFinancialPlan save) : FinancePageModel
{
    public const string AllUnits = "all";

    public FinancialPlanView Financial { get; private set; } = null!;

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public string? AdoptedBy { get; set; }

    /// <summary>Control name → value as shown (CHF thousands).</summary>
    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public static string RevenueName(RevenueSource source, int year) => $"Rev.{source}.{year}";
    public static string ExpenseName(string unit, int year) => $"Exp.{unit}.{year}";
    public static string LimitName(string? unit) => $"Limit.{unit ?? AllUnits}";

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var f = await queries.GetFinancialPlanAsync(id, ct);
        if (f is null || f.Plan.Kind != Core.Planning.PlanKind.Strategic) return false;
        Financial = f;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var f = Financial;
        Version = f.Id is null ? null : f.Version;
        AdoptedBy = f.AdoptedBy;
        foreach (var l in f.Lines)
        {
            var name = l.Kind == LineKind.Revenue ? $"Rev.{l.Category}.{l.Year}" : ExpenseName(l.Category, l.Year);
            Values[name] = KInput(l.Amount);
        }
        foreach (var l in f.Limits) Values[LimitName(l.Unit)] = KInput(l.Ceiling);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(id, ct)) return NotFound();
        var form = Request.Form.ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.Ordinal);
        var lines = new List<SaveFinancialPlan.Line>();
        var lineNames = new List<string>();
        foreach (var year in Financial.Years)
        {
            foreach (var source in Enum.GetValues<RevenueSource>()) Read(RevenueName(source, year), LineKind.Revenue, source.ToString(), year);
            foreach (var unit in FinanceUnits.All) Read(ExpenseName(unit, year), LineKind.Expense, unit, year);
        }
        var limits = new List<SaveFinancialPlan.Limit>();
        var limitNames = new List<string>();
        foreach (var unit in FinanceUnits.All.Cast<string?>().Append(null))
        {
            var name = LimitName(unit);
            Values[name] = form.GetValueOrDefault(name);
            if (string.IsNullOrWhiteSpace(Values[name])) continue;
            limits.Add(new SaveFinancialPlan.Limit(unit, ReadThousands(form, name)));
            limitNames.Add(name);
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            await save.HandleAsync(new SaveFinancialPlan.Request(id, Version, AdoptedBy, lines, limits), ct);
            Flash(Text("PlanEdit.Saved", Financial.Plan.Code));
            return Redirect($"/Finance/Plans/{id}");
        }
        catch (ValidationFailedException ex)
        {
            AddErrors(ex, field =>
                IndexOf(field, "lines") is int i && i < lineNames.Count ? lineNames[i]
                : IndexOf(field, "limits") is int j && j < limitNames.Count ? limitNames[j]
                : field == "adoptedBy" ? nameof(AdoptedBy) : null);
            return Page();
        }
        catch (CadreException ex)
        {
            return Fail(ex) ?? Page();
        }

        void Read(string name, LineKind kind, string category, int year)
        {
            Values[name] = form.GetValueOrDefault(name);
            if (string.IsNullOrWhiteSpace(Values[name])) return;
            lines.Add(new SaveFinancialPlan.Line(kind, category, year, ReadThousands(form, name)));
            lineNames.Add(name);
        }
    }
}
