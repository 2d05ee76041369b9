using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Results;

/// <summary>
/// The journey of issue 3: a Planner defines an indicator; a Reporter imports a spreadsheet with one bad row,
/// reads the error, fixes the file and imports it; a Validator rejects one value and approves the other, and the
/// dashboard changes. Every Results page is checked with axe on the way, in English and in French.
/// </summary>
public sealed partial class ResultsJourneyTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string PlanCode = "BT-RES";
    private const string IndicatorCode = "BT1";

    private static string R(string key, string language = "en") => UiText.Get("ResultsText", key, language);

    private static string R(string key, string language, params object[] args) => UiText.Format("ResultsText", key, language, args);

    [Fact]
    public async Task A_spreadsheet_with_a_bad_row_is_fixed_imported_approved_and_the_dashboard_changes_in_English_and_French()
    {
        var (planId, goalId) = await SeedPlanAsync();

        // The Planner defines the indicator.
        await OpenAsync("/", "home page, signed out");
        await SignInAsync(CadreApp.Planner);
        await OpenAsync($"/Results/Plans/{planId}/Indicators", "indicators of a plan, empty");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = R("Indicators.New"), Exact = true }).ClickAsync(), "new indicator form, empty");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = R("IndicatorCreate.Submit"), Exact = true }).ClickAsync(), "new indicator form with errors");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Page.GetByLabel(R("Indicator.Element"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "1 Universal connectivity" });
        await Page.GetByLabel(R("Indicator.Code"), new() { Exact = true }).FillAsync(IndicatorCode);
        await Page.Locator("#Input_Name_en").FillAsync("Individuals using the Internet");
        await Page.Locator("#Input_Name_fr").FillAsync("Personnes utilisant l'internet");
        await Page.GetByLabel(R("Indicator.Measure"), new() { Exact = true }).SelectOptionAsync("Percentage");
        await Page.GetByLabel(R("Indicator.BaselineValue"), new() { Exact = true }).FillAsync("53");
        await Page.GetByLabel(R("Indicator.BaselineYear"), new() { Exact = true }).FillAsync("2023");
        await Page.GetByLabel(R("Indicator.EndTarget"), new() { Exact = true }).FillAsync("80");
        await Page.GetByLabel(R("Form.TargetsField"), new() { Exact = true }).FillAsync("2024; 60\n2025; 66");
        await Page.GetByLabel(R("Indicator.Weight"), new() { Exact = true }).FillAsync("1");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = R("IndicatorCreate.Submit"), Exact = true }).ClickAsync(), "indicator page after creating it");
        var indicatorId = int.Parse(IndicatorUrl().Match(Page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(IndicatorCode);
        await Assertions.Expect(Page.GetByRole(AriaRole.Img).First).ToBeVisibleAsync();
        await OpenAsync($"/Results/Indicators/{indicatorId}/Edit", "edit indicator");
        await OpenAsync($"/Results/Indicators/{indicatorId}/Delete", "delete indicator, confirmation");
        await OpenAsync($"/Results/Plans/{planId}/Indicators?q=BT&sort=name&dir=desc", "indicators of a plan, searched and sorted");
        // The Planner adds a custom dimension with a value, and changes the plan's status thresholds.
        await OpenAsync($"/Results/Plans/{planId}/Dimensions", "dimensions of a plan");
        await Assertions.Expect(Page.GetByRole(AriaRole.Rowheader, new() { Name = "itu-region", Exact = true })).ToBeVisibleAsync();
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = R("Dimensions.New"), Exact = true }).ClickAsync(), "new dimension form");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("PlanningText", "Save", "en"), Exact = true }).ClickAsync(), "new dimension form with errors");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Page.Locator("#Input_Code").FillAsync("age-group");
        await Page.Locator("#Input_Name_en").FillAsync("Age group");
        await Page.Locator("#Input_Name_fr").FillAsync("Tranche d'âge");
        await Page.Locator("#Input_Values_0__Code").FillAsync("youth");
        await Page.Locator("#Input_Values_0__Name_en").FillAsync("Youth (15-24)");
        await Page.Locator("#Input_Values_0__Name_fr").FillAsync("Jeunes (15-24 ans)");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("PlanningText", "Save", "en"), Exact = true }).ClickAsync(), "dimensions of a plan after adding one");
        await Assertions.Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "age-group" })).ToContainTextAsync("Youth (15-24)");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = UiText.Get("PlanningText", "Edit", "en") + " age-group" }).ClickAsync(), "edit a dimension");
        await Assertions.Expect(Page.Locator("#Input_Values_0__Code")).ToHaveValueAsync("youth");
        await OpenAsync($"/Results/Plans/{planId}/Settings", "status thresholds");
        await Page.GetByLabel(R("Settings.OnTrack"), new() { Exact = true }).FillAsync("ninety");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("PlanningText", "Save", "en"), Exact = true }).ClickAsync(), "status thresholds with an error");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(R("Settings.NotAPercentage"));
        await Page.GetByLabel(R("Settings.OnTrack"), new() { Exact = true }).FillAsync("95");
        await Page.GetByLabel(R("Settings.AtRisk"), new() { Exact = true }).FillAsync("50");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("PlanningText", "Save", "en"), Exact = true }).ClickAsync(), "plan dashboard after changing the thresholds");
        await Assertions.Expect(Page.Locator(".res-thresholds").First).ToContainTextAsync("95%");
        await Assertions.Expect(Page.Locator(".res-thresholds").First).ToContainTextAsync("50%");
        // The Planner's pages in French.
        await SwitchLanguageAsync("en", "fr", "indicators, French");
        await OpenAsync($"/Results/Plans/{planId}/Indicators/Create", "new indicator form, French");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(R("IndicatorCreate.Title", "fr", PlanCode));
        await OpenAsync($"/Results/Indicators/{indicatorId}/Edit", "edit indicator, French");
        await OpenAsync($"/Results/Indicators/{indicatorId}/Delete", "delete indicator, French");
        await OpenAsync($"/Results/Plans/{planId}/Dimensions", "dimensions of a plan, French");
        await OpenAsync($"/Results/Plans/{planId}/Dimensions/Edit", "new dimension form, French");
        await OpenAsync($"/Results/Plans/{planId}/Dimensions/Edit?code=age-group", "edit a dimension, French");
        await OpenAsync($"/Results/Plans/{planId}/Settings", "status thresholds, French");
        await SwitchLanguageAsync("fr", "en", "delete indicator, back in English");
        await SignOutAsync();

        // The Reporter imports a file with one bad row, reads the error, fixes it and imports.
        await SignInAsync(CadreApp.Reporter);
        await OpenAsync("/Results/MyWork", "my work, reporter");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = IndicatorCode, Exact = true })).ToBeVisibleAsync();
        await OpenAsync($"/Results/Plans/{planId}/Import", "import page, empty");
        await UploadAsync(Csv(("2024", "58"), ("2025", "sixty-four")), R("Import.Check"), "import preview with one bad row");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = R("Import.HasErrors", "en", 1, 2) })).ToBeVisibleAsync();
        var badRow = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "sixty-four" });
        await Assertions.Expect(badRow.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = R("Import.Commit", "en", 2) })).ToHaveCountAsync(0);
        await UploadAsync(Csv(("2024", "58"), ("2025", "64")), R("Import.Check"), "import preview, fixed");
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = R("Import.NoErrors", "en", 2) })).ToBeVisibleAsync();
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = R("Import.Commit", "en", 2), Exact = true }).ClickAsync(), "import page after importing");
        await Assertions.Expect(Page.GetByText(R("Import.Done", "en", 2, "values.csv"))).ToBeVisibleAsync();
        await OpenAsync($"/Results/Indicators/{indicatorId}", "indicator page with provisional values");
        await Assertions.Expect(Page.GetByRole(AriaRole.Cell, new() { Name = R("ValueStatus.Provisional"), Exact = true })).ToHaveCountAsync(2);
        await SignOutAsync();

        // The dashboard before validation: no data.
        await SignInAsync(CadreApp.Validator);
        await OpenAsync($"/Results/Plans/{planId}/Dashboard?asOf=2025", "plan dashboard, before validation");
        var panel = Page.GetByRole(AriaRole.Article).Filter(new() { HasText = IndicatorCode });
        await Assertions.Expect(panel.Locator(".res-status")).ToHaveTextAsync(R("Status.NoData"));

        // The Validator rejects 2024 with a reason and approves 2025.
        await OpenAsync("/Results/MyWork", "my work, validator");
        await Assertions.Expect(Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row)).ToHaveCountAsync(3); // header and two values
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = IndicatorCode, Exact = true }).First.ClickAsync(), "indicator page, validator");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = R("Value.Reject") + " 2024" }).ClickAsync(), "reject a value");
        var rejectUrl = Page.Url;
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = R("Reject.Submit"), Exact = true }).ClickAsync(), "reject a value without a reason");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await SwitchLanguageAsync("en", "fr", "reject a value, French");
        await SwitchLanguageAsync("fr", "en", "reject a value, back in English");
        Assert.Equal(rejectUrl, Page.Url);
        await Page.GetByLabel(R("Value.RejectionReason"), new() { Exact = true }).FillAsync("The survey covered only urban areas.");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = R("Reject.Submit"), Exact = true }).ClickAsync(), "indicator page after the rejection");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = R("Value.Approve") + " 2025" }).ClickAsync(), "indicator page after the approval");
        await Assertions.Expect(Page.GetByRole(AriaRole.Cell, new() { Name = R("ValueStatus.Validated"), Exact = true })).ToHaveCountAsync(1);
        await Assertions.Expect(Page.GetByRole(AriaRole.Cell, new() { Name = R("ValueStatus.Rejected"), Exact = true })).ToHaveCountAsync(1);

        // The dashboard after validation: 64% against 66% expected in 2025 from the baseline 53 (achievement 0.85, at risk).
        await OpenAsync($"/Results/Plans/{planId}/Dashboard?asOf=2025", "plan dashboard, after validation");
        panel = Page.GetByRole(AriaRole.Article).Filter(new() { HasText = IndicatorCode });
        await Assertions.Expect(panel.Locator(".res-status")).Not.ToHaveTextAsync(R("Status.NoData"));
        await Assertions.Expect(panel.GetByRole(AriaRole.Row).Filter(new() { HasText = "2025" })).ToContainTextAsync("64");
        await Assertions.Expect(panel.GetByRole(AriaRole.Img)).ToHaveCountAsync(1);
        await OpenAsync($"/Results/Elements/{goalId}/Dashboard?asOf=2025", "element dashboard");
        await Assertions.Expect(Page.Locator("#element-formula")).ToContainTextAsync(IndicatorCode);
        await SignOutAsync();

        // The Reporter corrects the validated value; then the Reporter's pages in French.
        await SignInAsync(CadreApp.Reporter);
        await OpenAsync($"/Results/Indicators/{indicatorId}", "indicator page, reporter, after validation");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = R("Value.Correct") + " 2025" }).ClickAsync(), "correct a value");
        await SwitchLanguageAsync("en", "fr", "correct a value, French");
        await OpenAsync($"/Results/Indicators/{indicatorId}", "indicator page, French");
        await OpenAsync($"/Results/Plans/{planId}/Indicators", "indicators of a plan, French");
        await OpenAsync($"/Results/Plans/{planId}/Import", "import page, French");
        await OpenAsync("/Results/MyWork", "my work, French");
        await OpenAsync($"/Results/Plans/{planId}/Dashboard?asOf=2025", "plan dashboard, French");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(R("Dashboard.PlanTitle", "fr", PlanCode));
        await OpenAsync($"/Results/Elements/{goalId}/Dashboard?asOf=2025", "element dashboard, French");
    }

    private async Task<(int PlanId, int GoalId)> SeedPlanAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = App.CreateSystemDb(scope.ServiceProvider);
        var plan = await new CreatePlan(db).HandleAsync(new CreatePlan.Request(PlanKind.Strategic, PlanCode,
            new Dictionary<string, string?> { ["en"] = "Results test plan", ["fr"] = "Plan de test des résultats" }, null, 2024, 2027), Cancel);
        var goal = await new CreateElement(db).HandleAsync(new CreateElement.Request(plan.Id, null, "goal", "1",
            new Dictionary<string, string?> { ["en"] = "Universal connectivity", ["fr"] = "Connectivité universelle" }), Cancel);
        return (plan.Id, goal.Id);
    }

    private static byte[] Csv(params (string Period, string Value)[] rows)
    {
        var text = new StringBuilder(string.Join(",", Cadre.Core.Results.ValueImport.Columns)).Append('\n');
        foreach (var (period, value) in rows)
        {
            text.Append(IndicatorCode).Append(",Individuals using the Internet,%,").Append(period).Append(",,").Append(value).Append(",,,\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private async Task UploadAsync(byte[] content, string button, string state)
    {
        await Page.GetByLabel(R("Import.File"), new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "values.csv", MimeType = "text/csv", Buffer = content });
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync(), state);
    }

    private async Task SignOutAsync() =>
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Shared("Layout.SignOut"), Exact = true }).ClickAsync(), "home page after signing out");

    [GeneratedRegex(@"/Results/Indicators/(\d+)")]
    private static partial Regex IndicatorUrl();
}
