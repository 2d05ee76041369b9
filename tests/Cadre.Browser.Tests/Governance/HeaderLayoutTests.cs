using Cadre.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Governance;

/// <summary>
/// The header at 1,200 and 1,400 px, in English and French, signed out: the menu, the language form (label, list,
/// button) and the sign-in link do not overlap, and none runs past the right edge of the window.
/// </summary>
public sealed class HeaderLayoutTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static bool Overlap(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width - 0.5 && b.X < a.X + a.Width - 0.5 && a.Y < b.Y + b.Height - 0.5 && b.Y < a.Y + a.Height - 0.5;

    [Fact]
    public async Task Nothing_in_the_header_overlaps_at_1200_and_1400_pixels_in_English_and_French()
    {
        await OpenAsync("/", "home page");
        foreach (var language in new[] { "en", "fr" })
        {
            if (language == "fr") await SwitchLanguageAsync("en", "fr", "page d’accueil en français");
            foreach (var width in new[] { 1200, 1400 })
            {
                await Page.SetViewportSizeAsync(width, 900);
                var header = Page.Locator("header nav > .container-fluid");
                var parts = new (string Name, ILocator Locator)[]
                {
                    ("menu", header.Locator("> ul.navbar-nav")),
                    ("language label", header.Locator(".culture-switch label")),
                    ("language list", header.Locator(".culture-switch select")),
                    ("language button", header.Locator(".culture-switch button")),
                    ("sign-in link", header.GetByRole(AriaRole.Link, new() { Name = UiText.Shared("Layout.SignIn", language), Exact = true })),
                };
                var boxes = new List<(string Name, LocatorBoundingBoxResult Box)>();
                foreach (var (name, locator) in parts)
                {
                    var box = await locator.BoundingBoxAsync();
                    Assert.True(box is not null, $"{name} is not shown at {width} px ({language})");
                    Assert.True(box!.X >= 0 && box.X + box.Width <= width + 0.5, $"{name} runs past the window at {width} px ({language}): {box.X} + {box.Width}");
                    boxes.Add((name, box));
                }
                for (var i = 0; i < boxes.Count; i++)
                {
                    for (var j = i + 1; j < boxes.Count; j++)
                    {
                        Assert.False(Overlap(boxes[i].Box, boxes[j].Box),
                            $"{boxes[i].Name} overlaps {boxes[j].Name} at {width} px ({language}): {Describe(boxes[i].Box)} / {Describe(boxes[j].Box)}");
                    }
                }
            }
        }
    }

    private static string Describe(LocatorBoundingBoxResult b) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"({b.X:F0},{b.Y:F0} {b.Width:F0}×{b.Height:F0})");
}
