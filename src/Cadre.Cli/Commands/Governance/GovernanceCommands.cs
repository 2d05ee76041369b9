using System.CommandLine;
using System.Text.Json;
using Cadre.Cli.Infrastructure;
using Cadre.Core.Governance;

namespace Cadre.Cli.Commands.Governance;

/// <summary><c>cadre governance</c>: document symbols (no database needed).</summary>
public static class GovernanceCommands
{
    public static Command Create(CliContext cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var governance = new Command("governance", CliText.Get("Governance.Description"));
        governance.Subcommands.Add(Symbol(cli));
        return governance;
    }

    private static Command Symbol(CliContext cli)
    {
        var symbol = new Argument<string>("SYMBOL") { Description = CliText.Get("Governance.Symbol.Argument") };
        var command = new Command("symbol", CliText.Get("Governance.Symbol.Description")) { symbol };
        cli.SetAction(command, (r, ct) =>
        {
            ct.ThrowIfCancellationRequested();
            var text = r.GetValue(symbol);
            if (!SymbolGrammar.TryParse(text, out var parsed, out var error))
            {
                throw CliException.Invalid("Governance.Symbol.Invalid", text, error);
            }
            var parts = new
            {
                Symbol = parsed!.ToString(),
                parsed.BaseSymbol,
                parsed.Body,
                parsed.Year,
                parsed.Meeting,
                Series = parsed.Series.ToString(),
                parsed.Number,
                parsed.Revision,
                parsed.Addendum,
                parsed.Corrigendum,
                parsed.Language,
                LanguageCode = parsed.Language is null ? null : SymbolGrammar.LanguageSuffixes[parsed.Language],
            };
            cli.Console.Out.WriteLine(JsonSerializer.Serialize(parts, CliJson.Options));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
