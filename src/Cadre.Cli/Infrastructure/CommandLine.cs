using System.CommandLine;
using System.CommandLine.Help;

namespace Cadre.Cli.Infrastructure;

/// <summary>Parsing and invocation with Cadre's exit codes: usage errors end with 2, not System.CommandLine's 1.</summary>
internal static class CommandLine
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, CliConsole console, bool handleSignals, CancellationToken ct)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var error in parse.Errors) console.Error.WriteLine(error.Message);
            console.Error.WriteLine(CliText.Format("Error.SeeHelp", CommandPath(parse.CommandResult.Command)));
            return ExitCodes.Usage;
        }
        var config = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };
        if (!handleSignals) config.ProcessTerminationTimeout = null;
        return await parse.InvokeAsync(config, ct);
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c is RootCommand ? "cadre" : c.Name);
        }
        return string.Join(' ', names);
    }
}
