using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Cadre.Browser.Tests.Infrastructure;

/// <summary>One warning or error the app logged.</summary>
public sealed record LogEntry(LogLevel Level, string Category, EventId EventId, string Message, Exception? Exception)
{
    public override string ToString() =>
        $"{Level} {Category}[{EventId.Id}{(EventId.Name is null ? "" : ":" + EventId.Name)}]: {Message}{(Exception is null ? "" : Environment.NewLine + "    " + Exception.GetType().Name + ": " + Exception.Message)}";
}

/// <summary>
/// Collects every warning and error the app logs. A test names the ones it provokes on purpose with
/// <see cref="Expect"/>; any other one fails the test when it ends.
/// </summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly List<(string Reason, Func<LogEntry, bool> Match)> _expected = [];
    private readonly Lock _gate = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries.ToArray();

    /// <summary>Declares a warning or error the test provokes on purpose.</summary>
    public void Expect(string reason, Func<LogEntry, bool> match)
    {
        lock (_gate) _expected.Add((reason, match));
    }

    public IReadOnlyList<LogEntry> Unexpected()
    {
        lock (_gate)
        {
            return _entries.Where(e => !_expected.Any(x => x.Match(e))).ToList();
        }
    }

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Collector(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            owner._entries.Enqueue(new LogEntry(logLevel, category, eventId, formatter(state, exception), exception));
        }
    }
}
