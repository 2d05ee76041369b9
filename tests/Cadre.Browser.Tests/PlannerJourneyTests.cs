using System.Text.RegularExpressions;
using Cadre.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests;

/// <summary>
/// The journey of issue 2: a Planner signs in, builds a small plan, moves an element, links it to a vocabulary
/// entry, sees the traceability matrix and the history, then sees the same pages in French. Every page is
/// checked with axe on the way.
/// </summary>
public sealed partial class PlannerJourneyTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string PlanCode = "BT-2026";

    [Fact]
    public async Task A_planner_builds_a_plan_moves_and_links_an_element_and_sees_the_matrix_and_the_history_in_English_and_French()
    {
        // Sign in.
        await OpenAsync("/", "home page, signed out");
        await SignInAsync(CadreApp.Planner);

        // Plans list, then a new plan.
        await NavigateAsync(() => Page.GetByRole(AriaRole.Navigation, new() { Name = UiText.Shared("Layout.MainNavigation") })
            .GetByRole(AriaRole.Link, new() { Name = UiText.Shared("Nav.Plans"), Exact = true }).ClickAsync(), "plans list");
        await OpenAsync("/Planning/Plans/Create", "create plan form, empty");
        await Page.GetByLabel(UiText.Planning("Plan.Code"), new() { Exact = true }).FillAsync(PlanCode);
        var title = Page.GetByRole(AriaRole.Group, new() { Name = UiText.Planning("Plan.TitleField") });
        await title.GetByLabel(UiText.Planning("Language.en"), new() { Exact = true }).FillAsync("Browser test plan");
        await title.GetByLabel(UiText.Planning("Language.fr"), new() { Exact = true }).FillAsync("Plan de test du navigateur");
        await Page.GetByLabel(UiText.Planning("Template.simple"), new() { Exact = true }).CheckAsync();
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Planning("Create.Submit"), Exact = true }).ClickAsync(), "plan details after creating it");
        var planId = int.Parse(PlanUrl().Match(Page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(PlanCode);

        // The tree: two goals, then an objective under the first.
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = UiText.Planning("Plan.TreeLink", "en", 0), Exact = true }).ClickAsync(), "element tree, empty");
        await AddElementAsync(null, "Goal", "1", "Universal connectivity", "Connectivité universelle");
        await AddElementAsync(null, "Goal", "2", "Sustainable digital transformation", "Transformation numérique durable");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = UiText.Planning("Tree.AddChild") + " 1", Exact = true }).ClickAsync(), "element tree, adding a child of 1");
        await AddElementAsync("1 Universal connectivity", "Objective", "1.1", "Affordable broadband for schools", "Haut débit abordable pour les écoles");
        var tree = Page.GetByRole(AriaRole.Table);
        await Assertions.Expect(tree.GetByRole(AriaRole.Row)).ToHaveCountAsync(4); // header and three elements

        // Move 1.1 under goal 2.
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = UiText.Planning("Tree.Move") + " 1.1", Exact = true }).ClickAsync(), "move element 1.1");
        await Page.GetByLabel(UiText.Planning("Move.NewParent"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "2 Sustainable digital transformation" });
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Planning("Move.Submit"), Exact = true }).ClickAsync(), "element tree after the move");

        // The element page shows its new parent.
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "1.1", Exact = true }).ClickAsync(), "element 1.1");
        var elementUrl = Page.Url;
        await Assertions.Expect(Page.Locator("dl").GetByRole(AriaRole.Link, new() { Name = "2 Sustainable digital transformation" })).ToBeVisibleAsync();

        // Link 1.1 to SDG 4.
        await Page.GetByLabel(UiText.Planning("Links.Vocabulary"), new() { Exact = true }).SelectOptionAsync(CadreApp.VocabularyCode);
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Planning("Links.ShowEntries"), Exact = true }).ClickAsync(), "element 1.1, choosing an SDG entry");
        await Page.GetByLabel(UiText.Planning("Links.Entry", "en", "Sustainable Development Goals"), new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = "4 · Quality education" });
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Planning("Links.AddSubmit"), Exact = true }).First.ClickAsync(), "element 1.1 with its link");
        var links = Page.GetByRole(AriaRole.Region, new() { Name = UiText.Planning("Links.Title"), Exact = true });
        await Assertions.Expect(links.GetByRole(AriaRole.Cell, new() { Name = "Quality education", Exact = true })).ToBeVisibleAsync();

        // The element's history: created, then moved.
        var history = Page.GetByRole(AriaRole.Region, new() { Name = UiText.Planning("History.Title"), Exact = true });
        Assert.True(await history.GetByRole(AriaRole.Listitem).CountAsync() >= 2, "The history of 1.1 should show at least its creation and its move.");

        // The traceability matrix: one element of three linked, one SDG of three addressed.
        await NavigateAsync(() => Page.GetByRole(AriaRole.Navigation, new() { Name = UiText.Planning("Breadcrumb") })
            .GetByRole(AriaRole.Link, new() { Name = UiText.Planning("Tree.Crumb"), Exact = true }).ClickAsync(), "element tree with the link");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = UiText.Planning("Plan.MatrixLink"), Exact = true }).First.ClickAsync(), "traceability matrix");
        var coverage = Page.GetByRole(AriaRole.Region, new() { Name = UiText.Planning("Matrix.Coverage"), Exact = true });
        await Assertions.Expect(coverage.GetByRole(AriaRole.Row, new() { Name = UiText.Planning("Matrix.ElementsLinked") })).ToContainTextAsync(new Regex(@"1\s*3"));
        await Assertions.Expect(coverage.GetByRole(AriaRole.Row, new() { Name = UiText.Planning("Matrix.EntriesAddressed") })).ToContainTextAsync(new Regex(@"1\s*3"));
        await Assertions.Expect(Page.GetByText(UiText.Planning("Matrix.Linked"), new() { Exact = true })).ToHaveCountAsync(1);
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = UiText.Planning("Matrix.ShowGaps"), Exact = true }).ClickAsync(), "traceability matrix, gaps only");
        await Assertions.Expect(Page.GetByText("Industry, innovation and infrastructure").First).ToBeVisibleAsync();

        // The plan's history.
        await OpenAsync($"/Planning/Plans/{planId}", "plan details");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = UiText.Planning("Plan.HistoryLink"), Exact = true }).ClickAsync(), "plan history");
        Assert.True(await Page.GetByRole(AriaRole.Listitem).Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Level = 3 }) }).CountAsync() >= 1, "The plan history should list at least the plan's creation.");

        // The same pages in French.
        await SwitchLanguageAsync("en", "fr", "plan history, French");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Planning("History.PlanTitle", "fr", PlanCode));
        await OpenAsync("/Planning/Plans", "plans list, French");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Planning("Plans.Title", "fr"));
        await OpenAsync($"/Planning/Plans/{planId}", "plan details, French");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = UiText.Planning("Plan.MatrixLink", "fr"), Exact = true })).ToBeVisibleAsync();
        await OpenAsync($"/Planning/Plans/{planId}/Tree", "element tree, French");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Planning("Tree.Title", "fr", PlanCode));
        await Assertions.Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "Haut débit abordable pour les écoles", Exact = true })).ToBeVisibleAsync();
        await OpenAsync(elementUrl, "element 1.1, French");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = UiText.Planning("History.Title", "fr"), Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "Éducation de qualité", Exact = true })).ToBeVisibleAsync();
        await OpenAsync(elementUrl + "/Move", "move element 1.1, French");
        await OpenAsync($"/Planning/Plans/{planId}/Matrix", "traceability matrix, French");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = UiText.Planning("Matrix.Coverage", "fr"), Exact = true })).ToBeVisibleAsync();
        await OpenAsync("/Planning/Plans/Create", "create plan form, French");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Planning("Create.Title", "fr"));
    }

    /// <summary>Fills the tree's add form (opening it when it is closed) and submits it.</summary>
    private async Task AddElementAsync(string? parentLabel, string level, string code, string en, string fr)
    {
        var form = Page.Locator("details#add");
        if (await form.GetAttributeAsync("open") is null)
        {
            await form.GetByText(UiText.Planning("Tree.AddElement"), new() { Exact = true }).ClickAsync();
        }
        if (parentLabel is not null)
        {
            await Assertions.Expect(Page.GetByLabel(UiText.Planning("Tree.Parent"), new() { Exact = true })).ToHaveValueAsync(new Regex(@"^\d+$"));
            var selected = await Page.GetByLabel(UiText.Planning("Tree.Parent"), new() { Exact = true }).Locator("option:checked").TextContentAsync();
            Assert.Equal(parentLabel, selected?.Trim());
        }
        await Page.GetByLabel(UiText.Planning("Tree.Level"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = level });
        await Page.GetByLabel(UiText.Planning("Element.Code"), new() { Exact = true }).FillAsync(code);
        var title = Page.GetByRole(AriaRole.Group, new() { Name = UiText.Planning("Element.TitleField") });
        await title.GetByLabel(UiText.Planning("Language.en"), new() { Exact = true }).FillAsync(en);
        await title.GetByLabel(UiText.Planning("Language.fr"), new() { Exact = true }).FillAsync(fr);
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Planning("Tree.AddSubmit"), Exact = true }).ClickAsync(), $"element tree after adding {code}");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = code, Exact = true })).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/Planning/Plans/(\d+)$")]
    private static partial Regex PlanUrl();
}
