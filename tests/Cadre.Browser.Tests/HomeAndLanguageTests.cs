using Cadre.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests;

public sealed class HomeAndLanguageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task The_home_page_is_accessible_and_switches_to_French_and_to_Arabic_right_to_left()
    {
        await OpenAsync("/", "home page, English");
        Assert.Equal(("en", "ltr"), await DocumentLanguageAsync());
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Shared("Home.Title", "en"));

        await SwitchLanguageAsync("en", "fr", "home page, French");
        Assert.Equal(("fr", "ltr"), await DocumentLanguageAsync());
        var frenchTitle = UiText.Shared("Home.Title", "fr");
        Assert.NotEqual(UiText.Shared("Home.Title", "en"), frenchTitle);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(frenchTitle);
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = UiText.Shared("Layout.SignIn", "fr"), Exact = true })).ToBeVisibleAsync();

        // The choice is kept: a new visit to another page is still in French.
        await OpenAsync("/", "home page, French, visited again");
        Assert.Equal(("fr", "ltr"), await DocumentLanguageAsync());

        // Arabic has no interface translation (the strings fall back to English) but turns the layout right to left.
        await SwitchLanguageAsync("fr", "ar", "home page, Arabic");
        Assert.Equal(("ar", "rtl"), await DocumentLanguageAsync());
        await Assertions.Expect(Page.Locator("link[rel=stylesheet][href*='bootstrap.rtl']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_skip_link_is_the_first_keyboard_stop_and_moves_focus_to_the_main_content()
    {
        await OpenAsync("/", "home page");
        await Page.Keyboard.PressAsync("Tab");
        var skip = Page.GetByRole(AriaRole.Link, new() { Name = UiText.Shared("Layout.SkipToContent"), Exact = true });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
    }
}
