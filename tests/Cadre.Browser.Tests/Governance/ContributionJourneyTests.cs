using System.Text;
using System.Text.RegularExpressions;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Documents;
using Cadre.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Governance;

/// <summary>
/// Issue 5's contribution journey and the document registry pages: a Delegate follows an agenda item to its document,
/// writes a contribution for their Member with a co-signer and two proposals and submits it; the chair records an
/// outcome and registers a document (a bad symbol first, shown on its field). Every document and contribution page
/// passes axe in English and French.
/// </summary>
public sealed class ContributionJourneyTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly TestUser Chair = new("docchair@browser.test", "saffron-glacier-meadow-2291", Roles.Chair);
    private static readonly TestUser MexDelegate = new("doc.delegate.mex@browser.test", "amber-harbor-willow-6604", Roles.Delegate);

    private static string D(string key, string language = "en") => UiText.Get("DocumentsText", key, language);

    private static string D(string key, string language, params object[] args) => UiText.Format("DocumentsText", key, language, args);

    private static string G(string key, string language = "en") => UiText.Get("GovernanceText", key, language);

    private async Task<(int MeetingId, int DocumentId)> ArrangeAsync()
    {
        await App.CreateUserAsync(Chair);
        await App.CreateUserAsync(MexDelegate);
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = App.CreateSystemDb(scope.ServiceProvider);
        var mex = new Member { Code = "MEX", Name = new LocalizedText("Mexico", "Mexique"), Kind = MemberKind.MemberState };
        db.Members.AddRange(mex, new Member { Code = "USA", Name = new LocalizedText("United States", "États-Unis"), Kind = MemberKind.MemberState });
        var group = new Body
        {
            Code = "BT-DOC-WG", Kind = BodyKind.AdvisoryGroupWorkingGroup, Name = new LocalizedText("Browser documents group", "Groupe documentaire de test"),
            WorksByCorrespondence = true, MeetsVirtually = true,
        };
        var start = new DateTime(2031, 4, 14, 11, 0, 0, DateTimeKind.Utc);
        var meeting = new Meeting
        {
            Body = group, Title = new LocalizedText("Spring meeting", "Réunion de printemps"), StartUtc = start, EndUtc = start.AddHours(3), TimeZone = "Europe/Zurich",
            Agenda = [new AgendaItem { Number = 1, Title = new LocalizedText("Working methods", "Méthodes de travail"), Documents = "BT-DOC-WG/1" }],
        };
        db.AddRange(group, meeting);
        db.WorkItems.Add(new WorkItem { Body = group, Meeting = meeting, Kind = WorkItemKind.ContributionDeadline, DueOn = new DateOnly(2031, 3, 31), Title = new LocalizedText("Contributions due", "Contributions attendues") });
        await db.SaveChangesAsync(Cancel);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        var user = await users.FindByEmailAsync(MexDelegate.Email) ?? throw new InvalidOperationException("no delegate");
        user.MemberId = mex.Id;
        await users.UpdateAsync(user);

        var text = "Working methods of the group: virtual sessions with interpretation.";
        var document = new Document
        {
            Symbol = "BT-DOC-WG/1", BaseSymbol = "BT-DOC-WG/1", SymbolBody = "BT-DOC-WG", Type = DocumentType.TermsOfReference,
            Title = new LocalizedText("Terms of reference of the browser group", "Mandat du groupe de test"), Access = DocumentAccess.Public, FromSecretariat = true,
            DocumentDate = new DateOnly(2031, 1, 10), RegisteredAtUtc = new DateTime(2031, 1, 10, 9, 0, 0, DateTimeKind.Utc), BodyId = group.Id,
            Files = [new DocumentFile { Language = "en", FileName = "tor.txt", ContentType = DocumentFiles.PlainText, Content = Encoding.UTF8.GetBytes(text), SizeBytes = text.Length, ExtractedText = text, UploadedAtUtc = new DateTime(2031, 1, 10, 9, 0, 0, DateTimeKind.Utc) }],
        };
        document.SearchText = SearchFolding.Build(document);
        db.Documents.Add(document);
        await db.SaveChangesAsync(Cancel);
        return (meeting.Id, document.Id);
    }

    private async Task SignOutAsync(string language) =>
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Shared("Layout.SignOut", language), Exact = true }).ClickAsync(), "signed out");

    [Fact]
    public async Task A_Delegate_submits_a_contribution_the_chair_records_an_outcome_and_registers_a_document_and_every_page_passes_axe_in_English_and_French()
    {
        var (meetingId, documentId) = await ArrangeAsync();
        await OpenAsync("/", "home page, signed out");
        await SignInAsync(MexDelegate);

        // The agenda item's symbol leads to the document.
        await OpenAsync($"/Governance/Meetings/{meetingId}", "meeting page with a document on the agenda");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "BT-DOC-WG/1", Exact = true }).ClickAsync(), "document page from the agenda");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("BT-DOC-WG/1");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = D("Documents.Title"), Exact = true }).ClickAsync(), "document registry");
        await Page.GetByLabel(D("Documents.Search"), new() { Exact = true }).FillAsync("interpretation");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("Documents.SearchButton"), Exact = true }).ClickAsync(), "registry searched");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "BT-DOC-WG/1", Exact = true })).ToBeVisibleAsync();

        // The Delegate writes the contribution from the meeting page and submits it.
        await OpenAsync($"/Governance/Meetings/{meetingId}", "meeting page as a Delegate");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = D("Meeting.Contribute"), Exact = true }).ClickAsync(), "contribution form, empty");
        await Page.GetByRole(AriaRole.Textbox, new() { Name = G("Field.English"), Exact = true }).FillAsync("Review of the Strategic Plan by TDAG");
        await Page.GetByRole(AriaRole.Textbox, new() { Name = G("Field.French"), Exact = true }).FillAsync("Examen du Plan stratégique par le GCDT");
        await Page.GetByLabel(D("Contribution.CoSigners"), new() { Exact = true }).SelectOptionAsync(["USA"]);
        await Page.GetByLabel(D("Proposal.Label", "en", 1), new() { Exact = true }).FillAsync("That TDAG develop the ITU-D part of the Strategic Plan.");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("Proposals.More"), Exact = true }).ClickAsync(), "contribution form, one more proposal box");
        await Page.GetByLabel(D("Proposal.Label", "en", 2), new() { Exact = true }).FillAsync("That Resolutions 1 and 24 be revised accordingly.");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("Contribution.SaveDraft"), Exact = true }).ClickAsync(), "contribution page, draft");
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync(D("Contribution.Saved"));
        var contributionPath = new Uri(Page.Url).AbsolutePath;
        await OpenAsync(contributionPath + "/Withdraw", "delete confirmation of the draft");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = G("Cancel"), Exact = true }).ClickAsync(), "contribution page after cancelling");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("Contribution.Submit"), Exact = true }).ClickAsync(), "contribution page, submitted");
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync(D("Contribution.Submitted"));
        await Assertions.Expect(Page.GetByText("MEX, USA")).ToBeVisibleAsync();
        await OpenAsync(contributionPath + "/Withdraw", "withdrawal confirmation");

        string[] delegatePages = ["/Governance/Documents", $"/Governance/Documents/{documentId}", "/Governance/Contributions", contributionPath,
            "/Governance/Contributions/Edit", contributionPath + "/Withdraw"];
        await SwitchLanguageAsync("en", "fr", "page en français");
        foreach (var path in delegatePages) await OpenAsync(path, "page en français " + path);
        await SignOutAsync("fr");

        // The chair records the outcome of the first proposal and registers a document (in French, then English).
        await SignInAsync(Chair, "fr");
        await OpenAsync(contributionPath, "contribution vue par le président");
        await Page.GetByLabel(D("Proposal.Outcome", "fr"), new() { Exact = true }).First.SelectOptionAsync("Agreed");
        await Page.Locator("section#proposal-1").GetByLabel(D("Yes", "fr"), new() { Exact = true }).CheckAsync();
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("Outcome.Record", "fr", 1), Exact = true }).ClickAsync(), "décision consignée");
        await Assertions.Expect(Page.Locator("section#proposal-1")).ToContainTextAsync(D("Outcome.Agreed", "fr"));
        await OpenAsync("/Governance/Documents/Register", "formulaire d'enregistrement");
        await OpenAsync("/Governance/Contributions", "liste des contributions vue par le président");
        await SwitchLanguageAsync("fr", "en", "back in English");

        await OpenAsync("/Governance/Documents", "registry as the chair");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = D("Documents.Register"), Exact = true }).ClickAsync(), "registration form, empty");
        await Page.GetByLabel(D("Document.Symbol"), new() { Exact = true }).FillAsync("BT-DOC-WG/2-X");
        await Page.GetByRole(AriaRole.Textbox, new() { Name = G("Field.English"), Exact = true }).FillAsync("Interim report of the browser group");
        await Page.GetByLabel(D("Register.FromSecretariat"), new() { Exact = true }).CheckAsync();
        await Page.GetByLabel(D("Register.File"), new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "report.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("Interim report text.") });
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("Register.Submit"), Exact = true }).ClickAsync(), "registration form, bad symbol");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(new Regex("BT-DOC-WG/2-X"));
        await Assertions.Expect(Page.Locator("[data-valmsg-for='Input.Symbol']")).ToContainTextAsync(new Regex("."));
        await Page.GetByLabel(D("Document.Symbol"), new() { Exact = true }).FillAsync("BT-DOC-WG/2-F");
        await Page.GetByLabel(D("Register.File"), new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "report.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("Interim report text.") });
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("Register.Submit"), Exact = true }).ClickAsync(), "registered document page");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("BT-DOC-WG/2");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = D("Files.Download", "en", "report.txt"), Exact = true })).ToBeVisibleAsync();
    }
}
