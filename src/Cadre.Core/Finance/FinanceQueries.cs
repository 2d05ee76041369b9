using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Finance;

public sealed record PlanRef(int Id, string Code, LocalizedText Title, PlanKind Kind, PlanStatus Status, int StartYear, int EndYear, string? OwnerUnit);

public sealed record Biennium(int StartYear, int EndYear)
{
    public bool Contains(int year) => year >= StartYear && year <= EndYear;

    /// <summary>A period cut into two-year budgets from its first year; the last may have one year.</summary>
    public static IReadOnlyList<Biennium> Of(int startYear, int endYear)
    {
        var list = new List<Biennium>();
        for (var y = startYear; y <= endYear; y += 2) list.Add(new Biennium(y, Math.Min(y + 1, endYear)));
        return list;
    }
}

public sealed record PlanLineView(LineKind Kind, string Category, int Year, decimal Amount);

public sealed record BienniumBalance(int StartYear, int EndYear, decimal Revenue, decimal Expenses)
{
    public decimal Balance => Revenue - Expenses;
}

public sealed record FinancialPlanView(
    PlanRef Plan,
    int? Id,
    int Version,
    string? AdoptedBy,
    IReadOnlyList<int> Years,
    IReadOnlyList<PlanLineView> Lines,
    IReadOnlyList<LimitFigures> Limits,
    IReadOnlyList<BienniumBalance> Balances)
{
    public decimal Amount(LineKind kind, string category, int year) =>
        Lines.Where(l => l.Kind == kind && l.Category == category && l.Year == year).Sum(l => l.Amount);

    public decimal Total(LineKind kind, int? year = null) => Lines.Where(l => l.Kind == kind && (year is null || l.Year == year)).Sum(l => l.Amount);

    public decimal UnitTotal(string unit) => Lines.Where(l => l.Kind == LineKind.Expense && l.Category == unit).Sum(l => l.Amount);
}

public sealed record BudgetLineView(string Unit, CostCategory Category, decimal Budget, decimal Spent)
{
    /// <summary>Spent over budget, in percent; null when nothing was budgeted.</summary>
    public decimal? ExecutionRate => Budget == 0 ? null : decimal.Round(Spent * 100m / Budget, 1);
}

public sealed record BudgetView(int? Id, int Version, int StartYear, int EndYear, bool Closed, IReadOnlyList<BudgetLineView> Lines,
    IReadOnlyDictionary<int, decimal> SpentByYear)
{
    public decimal Total => Lines.Sum(l => l.Budget);
    public decimal Spent => Lines.Sum(l => l.Spent);
    public decimal? ExecutionRate => Total == 0 ? null : decimal.Round(Spent * 100m / Total, 1);
    public decimal Amount(string unit, CostCategory category) => Lines.Where(l => l.Unit == unit && l.Category == category).Sum(l => l.Budget);
}

public sealed record ElementRef(int Id, int? ParentId, string Code, string Level, LocalizedText Title, int SortOrder);

public sealed record UnitKeysView(string Unit, int? Id, int Version, AttributionMethod Method, IReadOnlyDictionary<int, decimal> Shares)
{
    public decimal Total => Shares.Values.Sum();
}

public sealed record UnitAttributionRow(string Unit, decimal Planned, decimal Budgeted, decimal Attributed, IReadOnlyDictionary<int, decimal> ByElement);

public sealed record AttributionView(
    PlanRef Plan,
    IReadOnlyList<ElementRef> Elements,
    IReadOnlyList<UnitAttributionRow> Units,
    IReadOnlyDictionary<int, decimal> ByElement,
    IReadOnlyDictionary<int, decimal> ByTopElement,
    IReadOnlyList<string> Unattributed,
    GoalAttribution Goals)
{
    public decimal TotalPlanned => Units.Sum(u => u.Planned);
    public decimal TotalAttributed => Units.Sum(u => u.Attributed);
}

/// <summary>
/// The attribution per strategic goal: the plan's goal level (the first level allowed at the top), its elements,
/// the amount of each, what no goal received (per top-level element without goal shares), and the shares that
/// split each thematic priority or enabler over the goals.
/// </summary>
public sealed record GoalAttribution(
    string? LevelCode,
    LocalizedText? LevelName,
    IReadOnlyList<ElementRef> Goals,
    IReadOnlyDictionary<int, decimal> ByGoal,
    IReadOnlyDictionary<int, decimal> Unassigned,
    IReadOnlyDictionary<int, IReadOnlyDictionary<int, decimal>> Shares,
    int FinancialPlanVersion,
    IReadOnlyDictionary<string, GoalTotals> ByUnit)
{
    /// <summary>A unit's amount for a goal (CHF).</summary>
    public decimal UnitGoal(string unit, int goal) => ByUnit.TryGetValue(unit, out var t) ? Money.FromMinor(t.ByGoal.GetValueOrDefault(goal)) : 0m;

    /// <summary>A unit's amount under a top-level element that has no goal shares (CHF).</summary>
    public decimal UnitUnassigned(string unit, int top) => ByUnit.TryGetValue(unit, out var t) ? Money.FromMinor(t.Unassigned.GetValueOrDefault(top)) : 0m;

    public decimal TotalToGoals => ByGoal.Values.Sum();
    public decimal TotalUnassigned => Unassigned.Values.Sum();
}

public sealed record RiskAssessmentView(DateTime AtUtc, string AssessedBy, int Likelihood, int Impact, RiskStatus Status, string? Note)
{
    public int Score => Likelihood * Impact;
}

public sealed record RiskView(
    int Id, int Version, int PlanId, string PlanCode, int ElementId, string ElementCode, LocalizedText ElementTitle, string? TopElementCode,
    string Code, LocalizedText Title, RiskCategory Category, LocalizedText Cause, LocalizedText Consequence, int Likelihood, int Impact,
    string Owner, RiskResponse Response, LocalizedText Actions, RiskStatus Status, DateTime? NextReviewUtc, IReadOnlyList<RiskAssessmentView> History)
{
    public int Score => Likelihood * Impact;
}

public sealed record OutputResourceView(int ElementId, int? ParentId, string Code, string Level, LocalizedText Title, int? ResourceVersion,
    string? ResponsibleUnit, decimal Amount, decimal StaffDays, IReadOnlyList<string> Contributes);

public sealed record OperationalPlanView(PlanRef Plan, bool IsCurrent, int? NextPlanId, int OutputCount, decimal Resources);

/// <summary>Finance reads, shared by pages, API and CLI. A plan the caller may not read gives null.</summary>
public sealed class FinanceQueries(CadreDbContext db)
{
    public async Task<PlanRef?> GetPlanAsync(int planId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null || !FinancePermissions.CanRead(db.Actor, plan)) return null;
        return Ref(plan);
    }

    public async Task<int?> FindPlanIdAsync(string code, CancellationToken ct = default) =>
        await db.Plans.Where(p => p.Code == code).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);

    private static PlanRef Ref(Plan p) => new(p.Id, p.Code, p.Title, p.Kind, p.Status, p.StartYear, p.EndYear, p.OwnerUnit);

    /// <summary>The strategic plans the caller may read, with whether each has a financial plan.</summary>
    public async Task<IReadOnlyList<(PlanRef Plan, bool HasFinancialPlan)>> ListStrategicPlansAsync(CancellationToken ct = default)
    {
        var plans = await db.Plans.AsNoTracking().Where(p => p.Kind == PlanKind.Strategic).OrderByDescending(p => p.StartYear).ThenBy(p => p.Code).ToListAsync(ct);
        var withFinance = (await db.FinancialPlans.Select(f => f.PlanId).ToListAsync(ct)).ToHashSet();
        return plans.Where(p => FinancePermissions.CanRead(db.Actor, p)).Select(p => (Ref(p), withFinance.Contains(p.Id))).ToList();
    }

    public async Task<FinancialPlanView?> GetFinancialPlanAsync(int planId, CancellationToken ct = default)
    {
        var plan = await GetPlanAsync(planId, ct);
        if (plan is null) return null;
        var fp = await db.FinancialPlans.AsNoTracking().Include(f => f.Lines).Include(f => f.Limits).AsSplitQuery().FirstOrDefaultAsync(f => f.PlanId == planId, ct);
        var lines = fp?.Lines.Select(l => new PlanLineView(l.Kind, l.Category, l.Year, l.Amount))
            .OrderBy(l => l.Kind).ThenBy(l => l.Category, StringComparer.Ordinal).ThenBy(l => l.Year).ToList() ?? [];
        var limits = fp?.Limits.OrderBy(l => l.Unit ?? "", StringComparer.Ordinal).Select(l => new LimitFigures(l.Unit, l.Amount)).ToList() ?? [];
        var years = Enumerable.Range(plan.StartYear, plan.EndYear - plan.StartYear + 1).ToList();
        var balances = Biennium.Of(plan.StartYear, plan.EndYear).Select(b => new BienniumBalance(b.StartYear, b.EndYear,
            lines.Where(l => l.Kind == LineKind.Revenue && b.Contains(l.Year)).Sum(l => l.Amount),
            lines.Where(l => l.Kind == LineKind.Expense && b.Contains(l.Year)).Sum(l => l.Amount))).ToList();
        return new FinancialPlanView(plan, fp?.Id, fp?.Version ?? 0, fp?.AdoptedBy, years, lines, limits, balances);
    }

    /// <summary>The biennial budgets of the plan's period (an empty one where none was entered), with expenditure and execution.</summary>
    public async Task<IReadOnlyList<BudgetView>?> GetBudgetsAsync(int planId, CancellationToken ct = default)
    {
        var plan = await GetPlanAsync(planId, ct);
        if (plan is null) return null;
        var budgets = await db.Budgets.AsNoTracking().Include(b => b.Lines).Where(b => b.FinancialPlan!.PlanId == planId).ToListAsync(ct);
        var budgetIds = budgets.Select(b => b.Id).ToList();
        var spent = await db.Expenditures.AsNoTracking().Where(x => budgetIds.Contains(x.BudgetId))
            .Select(x => new { x.BudgetId, x.Unit, x.Category, x.Year, x.Amount }).ToListAsync(ct);
        var result = new List<BudgetView>();
        foreach (var period in Biennium.Of(plan.StartYear, plan.EndYear))
        {
            var b = budgets.FirstOrDefault(x => x.StartYear == period.StartYear);
            var mine = b is null ? [] : spent.Where(s => s.BudgetId == b.Id).ToList();
            var lines = new List<BudgetLineView>();
            foreach (var unit in FinanceUnits.All)
            {
                foreach (var category in Enum.GetValues<CostCategory>())
                {
                    var amount = b?.Lines.Where(l => l.Unit == unit && l.Category == category).Sum(l => l.Amount) ?? 0;
                    var used = mine.Where(s => s.Unit == unit && s.Category == category).Sum(s => s.Amount);
                    lines.Add(new BudgetLineView(unit, category, amount, used));
                }
            }
            var byYear = Enumerable.Range(period.StartYear, period.EndYear - period.StartYear + 1)
                .ToDictionary(y => y, y => mine.Where(s => s.Year == y).Sum(s => s.Amount));
            result.Add(new BudgetView(b?.Id, b?.Version ?? 0, period.StartYear, period.EndYear, b?.Closed ?? false, lines, byYear));
        }
        return result;
    }

    public async Task<IReadOnlyList<ElementRef>> ElementsAsync(int planId, CancellationToken ct = default)
    {
        var rows = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == planId)
            .Select(e => new { e.Id, e.ParentId, e.Code, Level = e.Level!.Code, e.Title, e.SortOrder, LevelOrder = e.Level.SortOrder }).ToListAsync(ct);
        // Depth-first in tree order, so that tables read as the plan does.
        var children = rows.ToLookup(r => r.ParentId);
        var ordered = new List<ElementRef>(rows.Count);
        void Walk(int? parent)
        {
            foreach (var r in children[parent].OrderBy(r => r.ParentId is null ? r.LevelOrder : 0).ThenBy(r => r.SortOrder).ThenBy(r => r.Code, StringComparer.Ordinal))
            {
                ordered.Add(new ElementRef(r.Id, r.ParentId, r.Code, r.Level, r.Title, r.SortOrder));
                Walk(r.Id);
            }
        }
        Walk(null);
        return ordered;
    }

    public async Task<IReadOnlyList<UnitKeysView>?> GetKeysAsync(int planId, CancellationToken ct = default)
    {
        var plan = await GetPlanAsync(planId, ct);
        if (plan is null) return null;
        var stored = await db.UnitAttributions.AsNoTracking().Include(u => u.Shares)
            .Where(u => db.FinancialPlans.Any(f => f.Id == u.FinancialPlanId && f.PlanId == planId)).ToListAsync(ct);
        return FinanceUnits.All.Select(unit =>
        {
            var u = stored.FirstOrDefault(s => s.Unit == unit);
            return new UnitKeysView(unit, u?.Id, u?.Version ?? 0, u?.Method ?? AttributionMethod.Percentage,
                u?.Shares.ToDictionary(s => s.ElementId, s => s.Value) ?? []);
        }).ToList();
    }

    /// <summary>
    /// The attribution of the financial plan's expenses of each unit to the plan's elements (the engine),
    /// compared with the financial plan and the budgets; totals per top-level element (goal, thematic priority, enabler).
    /// </summary>
    public async Task<AttributionView?> GetAttributionAsync(int planId, CancellationToken ct = default)
    {
        var plan = await GetPlanAsync(planId, ct);
        if (plan is null) return null;
        var data = await LoadAttributionAsync(planId, ct);
        return data.View(plan);
    }

    internal sealed record AttributionData(
        IReadOnlyList<ElementRef> Elements,
        Dictionary<string, decimal> Planned,
        Dictionary<string, decimal> Budgeted,
        AttributionResult Result,
        FrameworkLevel? GoalLevel = null,
        IReadOnlyDictionary<int, IReadOnlyDictionary<int, decimal>>? GoalShares = null,
        int FinancialPlanVersion = 0)
    {
        public AttributionView View(PlanRef plan)
        {
            var parents = Elements.ToDictionary(e => e.Id, e => e.ParentId);
            var rolled = Attribution.RollUp(Result.ByElement, parents);
            var tops = Elements.Where(e => e.ParentId is null).ToDictionary(e => e.Id, e => Money.FromMinor(rolled.GetValueOrDefault(e.Id)));
            var units = FinanceUnits.All.Select(u =>
            {
                var row = Result.Matrix.GetValueOrDefault(u) ?? new Dictionary<int, long>();
                return new UnitAttributionRow(u, Planned.GetValueOrDefault(u), Budgeted.GetValueOrDefault(u),
                    Money.FromMinor(row.Values.Sum()), row.ToDictionary(r => r.Key, r => Money.FromMinor(r.Value)));
            }).ToList();
            var goals = GoalLevel is null ? [] : Elements.Where(e => e.Level == GoalLevel.Code).ToList();
            var shares = GoalShares ?? new Dictionary<int, IReadOnlyDictionary<int, decimal>>();
            // Per unit, then summed: each unit's goals and unassigned amounts add up exactly to what it attributed, so the totals do too.
            var goalIds = goals.Select(g => g.Id).ToHashSet();
            var byUnit = Result.Matrix.ToDictionary(m => m.Key, m => Attribution.ByGoal(m.Value, parents, goalIds, shares), StringComparer.Ordinal);
            var byGoal = goalIds.ToDictionary(g => g, g => Money.FromMinor(byUnit.Values.Sum(t => t.ByGoal.GetValueOrDefault(g))));
            var unassigned = byUnit.Values.SelectMany(t => t.Unassigned).GroupBy(x => x.Key).ToDictionary(x => x.Key, x => Money.FromMinor(x.Sum(y => y.Value)));
            var goalView = new GoalAttribution(GoalLevel?.Code, GoalLevel?.Name, goals, byGoal, unassigned, shares, FinancialPlanVersion, byUnit);
            return new AttributionView(plan, Elements, units, Result.ByElement.ToDictionary(r => r.Key, r => Money.FromMinor(r.Value)), tops, Result.Unattributed, goalView);
        }
    }

    internal async Task<AttributionData> LoadAttributionAsync(int planId, CancellationToken ct)
    {
        var elements = await ElementsAsync(planId, ct);
        var fp = await db.FinancialPlans.AsNoTracking().Where(f => f.PlanId == planId).Select(f => new { f.Id, f.Version }).FirstOrDefaultAsync(ct);
        var goalLevel = await GoalLevelAsync(planId, ct);
        var goalShares = new Dictionary<int, IReadOnlyDictionary<int, decimal>>();
        var planned = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var budgeted = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var keys = new List<AttributionKey>();
        if (fp is not null)
        {
            foreach (var l in await db.FinancialPlanLines.AsNoTracking().Where(l => l.FinancialPlanId == fp.Id && l.Kind == LineKind.Expense).ToListAsync(ct))
            {
                planned[l.Category] = planned.GetValueOrDefault(l.Category) + l.Amount;
            }
            foreach (var l in await db.BudgetLines.AsNoTracking().Where(l => db.Budgets.Any(b => b.Id == l.BudgetId && b.FinancialPlanId == fp.Id)).ToListAsync(ct))
            {
                budgeted[l.Unit] = budgeted.GetValueOrDefault(l.Unit) + l.Amount;
            }
            var units = await db.UnitAttributions.AsNoTracking().Include(u => u.Shares).Where(u => u.FinancialPlanId == fp.Id).ToListAsync(ct);
            foreach (var u in units)
            {
                keys.Add(new AttributionKey(u.Unit, Money.ToMinor(planned.GetValueOrDefault(u.Unit)), u.Shares.ToDictionary(s => s.ElementId, s => s.Value)));
            }
            foreach (var unit in planned.Keys.Where(k => units.All(u => u.Unit != k)))
            {
                keys.Add(new AttributionKey(unit, Money.ToMinor(planned[unit]), new Dictionary<int, decimal>()));
            }
        }
        if (fp is not null)
        {
            foreach (var g in (await db.GoalShares.AsNoTracking().Where(g => g.FinancialPlanId == fp.Id).ToListAsync(ct)).GroupBy(g => g.ElementId))
            {
                goalShares[g.Key] = g.ToDictionary(x => x.GoalId, x => x.Percent);
            }
        }
        return new AttributionData(elements, planned, budgeted, Attribution.Compute(keys), goalLevel, goalShares, fp?.Version ?? 0);
    }

    /// <summary>The level of a plan's strategic goals: the first level (by order) allowed at the top of the tree; null for a plan without levels.</summary>
    public async Task<FrameworkLevel?> GoalLevelAsync(int planId, CancellationToken ct = default) =>
        (await db.FrameworkLevels.AsNoTracking().Where(l => l.PlanId == planId && l.AllowedAtRoot).ToListAsync(ct))
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Id).FirstOrDefault();

    public async Task<IReadOnlyList<RiskView>?> ListRisksAsync(int planId, CancellationToken ct = default)
    {
        var plan = await GetPlanAsync(planId, ct);
        if (plan is null || !FinancePermissions.CanReadRisks(db.Actor)) return null;
        var risks = await db.Risks.AsNoTracking().Include(r => r.Element).Include(r => r.Assessments).Where(r => r.PlanId == planId).ToListAsync(ct);
        var elements = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == planId).Select(e => new { e.Id, e.ParentId, e.Code }).ToListAsync(ct);
        var tops = TopOf(elements.Select(e => (e.Id, e.ParentId, e.Code)).ToList());
        return risks.OrderByDescending(r => r.Likelihood * r.Impact).ThenBy(r => r.Code, StringComparer.Ordinal).Select(r => View(r, plan.Code, tops)).ToList();
    }

    public async Task<RiskView?> GetRiskAsync(int riskId, CancellationToken ct = default)
    {
        var risk = await db.Risks.AsNoTracking().Include(r => r.Element).Include(r => r.Assessments).FirstOrDefaultAsync(r => r.Id == riskId, ct);
        if (risk is null) return null;
        var plan = await GetPlanAsync(risk.PlanId, ct);
        if (plan is null || !FinancePermissions.CanReadRisks(db.Actor)) return null;
        var elements = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == risk.PlanId).Select(e => new { e.Id, e.ParentId, e.Code }).ToListAsync(ct);
        return View(risk, plan.Code, TopOf(elements.Select(e => (e.Id, e.ParentId, e.Code)).ToList()));
    }

    private static Dictionary<int, string> TopOf(List<(int Id, int? ParentId, string Code)> elements)
    {
        var byId = elements.ToDictionary(e => e.Id);
        var result = new Dictionary<int, string>();
        foreach (var e in elements)
        {
            var current = e;
            var guard = 0;
            while (current.ParentId is int p && byId.TryGetValue(p, out var parent) && guard++ < 100) current = parent;
            result[e.Id] = current.Code;
        }
        return result;
    }

    private static RiskView View(Risk r, string planCode, Dictionary<int, string> tops) => new(
        r.Id, r.Version, r.PlanId, planCode, r.ElementId, r.Element?.Code ?? "", r.Element?.Title ?? new LocalizedText(), tops.GetValueOrDefault(r.ElementId),
        r.Code, r.Title, r.Category, r.Cause, r.Consequence, r.Likelihood, r.Impact, r.Owner, r.Response, r.Actions, r.Status, r.NextReviewUtc,
        r.Assessments.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Select(a => new RiskAssessmentView(a.AtUtc, a.AssessedBy, a.Likelihood, a.Impact, a.Status, a.Note)).ToList());

    /// <summary>The operational plans the caller may read; the current one of each unit is the one no later plan rolled forward from.</summary>
    public async Task<IReadOnlyList<OperationalPlanView>> ListOperationalPlansAsync(CancellationToken ct = default)
    {
        var plans = await db.Plans.AsNoTracking().Where(p => p.Kind == PlanKind.Operational).OrderBy(p => p.OwnerUnit).ThenByDescending(p => p.StartYear).ToListAsync(ct);
        var next = plans.Where(p => p.PreviousPlanId is not null).GroupBy(p => p.PreviousPlanId!.Value).ToDictionary(g => g.Key, g => g.First().Id);
        var ids = plans.Select(p => p.Id).ToList();
        var outputs = await db.PlanElements.AsNoTracking().Where(e => ids.Contains(e.PlanId) && e.Level!.Code == Coherence.OutputLevel)
            .GroupBy(e => e.PlanId).Select(g => new { PlanId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var resources = await db.OutputResources.AsNoTracking().Where(r => ids.Contains(r.Element!.PlanId)).Select(r => new { r.Element!.PlanId, r.Amount }).ToListAsync(ct);
        return plans.Where(p => FinancePermissions.CanRead(db.Actor, p)).Select(p => new OperationalPlanView(Ref(p), !next.ContainsKey(p.Id), next.TryGetValue(p.Id, out var n) ? n : null,
            outputs.FirstOrDefault(o => o.PlanId == p.Id)?.Count ?? 0, resources.Where(r => r.PlanId == p.Id).Sum(r => r.Amount))).ToList();
    }

    /// <summary>One element of an operational plan with its resources, and its plan; null when the caller may not read it.</summary>
    public async Task<(PlanRef Plan, OutputResourceView Element)?> GetOutputResourceAsync(int elementId, CancellationToken ct = default)
    {
        var planId = await db.PlanElements.Where(e => e.Id == elementId).Select(e => (int?)e.PlanId).FirstOrDefaultAsync(ct);
        if (planId is null) return null;
        var plan = await GetPlanAsync(planId.Value, ct);
        if (plan is null || plan.Kind != PlanKind.Operational) return null;
        var rows = await GetOperationalResourcesAsync(plan.Id, ct);
        var row = rows?.FirstOrDefault(r => r.ElementId == elementId);
        return row is null ? null : (plan, row);
    }

    /// <summary>An operational plan's elements with their responsible unit, resources and the strategic elements they contribute to.</summary>
    public async Task<IReadOnlyList<OutputResourceView>?> GetOperationalResourcesAsync(int planId, CancellationToken ct = default)
    {
        var plan = await GetPlanAsync(planId, ct);
        if (plan is null) return null;
        var elements = await ElementsAsync(planId, ct);
        var ids = elements.Select(e => e.Id).ToList();
        var resources = await db.OutputResources.AsNoTracking().Where(r => ids.Contains(r.ElementId)).ToDictionaryAsync(r => r.ElementId, ct);
        var links = await db.ElementLinks.AsNoTracking().Where(l => ids.Contains(l.ElementId) && l.TargetElementId != null)
            .Select(l => new { l.ElementId, l.TargetElement!.Code }).ToListAsync(ct);
        return elements.Select(e =>
        {
            var r = resources.GetValueOrDefault(e.Id);
            return new OutputResourceView(e.Id, e.ParentId, e.Code, e.Level, e.Title, r?.Version, r?.ResponsibleUnit, r?.Amount ?? 0, r?.StaffDays ?? 0,
                links.Where(l => l.ElementId == e.Id).Select(l => l.Code).Order(StringComparer.Ordinal).ToList());
        }).ToList();
    }
}
