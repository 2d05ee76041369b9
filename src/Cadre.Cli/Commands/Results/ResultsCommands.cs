using System.CommandLine;
using Cadre.Cli.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Identity;
using Cadre.Core.Planning;
using Cadre.Core.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Cli.Commands.Results;

/// <summary><c>cadre results</c>: the bulk-entry spreadsheet of a plan and importing it filled; a plan's progress; its status thresholds; its indicators; values one by one and their approval.</summary>
public static class ResultsCommands
{
    public static Command Create(CliContext cli)
    {
        var results = new Command("results", CliText.Get("Results.Description"));
        results.Subcommands.Add(Template(cli));
        results.Subcommands.Add(Import(cli));
        results.Subcommands.Add(Progress(cli));
        results.Subcommands.Add(ThresholdsCommand(cli));
        results.Subcommands.Add(IndicatorCommands.Create(cli));
        results.Subcommands.Add(ValueCommands.Create(cli));
        return results;
    }

    private static SheetFormat FormatOf(string path) =>
        ValueImport.FormatOf(path) ?? throw CliException.Usage("Results.UnknownFormat", path);

    internal static async Task<int> PlanIdAsync(CliSession session, string code, CancellationToken ct) =>
        await session.Get<PlanningQueries>().FindPlanIdAsync(code.Trim(), ct)
        ?? throw new CliException(ExitCodes.Invalid, Messages.Format("Error.NotFound.Plan", code));

    private static Command Template(CliContext cli)
    {
        var plan = new Option<string>("--plan") { Description = CliText.Get("Results.Plan"), Required = true, HelpName = "CODE" };
        var unit = new Option<string?>("--unit") { Description = CliText.Get("Results.Template.Unit"), HelpName = "UNIT" };
        var output = new Option<FileInfo>("--output", "-o") { Description = CliText.Get("Results.Template.Output"), Required = true, HelpName = "FILE" };
        var command = new Command("template", CliText.Get("Results.Template.Description")) { plan, unit, output };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var file = r.GetValue(output)!;
            var format = FormatOf(file.Name);
            var planId = await PlanIdAsync(session, r.GetValue(plan)!, ct);
            using var buffer = new MemoryStream();
            await session.Get<ValueImport>().WriteTemplateAsync(planId, r.GetValue(unit), format, buffer, "en", ct);
            await File.WriteAllBytesAsync(file.FullName, buffer.ToArray(), ct);
            cli.Console.Error.WriteLine(CliText.Format("Results.Template.Done", file.FullName));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Import(CliContext cli)
    {
        var file = new Argument<FileInfo>("FILE") { Description = CliText.Get("Results.Import.File") };
        var plan = new Option<string>("--plan") { Description = CliText.Get("Results.Plan"), Required = true, HelpName = "CODE" };
        var reporter = new Option<string>("--as") { Description = CliText.Get("Results.Import.As"), Required = true, HelpName = "EMAIL" };
        var dryRun = new Option<bool>("--dry-run") { Description = CliText.Get("Results.Import.DryRun") };
        var command = new Command("import", CliText.Get("Results.Import.Description")) { file, plan, reporter, dryRun };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var info = r.GetValue(file)!;
            if (!info.Exists) throw CliException.Usage("Error.FileMissing", info.FullName);
            var format = FormatOf(info.Name);
            if (info.Length > ValueImport.MaxFileBytes) throw new CliException(ExitCodes.Invalid, Messages.Format("Error.Results.FileTooLarge", ValueImport.MaxFileBytes / (1024 * 1024)));
            var planId = await PlanIdAsync(session, r.GetValue(plan)!, ct);

            // The values are submitted by the named Reporter, with their permissions.
            var email = r.GetValue(reporter)!.Trim();
            var user = await session.Get<UserManager<CadreUser>>().FindByEmailAsync(email)
                ?? throw new CliException(ExitCodes.Invalid, Messages.Format("Error.NotFound.User", email));
            var roles = await session.Get<UserManager<CadreUser>>().GetRolesAsync(user);
            if (!roles.Contains(Roles.Reporter)) throw CliException.Invalid("Results.Import.NotReporter", email);
            var options = session.Get<DbContextOptions<CadreDbContext>>();
            await using var db = new CadreDbContext(options, new FixedActor(user.Email ?? email, user.Id, [.. roles]), session.Get<TimeProvider>());
            var import = new ValueImport(db);

            ImportPreview? result = null;
            var commit = !r.GetValue(dryRun);
            await cli.Console.ProgressAsync(CliText.Format("Results.Import.Progress", info.Name), commit ? 3 : 2, async step =>
            {
                step(CliText.Format("Results.Import.Reading", info.Name));
                var content = await File.ReadAllBytesAsync(info.FullName, ct);
                step(CliText.Get("Results.Import.Checking"));
                using var stream = new MemoryStream(content);
                result = await import.PreviewAsync(planId, stream, format, ct: ct);
                if (commit && !result.HasErrors)
                {
                    step(CliText.Format("Results.Import.Saving", result.Rows.Count));
                    using var again = new MemoryStream(content);
                    result = await import.CommitAsync(planId, again, format, ct: ct);
                }
            });
            foreach (var e in result!.FileErrors) cli.Console.Error.WriteLine(e);
            foreach (var row in result.Rows.Where(x => !x.IsValid))
            {
                foreach (var e in row.Errors) cli.Console.Error.WriteLine(CliText.Format("Results.Import.RowError", row.RowNumber, row.Indicator, row.Period, e));
            }
            if (result.HasErrors)
            {
                cli.Console.Error.WriteLine(CliText.Format("Results.Import.Failed", result.ErrorRowCount + result.FileErrors.Count, result.Rows.Count));
                return ExitCodes.Invalid;
            }
            cli.Console.Out.WriteLine(CliText.Format(commit ? "Results.Import.Done" : "Results.Import.Checked", result.Rows.Count, result.PlanCode));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Percent(double? share) =>
        share is double d ? d.ToString("P1", System.Globalization.CultureInfo.CurrentCulture) : "-";

    private static string Number(decimal? value) =>
        value is decimal d ? d.ToString("0.##", System.Globalization.CultureInfo.CurrentCulture) : "-";

    private static string StatusText(ProgressStatus status) => CliText.Get("Results.Status." + status);

    private static Command Progress(CliContext cli)
    {
        var plan = new Option<string>("--plan") { Description = CliText.Get("Results.Plan"), Required = true, HelpName = "CODE" };
        var asOf = new Option<int?>("--as-of") { Description = CliText.Get("Results.Progress.AsOf"), HelpName = "YEAR" };
        var command = new Command("progress", CliText.Get("Results.Progress.Description")) { plan, asOf };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var planId = await PlanIdAsync(session, r.GetValue(plan)!, ct);
            var years = await session.Get<CadreDbContext>().Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.StartYear, p.EndYear }).SingleAsync(ct);
            var year = r.GetValue(asOf) ?? Math.Clamp(session.Get<TimeProvider>().GetUtcNow().Year, years.StartYear, years.EndYear);
            if (year < years.StartYear || year > years.EndYear) throw CliException.Usage("Results.Progress.YearOutside", year, years.StartYear, years.EndYear);
            var progress = await session.Get<ProgressService>().GetAsync(planId, year, ct)
                ?? throw new CliException(ExitCodes.Invalid, Messages.Format("Error.NotFound.Plan", r.GetValue(plan)!));
            var o = cli.Console.Out;
            o.WriteLine(CliText.Format("Results.Progress.Title", progress.PlanCode, year));
            o.WriteLine(CliText.Format("Results.Progress.Thresholds", Percent(progress.Thresholds.OnTrack), Percent(progress.Thresholds.AtRisk)));
            o.WriteLine(CliText.Get("Results.Progress.ElementsHeader"));
            foreach (var e in progress.ElementsInOrder)
            {
                o.WriteLine(string.Join('\t', e.Code, Percent(e.Achievement), StatusText(e.Status), Percent(e.Coverage)));
            }
            o.WriteLine(CliText.Get("Results.Progress.IndicatorsHeader"));
            foreach (var id in progress.IndicatorsUnder(null))
            {
                var i = progress.Indicators[id];
                o.WriteLine(string.Join('\t', i.Code, Number(i.Actual), Number(i.Expected), Percent(i.Achievement), StatusText(i.Status)));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ThresholdsCommand(CliContext cli)
    {
        var plan = new Option<string>("--plan") { Description = CliText.Get("Results.Plan"), Required = true, HelpName = "CODE" };
        var onTrack = new Option<decimal?>("--on-track") { Description = CliText.Get("Results.Thresholds.OnTrack"), HelpName = "PERCENT" };
        var atRisk = new Option<decimal?>("--at-risk") { Description = CliText.Get("Results.Thresholds.AtRisk"), HelpName = "PERCENT" };
        var command = new Command("thresholds", CliText.Get("Results.Thresholds.Description")) { plan, onTrack, atRisk };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var planId = await PlanIdAsync(session, r.GetValue(plan)!, ct);
            var current = await session.Get<ResultsQueries>().GetSettingsAsync(planId, ct)
                ?? throw new CliException(ExitCodes.Invalid, Messages.Format("Error.NotFound.Plan", r.GetValue(plan)!));
            var (on, risk) = (r.GetValue(onTrack), r.GetValue(atRisk));
            if (on is not null || risk is not null)
            {
                current = await session.Get<Cadre.Core.Results.Handlers.SaveResultsSettings>().HandleAsync(new Cadre.Core.Results.Handlers.SaveResultsSettings.Request(planId,
                    (on ?? current.OnTrackThreshold * 100m) / 100m, (risk ?? current.AtRiskThreshold * 100m) / 100m, current.Id == 0 ? null : current.Version), ct);
            }
            cli.Console.Out.WriteLine(CliText.Format("Results.Progress.Thresholds", Percent((double)current.OnTrackThreshold), Percent((double)current.AtRiskThreshold)));
            return ExitCodes.Ok;
        });
        return command;
    }
}
