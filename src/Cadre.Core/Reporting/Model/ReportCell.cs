using System.Globalization;
using System.Text.Json.Serialization;

namespace Cadre.Core.Reporting.Model;

/// <summary>Progress status of an indicator or an element, always shown with its text label.</summary>
public enum ReportStatus
{
    NoData,
    OnTrack,
    AtRisk,
    OffTrack,
    Achieved,
    PartlyAchieved,
    NotAchieved,
}

/// <summary>A typed table cell. Writers keep the type: numbers stay numbers in XLSX, statuses are text.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$cell")]
[JsonDerivedType(typeof(EmptyCell), "empty")]
[JsonDerivedType(typeof(TextCell), "text")]
[JsonDerivedType(typeof(NumberCell), "number")]
[JsonDerivedType(typeof(PercentCell), "percent")]
[JsonDerivedType(typeof(AmountCell), "amount")]
[JsonDerivedType(typeof(StatusCell), "status")]
public abstract record ReportCell
{
    /// <summary>The cell as text in <paramref name="language"/> (numbers formatted for that language).</summary>
    public abstract string Display(string language);

    public static ReportCell Text(string? text) => text is null ? EmptyCell.Instance : new TextCell(text);

    public static ReportCell Number(decimal? value, int decimals = 0) => value is null ? EmptyCell.Instance : new NumberCell(value.Value, decimals);

    internal static CultureInfo Culture(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}

public sealed record EmptyCell : ReportCell
{
    public static readonly EmptyCell Instance = new();

    public override string Display(string language) => "";
}

public sealed record TextCell(string Value) : ReportCell
{
    public override string Display(string language) => Value;
}

public sealed record NumberCell(decimal Value, int Decimals = 0) : ReportCell
{
    public override string Display(string language) => Value.ToString("N" + Decimals.ToString(CultureInfo.InvariantCulture), Culture(language));
}

/// <summary>A percentage, held as a percent (42.5 means 42.5 %).</summary>
public sealed record PercentCell(decimal Percent, int Decimals = 0) : ReportCell
{
    public override string Display(string language)
    {
        var n = Percent.ToString("N" + Decimals.ToString(CultureInfo.InvariantCulture), Culture(language));
        // French puts a (narrow no-break) space before the percent sign.
        return language.StartsWith("fr", StringComparison.Ordinal) ? n + "\u202F%" : n + "%";
    }
}

/// <summary>An amount in thousands of Swiss francs (the column header says "CHF thousands").</summary>
public sealed record AmountCell(decimal ChfThousands) : ReportCell
{
    public override string Display(string language) => ChfThousands.ToString("N0", Culture(language));
}

/// <summary>A status with its label in the report's language: never a colour alone.</summary>
public sealed record StatusCell(ReportStatus Status, string Label) : ReportCell
{
    public override string Display(string language) => Label;
}
