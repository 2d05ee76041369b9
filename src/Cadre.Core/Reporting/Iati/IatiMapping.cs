using Cadre.Core.Reporting.Model;

namespace Cadre.Core.Reporting.Iati;

/// <summary>
/// From the report's source data to an IATI activities file: one activity per top-level element (strategic
/// goal) of the plan, one outcome result per element of its subtree that has indicators, the indicators with
/// their baseline and yearly periods (target, actual), and the resources attributed in the year as the
/// activity's budget. Amounts in the source are thousands of CHF; IATI values are in francs.
/// </summary>
public static class IatiMapping
{
    /// <param name="budgetsByElement">Yearly budgets per top-level element code (francs); when null, the resources
    /// attributed in <paramref name="year"/> are the activity's one budget.</param>
    public static IatiActivitiesFile Activities(ReportSourceData data, IatiOrganisation organisation, int year, DateTime nowUtc, string language = "en",
        IReadOnlyDictionary<string, IReadOnlyList<IatiYearAmount>>? budgetsByElement = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(organisation);
        var plan = data.Plan;
        var activities = new List<IatiActivity>();
        IatiActivity? current = null;
        List<IatiResult>? results = null;
        var topOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in data.Elements)
        {
            if (e.ParentCode is null || !topOf.TryGetValue(e.ParentCode, out var top))
            {
                results = [];
                var budgets = budgetsByElement is not null
                    ? (budgetsByElement.GetValueOrDefault(e.Code) ?? []).Select(b => new IatiBudget(new DateOnly(b.Year, 1, 1), new DateOnly(b.Year, 12, 31), b.Amount, "1", b.Status)).ToList()
                    : e.Resources is { } r
                    ? new List<IatiBudget> { new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), r.AttributedChfThousands * 1000m) }
                    : [];
                var status = year >= plan.EndYear ? "3" : "2";
                current = new IatiActivity(
                    Identifier(organisation.Ref, plan.Code, e.Code), e.Title, e.Narrative ?? e.Title, status,
                    new DateOnly(plan.StartYear, 1, 1), new DateOnly(plan.EndYear, 12, 31), nowUtc, budgets, results);
                activities.Add(current);
                topOf[e.Code] = e.Code;
            }
            else
            {
                topOf[e.Code] = top;
            }
            if (e.Indicators.Count > 0)
            {
                results!.Add(new IatiResult("2", e.Title, e.Indicators.Select(Indicator).ToList()));
            }
        }
        return new IatiActivitiesFile(organisation, "CHF", language, nowUtc, activities);
    }

    private static IatiIndicator Indicator(ReportIndicatorData i) => new(
        i.Code,
        i.Title,
        i.Unit == "%" ? "2" : "1",
        i.Direction == IndicatorDirection.Increase,
        i.Baseline is null ? null : i.BaselineYear,
        i.Baseline,
        i.Series.Where(p => p.Target is not null || p.Actual is not null)
            .Select(p => new IatiPeriod(new DateOnly(p.Year, 1, 1), new DateOnly(p.Year, 12, 31), p.Target, p.Actual)).ToList());

    /// <summary>The organisation's identifier, a hyphen, then the plan and element codes with anything but
    /// letters, digits, dots and hyphens replaced (IATI identifiers hold no spaces or slashes).</summary>
    public static string Identifier(string organisationRef, string planCode, string elementCode)
    {
        var local = new string((planCode + "-" + elementCode).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-').ToArray());
        return organisationRef + "-" + local;
    }
}
