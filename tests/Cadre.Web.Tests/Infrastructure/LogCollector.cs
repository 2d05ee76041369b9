using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Cadre.Web.Tests.Infrastructure;

public sealed record LogRecord(long Sequence, string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)
{
    public override string ToString() =>
        $"[{Level}] {Category} ({EventId.Id}{(EventId.Name is null ? "" : " " + EventId.Name)}): {Message}{(Exception is null ? "" : Environment.NewLine + "    " + Exception.GetType().Name + ": " + Exception.Message)}";
}

/// <summary>
/// Keeps every entry the app logs at Warning or above, so that a test fails when the app warned or
/// failed in a way the test did not expect (OrchardCore's functional tests do the same).
/// </summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();
    private long _sequence;

    public long Checkpoint => Interlocked.Read(ref _sequence);

    public IReadOnlyList<LogRecord> Since(long checkpoint) => _records.Where(r => r.Sequence > checkpoint).OrderBy(r => r.Sequence).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var seq = Interlocked.Increment(ref owner._sequence);
            owner._records.Enqueue(new LogRecord(seq, category, logLevel, eventId, formatter(state, exception), exception));
        }
    }
}
