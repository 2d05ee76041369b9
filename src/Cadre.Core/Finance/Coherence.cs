namespace Cadre.Core.Finance;

/// <summary>What a coherence check found wrong.</summary>
public enum CoherenceCheck
{
    /// <summary>An operational output (and its activities) links to nothing in the strategic plan.</summary>
    OutputNotLinked,
    /// <summary>A strategic outcome that no operational output supports.</summary>
    OutcomeNotSupported,
    /// <summary>An element with indicators but no resources.</summary>
    IndicatorsWithoutResources,
    /// <summary>An element with resources but no indicators.</summary>
    ResourcesWithoutIndicators,
    /// <summary>A unit's attributed total differs from its budget for the period.</summary>
    AttributionDiffersFromBudget,
    /// <summary>Planned or budgeted expenses above a financial limit.</summary>
    OverFinancialLimit,
    /// <summary>Revenue and expenses of a biennium of the financial plan differ.</summary>
    FinancialPlanUnbalanced,
    /// <summary>A biennial budget's total differs from the biennium's revenue.</summary>
    BudgetUnbalanced,
}

/// <summary>The page where a finding can be fixed.</summary>
public enum FixPage
{
    /// <summary>The element's page (its links): <c>FixId</c> is the element.</summary>
    Element,
    /// <summary>A unit's attribution keys: <c>FixId</c> is the strategic plan, <c>Unit</c> the unit.</summary>
    AttributionKeys,
    /// <summary>A biennial budget: <c>FixId</c> is the strategic plan, <c>Year</c> the biennium's first year.</summary>
    Budget,
    /// <summary>The financial plan's lines and limits: <c>FixId</c> is the strategic plan.</summary>
    FinancialPlan,
    /// <summary>An operational plan's outputs and resources: <c>FixId</c> is the operational plan.</summary>
    OperationalResources,
}

public sealed record CoherenceFinding(
    CoherenceCheck Check,
    FixPage Fix,
    int FixId,
    int? ElementId = null,
    string? ElementCode = null,
    string? Unit = null,
    int? Year = null,
    int? EndYear = null,
    decimal? Expected = null,
    decimal? Actual = null);

/// <summary>An element as the checks see it.</summary>
public sealed record CoherenceElement(int Id, int PlanId, int? ParentId, string Code, string Level);

public sealed record BienniumFigures(int StartYear, int EndYear, decimal Revenue, decimal Expenses, decimal? BudgetTotal);

public sealed record LimitFigures(string? Unit, decimal Ceiling);

/// <summary>Everything the checks look at, loaded once.</summary>
public sealed record CoherenceInput(
    int StrategicPlanId,
    IReadOnlyList<CoherenceElement> StrategicElements,
    IReadOnlyList<CoherenceElement> OperationalElements,
    IReadOnlyList<(int From, int To)> CrossPlanLinks,
    IReadOnlyDictionary<int, decimal> OperationalResources,
    IReadOnlyDictionary<int, long> AttributedByElement,
    IReadOnlyDictionary<string, long> AttributedByUnit,
    IReadOnlyDictionary<string, decimal> PlannedByUnit,
    IReadOnlyDictionary<string, decimal> BudgetByUnit,
    IReadOnlyList<LimitFigures> Limits,
    IReadOnlyList<BienniumFigures> Bienniums,
    IReadOnlySet<int>? ElementsWithIndicators);

/// <summary>
/// The coherence checks of Resolution 71 as a pure function: the strategic plan, the operational plans,
/// the financial plan, the budgets and the attribution, compared. Linear in the number of elements and
/// links (each ancestor walk stops at the first element already marked).
/// </summary>
public static class Coherence
{
    public const string OutputLevel = "output";
    public const string OutcomeLevel = "outcome";

    public static IReadOnlyList<CoherenceFinding> Check(CoherenceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var findings = new List<CoherenceFinding>();
        var strategicParent = new Dictionary<int, int?>(input.StrategicElements.Count);
        foreach (var e in input.StrategicElements) strategicParent[e.Id] = e.ParentId;
        var operationalParent = new Dictionary<int, int?>(input.OperationalElements.Count);
        foreach (var e in input.OperationalElements) operationalParent[e.Id] = e.ParentId;

        // Operational elements that link up to the strategic plan, and every ancestor of them.
        var linkedUp = new HashSet<int>();
        // Strategic elements that something operational contributes to, and every ancestor of them.
        var supported = new HashSet<int>();
        foreach (var (from, to) in input.CrossPlanLinks)
        {
            if (!operationalParent.ContainsKey(from) || !strategicParent.ContainsKey(to)) continue;
            MarkUp(linkedUp, operationalParent, from);
            MarkUp(supported, strategicParent, to);
        }
        foreach (var e in input.OperationalElements)
        {
            if (e.Level == OutputLevel && !linkedUp.Contains(e.Id))
            {
                findings.Add(new CoherenceFinding(CoherenceCheck.OutputNotLinked, FixPage.Element, e.Id, e.Id, e.Code));
            }
        }
        // An outcome is supported when an operational element links to it or to one of its descendants.
        foreach (var e in input.StrategicElements)
        {
            if (e.Level != OutcomeLevel) continue;
            if (!supported.Contains(e.Id))
            {
                findings.Add(new CoherenceFinding(CoherenceCheck.OutcomeNotSupported, FixPage.Element, e.Id, e.Id, e.Code));
            }
        }

        if (input.ElementsWithIndicators is { } indicators)
        {
            CheckIndicators(input, indicators, strategicParent, operationalParent, findings);
        }

        foreach (var (unit, planned) in input.PlannedByUnit.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var attributed = Money.FromMinor(input.AttributedByUnit.GetValueOrDefault(unit));
            var budget = input.BudgetByUnit.GetValueOrDefault(unit);
            if (attributed != budget)
            {
                findings.Add(new CoherenceFinding(CoherenceCheck.AttributionDiffersFromBudget, FixPage.AttributionKeys, input.StrategicPlanId,
                    Unit: unit, Expected: budget, Actual: attributed));
            }
        }
        foreach (var (unit, budget) in input.BudgetByUnit.Where(b => !input.PlannedByUnit.ContainsKey(b.Key)).OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            var attributed = Money.FromMinor(input.AttributedByUnit.GetValueOrDefault(unit));
            if (attributed != budget)
            {
                findings.Add(new CoherenceFinding(CoherenceCheck.AttributionDiffersFromBudget, FixPage.AttributionKeys, input.StrategicPlanId,
                    Unit: unit, Expected: budget, Actual: attributed));
            }
        }

        foreach (var limit in input.Limits)
        {
            var planned = limit.Unit is null ? input.PlannedByUnit.Values.Sum() : input.PlannedByUnit.GetValueOrDefault(limit.Unit);
            var budgeted = limit.Unit is null ? input.BudgetByUnit.Values.Sum() : input.BudgetByUnit.GetValueOrDefault(limit.Unit);
            var highest = Math.Max(planned, budgeted);
            if (highest > limit.Ceiling)
            {
                findings.Add(new CoherenceFinding(CoherenceCheck.OverFinancialLimit, FixPage.FinancialPlan, input.StrategicPlanId,
                    Unit: limit.Unit, Expected: limit.Ceiling, Actual: highest));
            }
        }

        foreach (var b in input.Bienniums)
        {
            if (b.Revenue != b.Expenses)
            {
                findings.Add(new CoherenceFinding(CoherenceCheck.FinancialPlanUnbalanced, FixPage.FinancialPlan, input.StrategicPlanId,
                    Year: b.StartYear, EndYear: b.EndYear, Expected: b.Revenue, Actual: b.Expenses));
            }
            if (b.BudgetTotal is decimal total && total != b.Revenue)
            {
                findings.Add(new CoherenceFinding(CoherenceCheck.BudgetUnbalanced, FixPage.Budget, input.StrategicPlanId,
                    Year: b.StartYear, EndYear: b.EndYear, Expected: b.Revenue, Actual: total));
            }
        }
        return findings;
    }

    private static void CheckIndicators(CoherenceInput input, IReadOnlySet<int> indicators,
        Dictionary<int, int?> strategicParent, Dictionary<int, int?> operationalParent, List<CoherenceFinding> findings)
    {
        // Resourced: the element or one of its descendants has resources.
        var resourced = new HashSet<int>();
        foreach (var (id, amount) in input.AttributedByElement)
        {
            if (amount > 0 && strategicParent.ContainsKey(id)) MarkUp(resourced, strategicParent, id);
        }
        foreach (var (id, amount) in input.OperationalResources)
        {
            if (amount > 0 && operationalParent.ContainsKey(id)) MarkUp(resourced, operationalParent, id);
        }
        foreach (var e in input.StrategicElements.Concat(input.OperationalElements))
        {
            var has = indicators.Contains(e.Id);
            var direct = input.AttributedByElement.GetValueOrDefault(e.Id) > 0 || input.OperationalResources.GetValueOrDefault(e.Id) > 0;
            if (has && !resourced.Contains(e.Id))
            {
                findings.Add(new CoherenceFinding(CoherenceCheck.IndicatorsWithoutResources, FixPage.Element, e.Id, e.Id, e.Code));
            }
            else if (direct && !has)
            {
                findings.Add(new CoherenceFinding(CoherenceCheck.ResourcesWithoutIndicators, FixPage.Element, e.Id, e.Id, e.Code));
            }
        }
    }

    /// <summary>Marks an element and its ancestors; stops at the first one already marked.</summary>
    private static void MarkUp(HashSet<int> marked, Dictionary<int, int?> parentOf, int id)
    {
        int? current = id;
        while (current is int c && marked.Add(c))
        {
            current = parentOf.GetValueOrDefault(c);
        }
    }
}
