using System.CommandLine;
using Cadre.Cli.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Reporting;
using Cadre.Core.Reporting.Model;
using Cadre.Core.Reporting.Sources;
using Cadre.Core.Reporting.Writers;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Cli.Commands.Reporting;

/// <summary>
/// <c>cadre report annual|evaluation</c>: a plan's annual report (or end-of-period evaluation) as a Word document, an
/// HTML page, an Excel workbook or CSV files, from the database's figures and the narratives of the report's latest
/// version; and <c>cadre export iati</c>: the plan's IATI 2.03 organisation and activities files.
/// </summary>
public static class ReportingCommands
{
    public static Command CreateReport(CliContext cli)
    {
        var report = new Command("report", CliText.Get("Report.Description"));
        report.Subcommands.Add(Generate(cli, ReportKind.Annual));
        report.Subcommands.Add(Generate(cli, ReportKind.Evaluation));
        return report;
    }

    public static Command CreateExport(CliContext cli)
    {
        var export = new Command("export", CliText.Get("Export.Description"));
        export.Subcommands.Add(Iati(cli));
        return export;
    }

    private static Command Generate(CliContext cli, ReportKind kind)
    {
        var annual = kind == ReportKind.Annual;
        var plan = new Option<string>("--plan") { Description = CliText.Get("Report.Plan"), Required = true, HelpName = "CODE" };
        var year = new Option<int>("--year") { Description = CliText.Get("Report.Year"), Required = annual, HelpName = "YYYY" };
        var format = new Option<string>("--format") { Description = CliText.Get("Report.Format"), Required = true, HelpName = "docx|html|xlsx|csv" };
        format.AcceptOnlyFromAmong("docx", "html", "xlsx", "csv");
        var language = new Option<string>("--language") { Description = CliText.Get("Report.Language"), DefaultValueFactory = _ => "en", HelpName = "en|fr" };
        language.AcceptOnlyFromAmong("en", "fr");
        var output = new Option<FileInfo>("--output", "-o") { Description = CliText.Get("Report.Output"), Required = true, HelpName = "FILE" };
        var command = new Command(annual ? "annual" : "evaluation", CliText.Get(annual ? "Report.Annual.Description" : "Report.Evaluation.Description"))
        {
            plan, year, format, language, output,
        };
        if (!annual) year.Description = CliText.Get("Report.Evaluation.Year");
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var code = r.GetValue(plan)!.Trim();
            var fmt = r.GetValue(format)!;
            var lang = r.GetValue(language)!;
            var file = r.GetValue(output)!;
            var db = session.Db;
            var planRow = await db.Plans.AsNoTracking().Where(p => p.Code == code).Select(p => new { p.Id, p.EndYear }).FirstOrDefaultAsync(ct)
                ?? throw CliException.Invalid("Report.PlanNotFound", code);
            var reportYear = annual ? r.GetValue(year) : r.GetValue(year) is > 0 and var y ? y : planRow.EndYear;
            var (bytes, sections, tables, figures) = (Array.Empty<byte>(), 0, 0, 0);
            await cli.Console.ProgressAsync(CliText.Format("Report.Progress", code, reportYear), 3, async step =>
            {
                step(CliText.Get("Report.Step.Load"));
                var data = await session.Get<IReportSource>().LoadAsync(code, kind, reportYear, ct)
                    ?? throw CliException.Invalid("Report.PlanNotFound", code);
                var latest = await db.Reports.AsNoTracking().Where(x => x.PlanId == planRow.Id && x.Kind == kind && x.Year == reportYear)
                    .OrderByDescending(x => x.VersionNumber).Select(x => new { x.VersionNumber, x.Status }).FirstOrDefaultAsync(ct);
                step(CliText.Get("Report.Step.Build"));
                var images = fmt switch { "docx" => ReportImageFormats.Png, "html" => ReportImageFormats.Svg, _ => ReportImageFormats.Png };
                var model = ReportBuilder.Build(data, new ReportBuildOptions(kind, reportYear, lang, latest?.VersionNumber ?? 1,
                    ReportText.Get(lang, "ReportStatus." + (latest?.Status ?? ReportWorkflowStatus.Draft)), db.UtcNow, null,
                    fmt is "docx" or "html" ? session.Get<IReportChartRenderer>() : null, Images: images));
                step(CliText.Get("Report.Step.Write"));
                bytes = fmt switch
                {
                    "docx" => DocxReportWriter.Write(model),
                    "html" => HtmlReportWriter.Write(model),
                    "xlsx" => XlsxReportWriter.Write(model),
                    _ => [],
                };
                sections = model.Sections.Count;
                tables = model.AllTables().Count();
                figures = model.Sections.Sum(s => s.Blocks.OfType<ReportFigure>().Count());
                if (fmt == "csv")
                {
                    Directory.CreateDirectory(file.FullName);
                    var n = 0;
                    foreach (var t in model.AllTables())
                    {
                        var name = $"{++n:D4}-{Safe(t.Key)}.csv";
                        await File.WriteAllBytesAsync(Path.Combine(file.FullName, name), CsvTableWriter.Write(t), ct);
                    }
                }
            });
            if (fmt != "csv")
            {
                var temporary = file.FullName + ".partial";
                await File.WriteAllBytesAsync(temporary, bytes, ct);
                File.Move(temporary, file.FullName, overwrite: true);
            }
            cli.Console.Out.WriteLine(CliText.Format("Report.Done", file.FullName, sections, tables, figures));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Safe(string key) => new(key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_').ToArray());

    private static Command Iati(CliContext cli)
    {
        var plan = new Option<string>("--plan") { Description = CliText.Get("Report.Plan"), Required = true, HelpName = "CODE" };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = CliText.Get("Export.Iati.Output"), Required = true, HelpName = "DIR" };
        var command = new Command("iati", CliText.Get("Export.Iati.Description")) { plan, output };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var code = r.GetValue(plan)!.Trim();
            var dir = r.GetValue(output)!;
            IatiFiles? files = null;
            await cli.Console.ProgressAsync(CliText.Format("Export.Iati.Progress", code), 2, async step =>
            {
                step(CliText.Get("Report.Step.Load"));
                files = await session.Get<IatiExport>().ExportAsync(code, ct);
                step(CliText.Get("Report.Step.Write"));
                Directory.CreateDirectory(dir.FullName);
                await File.WriteAllBytesAsync(Path.Combine(dir.FullName, files.OrganisationFileName), files.Organisation, ct);
                await File.WriteAllBytesAsync(Path.Combine(dir.FullName, files.ActivitiesFileName), files.Activities, ct);
            });
            cli.Console.Out.WriteLine(CliText.Format("Export.Iati.Done", dir.FullName, files!.ActivityCount, files.Year));
            return ExitCodes.Ok;
        });
        return command;
    }
}
