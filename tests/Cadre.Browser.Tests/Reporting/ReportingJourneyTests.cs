using System.Globalization;
using System.Text.RegularExpressions;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Finance;
using Cadre.Core.Finance.Handlers;
using Cadre.Core.Governance;
using Cadre.Core.Identity;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Cadre.Core.Results;
using Cadre.Core.Results.Handlers;
using Cadre.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Reporting;

/// <summary>
/// The journey of issue 7: a Planner creates the annual report of a plan, writes a narrative, generates the HTML
/// (the worker is run directly: no waiting on timers), reads the generated report page, submits it; a Councillor
/// records Council's decision; the Planner publishes it and a Member's Delegate finds the notification; the
/// public reads it without an account. Every Reporting page and the notifications are checked with axe in
/// English and French, the generated report page included.
/// </summary>
public sealed partial class ReportingJourneyTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string PlanCode = "BT-REP";
    private static readonly TestUser Councillor = new("councillor@browser.test", "maple-orbit-harvest-3851", Roles.Councillor);
    private static readonly TestUser MemberDelegate = new("delegate.fra@browser.test", "cobalt-river-meadow-9264", Roles.Delegate);

    private static string R(string key, string language = "en") => UiText.Get("ReportingText", key, language);

    private static string R(string key, string language, params object[] args) => UiText.Format("ReportingText", key, language, args);

    private async Task SignOutAsync(string language = "en") =>
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Shared("Layout.SignOut", language), Exact = true }).ClickAsync(), "signed out");

    private Task RunWorkerAsync() => App.Services.GetRequiredService<ReportWorker>().ProcessPendingAsync(Cancel);

    [Fact]
    public async Task A_report_is_created_generated_taken_through_Council_published_and_read_by_the_public_in_English_and_French()
    {
        var planId = await SeedAsync();

        // The Planner creates the draft (with a failed first attempt, to check the errors are announced).
        await OpenAsync("/", "home page, signed out");
        await SignInAsync(CadreApp.Planner);
        await OpenAsync("/Reporting", "reports, empty");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = R("Index.Create"), Exact = true }).ClickAsync(), "new report form");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = R("Create.Submit"), Exact = true }).ClickAsync(), "new report form with errors");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Page.GetByLabel(R("Field.Plan"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{PlanCode} · Reporting test plan (2024-2027)" });
        await Page.GetByLabel(R("Field.Year"), new() { Exact = true }).FillAsync("2025");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = R("Create.Submit"), Exact = true }).ClickAsync(), "report page, new draft");
        var reportId = int.Parse(ReportUrl().Match(Page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(R("Report.TitleAnnual", "en", PlanCode, 2025, 1));
        await Assertions.Expect(Page.GetByText(R("Status.Draft"), new() { Exact = true })).ToBeVisibleAsync();

        // A narrative, then the HTML in English and in French.
        await OpenAsync($"/Reporting/{reportId}/Narrative?section=summary&language=en", "narrative form");
        await Page.GetByLabel(R("Narrative.Field"), new() { Exact = true }).FillAsync("The year saw broad progress on connectivity.");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = R("Narrative.Save"), Exact = true }).ClickAsync(), "report page after saving a narrative");
        await Assertions.Expect(Page.GetByText(R("Narrative.Saved"))).ToBeVisibleAsync();
        var jobId = await GenerateAsync("Html", "en");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = R("Job.View"), Exact = true }).ClickAsync(), "generated HTML report page (preview), English");
        await Assertions.Expect(Page.GetByText("The year saw broad progress on connectivity.")).ToBeVisibleAsync();
        await OpenAsync($"/Reporting/{reportId}", "report page with a file");
        await GenerateAsync("Html", "fr");
        await OpenAsync($"/Reporting/{reportId}", "report page with two files");

        // Submit to Council.
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = R("Action.Submit"), Exact = true }).ClickAsync(), "submit confirmation");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = R("Submit.Confirm"), Exact = true }).ClickAsync(), "report page, submitted");
        await Assertions.Expect(Page.GetByText(R("Status.Submitted"), new() { Exact = true }).First).ToBeVisibleAsync();
        await SignOutAsync();

        // A Councillor records the decision.
        await SignInAsync(Councillor);
        await OpenAsync($"/Reporting/{reportId}", "report page, Councillor");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = R("Action.Decision"), Exact = true }).ClickAsync(), "decision form");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = R("Decision.Confirm"), Exact = true }).ClickAsync(), "decision form with errors");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Page.GetByLabel(R("Decision.Field"), new() { Exact = true }).FillAsync("Council took note of the report and thanked the secretariat.");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = R("Decision.Confirm"), Exact = true }).ClickAsync(), "report page, considered");
        await SwitchLanguageAsync("en", "fr", "report page, considered, French");
        await OpenAsync($"/Reporting/{reportId}/Decision", "decision form, French");
        await SwitchLanguageAsync("fr", "en", "decision form, back in English");
        await SignOutAsync();

        // The Planner publishes it.
        await SignInAsync(CadreApp.Planner);
        await OpenAsync($"/Reporting/{reportId}", "report page, considered, Planner");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = R("Action.Publish"), Exact = true }).ClickAsync(), "publish confirmation");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = R("Publish.Confirm"), Exact = true }).ClickAsync(), "report page, published");
        await Assertions.Expect(Page.GetByText(R("Publish.Done"))).ToBeVisibleAsync();
        await OpenAsync($"/Reporting/{reportId}/Correct", "correct confirmation");
        await OpenAsync($"/Reporting/{reportId}/NextPlan", "next plan form");
        await OpenAsync($"/Reporting?sort=status&desc=true", "reports, sorted by status");

        // The plan's open data: its IATI files, linked from its reports page (the draft plan's, for the secretariat).
        await OpenAsync($"/Reporting?plan={planId}", "reports of one plan, with its open data (IATI)");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = R("OpenData.Title"), Exact = true })).ToBeVisibleAsync();
        await DownloadAsync(R("OpenData.Zip") + " " + PlanCode, "application/zip", PlanCode + "-iati.zip");

        // The Planner's pages in French, ending with a correction (a new version).
        await SwitchLanguageAsync("en", "fr", "reports, French");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = R("OpenData.Title", "fr"), Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = R("OpenData.Activities", "fr") + " " + PlanCode, Exact = true })).ToBeVisibleAsync();
        await OpenAsync("/Reporting/Create", "new report form, French");
        await OpenAsync($"/Reporting/{reportId}", "report page, published, French");
        await OpenAsync($"/Reporting/{reportId}/Narrative?section=summary&language=fr", "narrative form, French");
        await OpenAsync($"/Reporting/{reportId}/Submit", "submit confirmation, French");
        await OpenAsync($"/Reporting/{reportId}/Publish", "publish confirmation, French");
        await OpenAsync($"/Reporting/{reportId}/NextPlan", "next plan form, French");
        await OpenAsync($"/Reporting/Jobs/{jobId}", "generation job, French");
        await OpenAsync($"/Reporting/Public/{reportId}", "generated HTML report page, French");
        await Assertions.Expect(Page.Locator("article[lang=fr] h1")).ToBeVisibleAsync();
        await OpenAsync($"/Reporting/{reportId}/Correct", "correct confirmation, French");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = R("Correct.Confirm", "fr"), Exact = true }).ClickAsync(), "report page, correction, French");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(R("Report.TitleAnnual", "fr", PlanCode, 2025, 2));
        await SwitchLanguageAsync("fr", "en", "report page, correction, English");
        await SignOutAsync();

        // The Member's Delegate was notified; the inbox in English and French.
        await SignInAsync(MemberDelegate);
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = R("Nav.Notifications"), Exact = false })).ToContainTextAsync("1");
        await OpenAsync("/Notifications", "notifications, one unread");
        await Assertions.Expect(Page.GetByRole(AriaRole.Cell, new() { Name = R("Notifications.Unread"), Exact = true })).ToBeVisibleAsync();
        await SwitchLanguageAsync("en", "fr", "notifications, French");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = R("Notifications.MarkAll", "fr"), Exact = true }).ClickAsync(), "notifications, all read, French");
        await Assertions.Expect(Page.GetByRole(AriaRole.Cell, new() { Name = R("Notifications.Read", "fr"), Exact = true })).ToBeVisibleAsync();
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = UiText.Core("Notification.ReportPublished", "fr").Replace("{0}", PlanCode, StringComparison.Ordinal).Replace("{1}", "2025", StringComparison.Ordinal).Replace("{2}", "1", StringComparison.Ordinal), Exact = true }).ClickAsync(),
            "published report page from the notification, French");
        await SwitchLanguageAsync("fr", "en", "published report page, English");
        await SignOutAsync();

        // The public reads the published report and its list without an account; the draft correction stays hidden.
        await OpenAsync($"/Reporting/Public/{reportId}", "published report page, anonymous");
        await Assertions.Expect(Page.GetByText("The year saw broad progress on connectivity.")).ToBeVisibleAsync();
        await OpenAsync("/Reporting", "reports, anonymous");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = R("Report.TitleAnnual", "en", PlanCode, 2025, 2), Exact = true })).ToHaveCountAsync(0);

        // The draft plan's open data is hidden from the public; once the plan is adopted, anyone downloads its IATI files.
        await Assertions.Expect(Page.GetByText(R("OpenData.None"), new() { Exact = true })).ToBeVisibleAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        await using (var db = App.CreateSystemDb(scope.ServiceProvider))
        {
            await new ChangePlanStatus(db).HandleAsync(new ChangePlanStatus.Request(planId, null, PlanStatus.Adopted, "Resolution 71"), Cancel);
        }
        await OpenAsync("/Reporting", "reports, anonymous, with the adopted plan's open data");
        var activities = await DownloadAsync(R("OpenData.Activities") + " " + PlanCode, "application/xml", PlanCode + "-activities.xml");
        Assert.Contains("<iati-activities", System.Text.Encoding.UTF8.GetString(activities), StringComparison.Ordinal);
        await DownloadAsync(R("OpenData.Organisation") + " " + PlanCode, "application/xml", PlanCode + "-organisation.xml");
        await SwitchLanguageAsync("en", "fr", "reports, anonymous, with the adopted plan's open data, French");
        await DownloadAsync(R("OpenData.Zip", "fr") + " " + PlanCode, "application/zip", PlanCode + "-iati.zip");
    }

    /// <summary>Fetches a link's file with the browser's session (Chromium reports a clicked download as an aborted
    /// request) and checks its status, content type and file name.</summary>
    private async Task<byte[]> DownloadAsync(string linkName, string contentType, string fileName)
    {
        var href = await Page.GetByRole(AriaRole.Link, new() { Name = linkName, Exact = true }).GetAttributeAsync("href");
        var download = await Page.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, download.Status);
        Assert.StartsWith(contentType, download.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains(fileName, download.Headers["content-disposition"], StringComparison.Ordinal);
        return await download.BodyAsync();
    }

    /// <summary>Asks for a file on the report page, runs the worker, reloads the job page and checks the file is there. Returns the job's id.</summary>
    private async Task<int> GenerateAsync(string format, string language)
    {
        await Page.Locator("#Format").SelectOptionAsync(format);
        await Page.Locator("#Language").SelectOptionAsync(language);
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = R("Generate.Submit"), Exact = true }).ClickAsync(), $"generation job, queued ({language})");
        var jobId = int.Parse(JobUrl().Match(Page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        await Assertions.Expect(Page.Locator("#job-status")).ToHaveTextAsync(R("Job.Status.Queued"));
        await RunWorkerAsync();
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = R("Job.Reload"), Exact = true }).ClickAsync(), $"generation job, done ({language})");
        await Assertions.Expect(Page.Locator("#job-status")).ToHaveTextAsync(R("Job.Status.Done"));
        return jobId;
    }

    /// <summary>The users, and the draft plan with a goal, an indicator and a financial plan (for its IATI files); returns the plan's id.</summary>
    private async Task<int> SeedAsync()
    {
        await App.CreateUserAsync(Councillor);
        await App.CreateUserAsync(MemberDelegate);
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = App.CreateSystemDb(scope.ServiceProvider);
        var plan = await new CreatePlan(db).HandleAsync(new CreatePlan.Request(PlanKind.Strategic, PlanCode,
            new Dictionary<string, string?> { ["en"] = "Reporting test plan", ["fr"] = "Plan de test des rapports" }, null, 2024, 2027), Cancel);
        var goal = await new CreateElement(db).HandleAsync(new CreateElement.Request(plan.Id, null, "goal", "1",
            new Dictionary<string, string?> { ["en"] = "Universal connectivity", ["fr"] = "Connectivité universelle" }), Cancel);
        // The report source refuses a plan without indicators, so the plan gets one.
        await new SaveIndicator(db).HandleAsync(new SaveIndicator.Request(null, plan.Id, goal.Id, "1.a",
            new Dictionary<string, string?> { ["en"] = "Individuals using the Internet", ["fr"] = "Personnes utilisant l'Internet" },
            Measure: Measure.Percentage, BaselineValue: 67, BaselineYear: 2023, EndTarget: 80), Cancel);
        var member = new Member { Code = "FRA", Name = new LocalizedText("France", "France"), Kind = MemberKind.MemberState };
        db.Members.Add(member);
        await db.SaveChangesAsync(Cancel);
        var user = await db.Users.SingleAsync(u => u.Email == MemberDelegate.Email, Cancel);
        user.MemberId = member.Id;
        await db.SaveChangesAsync(Cancel);
        await new SaveFinancialPlan(db).HandleAsync(new SaveFinancialPlan.Request(plan.Id, null, null,
            [.. Enumerable.Range(2024, 4).SelectMany(y => new[] { new SaveFinancialPlan.Line(LineKind.Revenue, "memberStates", y, 1000m), new SaveFinancialPlan.Line(LineKind.Expense, "GS", y, 1000m) })], []), Cancel);
        return plan.Id;
    }

    [GeneratedRegex(@"/Reporting/(\d+)")]
    private static partial Regex ReportUrl();

    [GeneratedRegex(@"/Reporting/Jobs/(\d+)")]
    private static partial Regex JobUrl();
}
