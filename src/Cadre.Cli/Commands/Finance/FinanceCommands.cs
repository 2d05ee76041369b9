using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Cadre.Cli.Infrastructure;
using Cadre.Core.Finance;
using Cadre.Core.Finance.Handlers;

namespace Cadre.Cli.Commands.Finance;

/// <summary><c>cadre finance</c>: the attribution of a plan's resources, and expenditure imports.</summary>
public static class FinanceCommands
{
    public static Command Create(CliContext cli)
    {
        var finance = new Command("finance", CliText.Get("Finance.Description"));
        finance.Subcommands.Add(Attribution(cli));
        finance.Subcommands.Add(ImportExpenditureCommand(cli));
        return finance;
    }

    private static async Task<int> PlanIdAsync(FinanceQueries queries, string code, CancellationToken ct) =>
        await queries.FindPlanIdAsync(code.Trim(), ct) ?? throw CliException.Invalid("Finance.PlanNotFound", code);

    private static Command Attribution(CliContext cli)
    {
        var plan = new Option<string>("--plan") { Description = CliText.Get("Finance.Attribution.Plan"), Required = true, HelpName = "CODE" };
        var format = new Option<string>("--format") { Description = CliText.Get("Finance.Attribution.Format"), DefaultValueFactory = _ => "csv", HelpName = "csv|json" };
        format.AcceptOnlyFromAmong("csv", "json");
        var command = new Command("attribution", CliText.Get("Finance.Attribution.Description")) { plan, format };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var queries = session.Get<FinanceQueries>();
            var id = await PlanIdAsync(queries, r.GetValue(plan)!, ct);
            var a = await queries.GetAttributionAsync(id, ct) ?? throw CliException.Invalid("Finance.PlanNotFound", r.GetValue(plan)!);
            var elements = a.Elements.ToDictionary(e => e.Id);
            if (r.GetValue(format) == "json")
            {
                var json = new
                {
                    Plan = a.Plan.Code,
                    a.TotalPlanned,
                    a.TotalAttributed,
                    Units = a.Units.Select(u => new
                    {
                        u.Unit, u.Planned, u.Budgeted, u.Attributed,
                        Elements = a.Elements.Where(e => u.ByElement.ContainsKey(e.Id)).Select(e => new { e.Code, Amount = u.ByElement[e.Id] }),
                    }),
                    TopElements = a.Elements.Where(e => e.ParentId is null).Select(e => new { e.Code, e.Level, Amount = a.ByTopElement.GetValueOrDefault(e.Id) }),
                    a.Unattributed,
                    GoalLevel = a.Goals.LevelCode,
                    Goals = a.Goals.Goals.Select(g => new
                    {
                        g.Code,
                        Amount = a.Goals.ByGoal.GetValueOrDefault(g.Id),
                        Units = a.Units.ToDictionary(u => u.Unit, u => a.Goals.UnitGoal(u.Unit, g.Id)),
                    }),
                    NoGoal = a.Goals.Unassigned.Select(x => new { elements[x.Key].Code, Amount = x.Value }),
                };
                cli.Console.Out.WriteLine(JsonSerializer.Serialize(json, CliJson.Options));
                return ExitCodes.Ok;
            }
            // CSV: one row per element with an amount, one column per unit, amounts in CHF; codes never start a formula.
            var csv = new StringBuilder();
            csv.Append("element,level");
            foreach (var u in a.Units) csv.Append(',').Append(u.Unit);
            csv.Append(",total\n");
            foreach (var e in a.Elements.Where(e => a.ByElement.ContainsKey(e.Id)))
            {
                csv.Append(Cell(e.Code)).Append(',').Append(Cell(e.Level));
                foreach (var u in a.Units) csv.Append(',').Append(u.ByElement.GetValueOrDefault(e.Id).ToString("0.00", CultureInfo.InvariantCulture));
                csv.Append(',').Append(a.ByElement[e.Id].ToString("0.00", CultureInfo.InvariantCulture)).Append('\n');
            }
            csv.Append("total,");
            foreach (var u in a.Units) csv.Append(',').Append(u.Attributed.ToString("0.00", CultureInfo.InvariantCulture));
            csv.Append(',').Append(a.TotalAttributed.ToString("0.00", CultureInfo.InvariantCulture)).Append('\n');
            // Then the totals per strategic goal (level "strategic-goal") and what no goal received ("no-goal"); together they equal the total row.
            foreach (var g in a.Goals.Goals)
            {
                csv.Append(Cell(g.Code)).Append(",strategic-goal");
                foreach (var u in a.Units) csv.Append(',').Append(a.Goals.UnitGoal(u.Unit, g.Id).ToString("0.00", CultureInfo.InvariantCulture));
                csv.Append(',').Append(a.Goals.ByGoal.GetValueOrDefault(g.Id).ToString("0.00", CultureInfo.InvariantCulture)).Append('\n');
            }
            foreach (var (top, amount) in a.Goals.Unassigned)
            {
                csv.Append(Cell(elements[top].Code)).Append(",no-goal");
                foreach (var u in a.Units) csv.Append(',').Append(a.Goals.UnitUnassigned(u.Unit, top).ToString("0.00", CultureInfo.InvariantCulture));
                csv.Append(',').Append(amount.ToString("0.00", CultureInfo.InvariantCulture)).Append('\n');
            }
            await cli.Console.Out.WriteAsync(csv.ToString().AsMemory(), ct);
            await cli.Console.Out.FlushAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A CSV cell: quoted when needed, and a leading formula character escaped.</summary>
    internal static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static Command ImportExpenditureCommand(CliContext cli)
    {
        var file = new Argument<string>("FILE") { Description = CliText.Get("Finance.Import.File") };
        var plan = new Option<string?>("--plan") { Description = CliText.Get("Finance.Import.Plan"), HelpName = "CODE" };
        var dryRun = new Option<bool>("--dry-run") { Description = CliText.Get("Finance.Import.DryRun") };
        var command = new Command("import-expenditure", CliText.Get("Finance.Import.Description")) { file, plan, dryRun };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var info = new FileInfo(r.GetValue(file)!);
            if (!info.Exists) throw CliException.Usage("Error.FileMissing", info.FullName);
            if (info.Length > ImportExpenditure.MaxBytes) throw CliException.Invalid("Finance.Import.TooLarge", info.FullName, ImportExpenditure.MaxBytes / 1024);
            var content = await File.ReadAllBytesAsync(info.FullName, ct);
            int? planId = r.GetValue(plan) is { } code ? await PlanIdAsync(session.Get<FinanceQueries>(), code, ct) : null;
            var handler = session.Get<ImportExpenditure>();
            var preview = await handler.PreviewAsync(content, planId, ct);
            foreach (var e in preview.FileErrors) cli.Console.Error.WriteLine(e);
            foreach (var row in preview.Rows.Where(x => !x.IsValid))
            {
                foreach (var e in row.Errors) cli.Console.Error.WriteLine(CliText.Format("Finance.Import.RowError", row.Line, e));
            }
            if (!preview.IsValid)
            {
                cli.Console.Error.WriteLine(CliText.Format("Finance.Import.Refused", preview.Rows.Count(x => !x.IsValid), preview.Rows.Count));
                return ExitCodes.Invalid;
            }
            if (r.GetValue(dryRun))
            {
                cli.Console.Out.WriteLine(CliText.Format("Finance.Import.DryRunDone", preview.Rows.Count, preview.Total.ToString("N2", CultureInfo.CurrentCulture)));
                return ExitCodes.Ok;
            }
            var count = await handler.HandleAsync(content, planId, ct);
            cli.Console.Out.WriteLine(CliText.Format("Finance.Import.Done", count, preview.Total.ToString("N2", CultureInfo.CurrentCulture)));
            return ExitCodes.Ok;
        });
        return command;
    }
}
