namespace Cadre.Core.Reporting.Iati;

/// <summary>An organisation as IATI names it: its identifier ("XI-IATI-..." or "XM-DAC-..."), its type code
/// (40 = multilateral) and its name per language.</summary>
public sealed record IatiOrganisation(string Ref, string TypeCode, IReadOnlyDictionary<string, string> Name);

/// <summary>An amount for a calendar year (1 January to 31 December), e.g. a total budget or expenditure.</summary>
/// <param name="Status">Budget status code: 1 indicative, 2 committed (IATI BudgetStatus).</param>
public sealed record IatiYearAmount(int Year, decimal Amount, string Status = "2");

/// <summary>The organisation file: total budget and expenditure per year (from the financial plan).</summary>
public sealed record IatiOrganisationFile(
    IatiOrganisation Organisation,
    string DefaultCurrency,
    string DefaultLanguage,
    DateTime LastUpdatedUtc,
    IReadOnlyList<IatiYearAmount> TotalBudgets,
    IReadOnlyList<IatiYearAmount> TotalExpenditures);

/// <summary>The activities file: one activity per strategic goal (or other unit the caller chooses).</summary>
public sealed record IatiActivitiesFile(
    IatiOrganisation ReportingOrganisation,
    string DefaultCurrency,
    string DefaultLanguage,
    DateTime GeneratedUtc,
    IReadOnlyList<IatiActivity> Activities);

/// <param name="Identifier">Globally unique: the reporting organisation's identifier, a hyphen, a local code.</param>
/// <param name="StatusCode">IATI ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed.</param>
public sealed record IatiActivity(
    string Identifier,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string> Description,
    string StatusCode,
    DateOnly PlannedStart,
    DateOnly PlannedEnd,
    DateTime LastUpdatedUtc,
    IReadOnlyList<IatiBudget> Budgets,
    IReadOnlyList<IatiResult> Results);

/// <param name="TypeCode">BudgetType: 1 original, 2 revised.</param>
/// <param name="StatusCode">BudgetStatus: 1 indicative, 2 committed.</param>
public sealed record IatiBudget(DateOnly Start, DateOnly End, decimal Amount, string TypeCode = "1", string StatusCode = "1");

/// <param name="TypeCode">ResultType: 1 output, 2 outcome, 3 impact.</param>
public sealed record IatiResult(string TypeCode, IReadOnlyDictionary<string, string> Title, IReadOnlyList<IatiIndicator> Indicators);

/// <param name="MeasureCode">IndicatorMeasure: 1 unit, 2 percentage, 5 qualitative.</param>
public sealed record IatiIndicator(
    string? Code,
    IReadOnlyDictionary<string, string> Title,
    string MeasureCode,
    bool Ascending,
    int? BaselineYear,
    decimal? BaselineValue,
    IReadOnlyList<IatiPeriod> Periods);

public sealed record IatiPeriod(DateOnly Start, DateOnly End, decimal? Target, decimal? Actual);
