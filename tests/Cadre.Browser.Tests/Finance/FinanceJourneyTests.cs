using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Core.Finance;
using Cadre.Core.Finance.Handlers;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Finance;

/// <summary>
/// The journey of issue 6: a Planner imports expenditure (a file with a bad row first, then the fixed file), sees the
/// coherence page find an operational output linked to nothing, fixes the link on the element's page, and sees the
/// finding go. Every Finance page, forms included, is checked with axe on the way, in English and in French.
/// </summary>
public sealed partial class FinanceJourneyTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string PlanCode = "BT-FIN";
    private const string OperationalCode = "BT-OP-2025-2028";

    private static string F(string key, string language = "en") => UiText.Get("FinanceText", key, language);

    [Fact]
    public async Task Expenditure_is_imported_the_coherence_page_finds_an_unlinked_output_and_the_fixed_link_makes_it_go_in_English_and_French()
    {
        var seed = await SeedAsync();

        await OpenAsync("/", "home page, signed out");
        await SignInAsync(CadreApp.Planner);
        await OpenAsync("/Finance", "finance index");

        // Expenditure: a file with an unknown unit is previewed with its error, then the fixed file is imported.
        await OpenAsync("/Finance/Expenditure/Import", "expenditure import, empty");
        await Page.GetByLabel(F("Import.Plan"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = PlanCode });
        await UploadAsync(Csv(("2026", "ITU-X", "staff", "1500.50")), F("Import.Preview"), "expenditure preview with an error");
        await Assertions.Expect(Page.Locator("tr.table-danger")).ToHaveCountAsync(1);
        await Page.GetByLabel(F("Import.Plan"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = PlanCode });
        await UploadAsync(Csv(("2026", "GS", "staff", "1500.50"), ("2026", "GS", "non-staff", "499.50")), F("Import.Import"), "budgets after the import");
        await Assertions.Expect(Page.Locator("#execution-over-time")).ToContainTextAsync("2.0");

        // The coherence page finds the operational output linked to nothing.
        await OpenAsync($"/Finance/Plans/{seed.PlanId}/Coherence", "coherence, with the unlinked output");
        var unlinked = Page.Locator("section:has(#check-OutputNotLinked)");
        await Assertions.Expect(unlinked).ToContainTextAsync("O1");

        // Fix it where the finding says: link O1 to the strategic outcome.
        await NavigateAsync(() => unlinked.GetByRole(AriaRole.Link).First.ClickAsync(), "the unlinked output's page");
        await Page.GetByLabel(UiText.Planning("Links.TargetPlan"), new() { Exact = true }).SelectOptionAsync(seed.PlanId.ToString(CultureInfo.InvariantCulture));
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Planning("Links.ChoosePlanButton"), Exact = true }).ClickAsync(), "the output's page, choosing an element");
        await Page.GetByLabel(UiText.Planning("Links.ElementCode", "en", PlanCode), new() { Exact = true }).FillAsync("TP1.O1");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Planning("Links.AddSubmit"), Exact = true }).Last.ClickAsync(), "the output's page with its link");

        // The finding is gone.
        await OpenAsync($"/Finance/Plans/{seed.PlanId}/Coherence", "coherence after the fix");
        await Assertions.Expect(Page.Locator("#check-OutputNotLinked")).ToHaveCountAsync(0);

        // The financial plan form: a bad amount gives an error linked to its cell; a good one is saved.
        await OpenAsync($"/Finance/Plans/{seed.PlanId}/Edit", "financial plan form");
        await Page.Locator("#Exp_GS_2027").FillAsync("-5");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = F("Save"), Exact = true }).ClickAsync(), "financial plan form with an error");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Page.Locator("#Exp_GS_2027").FillAsync("100");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = F("Save"), Exact = true }).ClickAsync(), "financial plan after saving");

        // A risk through the form.
        await OpenAsync($"/Finance/Plans/{seed.PlanId}/Risks/Create", "new risk form");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = F("Save"), Exact = true }).ClickAsync(), "new risk form with errors");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Page.GetByLabel(F("Col.Code"), new() { Exact = true }).FillAsync("R-1");
        await Page.GetByLabel(F("RiskEdit.TitleEn"), new() { Exact = true }).FillAsync("Funding shortfall");
        await Page.GetByLabel(F("RiskEdit.TitleFr"), new() { Exact = true }).FillAsync("Manque de financement");
        await Page.GetByLabel(F("Risks.Element"), new() { Exact = true }).SelectOptionAsync(seed.GoalId.ToString(CultureInfo.InvariantCulture));
        await Page.GetByLabel(F("RiskEdit.CauseEn"), new() { Exact = true }).FillAsync("Contributions fall");
        await Page.GetByLabel(F("RiskEdit.ConsequenceEn"), new() { Exact = true }).FillAsync("Fewer projects");
        await Page.GetByLabel(F("Risks.Owner"), new() { Exact = true }).FillAsync("Chief of finance");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = F("Save"), Exact = true }).ClickAsync(), "risk after creating it");
        var riskId = int.Parse(RiskUrl().Match(Page.Url).Groups[1].Value, CultureInfo.InvariantCulture);

        string[] pages =
        [
            "/Finance", $"/Finance/Plans/{seed.PlanId}", $"/Finance/Plans/{seed.PlanId}?layout=results", $"/Finance/Plans/{seed.PlanId}/Edit",
            $"/Finance/Plans/{seed.PlanId}/Delete", $"/Finance/Plans/{seed.PlanId}/Budgets", $"/Finance/Plans/{seed.PlanId}/Budgets/2026/Edit",
            $"/Finance/Plans/{seed.PlanId}/Attribution", $"/Finance/Plans/{seed.PlanId}/Goals", $"/Finance/Plans/{seed.PlanId}/Keys/GS",
            $"/Finance/Plans/{seed.PlanId}/Coherence", $"/Finance/Plans/{seed.PlanId}/Risks", $"/Finance/Plans/{seed.PlanId}/Risks/Create",
            $"/Finance/Risks/{riskId}", $"/Finance/Risks/{riskId}/Edit", $"/Finance/Risks/{riskId}/Delete", "/Finance/Expenditure/Import",
            $"/Finance/Operational/{seed.OperationalId}", $"/Finance/Operational/Elements/{seed.OutputId}/Resources", $"/Finance/Operational/{seed.OperationalId}/RollForward",
        ];
        foreach (var path in pages) await OpenAsync(path, path + ", English");
        await SwitchLanguageAsync("en", "fr", "finance, French");
        foreach (var path in pages) await OpenAsync(path, path + ", French");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(F("Roll.Title", "fr").Replace("{0}", OperationalCode, StringComparison.Ordinal));
    }

    private sealed record Seed(int PlanId, int GoalId, int OperationalId, int OutputId);

    /// <summary>A strategic plan with a goal and an outcome, a balanced financial plan, an open budget 2026-2027 with keys, and an operational plan whose output links to nothing.</summary>
    private async Task<Seed> SeedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = App.CreateSystemDb(scope.ServiceProvider);
        var plan = await new CreatePlan(db).HandleAsync(new CreatePlan.Request(PlanKind.Strategic, PlanCode,
            new Dictionary<string, string?> { ["en"] = "Finance test plan", ["fr"] = "Plan de test des finances" }, null, 2024, 2027), Cancel);
        var goal = await new CreateElement(db).HandleAsync(new CreateElement.Request(plan.Id, null, "goal", "1",
            new Dictionary<string, string?> { ["en"] = "Universal connectivity", ["fr"] = "Connectivité universelle" }), Cancel);
        var priority = await new CreateElement(db).HandleAsync(new CreateElement.Request(plan.Id, null, "priority", "TP1",
            new Dictionary<string, string?> { ["en"] = "Affordable connectivity", ["fr"] = "Connectivité abordable" }), Cancel);
        var outcome = await new CreateElement(db).HandleAsync(new CreateElement.Request(plan.Id, priority.Id, "outcome", "TP1.O1",
            new Dictionary<string, string?> { ["en"] = "Resilient broadband", ["fr"] = "Large bande résiliente" }), Cancel);
        var lines = Enumerable.Range(2024, 4).SelectMany(y => new[]
        {
            new SaveFinancialPlan.Line(LineKind.Revenue, "MemberStates", y, 100_000m),
            new SaveFinancialPlan.Line(LineKind.Expense, FinanceUnits.GeneralSecretariat, y, 100_000m),
        }).ToList();
        await new SaveFinancialPlan(db).HandleAsync(new SaveFinancialPlan.Request(plan.Id, null, "Decision 5", lines, [new SaveFinancialPlan.Limit(null, 400_000m)]), Cancel);
        await new SaveBudget(db).HandleAsync(new SaveBudget.Request(plan.Id, 2026, null, [new SaveBudget.Line(FinanceUnits.GeneralSecretariat, CostCategory.Staff, 200_000m)], false), Cancel);
        await new SaveAttributionKeys(db).HandleAsync(new SaveAttributionKeys.Request(plan.Id, FinanceUnits.GeneralSecretariat, null, AttributionMethod.Percentage,
            new Dictionary<int, decimal> { [goal.Id] = 40m, [outcome.Id] = 60m }), Cancel);
        var op = await new CreatePlan(db).HandleAsync(new CreatePlan.Request(PlanKind.Operational, OperationalCode,
            new Dictionary<string, string?> { ["en"] = "Operational plan", ["fr"] = "Plan opérationnel" }, null, 2025, 2028, "en", FrameworkTemplates.Operational, FinanceUnits.GeneralSecretariat), Cancel);
        var output = await new CreateElement(db).HandleAsync(new CreateElement.Request(op.Id, null, "output", "O1",
            new Dictionary<string, string?> { ["en"] = "Broadband workshops", ["fr"] = "Ateliers large bande" }), Cancel);
        return new Seed(plan.Id, goal.Id, op.Id, output.Id);
    }

    private static byte[] Csv(params (string Year, string Unit, string Category, string Amount)[] rows)
    {
        var text = new StringBuilder("year,unit,category,amount,description\n");
        foreach (var (year, unit, category, amount) in rows) text.Append(year).Append(',').Append(unit).Append(',').Append(category).Append(',').Append(amount).Append(",Accounts\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private async Task UploadAsync(byte[] content, string button, string state)
    {
        await Page.GetByLabel(F("Import.File"), new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "expenditure.csv", MimeType = "text/csv", Buffer = content });
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync(), state);
    }

    [GeneratedRegex(@"/Finance/Risks/(\d+)")]
    private static partial Regex RiskUrl();
}
