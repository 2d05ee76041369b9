using System.Text;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace Cadre.Browser.Tests.Infrastructure;

/// <summary>
/// One test: a fresh app (its own database and users) and a fresh browser context.
/// Every page the journey reaches is checked with axe (<see cref="AxeCheck"/>); a violation does not stop the
/// journey, so that one run reports every page, but the test fails when it ends if any page had one. The test
/// also fails on any warning or error the app logged that it did not expect, and on any error the browser
/// reported (a script error, a failed resource, a Content-Security-Policy violation).
/// Screenshots of failures and of pages with violations go to bin/.../screenshots.
/// </summary>
public abstract class BrowserTest(BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<string> _browserProblems = [];
    private readonly List<AxeFinding> _axeFindings = [];
    private readonly HashSet<string> _screenshotted = new(StringComparer.Ordinal);
    private CadreApp? _app;
    private IBrowserContext? _context;
    private IPage? _page;

    protected CadreApp App => _app ?? throw new InvalidOperationException("The app is not started.");
    protected IPage Page => _page ?? throw new InvalidOperationException("The page is not open.");

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        _app = await CadreApp.StartAsync(Cancel);
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            // The journeys start in English whatever the machine's language; the switch is tested explicitly.
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        _context.SetDefaultTimeout(30_000);
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error") Problem($"console error on {_page.Url}: {message.Text} (source: {message.Location})");
        };
        _page.PageError += (_, error) => Problem($"script error on {_page.Url}: {error}");
        _page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Request.IsNavigationRequest)
            {
                Problem($"{response.Request.Method} {response.Url} answered {response.Status} (a resource of {_page.Url})");
            }
        };
        _page.RequestFailed += (_, request) => Problem($"{request.Method} {request.Url} failed: {request.Failure}");
    }

    private void Problem(string text)
    {
        lock (_browserProblems) _browserProblems.Add(text);
    }

    public async ValueTask DisposeAsync()
    {
        var failed = TestContext.Current.TestState?.Result == TestResult.Failed;
        if (failed && _page is not null) await ScreenshotAsync("failure");
        if (_context is not null) await _context.DisposeAsync();

        IReadOnlyList<LogEntry> unexpected = [];
        if (_app is not null)
        {
            await _app.DisposeAsync();
            unexpected = _app.Logs.Unexpected();
            foreach (var entry in _app.Logs.Entries) TestContext.Current.TestOutputHelper?.WriteLine("app log: " + entry);
        }
        foreach (var p in _browserProblems) TestContext.Current.TestOutputHelper?.WriteLine("browser: " + p);

        if (unexpected.Count == 0 && _browserProblems.Count == 0 && _axeFindings.Count == 0) return;
        var text = new StringBuilder();
        if (_axeFindings.Count > 0) text.AppendLine(AxeCheck.Describe(_axeFindings));
        if (unexpected.Count > 0)
        {
            text.AppendLine($"The app logged {unexpected.Count} unexpected warning(s) or error(s):");
            foreach (var e in unexpected) text.AppendLine("- " + e);
        }
        if (_browserProblems.Count > 0)
        {
            text.AppendLine($"The browser reported {_browserProblems.Count} error(s):");
            foreach (var p in _browserProblems) text.AppendLine("- " + p);
        }
        // When the journey itself failed, xunit reports this next to that failure.
        throw new XunitException(text.ToString());
    }

    private async Task ScreenshotAsync(string what)
    {
        try
        {
            Directory.CreateDirectory(ScreenshotFolder);
            var name = $"{GetType().Name}.{TestContext.Current.TestMethod?.MethodName}.{what}";
            foreach (var c in Path.GetInvalidFileNameChars().Append(' ').Append(',')) name = name.Replace(c, '_');
            var path = Path.Combine(ScreenshotFolder, name[..Math.Min(name.Length, 180)] + ".png");
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot ({what}): {path} (at {Page.Url})");
        }
        catch (PlaywrightException e)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"No screenshot ({what}): {e.Message}");
        }
    }

    /// <summary>Runs axe on the page as it is now; violations are kept (with a screenshot) and fail the test at its end.</summary>
    protected async Task CheckAccessibilityAsync(string state)
    {
        if (await Page.FindViolationsAsync(state) is { } finding)
        {
            _axeFindings.Add(finding);
            // One screenshot per new problem, not one per page that repeats the layout's.
            var keys = finding.Violations.SelectMany(v => v.Nodes.Select(n => v.RuleId + " " + n.Target)).ToList();
            if (keys.Any(k => _screenshotted.Add(k))) await ScreenshotAsync("axe " + state);
        }
    }

    /// <summary>Opens a page by its path, checks that it answered without error, and runs axe on it.</summary>
    protected async Task OpenAsync(string path, string state)
    {
        var response = await Page.GotoAsync(path);
        Assert.True(response is not null, $"No response for {path}");
        Assert.True(response!.Ok, $"{path} answered {response.Status} {response.StatusText} (expected success) while opening {state}.");
        await CheckAccessibilityAsync(state);
    }

    /// <summary>
    /// Runs an action that navigates (a link, a form post), waits until the new document has loaded, checks that
    /// it answered without error, and runs axe on it.
    /// </summary>
    protected async Task NavigateAsync(Func<Task> action, string state)
    {
        IResponse? last = null;
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnResponse(object? sender, IResponse r)
        {
            if (r.Request.IsNavigationRequest && r.Frame == Page.MainFrame) last = r;
        }
        void OnLoad(object? sender, IPage p) => loaded.TrySetResult();
        Page.Response += OnResponse;
        Page.Load += OnLoad;
        try
        {
            await action();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(60), Cancel);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No new page loaded within 60 s while reaching {state} (still at {Page.Url}).");
        }
        finally
        {
            Page.Response -= OnResponse;
            Page.Load -= OnLoad;
        }
        Assert.True(last is not null, $"No document response while reaching {state}.");
        Assert.True(last!.Status < 400, $"{last.Url} answered {last.Status} {last.StatusText} while reaching {state}.");
        await CheckAccessibilityAsync(state);
    }

    /// <summary>The page's language and direction, from the html element.</summary>
    protected async Task<(string? Lang, string? Dir)> DocumentLanguageAsync()
    {
        var html = Page.Locator("html");
        return (await html.GetAttributeAsync("lang"), await html.GetAttributeAsync("dir"));
    }

    /// <summary>Switches the interface language with the form in the layout, labelled in the current language.</summary>
    protected async Task SwitchLanguageAsync(string fromLanguage, string toLanguage, string state)
    {
        var select = Page.GetByLabel(UiText.Shared("Layout.Language", fromLanguage), new() { Exact = true });
        await select.SelectOptionAsync(toLanguage);
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Shared("Layout.ChangeLanguage", fromLanguage), Exact = true }).ClickAsync(), state);
        var (lang, _) = await DocumentLanguageAsync();
        Assert.Equal(toLanguage, lang);
    }

    /// <summary>Signs in with the sign-in page (reached from the layout's link) and comes back to the page it started from.</summary>
    protected async Task SignInAsync(TestUser user, string language = "en")
    {
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = UiText.Shared("Layout.SignIn", language), Exact = true }).ClickAsync(),
            $"sign-in page ({language})");
        await Page.GetByLabel(UiText.Account("Login.Email", language), new() { Exact = true }).FillAsync(user.Email);
        await Page.GetByLabel(UiText.Account("Login.Password", language), new() { Exact = true }).FillAsync(user.Password);
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Account("Login.Submit", language), Exact = true }).ClickAsync(),
            $"first page after signing in as {user.Role} ({language})");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = UiText.Shared("Layout.SignOut", language), Exact = true })).ToBeVisibleAsync();
    }
}
