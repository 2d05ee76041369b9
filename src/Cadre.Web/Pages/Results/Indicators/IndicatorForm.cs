using System.Globalization;
using Cadre.Core.Common;
using Cadre.Core.Identity;
using Cadre.Core.Planning;
using Cadre.Core.Results;
using Cadre.Core.Results.Handlers;
using Cadre.Web.Pages.Planning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cadre.Web.Pages.Results.Indicators;

/// <summary>
/// An indicator as its form posts it. Numbers are text, read with <see cref="ResultsInput.TryParseValue"/>
/// (a comma or a point as the decimal mark, whatever the interface language). Targets are one per line:
/// <c>period; value</c> or <c>period; dimension:value; value</c>, with <c>end</c> as the period of the end-of-plan target.
/// </summary>
public sealed class IndicatorInput
{
    public int? Version { get; set; }
    public int? ElementId { get; set; }
    public string? Code { get; set; }
    public TextFields Name { get; set; } = new();
    public TextFields Definition { get; set; } = new();
    public Measure Measure { get; set; }
    public string? Unit { get; set; }
    public string? Currency { get; set; }
    public Direction Direction { get; set; }
    public string? BandLow { get; set; }
    public string? BandHigh { get; set; }
    public string? BaselineValue { get; set; }
    public int? BaselineYear { get; set; }
    public string? EndTarget { get; set; }
    public Frequency Frequency { get; set; }
    public string? CustomPeriods { get; set; }
    public bool Cumulative { get; set; }
    public string? DataSource { get; set; }
    public string? ResponsibleUnit { get; set; }
    public string? OwnerUserId { get; set; }
    public string? ValidatorUserId { get; set; }
    public string? Weight { get; set; } = "1";
    public List<string> Dimensions { get; set; } = [];
    public string? Targets { get; set; }

    public const string EndPeriod = "end";

    public static IndicatorInput From(Indicator i) => new()
    {
        Version = i.Version,
        ElementId = i.ElementId,
        Code = i.Code,
        Name = TextFields.From(i.Name),
        Definition = TextFields.From(i.Definition),
        Measure = i.Measure,
        Unit = i.Unit,
        Currency = i.Currency,
        Direction = i.Direction,
        BandLow = Text(i.BandLow),
        BandHigh = Text(i.BandHigh),
        BaselineValue = Text(i.BaselineValue),
        BaselineYear = i.BaselineYear,
        EndTarget = Text(i.EndTarget),
        Frequency = i.Frequency,
        CustomPeriods = i.CustomPeriods?.Replace(",", ", ", StringComparison.Ordinal),
        Cumulative = i.Cumulative,
        DataSource = i.DataSource,
        ResponsibleUnit = i.ResponsibleUnit,
        OwnerUserId = i.OwnerUserId,
        ValidatorUserId = i.ValidatorUserId,
        Weight = Text(i.Weight),
        Dimensions = i.Dimensions.Select(d => d.Dimension?.Code ?? "").Where(c => c.Length > 0).ToList(),
        Targets = string.Join("\n", i.Targets
            .OrderBy(t => t.Period is null ? 1 : 0).ThenBy(t => t.Year).ThenBy(t => t.Period, StringComparer.Ordinal)
            .ThenBy(t => t.DimensionValue?.Dimension?.SortOrder ?? -1).ThenBy(t => t.DimensionValue?.SortOrder ?? -1)
            .Select(t => string.Join("; ", new[]
            {
                t.Period ?? EndPeriod,
                t.DimensionValue is { } dv ? dv.Dimension?.Code + ":" + dv.Code : null,
                Text(t.Value),
            }.Where(x => x is not null)))),
    };

    private static string? Text(decimal? d) => d?.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>The handler's request, or null with the field errors added (numbers that are not numbers, target lines that do not read).</summary>
    public SaveIndicator.Request? ToRequest(int? id, int planId, ModelStateDictionary state, Func<string, object[], string> text)
    {
        decimal? Number(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (ResultsInput.TryParseValue(Measure.Number, value, out var d)) return d;
            state.AddModelError($"Input.{field}", text("Form.NotANumber", [value.Trim()]));
            return null;
        }
        var targets = new List<TargetInput>();
        var lines = (Targets ?? "").Split('\n').Select(l => l.Trim()).ToList();
        for (var n = 0; n < lines.Count; n++)
        {
            var line = lines[n];
            if (line.Length == 0) continue;
            var parts = line.Split(';', StringSplitOptions.TrimEntries);
            if (parts.Length is < 2 or > 3 || !ResultsInput.TryParseValue(Measure, parts[^1], out var value))
            {
                state.AddModelError("Input.Targets", text("Form.TargetLine", [n + 1, line]));
                continue;
            }
            var period = string.Equals(parts[0], EndPeriod, StringComparison.OrdinalIgnoreCase) ? null : parts[0];
            targets.Add(new TargetInput(period, parts.Length == 3 ? parts[1] : null, value));
        }
        var baseline = Number(BaselineValue, nameof(BaselineValue));
        var end = Number(EndTarget, nameof(EndTarget));
        var low = Number(BandLow, nameof(BandLow));
        var high = Number(BandHigh, nameof(BandHigh));
        var weight = Number(Weight, nameof(Weight)) ?? 1m;
        if (!state.IsValid) return null;
        return new SaveIndicator.Request(id, planId, ElementId ?? 0, Code ?? "", Name.ToRequest(), Definition.ToRequest(), Measure,
            Unit, Currency, Direction, low, high, baseline, BaselineYear, end, Frequency,
            (CustomPeriods ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Cumulative, DataSource, ResponsibleUnit, Blank(OwnerUserId), Blank(ValidatorUserId), weight, Dimensions, targets, Version);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

/// <summary>What the indicator form offers: the plan's elements, dimensions, Reporters and Validators.</summary>
public sealed record IndicatorFormOptions(
    Plan Plan,
    IReadOnlyList<(int Id, string Code, LocalizedText Title)> Elements,
    IReadOnlyList<Dimension> Dimensions,
    IReadOnlyList<PersonOption> Reporters,
    IReadOnlyList<PersonOption> Validators,
    IndicatorInput Input)
{
    public static async Task<IndicatorFormOptions> LoadAsync(ResultsReads reads, Plan plan, IndicatorInput input, CancellationToken ct)
    {
        var dimensions = await reads.DimensionsAsync(plan.Id, ct);
        if (dimensions.Count == 0)
        {
            // A plan without indicators has no dimensions stored yet: offer the standard ones, created on the first save.
            dimensions = [.. new[] { (StandardDimensions.Sex, "Sex", "Sexe"), (StandardDimensions.Region, "ITU region", "Région de l'UIT"), (StandardDimensions.Income, "Income group", "Groupe de revenu") }
                .Select((d, i) => new Dimension { Code = d.Item1, Name = new LocalizedText(d.Item2, d.Item3), IsStandard = true, SortOrder = i })];
        }
        return new IndicatorFormOptions(plan, await reads.ElementsAsync(plan.Id, ct), dimensions,
            await reads.PeopleInRoleAsync(Roles.Reporter, ct), await reads.PeopleInRoleAsync(Roles.Validator, ct), input);
    }
}

/// <summary>Errors about one target line ("targets[2]") go to the targets field, which is the one that can be linked to.</summary>
internal static class TargetErrors
{
    public static void Gather(ModelStateDictionary state)
    {
        foreach (var key in state.Keys.Where(k => k.StartsWith("Input.Targets[", StringComparison.Ordinal)).ToList())
        {
            foreach (var e in state[key]!.Errors) state.AddModelError("Input.Targets", e.ErrorMessage);
            state.Remove(key);
        }
    }

}

