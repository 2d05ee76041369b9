using Spectre.Console;

namespace Cadre.Cli.Infrastructure;

/// <summary>
/// The streams a run of <c>cadre</c> reads and writes. Results go to <see cref="Out"/>, messages and
/// progress to <see cref="Error"/>, so that <c>cadre planning export &gt; plan.json</c> stays clean.
/// Spectre widgets (progress, secret prompts) are used only when a person is at a terminal.
/// </summary>
public sealed class CliConsole(TextReader input, TextWriter output, TextWriter error, bool inputIsTerminal = false, bool outputIsTerminal = false)
{
    private IAnsiConsole? _ansiOut;
    private IAnsiConsole? _ansiError;

    public TextReader In { get; } = input;
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;
    public bool InputIsTerminal { get; } = inputIsTerminal;
    public bool OutputIsTerminal { get; } = outputIsTerminal;

    public static CliConsole FromSystemConsole() =>
        new(Console.In, Console.Out, Console.Error, !Console.IsInputRedirected, !Console.IsOutputRedirected);

    private IAnsiConsole AnsiOut => _ansiOut ??= AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Out) });

    /// <summary>Prompts go to standard error so that they show even when standard output is redirected.</summary>
    private IAnsiConsole AnsiError => _ansiError ??= AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Error) });

    /// <summary>Asks for a secret at the terminal without echoing it.</summary>
    public Task<string> PromptSecretAsync(string label, CancellationToken ct) =>
        new TextPrompt<string>(Markup.Escape(label)).Secret().ShowAsync(AnsiError, ct);

    /// <summary>
    /// Runs work made of <paramref name="total"/> known steps: a progress bar at a terminal, one line per
    /// step on standard error otherwise. The work calls the callback as each step starts.
    /// </summary>
    public async Task ProgressAsync(string title, int total, Func<Action<string>, Task> work)
    {
        if (!OutputIsTerminal)
        {
            var n = 0;
            await work(step => Error.WriteLine($"[{++n}/{total}] {step}"));
            return;
        }
        await AnsiOut.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: Math.Max(total, 1));
                var started = false;
                await work(step =>
                {
                    if (started) task.Increment(1);
                    started = true;
                    task.Description = Markup.Escape(step);
                });
                task.Value = task.MaxValue;
            });
    }

    /// <summary>Runs work of unknown length: a spinner with the current stage at a terminal, plain lines otherwise.</summary>
    public async Task<T> StatusAsync<T>(string title, Func<Action<string>, Task<T>> work)
    {
        if (!OutputIsTerminal)
        {
            Error.WriteLine(title);
            return await work(stage => Error.WriteLine(stage));
        }
        return await AnsiOut.Status().StartAsync(Markup.Escape(title), ctx => work(stage => ctx.Status(Markup.Escape(stage))));
    }

    /// <summary>A table: Spectre's at a terminal, tab-free aligned columns otherwise (easy to read and to cut).</summary>
    public void WriteTable(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.ToList();
        if (OutputIsTerminal)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in headers) table.AddColumn(Markup.Escape(h));
            foreach (var r in all) table.AddRow(r.Select(Markup.Escape).ToArray());
            AnsiOut.Write(table);
            return;
        }
        var widths = headers.Select((h, i) => all.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        Out.WriteLine(Line(headers, widths));
        foreach (var r in all) Out.WriteLine(Line(r, widths));
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
