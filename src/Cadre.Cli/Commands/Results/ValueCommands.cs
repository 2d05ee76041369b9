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
using Microsoft.Extensions.Caching.Memory;

namespace Cadre.Cli.Commands.Results;

/// <summary>
/// <c>cadre results values list|submit|approve|reject|correct</c>. Writes are made as the user named by
/// <c>--as</c>, with that user's roles: the Reporter of the indicator submits and corrects, a Validator
/// (never the submitter) approves or rejects, exactly as on the web.
/// </summary>
internal static class ValueCommands
{
    private static readonly string[] Statuses = [.. Enum.GetNames<ValueStatus>().Select(n => n.ToLowerInvariant())];

    public static Command Create(CliContext cli)
    {
        var values = new Command("values", CliText.Get("Results.Values.Description"));
        values.Subcommands.Add(List(cli));
        values.Subcommands.Add(Submit(cli));
        values.Subcommands.Add(Decide(cli, approve: true));
        values.Subcommands.Add(Decide(cli, approve: false));
        values.Subcommands.Add(Correct(cli));
        return values;
    }

    private static Option<string> AsOption(string key) =>
        new("--as") { Description = CliText.Get(key), Required = true, HelpName = "EMAIL" };

    /// <summary>A database context acting as the user with e-mail <paramref name="email"/>, holding <paramref name="role"/>.</summary>
    internal static async Task<CadreDbContext> ActingAsAsync(CliSession session, string email, string role)
    {
        email = email.Trim();
        var users = session.Get<UserManager<CadreUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new CliException(ExitCodes.Invalid, Messages.Format("Error.NotFound.User", email));
        if (user.IsDisabled) throw CliException.Invalid("Results.Values.UserDisabled", email);
        var roles = await users.GetRolesAsync(user);
        if (!roles.Contains(role)) throw CliException.Invalid("Results.Values.NotInRole", email, CliText.Get("Results.Role." + role));
        return new CadreDbContext(session.Get<DbContextOptions<CadreDbContext>>(), new FixedActor(user.Email ?? email, user.Id, [.. roles]), session.Get<TimeProvider>());
    }

    private static Evidence? EvidenceOf(string? url) => string.IsNullOrWhiteSpace(url) ? null : new Evidence(Url: url);

    private static decimal? ValueOf(string? text, string option) => text is null ? null : IndicatorCommands.ParseNumber(text, option);

    private static string Describe(ReportedValue v) => CliText.Format("Results.Values.Line", v.Id, v.Period, IndicatorCommands.Number(v.Value),
        CliText.Get("Results.ValueStatus." + v.Status), v.Revision);

    private static Command List(CliContext cli)
    {
        var plan = IndicatorCommands.PlanOption();
        var indicator = new Option<string?>("--indicator") { Description = CliText.Get("Results.Values.Indicator"), HelpName = "CODE" };
        var status = new Option<string?>("--status") { Description = CliText.Get("Results.Values.Status") }.AcceptOnlyFromAmong(Statuses);
        var json = new Option<bool>("--json") { Description = CliText.Get("Option.Json") };
        var command = new Command("list", CliText.Get("Results.Values.List.Description")) { plan, indicator, status, json };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var planId = await ResultsCommands.PlanIdAsync(session, r.GetValue(plan)!, ct);
            int? indicatorId = r.GetValue(indicator) is { } code ? await IndicatorCommands.IndicatorIdAsync(session, planId, code, ct) : null;
            ValueStatus? state = r.GetValue(status) is { } s ? Enum.Parse<ValueStatus>(s, ignoreCase: true) : null;
            var queries = session.Get<ResultsQueries>();
            var rows = new List<ValueRow>();
            for (var page = 1; ; page++)
            {
                var result = await queries.ListValuesAsync(planId, indicatorId, state, sort: ValueSort.Indicator, descending: false, page: page, pageSize: 200, ct: ct)
                    ?? throw new CliException(ExitCodes.Invalid, Messages.Format("Error.NotFound.Plan", r.GetValue(plan)!));
                rows.AddRange(result.Items);
                if (!result.HasNext) break;
            }
            if (r.GetValue(json))
            {
                cli.Console.Out.WriteLine(JsonSerializer.Serialize(rows.Select(v => new
                {
                    v.Id,
                    Indicator = v.IndicatorCode,
                    v.Period,
                    v.DimensionValue,
                    v.Value,
                    v.Text,
                    Status = v.Status.ToString().ToLowerInvariant(),
                    v.Revision,
                    v.IsLatest,
                    v.Reason,
                    v.RejectionReason,
                    v.SubmittedBy,
                    v.DecidedBy,
                }), CliJson.Options));
                return ExitCodes.Ok;
            }
            if (rows.Count == 0)
            {
                cli.Console.Out.WriteLine(CliText.Get("Results.Values.List.Empty"));
                return ExitCodes.Ok;
            }
            cli.Console.WriteTable(
                [CliText.Get("Results.Column.Id"), CliText.Get("Results.Column.Indicator"), CliText.Get("Results.Column.Period"), CliText.Get("Results.Column.Dimension"),
                 CliText.Get("Results.Column.Value"), CliText.Get("Results.Column.Status"), CliText.Get("Results.Column.Revision"), CliText.Get("Results.Column.SubmittedBy")],
                rows.Select(v => (IReadOnlyList<string>)[
                    v.Id.ToString(CultureInfo.InvariantCulture), v.IndicatorCode, v.Period, v.DimensionValue ?? "", IndicatorCommands.Number(v.Value),
                    CliText.Get("Results.ValueStatus." + v.Status) + (v.IsLatest ? "" : " " + CliText.Get("Results.Values.Superseded")),
                    v.Revision.ToString(CultureInfo.InvariantCulture), v.SubmittedBy]));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Submit(CliContext cli)
    {
        var plan = IndicatorCommands.PlanOption();
        var indicator = new Option<string>("--indicator") { Description = CliText.Get("Results.Values.Indicator"), Required = true, HelpName = "CODE" };
        var period = new Option<string>("--period") { Description = CliText.Get("Results.Values.Period"), Required = true, HelpName = "PERIOD" };
        var value = new Option<string?>("--value") { Description = CliText.Get("Results.Values.Value"), HelpName = "NUMBER" };
        var dimension = new Option<string?>("--dimension") { Description = CliText.Get("Results.Values.Dimension"), HelpName = "DIM:VALUE" };
        var text = new Option<string?>("--text") { Description = CliText.Get("Results.Values.Text"), HelpName = "TEXT" };
        var comment = new Option<string?>("--comment") { Description = CliText.Get("Results.Values.Comment"), HelpName = "TEXT" };
        var evidence = new Option<string?>("--evidence-url") { Description = CliText.Get("Results.Values.EvidenceUrl"), HelpName = "URL" };
        var reporter = AsOption("Results.Values.AsReporter");
        var command = new Command("submit", CliText.Get("Results.Values.Submit.Description")) { plan, indicator, period, value, dimension, text, comment, evidence, reporter };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var number = ValueOf(r.GetValue(value), value.Name);
            var planId = await ResultsCommands.PlanIdAsync(session, r.GetValue(plan)!, ct);
            var indicatorId = await IndicatorCommands.IndicatorIdAsync(session, planId, r.GetValue(indicator)!, ct);
            await using var db = await ActingAsAsync(session, r.GetValue(reporter)!, Roles.Reporter);
            var saved = await new SubmitValue(db).HandleAsync(new SubmitValue.Request(indicatorId, r.GetValue(period)!.Trim(), number, r.GetValue(dimension),
                r.GetValue(text), r.GetValue(comment), EvidenceOf(r.GetValue(evidence))), ct);
            cli.Console.Out.WriteLine(CliText.Format("Results.Values.Submitted", Describe(saved)));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Decide(CliContext cli, bool approve)
    {
        var id = new Argument<int>("ID") { Description = CliText.Get("Results.Values.Id") };
        var reason = new Option<string>("--reason") { Description = CliText.Get("Results.Values.RejectReason"), Required = true, HelpName = "TEXT" };
        var validator = AsOption("Results.Values.AsValidator");
        var command = new Command(approve ? "approve" : "reject", CliText.Get(approve ? "Results.Values.Approve.Description" : "Results.Values.Reject.Description")) { id, validator };
        if (!approve) command.Options.Add(reason);
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            await using var db = await ActingAsAsync(session, r.GetValue(validator)!, Roles.Validator);
            var decided = approve
                ? await new ApproveValue(db, new ProgressService(db, session.Get<IMemoryCache>())).HandleAsync(new ApproveValue.Request(r.GetValue(id)), ct)
                : await new RejectValue(db).HandleAsync(new RejectValue.Request(r.GetValue(id), r.GetValue(reason)!), ct);
            cli.Console.Out.WriteLine(CliText.Format(approve ? "Results.Values.Approved" : "Results.Values.Rejected", Describe(decided)));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Correct(CliContext cli)
    {
        var id = new Argument<int>("ID") { Description = CliText.Get("Results.Values.CorrectId") };
        var value = new Option<string?>("--value") { Description = CliText.Get("Results.Values.Value"), HelpName = "NUMBER" };
        var reason = new Option<string>("--reason") { Description = CliText.Get("Results.Values.CorrectReason"), Required = true, HelpName = "TEXT" };
        var text = new Option<string?>("--text") { Description = CliText.Get("Results.Values.Text"), HelpName = "TEXT" };
        var comment = new Option<string?>("--comment") { Description = CliText.Get("Results.Values.Comment"), HelpName = "TEXT" };
        var evidence = new Option<string?>("--evidence-url") { Description = CliText.Get("Results.Values.EvidenceUrl"), HelpName = "URL" };
        var reporter = AsOption("Results.Values.AsReporter");
        var command = new Command("correct", CliText.Get("Results.Values.Correct.Description")) { id, value, reason, text, comment, evidence, reporter };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var number = ValueOf(r.GetValue(value), value.Name);
            await using var db = await ActingAsAsync(session, r.GetValue(reporter)!, Roles.Reporter);
            var saved = await new CorrectValue(db).HandleAsync(new CorrectValue.Request(r.GetValue(id), number, r.GetValue(reason)!, r.GetValue(text),
                r.GetValue(comment), EvidenceOf(r.GetValue(evidence))), ct);
            cli.Console.Out.WriteLine(CliText.Format("Results.Values.Corrected", Describe(saved)));
            return ExitCodes.Ok;
        });
        return command;
    }
}
