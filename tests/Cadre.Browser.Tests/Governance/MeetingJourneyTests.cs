using System.Text.RegularExpressions;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Governance;
using Cadre.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Governance;

/// <summary>
/// Issue 5's meeting journey: the chair of a working group schedules a meeting with an agenda (a time in the spring
/// clock gap is refused first), records the adoption of the agenda; every Governance page passes axe in English and French.
/// </summary>
public sealed class MeetingJourneyTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly TestUser Chair = new("wgchair@browser.test", "indigo-canyon-harbor-4417", Roles.Chair);

    private static string T(string key, string language = "en") => UiText.Get("GovernanceText", key, language);

    private async Task<(string Code, int LiaisonId, int RecommendationId)> ArrangeAsync()
    {
        await App.CreateUserAsync(Chair);
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = App.CreateSystemDb(scope.ServiceProvider);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        var user = await users.FindByEmailAsync(Chair.Email) ?? throw new InvalidOperationException("no chair");
        var parent = new Body { Code = "BT-AG", Kind = BodyKind.AdvisoryGroup, Name = new LocalizedText("Browser advisory group", "Groupe consultatif de test") };
        var group = new Body
        {
            Code = "BT-AG-WG", Kind = BodyKind.AdvisoryGroupWorkingGroup, Parent = parent, Name = new LocalizedText("Browser working group", "Groupe de travail de test"),
            Mandate = new LocalizedText("To review the plan.", "Examiner le plan."), WorksByCorrespondence = true, MeetsVirtually = true,
            Officers = [new BodyOfficer { Name = "Wu Chair", Role = OfficerRole.Chair, UserId = user.Id }],
        };
        var liaison = new LiaisonStatement { FromBody = group, ToBody = parent, Title = new LocalizedText("Liaison to the parent", "Note de liaison"), SentOn = new DateOnly(2030, 1, 2), Action = LiaisonAction.ForAction };
        var rec = new Recommendation { Body = group, ToBody = parent, Number = "1", Text = new LocalizedText("Approve the report.", "Approuver le rapport."), ProposedOn = new DateOnly(2030, 1, 2) };
        db.AddRange(parent, group, liaison, rec);
        db.WorkItems.Add(new WorkItem { Body = group, Kind = WorkItemKind.ContributionDeadline, DueOn = new DateOnly(2031, 3, 20), Title = new LocalizedText("Contributions due", "Contributions attendues") });
        await db.SaveChangesAsync(Cancel);
        return (group.Code, liaison.Id, rec.Id);
    }

    [Fact]
    public async Task The_chair_schedules_a_meeting_with_an_agenda_and_every_governance_page_passes_axe_in_English_and_French()
    {
        var (code, liaisonId, recId) = await ArrangeAsync();
        await OpenAsync("/", "home page, signed out");
        await SignInAsync(Chair);
        await NavigateAsync(() => Page.GetByRole(AriaRole.Navigation, new() { Name = UiText.Shared("Layout.MainNavigation") })
            .GetByRole(AriaRole.Link, new() { Name = T("Nav.Governance"), Exact = true }).ClickAsync(), "bodies list");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = code, Exact = true }).ClickAsync(), "body page");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = T("Meeting.New"), Exact = true }).ClickAsync(), "schedule form, empty");

        await Page.GetByRole(AriaRole.Textbox, new() { Name = T("Field.English"), Exact = true }).FillAsync("Third meeting");
        await Page.GetByRole(AriaRole.Textbox, new() { Name = T("Field.French"), Exact = true }).FillAsync("Troisième réunion");
        await Page.GetByLabel(T("Meeting.Start")).FillAsync("2031-03-30T02:30");
        await Page.GetByLabel(T("Meeting.End")).FillAsync("2031-03-30T05:00");
        await Page.GetByLabel(T("Meeting.TimeZone")).FillAsync("Europe/Zurich");
        await Page.GetByLabel(T("Meeting.AgendaField")).FillAsync("1 Opening\n2 Adoption of the agenda\n3 Working methods | TDAG-20/DT/7\n3 a) Virtual sessions\n4 Any other business");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = T("Save"), Exact = true }).ClickAsync(), "schedule form, time in the clock gap");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(new Regex("Europe/Zurich"));

        await Page.GetByLabel(T("Meeting.Start")).FillAsync("2031-04-14T13:00");
        await Page.GetByLabel(T("Meeting.End")).FillAsync("2031-04-14T16:00");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = T("Save"), Exact = true }).ClickAsync(), "meeting page, agenda not adopted");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Third meeting");
        await Assertions.Expect(Page.GetByRole(AriaRole.Rowheader, new() { Name = "3 a)" })).ToBeVisibleAsync();
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = T("Agenda.Adopt"), Exact = true }).ClickAsync(), "meeting page, agenda adopted");
        await Assertions.Expect(Page.GetByText(T("Agenda.Adopted"))).ToBeVisibleAsync();
        var meetingPath = new Uri(Page.Url).AbsolutePath;
        await OpenAsync(meetingPath + "/Delete", "delete confirmation");

        string[] pages = ["/Governance", $"/Governance/Bodies/{code}", $"/Governance/Bodies/{code}/Calendar?month=2031-04", "/Governance/Meetings",
            meetingPath, "/Governance/Liaisons", $"/Governance/Liaisons/{liaisonId}", "/Governance/Recommendations", $"/Governance/Recommendations/{recId}"];
        foreach (var path in pages) await OpenAsync(path, "governance page " + path);
        await SwitchLanguageAsync("en", "fr", "governance page in French");
        foreach (var path in pages) await OpenAsync(path, "page en français " + path);
        await OpenAsync(meetingPath.Replace("/Meetings/", "/Meetings/Edit/", StringComparison.Ordinal), "formulaire de réunion");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(T("Meeting.EditTitle", "fr").Split(' ')[0]);
    }
}
