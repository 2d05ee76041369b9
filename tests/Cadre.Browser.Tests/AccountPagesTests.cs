using Cadre.Browser.Tests.Infrastructure;

namespace Cadre.Browser.Tests;

/// <summary>The account and user administration pages, in both interface languages, through axe like every other page.</summary>
public sealed class AccountPagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task The_account_and_user_administration_pages_pass_axe(string language)
    {
        await OpenAsync("/", "home page");
        if (language != "en") await SwitchLanguageAsync("en", language, $"home page, {language}");
        await SignInAsync(CadreApp.Admin, language);
        await OpenAsync("/Account/Manage", $"account page, {language}");
        await OpenAsync("/Admin/Users", $"user list, {language}");
        await OpenAsync("/Admin/Users/Create", $"new user form, {language}");
        await OpenAsync("/Admin/Users?search=planner", $"user list searched, {language}");
    }
}
