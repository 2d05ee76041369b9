using System.Globalization;
using System.Resources;

namespace Cadre.Cli.Infrastructure;

/// <summary>What the CLI says to people, in English and French (Resources/CliText.resx and CliText.fr.resx).</summary>
public static class CliText
{
    private static readonly ResourceManager Resources = new("Cadre.Cli.Resources.CliText", typeof(CliText).Assembly);

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), args);

    internal static ResourceManager Manager => Resources;
}

/// <summary>Process exit codes of <c>cadre</c> (docs/cli.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The input broke a rule (validation, business error); nothing was stored.</summary>
    public const int Invalid = 1;
    /// <summary>Bad usage or an unusable environment: unknown options, missing or unreachable database.</summary>
    public const int Usage = 2;
    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}

/// <summary>A failure the CLI explains in one sentence, with the exit code it ends with.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException Usage(string key, params object?[] args) => new(ExitCodes.Usage, CliText.Format(key, args));

    public static CliException Invalid(string key, params object?[] args) => new(ExitCodes.Invalid, CliText.Format(key, args));
}
