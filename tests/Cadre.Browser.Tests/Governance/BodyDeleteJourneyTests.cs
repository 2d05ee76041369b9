using Cadre.Browser.Tests.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Governance;
using Cadre.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Governance;

/// <summary>
/// The secretariat removes an officer recorded by mistake and deletes a working group nothing refers to, each from the
/// body's page through its confirmation page, without scripts; the confirmation pages (and the one that says why a
/// body in use cannot be deleted) pass axe in English and French.
/// </summary>
public sealed class BodyDeleteJourneyTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly TestUser Planner = new("deleteplanner@browser.test", "amber-quarry-violin-5173", Roles.Planner);

    private static string T(string key, string language = "en") => UiText.Get("GovernanceText", key, language);

    private async Task<(Body Parent, Body Unused, Body Used, BodyOfficer Mistake)> ArrangeAsync()
    {
        await App.CreateUserAsync(Planner);
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = App.CreateSystemDb(scope.ServiceProvider);
        var parent = new Body { Code = "BD-AG", Kind = BodyKind.AdvisoryGroup, Name = new LocalizedText("Deletion advisory group", "Groupe consultatif des suppressions"), Sector = "ITU-D" };
        var mistake = new BodyOfficer { Name = "Mistaken Officer", Role = OfficerRole.ViceChair, TermFrom = new DateOnly(2030, 1, 1) };
        var unused = new Body
        {
            Code = "BD-AG-WG", Kind = BodyKind.AdvisoryGroupWorkingGroup, Parent = parent, Sector = "ITU-D", Name = new LocalizedText("Group set up by mistake", "Groupe créé par erreur"),
            Officers = [mistake, new BodyOfficer { Name = "Kept Chair", Role = OfficerRole.Chair, TermFrom = new DateOnly(2030, 1, 1) }],
        };
        var used = new Body { Code = "BD-AG-WG2", Kind = BodyKind.AdvisoryGroupWorkingGroup, Parent = parent, Sector = "ITU-D", Name = new LocalizedText("Working group that met", "Groupe qui s’est réuni") };
        var meeting = new Meeting
        {
            Body = used, Title = new LocalizedText("First meeting", "Première réunion"), TimeZone = "Europe/Zurich", Mode = MeetingMode.Virtual,
            StartUtc = new DateTime(2030, 7, 17, 11, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2030, 7, 17, 14, 0, 0, DateTimeKind.Utc),
        };
        db.AddRange(parent, unused, used, meeting);
        await db.SaveChangesAsync(Cancel);
        return (parent, unused, used, mistake);
    }

    private Task ClickAsync(string href, string state) => NavigateAsync(() => Page.Locator($"main a[href='{href}']").First.ClickAsync(), state);

    [Fact]
    public async Task The_secretariat_removes_an_officer_and_deletes_an_unused_group_after_confirming_in_English_and_French()
    {
        var (parent, unused, used, mistake) = await ArrangeAsync();
        await OpenAsync($"/Governance/Bodies/{unused.Code}", "body page, signed out");
        await SignInAsync(Planner);

        // The officer recorded by mistake: from the body's page to the confirmation page, then removed.
        var removePath = $"/Governance/Bodies/{unused.Code}/Officers/{mistake.Id}/Remove";
        await ClickAsync(removePath, "officer removal confirmation");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Mistaken Officer");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = T("OfficerRemove.Submit"), Exact = true }).ClickAsync(), "officers page after the removal");
        await Assertions.Expect(Page.GetByRole(AriaRole.Rowheader, new() { Name = "Kept Chair" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Rowheader, new() { Name = "Mistaken Officer" })).ToHaveCountAsync(0);

        // A group in use: the confirmation page says what refers to it and offers no deletion.
        var usedDelete = $"/Governance/Bodies/{used.Code}/Delete";
        await OpenAsync($"/Governance/Bodies/{used.Code}", "body page of a group in use");
        await ClickAsync(usedDelete, "deletion refused: what refers to the group");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = T("BodyDelete.Submit").Replace("{0}", used.Code, StringComparison.Ordinal) })).ToHaveCountAsync(0);

        // The same pages in French, while they still exist.
        int keptId;
        await using (var scope = App.Services.CreateAsyncScope())
        await using (var db = App.CreateSystemDb(scope.ServiceProvider))
        {
            keptId = await db.BodyOfficers.Where(o => o.BodyId == unused.Id).Select(o => o.Id).SingleAsync(Cancel);
        }
        var unusedDelete = $"/Governance/Bodies/{unused.Code}/Delete";
        await SwitchLanguageAsync("en", "fr", "page en français");
        await OpenAsync($"/Governance/Bodies/{unused.Code}/Officers/{keptId}/Remove", "confirmation du retrait d’un membre du bureau");
        await OpenAsync(usedDelete, "suppression refusée");
        await Assertions.Expect(Page.GetByText(T("BodyDelete.InUseHelp", "fr"))).ToBeVisibleAsync();
        await OpenAsync(unusedDelete, "confirmation de la suppression");
        await SwitchLanguageAsync("fr", "en", "English again");

        // The unused group: from its page to the confirmation page, then deleted; back on the parent's page.
        await OpenAsync($"/Governance/Bodies/{unused.Code}", "body page of the unused group");
        await ClickAsync(unusedDelete, "deletion confirmation");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = T("BodyDelete.Submit").Replace("{0}", unused.Code, StringComparison.Ordinal), Exact = true }).ClickAsync(),
            "parent body page after the deletion");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(parent.Code);
    }
}
