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
/// The chair runs a working group through the Governance forms, without scripts: edits the body (a bad terms-of-reference
/// symbol is refused first), appoints a vice-chair, lists a Member, sends a liaison statement and records the reply,
/// proposes a recommendation and records its endorsement, adds a contribution deadline to the work programme; then every
/// form and confirmation page is checked with axe in French, one of them in its error state.
/// </summary>
public sealed class GovernanceFormsJourneyTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly TestUser Chair = new("formschair@browser.test", "saffron-harbor-lantern-8842", Roles.Chair);

    private static string T(string key, string language = "en") => UiText.Get("GovernanceText", key, language);

    private static string T(string key, string language, params object[] args) => UiText.Format("GovernanceText", key, language, args);

    private sealed record Arranged(string Code, int GroupId, string OtherCode, int OtherId, string ListedMember);

    private async Task<Arranged> ArrangeAsync()
    {
        await App.CreateUserAsync(Chair);
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = App.CreateSystemDb(scope.ServiceProvider);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        var user = await users.FindByEmailAsync(Chair.Email) ?? throw new InvalidOperationException("no chair");
        var parent = new Body { Code = "BF-AG", Kind = BodyKind.AdvisoryGroup, Name = new LocalizedText("Forms advisory group", "Groupe consultatif des formulaires"), Sector = "ITU-D" };
        var group = new Body
        {
            Code = "BF-AG-WG", Kind = BodyKind.AdvisoryGroupWorkingGroup, Parent = parent, Sector = "ITU-D", Name = new LocalizedText("Forms working group", "Groupe de travail des formulaires"),
            MeetsVirtually = true, Officers = [new BodyOfficer { Name = "Wu Chair", Role = OfficerRole.Chair, UserId = user.Id }],
        };
        var other = new Body
        {
            Code = "BF-AG-WG2", Kind = BodyKind.AdvisoryGroupWorkingGroup, Parent = parent, Sector = "ITU-D", Name = new LocalizedText("Second working group", "Second groupe de travail"),
            Membership = MembershipRule.ListedMembers, Officers = [new BodyOfficer { Name = "Wu Chair", Role = OfficerRole.Chair, UserId = user.Id }],
        };
        db.Members.Add(new Member { Code = "BFM", Name = new LocalizedText("Forms Member State", "État Membre des formulaires"), Kind = MemberKind.MemberState });
        db.AddRange(parent, group, other);
        await db.SaveChangesAsync(Cancel);
        return new Arranged(group.Code, group.Id, other.Code, other.Id, "BFM");
    }

    private Task ClickLinkAsync(string name, string state) =>
        NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).First.ClickAsync(), state);

    private Task SaveAsync(string state, string? button = null) =>
        NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = button ?? T("Save"), Exact = true }).ClickAsync(), state);

    private ILocator Field(string label) => Page.GetByLabel(label, new() { Exact = true });

    [Fact]
    public async Task The_chair_runs_the_group_through_the_forms_and_every_form_passes_axe_in_English_and_French()
    {
        var a = await ArrangeAsync();
        await OpenAsync($"/Governance/Bodies/{a.Code}", "body page, signed out");
        await SignInAsync(Chair);

        // The body: a bad symbol is refused with the error linked to its field, then the body is saved.
        await ClickLinkAsync(T("BodyForm.EditTitle", "en", a.Code), "body form");
        await Field(T("BodyForm.MandateSymbol")).FillAsync("TDAG-20/3/3-X");
        await Field(T("BodyForm.MandateEn")).FillAsync("To prepare the Sector's contribution to the strategic plan.");
        await SaveAsync("body form, bad symbol");
        var error = Page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link).First;
        await Assertions.Expect(error).ToHaveAttributeAsync("href", "#Input_MandateSymbol");
        await Field(T("BodyForm.MandateSymbol")).FillAsync("TDAG-20/DT/7");
        await SaveAsync("body page after saving");
        await Assertions.Expect(Page.GetByText("TDAG-20/DT/7")).ToBeVisibleAsync();

        // Officers: appoint a vice-chair.
        await ClickLinkAsync(T("Body.ManageOfficers"), "officers page");
        await Field(T("Officer.Name")).FillAsync("Ana Vice");
        await Page.GetByRole(AriaRole.Radio, new() { Name = T("Role.ViceChair"), Exact = true }).CheckAsync();
        await Field(T("Officers.TermFrom")).FillAsync("2030-01-01");
        await SaveAsync("officers page, vice-chair appointed", T("Officers.AddButton"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Rowheader, new() { Name = "Ana Vice" })).ToBeVisibleAsync();

        // A new working group form (opened, not saved).
        await OpenAsync($"/Governance/Bodies/Edit?parent={a.GroupId}", "new working group form");

        // Members of the listed group: add one, then the removal asks first.
        await OpenAsync($"/Governance/Bodies/{a.OtherCode}/Members", "members page");
        await Field(T("Members.Member")).SelectOptionAsync(a.ListedMember);
        await SaveAsync("members page, Member added", T("Members.AddButton"));
        await ClickLinkAsync(T("Members.Remove") + " " + a.ListedMember, "member removal confirmation");
        var memberRemovePath = new Uri(Page.Url).PathAndQuery;

        // A liaison statement to the other group, then its reply.
        await OpenAsync($"/Governance/Bodies/{a.Code}", "body page");
        await ClickLinkAsync(T("Liaison.New"), "liaison form");
        await Field(T("Liaison.To")).SelectOptionAsync(new SelectOptionValue { Label = a.OtherCode });
        await Page.GetByRole(AriaRole.Textbox, new() { Name = T("Field.English"), Exact = true }).First.FillAsync("Liaison on the operational plan");
        await Field(T("LiaisonForm.Deadline")).FillAsync("2031-01-15");
        await Field(T("LiaisonForm.Symbol")).FillAsync("BF-AG-WG/25-E");
        await Field(T("LiaisonForm.Documents")).FillAsync("TDAG-20/3/3; C20/28");
        await SaveAsync("liaison page");
        var liaisonPath = new Uri(Page.Url).AbsolutePath;
        await ClickLinkAsync(T("LiaisonForm.ReplyTitle"), "reply form");
        var replyPath = new Uri(Page.Url).PathAndQuery;
        await SaveAsync("reply page");
        await OpenAsync(liaisonPath, "liaison page with its reply");
        await Assertions.Expect(Page.GetByText(T("Liaisons.Answered"))).ToBeVisibleAsync();
        await OpenAsync($"/Governance/Liaisons?body={a.Code}&awaiting=true", "liaisons awaiting a reply");

        // A recommendation to the parent body, then its endorsement.
        await OpenAsync($"/Governance/Bodies/{a.Code}", "body page");
        await ClickLinkAsync(T("Rec.New"), "recommendation form");
        await Field(T("Rec.Number")).FillAsync("1");
        await Page.GetByRole(AriaRole.Textbox, new() { Name = T("Field.English"), Exact = true }).First.FillAsync("Give objective D.4 the highest priority.");
        await SaveAsync("recommendation page");
        var recPath = new Uri(Page.Url).AbsolutePath;
        await ClickLinkAsync(T("RecStatusForm.Change"), "decision form");
        await Field(T("RecStatusForm.DecisionSymbol")).FillAsync("TDAG-20/3/7");
        await SaveAsync("recommendation endorsed", T("RecStatusForm.Submit"));
        await Assertions.Expect(Page.GetByText(T("RecStatus.Endorsed")).First).ToBeVisibleAsync();

        // The work programme: a contribution deadline, shown on the calendar.
        await OpenAsync($"/Governance/Bodies/{a.Code}", "body page");
        await ClickLinkAsync(T("Work.New"), "work programme form");
        await Page.GetByRole(AriaRole.Textbox, new() { Name = T("Field.English"), Exact = true }).FillAsync("Contributions for the second meeting");
        await Field(T("Work.Due")).FillAsync("2031-02-20");
        await SaveAsync("calendar after adding the deadline");
        await Assertions.Expect(Page.GetByText("Contributions for the second meeting").First).ToBeVisibleAsync();

        int workId, recId;
        await using (var scope = App.Services.CreateAsyncScope())
        await using (var db = App.CreateSystemDb(scope.ServiceProvider))
        {
            workId = await db.WorkItems.Where(w => w.BodyId == a.GroupId).Select(w => w.Id).SingleAsync(Cancel);
            recId = await db.Recommendations.Where(r => r.BodyId == a.GroupId).Select(r => r.Id).SingleAsync(Cancel);
        }
        string[] pages =
        [
            $"/Governance/Bodies/Edit/{a.GroupId}", $"/Governance/Bodies/Edit?parent={a.GroupId}", $"/Governance/Bodies/{a.Code}/Officers",
            $"/Governance/Bodies/{a.OtherCode}/Members", memberRemovePath, $"/Governance/Liaisons/Edit?from={a.GroupId}", replyPath,
            liaisonPath + "/Delete", $"/Governance/Liaisons?body={a.Code}&action=ForComment", $"/Governance/Recommendations/Edit/{recId}",
            recPath + "/Status", recPath + "/Delete", $"/Governance/Recommendations?status=endorsed&body={a.Code}",
            $"/Governance/Work/Edit/{workId}", $"/Governance/Work/{workId}/Delete", $"/Governance/Bodies/{a.Code}/Calendar?month=2031-02",
        ];
        foreach (var path in pages) await OpenAsync(path, "form " + path);
        await SwitchLanguageAsync("en", "fr", "page en français");
        foreach (var path in pages) await OpenAsync(path, "formulaire " + path);

        // An error state in French: the decision needs its document or text.
        await OpenAsync(recPath + "/Status", "formulaire de décision");
        await SaveAsync("formulaire de décision, erreur", T("RecStatusForm.Submit", "fr"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(UiText.Core("Error.Recommendation.DecisionRequired", "fr"));
    }
}
