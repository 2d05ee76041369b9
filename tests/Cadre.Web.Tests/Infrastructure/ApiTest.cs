using System.Text.RegularExpressions;

namespace Cadre.Web.Tests.Infrastructure;

/// <summary>
/// Base of the HTTP test classes: the class's app and database (<see cref="CadreWebFactory"/>), and
/// after each test a check that the app logged no warning or error the test did not expect.
/// </summary>
public abstract class ApiTest(CadreWebFactory app) : IAsyncLifetime
{
    private readonly List<Func<LogRecord, bool>> _expected = [];
    private long _checkpoint;

    protected CadreWebFactory App { get; } = app;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Allows log entries at Warning or above whose category or message matches <paramref name="pattern"/> in this test.</summary>
    protected void ExpectLog(string pattern) =>
        _expected.Add(r => Regex.IsMatch(r.Category, pattern) || Regex.IsMatch(r.Message, pattern));

    public virtual ValueTask InitializeAsync()
    {
        _checkpoint = App.Logs.Checkpoint;
        return ValueTask.CompletedTask;
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        var unexpected = App.Logs.Since(_checkpoint)
            .Where(r => !CadreWebFactory.IsAlwaysAllowed(r) && !_expected.Any(e => e(r)))
            .ToList();
        if (unexpected.Count > 0)
        {
            Assert.Fail("The app logged warnings or errors this test did not expect (allow one with ExpectLog(pattern) if it is right):"
                + Environment.NewLine + string.Join(Environment.NewLine, unexpected));
        }
        return ValueTask.CompletedTask;
    }
}
