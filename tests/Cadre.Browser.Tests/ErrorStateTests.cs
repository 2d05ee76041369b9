using Cadre.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests;

public sealed class ErrorStateTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task Submitting_the_create_plan_form_empty_shows_the_errors_linked_to_their_fields(string language)
    {
        await OpenAsync("/", "home page");
        if (language != "en") await SwitchLanguageAsync("en", language, $"home page, {language}");
        await SignInAsync(CadreApp.Planner, language);
        await OpenAsync("/Planning/Plans/Create", $"create plan form, empty, {language}");

        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Planning("Create.Submit", language), Exact = true }).ClickAsync(),
            $"create plan form with errors, {language}");

        // Nothing was created: the form is shown again with a summary of the errors, each linked to its field.
        Assert.EndsWith("/Planning/Plans/Create", new Uri(Page.Url).AbsolutePath, StringComparison.Ordinal);
        var summary = Page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync(UiText.Planning("Errors.Title", language));
        var required = UiText.Core("Error.Required", language);
        var titleRequired = UiText.Core("Error.TitleRequired", language);
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = required, Exact = true })).ToHaveAttributeAsync("href", "#Input_Code");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = titleRequired, Exact = true })).ToHaveAttributeAsync("href", "#Input_Title");

        // Next to the fields too: the code's message, and the title group's message in its description.
        await Assertions.Expect(Page.Locator("[data-valmsg-for='Input.Code']")).ToHaveTextAsync(required);
        await Assertions.Expect(Page.GetByLabel(UiText.Planning("Plan.Code", language), new() { Exact = true }))
            .ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(required)));
        var title = Page.GetByRole(AriaRole.Group, new() { Name = UiText.Planning("Plan.TitleField", language) });
        await Assertions.Expect(title).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(titleRequired)));
    }

    [Fact]
    public async Task Signing_in_with_a_wrong_password_shows_an_error_and_stays_signed_out()
    {
        await OpenAsync("/Account/Login", "sign-in page");
        await Page.GetByLabel(UiText.Account("Login.Email"), new() { Exact = true }).FillAsync(CadreApp.Planner.Email);
        await Page.GetByLabel(UiText.Account("Login.Password"), new() { Exact = true }).FillAsync("not-the-right-password-123");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Account("Login.Submit"), Exact = true }).ClickAsync(),
            "sign-in page with an error");

        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(UiText.Account("Login.Invalid"));
        await Assertions.Expect(Page.GetByLabel(UiText.Account("Login.Password"), new() { Exact = true })).ToHaveValueAsync("");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = UiText.Shared("Layout.SignIn"), Exact = true })).ToBeVisibleAsync();
    }
}
