using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Cadre.Cli.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Identity;
using Cadre.Core.Results;
using Cadre.Core.Results.Handlers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Cli.Commands.Results;

/// <summary>
/// <c>cadre results indicators list|add|update|delete</c>: a plan's indicators. The person at the terminal
/// acts as Planner (as for every plan write from the CLI); owners and validators are named by e-mail.
/// </summary>
internal static class IndicatorCommands
{
    private static readonly string[] Measures = [.. Enum.GetNames<Measure>().Select(n => n.ToLowerInvariant())];
    private static readonly string[] Directions = [.. Enum.GetNames<Direction>().Select(n => n.ToLowerInvariant())];
    private static readonly string[] Frequencies = [.. Enum.GetNames<Frequency>().Select(n => n.ToLowerInvariant())];

    public static Command Create(CliContext cli)
    {
        var indicators = new Command("indicators", CliText.Get("Results.Indicators.Description"));
        indicators.Subcommands.Add(List(cli));
        indicators.Subcommands.Add(Save(cli, adding: true));
        indicators.Subcommands.Add(Save(cli, adding: false));
        indicators.Subcommands.Add(Delete(cli));
        return indicators;
    }

    internal static Option<string> PlanOption() =>
        new("--plan") { Description = CliText.Get("Results.Plan"), Required = true, HelpName = "CODE" };

    internal static async Task<int> IndicatorIdAsync(CliSession session, int planId, string code, CancellationToken ct) =>
        await session.Get<ResultsQueries>().FindIndicatorIdAsync(planId, code.Trim(), ct)
        ?? throw new CliException(ExitCodes.Invalid, Messages.Format("Error.NotFound.Indicator", code));

    internal static string Number(decimal? value) =>
        value is decimal d ? d.ToString("0.######", CultureInfo.InvariantCulture) : "-";

    /// <summary>A number as typed: invariant culture (a dot for decimals), so that scripts behave the same everywhere.</summary>
    internal static decimal ParseNumber(string text, string option) =>
        decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw CliException.Usage("Results.NotANumber", option, text);

    private static Command List(CliContext cli)
    {
        var plan = PlanOption();
        var json = new Option<bool>("--json") { Description = CliText.Get("Option.Json") };
        var command = new Command("list", CliText.Get("Results.Indicators.List.Description")) { plan, json };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var planId = await ResultsCommands.PlanIdAsync(session, r.GetValue(plan)!, ct);
            var queries = session.Get<ResultsQueries>();
            var items = new List<IndicatorSummary>();
            for (var page = 1; ; page++)
            {
                var result = await queries.ListIndicatorsAsync(planId, sort: IndicatorSort.Element, page: page, pageSize: 200, ct: ct)
                    ?? throw new CliException(ExitCodes.Invalid, Messages.Format("Error.NotFound.Plan", r.GetValue(plan)!));
                items.AddRange(result.Items);
                if (!result.HasNext) break;
            }
            if (r.GetValue(json))
            {
                var rows = items.Select(i => new
                {
                    i.Code,
                    Element = i.ElementCode,
                    Name = i.Name.ToDictionary(),
                    Measure = i.Measure.ToString().ToLowerInvariant(),
                    Direction = i.Direction.ToString().ToLowerInvariant(),
                    Frequency = i.Frequency.ToString().ToLowerInvariant(),
                    i.Unit,
                    Baseline = i.BaselineValue,
                    i.BaselineYear,
                    i.EndTarget,
                    i.ResponsibleUnit,
                    i.Weight,
                });
                cli.Console.Out.WriteLine(JsonSerializer.Serialize(rows, CliJson.Options));
                return ExitCodes.Ok;
            }
            if (items.Count == 0)
            {
                cli.Console.Out.WriteLine(CliText.Get("Results.Indicators.List.Empty"));
                return ExitCodes.Ok;
            }
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            cli.Console.WriteTable(
                [CliText.Get("Results.Column.Code"), CliText.Get("Results.Column.Element"), CliText.Get("Results.Column.Measure"), CliText.Get("Results.Column.Direction"),
                 CliText.Get("Results.Column.Baseline"), CliText.Get("Results.Column.EndTarget"), CliText.Get("Results.Column.Unit"), CliText.Get("Results.Column.Name")],
                items.Select(i => (IReadOnlyList<string>)[
                    i.Code, i.ElementCode, CliText.Get("Results.Measure." + i.Measure), CliText.Get("Results.Direction." + i.Direction),
                    i.BaselineValue is null ? "-" : $"{Number(i.BaselineValue)} ({i.BaselineYear})", Number(i.EndTarget), i.Unit ?? "", i.Name.Get(language, "en")]));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Save(CliContext cli, bool adding)
    {
        var plan = PlanOption();
        var code = new Option<string>("--code") { Description = CliText.Get(adding ? "Results.Indicators.Code" : "Results.Indicators.UpdateCode"), Required = true, HelpName = "CODE" };
        var element = new Option<string?>("--element") { Description = CliText.Get("Results.Indicators.Element"), Required = adding, HelpName = "CODE" };
        var newCode = new Option<string?>("--new-code") { Description = CliText.Get("Results.Indicators.NewCode"), HelpName = "CODE" };
        var nameEn = new Option<string?>("--name-en") { Description = CliText.Get("Results.Indicators.NameEn"), HelpName = "TEXT" };
        var nameFr = new Option<string?>("--name-fr") { Description = CliText.Get("Results.Indicators.NameFr"), HelpName = "TEXT" };
        var definitionEn = new Option<string?>("--definition-en") { Description = CliText.Get("Results.Indicators.DefinitionEn"), HelpName = "TEXT" };
        var definitionFr = new Option<string?>("--definition-fr") { Description = CliText.Get("Results.Indicators.DefinitionFr"), HelpName = "TEXT" };
        var measure = new Option<string?>("--measure") { Description = CliText.Get("Results.Indicators.Measure") }.AcceptOnlyFromAmong(Measures);
        var direction = new Option<string?>("--direction") { Description = CliText.Get("Results.Indicators.Direction") }.AcceptOnlyFromAmong(Directions);
        var frequency = new Option<string?>("--frequency") { Description = CliText.Get("Results.Indicators.Frequency") }.AcceptOnlyFromAmong(Frequencies);
        var periods = new Option<string?>("--periods") { Description = CliText.Get("Results.Indicators.Periods"), HelpName = "LIST" };
        var unit = new Option<string?>("--unit") { Description = CliText.Get("Results.Indicators.Unit"), HelpName = "TEXT" };
        var currency = new Option<string?>("--currency") { Description = CliText.Get("Results.Indicators.Currency"), HelpName = "ISO" };
        var bandLow = new Option<string?>("--band-low") { Description = CliText.Get("Results.Indicators.BandLow"), HelpName = "NUMBER" };
        var bandHigh = new Option<string?>("--band-high") { Description = CliText.Get("Results.Indicators.BandHigh"), HelpName = "NUMBER" };
        var baseline = new Option<string?>("--baseline") { Description = CliText.Get("Results.Indicators.Baseline"), HelpName = "NUMBER" };
        var baselineYear = new Option<int?>("--baseline-year") { Description = CliText.Get("Results.Indicators.BaselineYear"), HelpName = "YEAR" };
        var endTarget = new Option<string?>("--end-target") { Description = CliText.Get("Results.Indicators.EndTarget"), HelpName = "NUMBER" };
        var target = new Option<string[]>("--target") { Description = CliText.Get("Results.Indicators.Target"), HelpName = "PERIOD=NUMBER", AllowMultipleArgumentsPerToken = false };
        var cumulative = new Option<bool?>("--cumulative") { Description = CliText.Get("Results.Indicators.Cumulative") };
        var weight = new Option<string?>("--weight") { Description = CliText.Get("Results.Indicators.Weight"), HelpName = "NUMBER" };
        var source = new Option<string?>("--data-source") { Description = CliText.Get("Results.Indicators.DataSource"), HelpName = "TEXT" };
        var responsible = new Option<string?>("--responsible-unit") { Description = CliText.Get("Results.Indicators.ResponsibleUnit"), HelpName = "UNIT" };
        var owner = new Option<string?>("--owner") { Description = CliText.Get("Results.Indicators.Owner"), HelpName = "EMAIL" };
        var validator = new Option<string?>("--validator") { Description = CliText.Get("Results.Indicators.Validator"), HelpName = "EMAIL" };
        var dimensions = new Option<string?>("--dimensions") { Description = CliText.Get("Results.Indicators.Dimensions"), HelpName = "LIST" };
        var command = new Command(adding ? "add" : "update", CliText.Get(adding ? "Results.Indicators.Add.Description" : "Results.Indicators.Update.Description"))
        {
            plan, code, element, nameEn, nameFr, definitionEn, definitionFr, measure, direction, frequency, periods, unit, currency, bandLow, bandHigh,
            baseline, baselineYear, endTarget, target, cumulative, weight, source, responsible, owner, validator, dimensions,
        };
        if (!adding) command.Options.Add(newCode);
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var planId = await ResultsCommands.PlanIdAsync(session, r.GetValue(plan)!, ct);
            var db = session.Get<CadreDbContext>();
            var codeText = r.GetValue(code)!.Trim();
            IndicatorDetail? existing = null;
            if (!adding)
            {
                var id = await IndicatorIdAsync(session, planId, codeText, ct);
                existing = await session.Get<ResultsQueries>().GetIndicatorAsync(id, ct)
                    ?? throw new CliException(ExitCodes.Invalid, Messages.Format("Error.NotFound.Indicator", codeText));
            }

            // Every option not given keeps the indicator's current value (update) or its default (add).
            int elementId;
            if (r.GetValue(element) is { } elementCode)
            {
                elementId = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == planId && e.Code == elementCode.Trim()).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct)
                    ?? throw new CliException(ExitCodes.Invalid, Messages.Format("Error.NotFound.Element", elementCode));
            }
            else
            {
                elementId = existing!.ElementId;
            }
            decimal? Num(Option<string?> o, decimal? current) => r.GetValue(o) is { } s ? ParseNumber(s, o.Name) : current;
            TEnum Pick<TEnum>(Option<string?> o, TEnum current) where TEnum : struct, Enum => r.GetValue(o) is { } s ? Enum.Parse<TEnum>(s, ignoreCase: true) : current;

            var name = Editable(existing?.Name);
            if (r.GetValue(nameEn) is { } ne) name["en"] = ne;
            if (r.GetValue(nameFr) is { } nf) name["fr"] = nf;
            var definition = Editable(existing?.Definition);
            if (r.GetValue(definitionEn) is { } de) definition["en"] = de;
            if (r.GetValue(definitionFr) is { } df) definition["fr"] = df;

            var targetTexts = r.GetValue(target) ?? [];
            var endTargetValue = Num(endTarget, existing?.EndTarget);
            List<TargetInput>? targets = null;
            if (targetTexts.Length > 0)
            {
                // Period targets given here replace the previous ones; targets per dimension value are kept.
                targets = [.. (existing?.Targets ?? []).Where(t => t.DimensionValue is not null).Select(t => new TargetInput(t.Period, t.DimensionValue, t.Value))];
                foreach (var t in targetTexts)
                {
                    var parts = t.Split('=', 2, StringSplitOptions.TrimEntries);
                    if (parts.Length != 2 || parts[0].Length == 0) throw CliException.Usage("Results.Indicators.TargetFormat", t);
                    targets.Add(new TargetInput(parts[0], null, ParseNumber(parts[1], target.Name)));
                }
            }

            var request = new SaveIndicator.Request(
                existing?.Id, planId, elementId,
                adding ? codeText : r.GetValue(newCode) ?? existing!.Code,
                name, definition,
                Pick(measure, existing?.Measure ?? Measure.Number),
                r.GetValue(unit) ?? existing?.Unit,
                r.GetValue(currency) ?? existing?.Currency,
                Pick(direction, existing?.Direction ?? Direction.Increase),
                Num(bandLow, existing?.BandLow), Num(bandHigh, existing?.BandHigh),
                Num(baseline, existing?.BaselineValue), r.GetValue(baselineYear) ?? existing?.BaselineYear,
                endTargetValue,
                Pick(frequency, existing?.Frequency ?? Frequency.Annual),
                r.GetValue(periods) is { } p ? p.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : existing?.CustomPeriods,
                r.GetValue(cumulative) ?? existing?.Cumulative ?? false,
                r.GetValue(source) ?? existing?.DataSource,
                r.GetValue(responsible) ?? existing?.ResponsibleUnit,
                r.GetValue(owner) is { } o ? await UserIdAsync(session, o) : existing?.OwnerUserId,
                r.GetValue(validator) is { } v ? await UserIdAsync(session, v) : existing?.ValidatorUserId,
                Num(weight, existing?.Weight) ?? 1m,
                r.GetValue(dimensions) is { } d ? d.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null,
                targets,
                existing?.Version);
            var saved = await session.Get<SaveIndicator>().HandleAsync(request, ct);
            cli.Console.Out.WriteLine(CliText.Format(adding ? "Results.Indicators.Added" : "Results.Indicators.Updated", saved.Code, r.GetValue(plan)!.Trim()));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(CliContext cli)
    {
        var plan = PlanOption();
        var code = new Option<string>("--code") { Description = CliText.Get("Results.Indicators.DeleteCode"), Required = true, HelpName = "CODE" };
        var yes = new Option<bool>("--yes") { Description = CliText.Get("Results.Indicators.Yes") };
        var command = new Command("delete", CliText.Get("Results.Indicators.Delete.Description")) { plan, code, yes };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var planId = await ResultsCommands.PlanIdAsync(session, r.GetValue(plan)!, ct);
            var codeText = r.GetValue(code)!.Trim();
            var id = await IndicatorIdAsync(session, planId, codeText, ct);
            var values = await session.Get<CadreDbContext>().ReportedValues.CountAsync(v => v.IndicatorId == id, ct);
            // Deleting takes the values with it: say so, and ask for --yes when there are any.
            if (values > 0 && !r.GetValue(yes)) throw CliException.Usage("Results.Indicators.DeleteHasValues", codeText, values);
            await session.Get<DeleteIndicator>().HandleAsync(new DeleteIndicator.Request(id, null), ct);
            cli.Console.Out.WriteLine(CliText.Format("Results.Indicators.Deleted", codeText, values));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Dictionary<string, string?> Editable(LocalizedText? text) =>
        text?.ToDictionary().ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal) ?? new(StringComparer.Ordinal);

    private static async Task<string> UserIdAsync(CliSession session, string email) =>
        (await session.Get<UserManager<CadreUser>>().FindByEmailAsync(email.Trim()))?.Id
        ?? throw new CliException(ExitCodes.Invalid, Messages.Format("Error.NotFound.User", email));
}
