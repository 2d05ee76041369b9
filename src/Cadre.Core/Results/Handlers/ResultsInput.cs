using System.Globalization;
using System.Text.RegularExpressions;
using Cadre.Core.Common;
using Cadre.Core.Planning;

namespace Cadre.Core.Results.Handlers;

/// <summary>A reporting period of an indicator: its code, year and position within the year.</summary>
public readonly record struct Period(string Code, int Year, int Sub);

/// <summary>Checks shared by the Results handlers and the bulk import.</summary>
public static partial class ResultsInput
{
    /// <summary>Largest magnitude a value may have (the columns hold 20 digits, 6 after the point).</summary>
    public const decimal MaxMagnitude = 99_999_999_999_999m;
    public const int MaxEvidenceBytes = 1024 * 1024;

    [GeneratedRegex(@"^(\d{4})$")]
    private static partial Regex AnnualPattern();

    [GeneratedRegex(@"^(\d{4})-Q([1-4])$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(\d{4})[\p{L}\p{Nd}._\-]*$")]
    private static partial Regex CustomPattern();

    public static IReadOnlyList<string> CustomPeriodList(string? periods) =>
        (periods ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Checks a custom period code: it starts with its year.</summary>
    public static bool IsValidCustomPeriod(string code) => code.Length <= 20 && CustomPattern().IsMatch(code);

    /// <summary>
    /// Reads a period for an indicator: a year ("2025") for annual indicators, a quarter ("2025-Q2") for
    /// quarterly ones, one of the listed codes for custom ones; the year must be within the plan's years.
    /// Returns the error message, or null.
    /// </summary>
    public static string? ParsePeriod(Indicator indicator, Plan plan, string? text, out Period period)
    {
        period = default;
        var code = text?.Trim() ?? "";
        if (code.Length == 0) return Messages.Get("Error.Required");
        switch (indicator.Frequency)
        {
            case Frequency.Annual:
                {
                    var m = AnnualPattern().Match(code);
                    if (!m.Success) return Messages.Format("Error.Results.PeriodFormatAnnual", code);
                    period = new Period(code, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), 0);
                    break;
                }
            case Frequency.Quarterly:
                {
                    var m = QuarterPattern().Match(code);
                    if (!m.Success) return Messages.Format("Error.Results.PeriodFormatQuarter", code);
                    var y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                    var q = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                    period = new Period(FormattableString.Invariant($"{y}-Q{q}"), y, q);
                    break;
                }
            default:
                {
                    var list = CustomPeriodList(indicator.CustomPeriods);
                    var i = list.ToList().FindIndex(p => string.Equals(p, code, StringComparison.OrdinalIgnoreCase));
                    if (i < 0) return Messages.Format("Error.Results.PeriodNotListed", code, string.Join(", ", list));
                    period = new Period(list[i], int.Parse(list[i][..4], CultureInfo.InvariantCulture), i + 1);
                    break;
                }
        }
        if (period.Year < plan.StartYear || period.Year > plan.EndYear)
        {
            return Messages.Format("Error.Results.PeriodOutsidePlan", code, plan.StartYear, plan.EndYear);
        }
        return null;
    }

    /// <summary>Checks a value against the indicator's measure. Returns the error message, or null.</summary>
    public static string? CheckValue(Measure measure, decimal? value)
    {
        if (value is not decimal v) return Messages.Get("Error.Results.ValueRequired");
        if (Math.Abs(v) > MaxMagnitude) return Messages.Get("Error.Results.ValueTooLarge");
        return measure switch
        {
            Measure.Percentage when v is < 0 or > 100 => Messages.Get("Error.Results.PercentageRange"),
            Measure.Number or Measure.Currency when v < 0 => Messages.Get("Error.Results.Negative"),
            Measure.Milestone when v is not (0m or 1m) => Messages.Get("Error.Results.MilestoneValue"),
            Measure.Qualitative when v is not (0m or 1m or 2m or 3m) => Messages.Get("Error.Results.RatingValue"),
            _ => null,
        };
    }

    /// <summary>
    /// Reads a value typed by a person or found in a spreadsheet: numbers in the invariant culture (a comma
    /// as the decimal separator is accepted too), "yes"/"no"/"oui"/"non" for milestones, the rating names
    /// for qualitative indicators.
    /// </summary>
    public static bool TryParseValue(Measure measure, string? text, out decimal value)
    {
        value = 0;
        var s = text?.Trim().TrimEnd('%').Trim() ?? "";
        if (s.Length == 0) return false;
        if (measure == Measure.Milestone)
        {
            switch (s.ToLowerInvariant())
            {
                case "yes" or "oui" or "true" or "done": value = 1; return true;
                case "no" or "non" or "false": value = 0; return true;
            }
        }
        if (measure == Measure.Qualitative && Enum.TryParse<QualitativeRating>(s.Replace(" ", "", StringComparison.Ordinal), true, out var rating)
            && !int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            value = (int)rating;
            return true;
        }
        if (decimal.TryParse(s, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value)) return true;
        return decimal.TryParse(s.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public static string? CheckEvidenceUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        if (url.Length > 1000) return Messages.Format("Error.TooLong", 1000);
        return Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)
            ? null
            : Messages.Get("Error.Results.EvidenceUrl");
    }
}
