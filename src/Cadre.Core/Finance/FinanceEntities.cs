using Cadre.Core.Common;
using Cadre.Core.Planning;

namespace Cadre.Core.Finance;

public enum LineKind
{
    Revenue,
    Expense,
}

/// <summary>The sources of revenue of a financial plan (Decision 5).</summary>
public enum RevenueSource
{
    /// <summary>Assessed contributions of Member States.</summary>
    MemberStates,
    /// <summary>Assessed contributions of Sector Members, Associates and Academia.</summary>
    SectorMembers,
    /// <summary>Cost recovery (publications, satellite network filings, ITU Telecom...).</summary>
    CostRecovery,
    /// <summary>Other revenue (interest, drawings on the reserve account).</summary>
    Other,
}

public enum CostCategory
{
    Staff,
    NonStaff,
}

public enum AttributionMethod
{
    /// <summary>Shares in percent, totalling 100.</summary>
    Percentage,
    /// <summary>A driver per element (staff time, e.g. person-days); shares are proportional to it.</summary>
    Driver,
}

/// <summary>
/// The financial plan of a strategic plan's period (Decision 5): revenue by source and expenses by unit,
/// per year, and the financial limits adopted with it. One per strategic plan; amounts in CHF, exact.
/// </summary>
public sealed class FinancialPlan : IVersioned, IAudited
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    /// <summary>The instrument that adopted it, e.g. "Decision 5 (Rev. Bucharest, 2022)".</summary>
    public string? AdoptedBy { get; set; }
    public int Version { get; set; }
    public List<FinancialPlanLine> Lines { get; set; } = [];
    public List<FinancialLimit> Limits { get; set; } = [];
}

/// <summary>One amount of the financial plan: a revenue source's or a unit's expenses for one year.</summary>
public sealed class FinancialPlanLine : IAudited
{
    public int Id { get; set; }
    public int FinancialPlanId { get; set; }
    public LineKind Kind { get; set; }
    /// <summary>A <see cref="RevenueSource"/> name for revenue, a unit code for expenses.</summary>
    public string Category { get; set; } = "";
    public int Year { get; set; }
    /// <summary>CHF, exact to the centime.</summary>
    public decimal Amount { get; set; }
}

/// <summary>A ceiling on the expenses of the period: of one unit, or of the whole organization (no unit).</summary>
public sealed class FinancialLimit : IAudited
{
    public int Id { get; set; }
    public int FinancialPlanId { get; set; }
    public string? Unit { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>A biennial budget: the appropriations of two years by unit and cost category.</summary>
public sealed class Budget : IVersioned, IAudited
{
    public int Id { get; set; }
    public int FinancialPlanId { get; set; }
    public FinancialPlan? FinancialPlan { get; set; }
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    /// <summary>A closed biennium takes no more expenditure.</summary>
    public bool Closed { get; set; }
    public int Version { get; set; }
    public List<BudgetLine> Lines { get; set; } = [];
}

public sealed class BudgetLine : IAudited
{
    public int Id { get; set; }
    public int BudgetId { get; set; }
    public string Unit { get; set; } = "";
    public CostCategory Category { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>Actual expenditure of a unit in one year and cost category, as imported from the accounts.</summary>
public sealed class Expenditure : IAudited
{
    public int Id { get; set; }
    public int BudgetId { get; set; }
    public int Year { get; set; }
    public string Unit { get; set; } = "";
    public CostCategory Category { get; set; }
    public decimal Amount { get; set; }
    public string? Description { get; set; }
    public DateTime ImportedAtUtc { get; set; }
}

/// <summary>How one unit's resources are attributed to the elements of the strategic plan.</summary>
public sealed class UnitAttribution : IVersioned, IAudited
{
    public int Id { get; set; }
    public int FinancialPlanId { get; set; }
    public string Unit { get; set; } = "";
    public AttributionMethod Method { get; set; }
    public int Version { get; set; }
    public List<AttributionShare> Shares { get; set; } = [];
}

public sealed class AttributionShare : IAudited
{
    public int Id { get; set; }
    public int UnitAttributionId { get; set; }
    public int ElementId { get; set; }
    public PlanElement? Element { get; set; }
    /// <summary>A percentage, or a driver value (person-days).</summary>
    public decimal Value { get; set; }
}

/// <summary>
/// How much of a top-level element that is not a strategic goal (a thematic priority, an enabler) serves
/// each strategic goal, in percent (the shares of one element total 100). With them the attribution is
/// totalled per strategic goal.
/// </summary>
public sealed class GoalShare : IAudited
{
    public int Id { get; set; }
    public int FinancialPlanId { get; set; }
    /// <summary>The top-level element (thematic priority, enabler).</summary>
    public int ElementId { get; set; }
    /// <summary>The strategic goal (an element of the plan's goal level).</summary>
    public int GoalId { get; set; }
    public decimal Percent { get; set; }
}

/// <summary>The responsible unit and resources of an element of an operational plan (an output or activity).</summary>
public sealed class OutputResource : IVersioned, IAudited
{
    public int Id { get; set; }
    public int ElementId { get; set; }
    public PlanElement? Element { get; set; }
    public string ResponsibleUnit { get; set; } = "";
    /// <summary>CHF for the plan's period.</summary>
    public decimal Amount { get; set; }
    /// <summary>Staff time, in person-days over the period.</summary>
    public decimal StaffDays { get; set; }
    public int Version { get; set; }
}

public enum RiskCategory
{
    Strategic,
    Financial,
    Operational,
    Reputational,
    Compliance,
    Technology,
}

public enum RiskResponse
{
    Avoid,
    Reduce,
    Transfer,
    Accept,
}

public enum RiskStatus
{
    Open,
    Monitored,
    Closed,
}

/// <summary>A risk to the plan, linked to the element it threatens; each assessment is kept.</summary>
public sealed class Risk : IVersioned, IAudited
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int ElementId { get; set; }
    public PlanElement? Element { get; set; }
    public string Code { get; set; } = "";
    public LocalizedText Title { get; set; } = new();
    public RiskCategory Category { get; set; }
    /// <summary>What could make the risk happen, per language.</summary>
    public LocalizedText Cause { get; set; } = new();
    /// <summary>What would follow, per language.</summary>
    public LocalizedText Consequence { get; set; } = new();
    /// <summary>1 (rare) to 5 (almost certain).</summary>
    public int Likelihood { get; set; }
    /// <summary>1 (minor) to 5 (severe).</summary>
    public int Impact { get; set; }
    public string Owner { get; set; } = "";
    public RiskResponse Response { get; set; }
    /// <summary>The mitigation (the annual report's "main risks" table shows it), per language; may be empty.</summary>
    public LocalizedText Actions { get; set; } = new();
    public RiskStatus Status { get; set; }
    public DateTime? NextReviewUtc { get; set; }
    public int Version { get; set; }
    public List<RiskAssessment> Assessments { get; set; } = [];

    public int Score => Likelihood * Impact;
}

public sealed class RiskAssessment : IAudited
{
    public int Id { get; set; }
    public int RiskId { get; set; }
    public DateTime AtUtc { get; set; }
    public string AssessedBy { get; set; } = "";
    public int Likelihood { get; set; }
    public int Impact { get; set; }
    public RiskStatus Status { get; set; }
    public string? Note { get; set; }
}
