using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Finance;

public sealed record CoherenceReport(
    PlanRef Plan,
    IReadOnlyList<PlanRef> OperationalPlans,
    bool IndicatorChecksRun,
    IReadOnlyList<CoherenceFinding> Findings);

/// <summary>
/// Loads what the coherence checks compare (the strategic plan, the current operational plans, the
/// financial plan, budgets and attribution, indicator coverage) and runs <see cref="Coherence.Check"/>.
/// </summary>
public sealed class CoherenceQueries(CadreDbContext db, FinanceQueries finance, IIndicatorCoverage indicators)
{
    public async Task<CoherenceReport?> CheckAsync(int planId, CancellationToken ct = default)
    {
        var plan = await finance.GetPlanAsync(planId, ct);
        if (plan is null) return null;
        var input = await LoadAsync(plan, ct);
        return new CoherenceReport(plan, input.Operational, input.Input.ElementsWithIndicators is not null, Coherence.Check(input.Input));
    }

    /// <summary>
    /// The current operational plans of a strategic plan: overlapping its period, not superseded, and not rolled forward since;
    /// for callers who may not read drafts (anonymous callers, Delegates), only the adopted ones, so that no draft is shown.
    /// </summary>
    public async Task<IReadOnlyList<PlanRef>> CurrentOperationalPlansAsync(PlanRef plan, CancellationToken ct)
    {
        var rolled = db.Plans.Where(p => p.PreviousPlanId != null).Select(p => p.PreviousPlanId!.Value);
        var drafts = PlanningPermissions.CanReadDrafts(db.Actor);
        return await db.Plans.AsNoTracking()
            .Where(p => p.Kind == PlanKind.Operational && p.Status != PlanStatus.Superseded && p.StartYear <= plan.EndYear && p.EndYear >= plan.StartYear
                && !rolled.Contains(p.Id) && (drafts || p.Status != PlanStatus.Draft))
            .OrderBy(p => p.OwnerUnit).ThenBy(p => p.Code)
            .Select(p => new PlanRef(p.Id, p.Code, p.Title, p.Kind, p.Status, p.StartYear, p.EndYear, p.OwnerUnit))
            .ToListAsync(ct);
    }

    private async Task<(CoherenceInput Input, IReadOnlyList<PlanRef> Operational)> LoadAsync(PlanRef plan, CancellationToken ct)
    {
        var operational = await CurrentOperationalPlansAsync(plan, ct);
        var opIds = operational.Select(p => p.Id).ToList();
        var strategic = await ElementsAsync(e => e.PlanId == plan.Id, ct);
        var opElements = await ElementsAsync(e => opIds.Contains(e.PlanId), ct);
        var links = await db.ElementLinks.AsNoTracking()
            .Where(l => l.TargetElementId != null && opIds.Contains(l.Element!.PlanId) && l.TargetElement!.PlanId == plan.Id)
            .Select(l => new { l.ElementId, Target = l.TargetElementId!.Value }).ToListAsync(ct);
        var resources = await db.OutputResources.AsNoTracking().Where(r => opIds.Contains(r.Element!.PlanId))
            .Select(r => new { r.ElementId, r.Amount }).ToListAsync(ct);

        var attribution = await finance.LoadAttributionAsync(plan.Id, ct);
        var view = await finance.GetFinancialPlanAsync(plan.Id, ct);
        var budgets = await finance.GetBudgetsAsync(plan.Id, ct) ?? [];
        var bienniums = view is null || view.Id is null
            ? []
            : view.Balances.Select(b =>
            {
                var budget = budgets.FirstOrDefault(x => x.StartYear == b.StartYear);
                return new BienniumFigures(b.StartYear, b.EndYear, b.Revenue, b.Expenses, budget?.Id is null ? null : budget.Total);
            }).ToList();

        HashSet<int>? withIndicators = null;
        if (indicators is not NoIndicatorCoverage)
        {
            withIndicators = [.. await indicators.ElementsWithIndicatorsAsync(plan.Id, ct)];
            foreach (var id in opIds) withIndicators.UnionWith(await indicators.ElementsWithIndicatorsAsync(id, ct));
        }

        var input = new CoherenceInput(
            plan.Id,
            strategic,
            opElements,
            links.Select(l => (l.ElementId, l.Target)).ToList(),
            resources.GroupBy(r => r.ElementId).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount)),
            attribution.Result.ByElement,
            attribution.Result.Matrix.ToDictionary(m => m.Key, m => m.Value.Values.Sum(), StringComparer.Ordinal),
            attribution.Planned,
            attribution.Budgeted,
            view?.Limits ?? [],
            bienniums,
            withIndicators);
        return (input, operational);
    }

    private async Task<List<CoherenceElement>> ElementsAsync(System.Linq.Expressions.Expression<Func<PlanElement, bool>> where, CancellationToken ct) =>
        await db.PlanElements.AsNoTracking().Where(where)
            .Select(e => new CoherenceElement(e.Id, e.PlanId, e.ParentId, e.Code, e.Level!.Code))
            .ToListAsync(ct);

    /// <summary>A finding in words, in the current UI language.</summary>
    public static string Describe(CoherenceFinding f, Func<decimal, string>? money = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        money ??= a => Money.Thousands(a);
        return f.Check switch
        {
            CoherenceCheck.OutputNotLinked => Messages.Format("Finance.Coherence.OutputNotLinked", f.ElementCode),
            CoherenceCheck.OutcomeNotSupported => Messages.Format("Finance.Coherence.OutcomeNotSupported", f.ElementCode),
            CoherenceCheck.IndicatorsWithoutResources => Messages.Format("Finance.Coherence.IndicatorsWithoutResources", f.ElementCode),
            CoherenceCheck.ResourcesWithoutIndicators => Messages.Format("Finance.Coherence.ResourcesWithoutIndicators", f.ElementCode),
            CoherenceCheck.AttributionDiffersFromBudget => Messages.Format("Finance.Coherence.AttributionDiffersFromBudget", f.Unit, money(f.Actual ?? 0), money(f.Expected ?? 0)),
            CoherenceCheck.OverFinancialLimit => f.Unit is null
                ? Messages.Format("Finance.Coherence.OverTotalLimit", money(f.Actual ?? 0), money(f.Expected ?? 0))
                : Messages.Format("Finance.Coherence.OverUnitLimit", f.Unit, money(f.Actual ?? 0), money(f.Expected ?? 0)),
            CoherenceCheck.FinancialPlanUnbalanced => Messages.Format("Finance.Coherence.FinancialPlanUnbalanced", f.Year, f.EndYear, money(f.Expected ?? 0), money(f.Actual ?? 0)),
            CoherenceCheck.BudgetUnbalanced => Messages.Format("Finance.Coherence.BudgetUnbalanced", f.Year, f.EndYear, money(f.Actual ?? 0), money(f.Expected ?? 0)),
            _ => f.Check.ToString(),
        };
    }

    /// <summary>The path of the page where a finding can be fixed.</summary>
    public static string FixPath(CoherenceFinding f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return f.Fix switch
        {
            FixPage.Element => $"/Planning/Elements/{f.FixId}",
            FixPage.AttributionKeys => $"/Finance/Plans/{f.FixId}/Keys/{Uri.EscapeDataString(f.Unit ?? "")}",
            FixPage.Budget => $"/Finance/Plans/{f.FixId}/Budgets#b-{f.Year}",
            FixPage.FinancialPlan => $"/Finance/Plans/{f.FixId}",
            FixPage.OperationalResources => $"/Finance/Operational/{f.FixId}",
            _ => "/Finance",
        };
    }
}
