using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Finance.Handlers;

/// <summary>Creates or replaces a strategic plan's financial plan: every line and limit at once.</summary>
public sealed class SaveFinancialPlan(CadreDbContext db)
{
    public sealed record Line(LineKind Kind, string Category, int Year, decimal Amount);

    public sealed record Limit(string? Unit, decimal Amount);

    public sealed record Request(int PlanId, int? Version, string? AdoptedBy, IReadOnlyList<Line> Lines, IReadOnlyList<Limit> Limits);

    public async Task<FinancialPlan> HandleAsync(Request request, CancellationToken ct = default)
    {
        var plan = await FinanceInput.StrategicPlanForEditAsync(db, request.PlanId, ct);
        var fp = await db.FinancialPlans.Include(f => f.Lines).Include(f => f.Limits).AsSplitQuery().FirstOrDefaultAsync(f => f.PlanId == plan.Id, ct);
        if (fp is not null) db.ExpectVersion(fp, request.Version);
        var v = new Validation();
        v.MaxLength("adoptedBy", request.AdoptedBy, 300);
        var lines = new List<FinancialPlanLine>();
        var seen = new HashSet<(LineKind, string, int)>();
        for (var i = 0; i < (request.Lines?.Count ?? 0); i++)
        {
            var l = request.Lines![i];
            var field = $"lines[{i}]";
            string? category;
            if (l.Kind == LineKind.Revenue)
            {
                category = Enum.GetNames<RevenueSource>().FirstOrDefault(n => string.Equals(n, l.Category?.Trim(), StringComparison.OrdinalIgnoreCase));
                if (category is null) v.Add($"{field}.category", Messages.Format("Finance.Error.UnknownSource", l.Category, string.Join(", ", Enum.GetNames<RevenueSource>())));
            }
            else
            {
                category = FinanceInput.Unit(v, $"{field}.category", l.Category);
            }
            if (l.Year < plan.StartYear || l.Year > plan.EndYear) v.Add($"{field}.year", Messages.Format("Finance.Error.YearOutsidePlan", l.Year, plan.StartYear, plan.EndYear));
            Money.Check(v, $"{field}.amount", l.Amount);
            if (category is not null && !seen.Add((l.Kind, category, l.Year))) v.Add(field, Messages.Format("Finance.Error.DuplicateLine", category, l.Year));
            lines.Add(new FinancialPlanLine { Kind = l.Kind, Category = category ?? "", Year = l.Year, Amount = l.Amount });
        }
        var limits = new List<FinancialLimit>();
        var limitUnits = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (request.Limits?.Count ?? 0); i++)
        {
            var l = request.Limits![i];
            var unit = FinanceInput.Unit(v, $"limits[{i}].unit", l.Unit, required: false);
            Money.Check(v, $"limits[{i}].amount", l.Amount);
            if (!limitUnits.Add(unit ?? "*")) v.Add($"limits[{i}].unit", Messages.Get("Finance.Error.DuplicateLimit"));
            limits.Add(new FinancialLimit { Unit = unit, Amount = l.Amount });
        }
        v.ThrowIfAny();

        if (fp is null)
        {
            fp = new FinancialPlan { PlanId = plan.Id };
            db.FinancialPlans.Add(fp);
        }
        fp.AdoptedBy = string.IsNullOrWhiteSpace(request.AdoptedBy) ? null : request.AdoptedBy.Trim();
        // Lines are matched on their key so that the audit trail shows changed amounts, not a delete and a create.
        foreach (var old in fp.Lines.ToList())
        {
            var match = lines.FirstOrDefault(n => n.Kind == old.Kind && n.Category == old.Category && n.Year == old.Year);
            if (match is null) db.FinancialPlanLines.Remove(old);
            else
            {
                old.Amount = match.Amount;
                lines.Remove(match);
            }
        }
        fp.Lines.AddRange(lines);
        foreach (var old in fp.Limits.ToList())
        {
            var match = limits.FirstOrDefault(n => n.Unit == old.Unit);
            if (match is null) db.FinancialLimits.Remove(old);
            else
            {
                old.Amount = match.Amount;
                limits.Remove(match);
            }
        }
        fp.Limits.AddRange(limits);
        // The plan's version moves with every change of its lines, so that a stale form is refused.
        if (db.Entry(fp).State == EntityState.Unchanged) db.Entry(fp).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return fp;
    }
}

/// <summary>Deletes a financial plan with its budgets, expenditure and attribution keys.</summary>
public sealed class DeleteFinancialPlan(CadreDbContext db)
{
    public sealed record Request(int PlanId, int? Version);

    public async Task HandleAsync(Request request, CancellationToken ct = default)
    {
        var plan = await FinanceInput.StrategicPlanForEditAsync(db, request.PlanId, ct);
        var fp = await db.FinancialPlans.FirstOrDefaultAsync(f => f.PlanId == plan.Id, ct)
            ?? throw new NotFoundException(Messages.Format("Finance.Error.NoFinancialPlan", plan.Code));
        db.ExpectVersion(fp, request.Version);
        db.FinancialPlans.Remove(fp);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Sets a biennial budget's appropriations by unit and cost category, and whether the biennium is closed.</summary>
public sealed class SaveBudget(CadreDbContext db)
{
    public sealed record Line(string Unit, CostCategory Category, decimal Amount);

    public sealed record Request(int PlanId, int StartYear, int? Version, IReadOnlyList<Line> Lines, bool Closed);

    public async Task<Budget> HandleAsync(Request request, CancellationToken ct = default)
    {
        var plan = await FinanceInput.StrategicPlanForEditAsync(db, request.PlanId, ct);
        var fp = await FinanceInput.FinancialPlanAsync(db, plan, ct);
        var period = Biennium.Of(plan.StartYear, plan.EndYear).FirstOrDefault(b => b.StartYear == request.StartYear)
            ?? throw new NotFoundException(Messages.Format("Finance.Error.NoBiennium", request.StartYear, plan.Code));
        var budget = await db.Budgets.Include(b => b.Lines).FirstOrDefaultAsync(b => b.FinancialPlanId == fp.Id && b.StartYear == period.StartYear, ct);
        if (budget is not null) db.ExpectVersion(budget, request.Version);
        var v = new Validation();
        var lines = new List<BudgetLine>();
        var seen = new HashSet<(string, CostCategory)>();
        for (var i = 0; i < (request.Lines?.Count ?? 0); i++)
        {
            var l = request.Lines![i];
            var unit = FinanceInput.Unit(v, $"lines[{i}].unit", l.Unit);
            if (!Enum.IsDefined(l.Category)) v.Add($"lines[{i}].category", Messages.Get("Finance.Error.UnknownCategory"));
            Money.Check(v, $"lines[{i}].amount", l.Amount);
            if (unit is not null && !seen.Add((unit, l.Category))) v.Add($"lines[{i}]", Messages.Format("Finance.Error.DuplicateLine", unit, l.Category));
            lines.Add(new BudgetLine { Unit = unit ?? "", Category = l.Category, Amount = l.Amount });
        }
        v.ThrowIfAny();

        if (budget is null)
        {
            budget = new Budget { FinancialPlanId = fp.Id, StartYear = period.StartYear, EndYear = period.EndYear };
            db.Budgets.Add(budget);
        }
        budget.Closed = request.Closed;
        foreach (var old in budget.Lines.ToList())
        {
            var match = lines.FirstOrDefault(n => n.Unit == old.Unit && n.Category == old.Category);
            if (match is null) db.BudgetLines.Remove(old);
            else
            {
                old.Amount = match.Amount;
                lines.Remove(match);
            }
        }
        budget.Lines.AddRange(lines);
        if (db.Entry(budget).State == EntityState.Unchanged) db.Entry(budget).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return budget;
    }
}

/// <summary>Sets how one unit's resources are attributed to the plan's elements (replaces its keys).</summary>
public sealed class SaveAttributionKeys(CadreDbContext db)
{
    public sealed record Request(int PlanId, string Unit, int? Version, AttributionMethod Method, IReadOnlyDictionary<int, decimal> Shares);

    public async Task<UnitAttribution> HandleAsync(Request request, CancellationToken ct = default)
    {
        var plan = await FinanceInput.StrategicPlanForEditAsync(db, request.PlanId, ct);
        var fp = await FinanceInput.FinancialPlanAsync(db, plan, ct);
        var v = new Validation();
        var unit = FinanceInput.Unit(v, "unit", request.Unit);
        if (!Enum.IsDefined(request.Method)) v.Add("method", Messages.Get("Finance.Error.UnknownMethod"));
        var shares = request.Shares ?? new Dictionary<int, decimal>();
        var ids = shares.Keys.ToList();
        var known = (await db.PlanElements.Where(e => e.PlanId == plan.Id && ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        foreach (var (element, value) in shares)
        {
            if (!known.Contains(element)) v.Add($"shares[{element}]", Messages.Format("Finance.Error.UnknownElement", element, plan.Code));
            if (value < 0) v.Add($"shares[{element}]", Messages.Get("Finance.Error.NegativeShare"));
            else if (value > 1_000_000_000m || decimal.Round(value, 4) != value) v.Add($"shares[{element}]", Messages.Get("Finance.Error.ShareFormat"));
        }
        var positive = shares.Where(s => s.Value > 0).ToDictionary(s => s.Key, s => s.Value);
        if (request.Method == AttributionMethod.Percentage && !Attribution.IsComplete(positive))
        {
            v.Add("shares", Messages.Format("Finance.Error.PercentagesTotal", unit ?? request.Unit, positive.Values.Sum()));
        }
        if (request.Method == AttributionMethod.Driver && positive.Count == 0) v.Add("shares", Messages.Format("Finance.Error.NoDrivers", unit ?? request.Unit));
        v.ThrowIfAny();

        var stored = await db.UnitAttributions.Include(u => u.Shares).FirstOrDefaultAsync(u => u.FinancialPlanId == fp.Id && u.Unit == unit, ct);
        if (stored is not null) db.ExpectVersion(stored, request.Version);
        else
        {
            stored = new UnitAttribution { FinancialPlanId = fp.Id, Unit = unit! };
            db.UnitAttributions.Add(stored);
        }
        stored.Method = request.Method;
        foreach (var old in stored.Shares.ToList())
        {
            if (positive.TryGetValue(old.ElementId, out var value))
            {
                old.Value = value;
                positive.Remove(old.ElementId);
            }
            else db.AttributionShares.Remove(old);
        }
        foreach (var (element, value) in positive.OrderBy(p => p.Key)) stored.Shares.Add(new AttributionShare { ElementId = element, Value = value });
        if (db.Entry(stored).State == EntityState.Unchanged) db.Entry(stored).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return stored;
    }
}

public sealed class DeleteAttributionKeys(CadreDbContext db)
{
    public sealed record Request(int PlanId, string Unit);

    public async Task HandleAsync(Request request, CancellationToken ct = default)
    {
        var plan = await FinanceInput.StrategicPlanForEditAsync(db, request.PlanId, ct);
        var fp = await FinanceInput.FinancialPlanAsync(db, plan, ct);
        var v = new Validation();
        var unit = FinanceInput.Unit(v, "unit", request.Unit);
        v.ThrowIfAny();
        var stored = await db.UnitAttributions.FirstOrDefaultAsync(u => u.FinancialPlanId == fp.Id && u.Unit == unit, ct)
            ?? throw new NotFoundException(Messages.Format("Finance.Error.NoKeys", unit));
        db.UnitAttributions.Remove(stored);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// Sets how each top-level element that is not a strategic goal (thematic priority, enabler) serves the
/// goals: percentages per goal that total 100 for each element given (an element left out or with no shares
/// has none). Replaces every share of the financial plan; the financial plan's version guards against a stale form.
/// </summary>
public sealed class SaveGoalShares(CadreDbContext db, FinanceQueries queries)
{
    public sealed record Request(int PlanId, int? Version, IReadOnlyDictionary<int, IReadOnlyDictionary<int, decimal>> Shares);

    public async Task HandleAsync(Request request, CancellationToken ct = default)
    {
        var plan = await FinanceInput.StrategicPlanForEditAsync(db, request.PlanId, ct);
        var fp = await FinanceInput.FinancialPlanAsync(db, plan, ct);
        db.ExpectVersion(fp, request.Version);
        var level = await queries.GoalLevelAsync(plan.Id, ct);
        var elements = await db.PlanElements.Where(e => e.PlanId == plan.Id).Select(e => new { e.Id, e.ParentId, LevelCode = e.Level!.Code }).ToListAsync(ct);
        var goals = elements.Where(e => level is not null && e.LevelCode == level.Code).Select(e => e.Id).ToHashSet();
        var tops = elements.Where(e => e.ParentId is null && !goals.Contains(e.Id)).Select(e => e.Id).ToHashSet();
        var v = new Validation();
        if (goals.Count == 0) v.Add("shares", Messages.Format("Finance.Error.NoGoals", plan.Code));
        var rows = new List<GoalShare>();
        foreach (var (element, shares) in request.Shares ?? new Dictionary<int, IReadOnlyDictionary<int, decimal>>())
        {
            var field = $"shares[{element}]";
            if (!tops.Contains(element)) v.Add(field, Messages.Format("Finance.Error.NotTopElement", element, plan.Code));
            var positive = new Dictionary<int, decimal>();
            foreach (var (goal, percent) in shares ?? new Dictionary<int, decimal>())
            {
                if (!goals.Contains(goal)) v.Add($"{field}[{goal}]", Messages.Format("Finance.Error.NotGoal", goal, plan.Code));
                else if (percent < 0) v.Add($"{field}[{goal}]", Messages.Get("Finance.Error.NegativeShare"));
                else if (percent > 100 || decimal.Round(percent, 4) != percent) v.Add($"{field}[{goal}]", Messages.Get("Finance.Error.ShareFormat"));
                else if (percent > 0) positive[goal] = percent;
            }
            if (positive.Count > 0 && positive.Values.Sum() != 100m) v.Add(field, Messages.Format("Finance.Error.GoalSharesTotal", positive.Values.Sum()));
            rows.AddRange(positive.Select(p => new GoalShare { FinancialPlanId = fp.Id, ElementId = element, GoalId = p.Key, Percent = p.Value }));
        }
        v.ThrowIfAny();

        var stored = await db.GoalShares.Where(g => g.FinancialPlanId == fp.Id).ToListAsync(ct);
        foreach (var old in stored)
        {
            var match = rows.FirstOrDefault(r => r.ElementId == old.ElementId && r.GoalId == old.GoalId);
            if (match is null) db.GoalShares.Remove(old);
            else
            {
                old.Percent = match.Percent;
                rows.Remove(match);
            }
        }
        db.GoalShares.AddRange(rows);
        if (db.Entry(fp).State == EntityState.Unchanged) db.Entry(fp).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
    }
}
