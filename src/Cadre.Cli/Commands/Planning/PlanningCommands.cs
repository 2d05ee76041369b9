using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Cadre.Cli.Infrastructure;
using Cadre.Core.Planning;

namespace Cadre.Cli.Commands.Planning;

/// <summary><c>cadre planning</c>: plans as JSON files, and the list of plans.</summary>
public static class PlanningCommands
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Command Create(CliContext cli)
    {
        var planning = new Command("planning", CliText.Get("Planning.Description"));
        planning.Subcommands.Add(List(cli));
        planning.Subcommands.Add(Export(cli));
        planning.Subcommands.Add(Import(cli));
        return planning;
    }

    private static Command List(CliContext cli)
    {
        var json = new Option<bool>("--json") { Description = CliText.Get("Option.Json") };
        var command = new Command("list", CliText.Get("Planning.List.Description")) { json };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var queries = session.Get<PlanningQueries>();
            var plans = new List<PlanSummary>();
            for (var page = 1; ; page++)
            {
                var result = await queries.ListPlansAsync(sort: PlanSort.Code, descending: false, page: page, pageSize: 200, ct: ct);
                plans.AddRange(result.Items);
                if (!result.HasNext) break;
            }
            if (r.GetValue(json))
            {
                var rows = plans.Select(p => new
                {
                    p.Code,
                    p.Kind,
                    Title = p.Title.ToDictionary(),
                    p.OriginalLanguage,
                    p.StartYear,
                    p.EndYear,
                    p.Status,
                    p.AdoptedBy,
                    Elements = p.ElementCount,
                });
                cli.Console.Out.WriteLine(JsonSerializer.Serialize(rows, CliJson.Options));
                return ExitCodes.Ok;
            }
            if (plans.Count == 0)
            {
                cli.Console.Out.WriteLine(CliText.Get("Planning.List.Empty"));
                return ExitCodes.Ok;
            }
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            cli.Console.WriteTable(
                [CliText.Get("Planning.Column.Code"), CliText.Get("Planning.Column.Kind"), CliText.Get("Planning.Column.Period"), CliText.Get("Planning.Column.Status"), CliText.Get("Planning.Column.Elements"), CliText.Get("Planning.Column.Title")],
                plans.Select(p => (IReadOnlyList<string>)[
                    p.Code, CliText.Get("PlanKind." + p.Kind), $"{p.StartYear}-{p.EndYear}", CliText.Get("PlanStatus." + p.Status),
                    p.ElementCount.ToString(CultureInfo.CurrentCulture), p.Title.Get(language, p.OriginalLanguage)]));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export(CliContext cli)
    {
        var plan = new Option<string>("--plan") { Description = CliText.Get("Planning.Export.Plan"), Required = true, HelpName = "CODE" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = CliText.Get("Planning.Export.Output"), HelpName = "FILE" };
        var command = new Command("export", CliText.Get("Planning.Export.Description")) { plan, output };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var document = await session.Get<ExportPlan>().HandleAsync(r.GetValue(plan)!.Trim(), ct);
            // The same plan always gives the same bytes: fixed property order, sorted elements and links, LF line ends.
            var text = JsonSerializer.Serialize(document, PlanDocument.Json).ReplaceLineEndings("\n") + "\n";
            if (r.GetValue(output) is not { } file)
            {
                await cli.Console.Out.WriteAsync(text.AsMemory(), ct);
                await cli.Console.Out.FlushAsync(ct);
                return ExitCodes.Ok;
            }
            var temporary = file.FullName + ".partial";
            await File.WriteAllTextAsync(temporary, text, Utf8, ct);
            File.Move(temporary, file.FullName, overwrite: true);
            cli.Console.Error.WriteLine(CliText.Format("Planning.Export.Done", document.Plan.Code, document.Plan.Elements.Count, file.FullName));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Import(CliContext cli)
    {
        var file = new Argument<string>("FILE") { Description = CliText.Get("Planning.Import.File") };
        var command = new Command("import", CliText.Get("Planning.Import.Description")) { file };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var path = r.GetValue(file)!;
            var imported = await cli.Console.StatusAsync(CliText.Format("Planning.Import.Progress", path), async stage =>
            {
                PlanDocument document;
                if (path == "-")
                {
                    // Standard input, read whole but never beyond the size limit.
                    var buffer = new char[ImportPlan.MaxBytes / 4 + 1];
                    var text = new StringBuilder();
                    int read;
                    while ((read = await cli.Console.In.ReadAsync(buffer.AsMemory(), ct)) > 0)
                    {
                        text.Append(buffer, 0, read);
                        if (text.Length > ImportPlan.MaxBytes) throw CliException.Invalid("Planning.Import.TooLarge", path, ImportPlan.MaxBytes / (1024 * 1024));
                    }
                    await using var stream = new MemoryStream(Utf8.GetBytes(text.ToString()));
                    document = ImportPlan.Parse(stream);
                }
                else
                {
                    var info = new FileInfo(path);
                    if (!info.Exists) throw CliException.Usage("Error.FileMissing", info.FullName);
                    if (info.Length > ImportPlan.MaxBytes) throw CliException.Invalid("Planning.Import.TooLarge", path, ImportPlan.MaxBytes / (1024 * 1024));
                    await using var stream = info.OpenRead();
                    document = ImportPlan.Parse(stream);
                }
                stage(CliText.Format("Planning.Import.Checking", document.Plan.Code, document.Plan.Elements.Count));
                var plan = await session.Get<ImportPlan>().HandleAsync(document, ct);
                return (plan.Code, Elements: document.Plan.Elements.Count, Links: document.Plan.Elements.Sum(e => e.Links.Count));
            });
            cli.Console.Out.WriteLine(CliText.Format("Planning.Import.Done", imported.Code, imported.Elements, imported.Links));
            return ExitCodes.Ok;
        });
        return command;
    }
}
