using Cadre.Core.Finance;

namespace Cadre.Web.Api.Finance;

/// <summary>One amount of the financial plan, in CHF (exact, two decimals at most).</summary>
/// <param name="Kind">revenue or expense.</param>
/// <param name="Category">For revenue: memberStates, sectorMembers, costRecovery or other. For expenses: a unit (GS, ITU-R, ITU-T, ITU-D).</param>
/// <param name="Year">A year of the plan's period.</param>
/// <param name="Amount">CHF.</param>
public sealed record FinancialPlanLineDto(LineKind Kind, string Category, int Year, decimal Amount);

/// <summary>A ceiling on the period's expenses, of a unit or (no unit) of the total.</summary>
public sealed record FinancialLimitDto(string? Unit, decimal Amount);

public sealed record BienniumBalanceDto(int StartYear, int EndYear, decimal Revenue, decimal Expenses, decimal Balance);

public sealed record FinancialPlanResponse(int PlanId, string PlanCode, bool Exists, int Version, string? AdoptedBy,
    IReadOnlyList<FinancialPlanLineDto> Lines, IReadOnlyList<FinancialLimitDto> Limits, IReadOnlyList<BienniumBalanceDto> Bienniums);

/// <summary>The whole financial plan: every line and limit (lines and limits not given are removed).</summary>
/// <param name="Version">The version last read; leave out when creating.</param>
public sealed record SaveFinancialPlanRequest(int? Version, string? AdoptedBy, IReadOnlyList<FinancialPlanLineDto>? Lines, IReadOnlyList<FinancialLimitDto>? Limits);

public sealed record BudgetLineDto(string Unit, CostCategory Category, decimal Amount);

public sealed record BudgetLineResponse(string Unit, CostCategory Category, decimal Budget, decimal Spent, decimal? ExecutionRate);

public sealed record BudgetResponse(int? Id, int Version, int StartYear, int EndYear, bool Closed, decimal Total, decimal Spent, decimal? ExecutionRate,
    IReadOnlyList<BudgetLineResponse> Lines);

/// <summary>A biennial budget's appropriations (lines not given are removed) and whether it is closed.</summary>
public sealed record SaveBudgetRequest(int? Version, IReadOnlyList<BudgetLineDto>? Lines, bool Closed);

public sealed record UnitKeysResponse(string Unit, int Version, AttributionMethod Method, IReadOnlyDictionary<int, decimal> Shares, decimal Total);

/// <summary>A unit's attribution keys: element id → percentage (totalling 100) or driver value (e.g. person-days).</summary>
public sealed record SaveKeysRequest(int? Version, AttributionMethod Method, IReadOnlyDictionary<int, decimal>? Shares);

public sealed record AttributedElement(int ElementId, string Code, string Level, int? ParentId, decimal Amount);

public sealed record UnitAttributionResponse(string Unit, decimal Planned, decimal Budgeted, decimal Attributed, IReadOnlyList<AttributedElement> Elements);

/// <summary>The attribution of the financial plan: units by element, totals per element, per top-level element (goal, thematic priority, enabler) and per strategic goal.</summary>
public sealed record AttributionResponse(int PlanId, string PlanCode, decimal TotalPlanned, decimal TotalAttributed,
    IReadOnlyList<UnitAttributionResponse> Units, IReadOnlyList<AttributedElement> ByElement, IReadOnlyList<AttributedElement> ByTopElement,
    IReadOnlyList<string> Unattributed, GoalTotalsResponse ByGoal);

/// <summary>A thematic priority's or enabler's shares of the strategic goals: goal element id → percent (totalling 100).</summary>
public sealed record GoalShareDto(int ElementId, IReadOnlyDictionary<int, decimal>? Goals);

/// <summary>
/// Totals per strategic goal (the elements of the plan's first root level). Amounts under a goal go to it; those under a
/// thematic priority or enabler are split by its goal shares; what has no shares is listed in unassigned. Goals plus unassigned equal the total attributed.
/// </summary>
/// <param name="Version">The financial plan's version, to send back with new goal shares.</param>
public sealed record GoalTotalsResponse(string? Level, decimal TotalToGoals, decimal TotalUnassigned, IReadOnlyList<AttributedElement> Goals,
    IReadOnlyList<AttributedElement> Unassigned, IReadOnlyList<GoalShareDto> Shares, int Version);

/// <summary>Every goal share of the financial plan (elements not given have none).</summary>
/// <param name="Version">The financial plan's version last read.</param>
public sealed record SaveGoalSharesRequest(int? Version, IReadOnlyList<GoalShareDto>? Shares);

/// <summary>A finding of the coherence checks, with the page where it can be fixed.</summary>
public sealed record CoherenceFindingResponse(CoherenceCheck Check, string Message, FixPage Fix, string Href, int? ElementId, string? ElementCode,
    string? Unit, int? Year, int? EndYear, decimal? Expected, decimal? Actual);

public sealed record CoherenceResponse(int PlanId, string PlanCode, IReadOnlyList<string> OperationalPlans, bool IndicatorChecksRun,
    IReadOnlyList<CoherenceFindingResponse> Findings);

public sealed record RiskAssessmentResponse(DateTime AtUtc, string AssessedBy, int Likelihood, int Impact, int Score, RiskStatus Status, string? Note);

/// <summary>A risk of the register. The title, cause, consequence and actions (the mitigation) are per language: language code → text.</summary>
public sealed record RiskItemResponse(int Id, int Version, int PlanId, int ElementId, string ElementCode, string Code, IReadOnlyDictionary<string, string> Title,
    RiskCategory Category, IReadOnlyDictionary<string, string> Cause, IReadOnlyDictionary<string, string> Consequence, int Likelihood, int Impact, int Score,
    string Owner, Core.Finance.RiskResponse Response, IReadOnlyDictionary<string, string> Actions, RiskStatus Status, DateTime? NextReviewUtc, IReadOnlyList<RiskAssessmentResponse> History);

/// <summary>
/// A risk; changing its likelihood, impact or status (or giving a note) records an assessment. The title, cause,
/// consequence and actions are per language (language code → text, like <c>{"en": "...", "fr": "..."}</c>); on a
/// change only the languages given are replaced (an empty text removes that language). A new risk needs a title,
/// a cause and a consequence in at least one language.
/// </summary>
public sealed record SaveRiskRequest(int? Version, int ElementId, string Code, Dictionary<string, string?>? Title, RiskCategory Category,
    Dictionary<string, string?>? Cause, Dictionary<string, string?>? Consequence, int Likelihood, int Impact, string? Owner,
    Core.Finance.RiskResponse Response, Dictionary<string, string?>? Actions,
    RiskStatus Status, DateTime? NextReviewUtc, string? Note);

public sealed record OutputResourceResponse(int ElementId, string Code, string Level, int? ParentId, string? ResponsibleUnit, decimal Amount,
    decimal StaffDays, int? Version, IReadOnlyList<string> Contributes);

public sealed record SaveOutputResourceRequest(int? Version, string ResponsibleUnit, decimal Amount, decimal StaffDays);

/// <param name="NewCode">The new plan's code; by default the period in the code moved one year on.</param>
public sealed record RollForwardRequest(string? NewCode);

public sealed record RolledForwardResponse(int Id, string Code, int StartYear, int EndYear, int PreviousPlanId);

public sealed record ExpenditureRowResponse(int Line, int? Year, string? Unit, CostCategory? Category, decimal? Amount, string? Description, IReadOnlyList<string> Errors);

public sealed record ExpenditurePreviewResponse(bool Valid, decimal Total, IReadOnlyList<string> FileErrors, IReadOnlyList<ExpenditureRowResponse> Rows);

public sealed record ExpenditureImportResponse(int Imported);
