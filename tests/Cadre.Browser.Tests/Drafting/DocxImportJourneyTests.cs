using Cadre.Browser.Tests.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Demo;
using Cadre.Core.Governance;
using Cadre.Text.Diff;
using Cadre.Text.Docx;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Drafting;

/// <summary>
/// A Delegate imports a Word document with tracked changes (the Dubai text with the Bucharest changes, as in seed
/// 000) as a proposal, checks the preview, saves it, and submits it to an upcoming meeting of the Plenipotentiary
/// Conference; axe on every page, in English and French.
/// </summary>
public sealed partial class DraftingJourneyTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task A_delegate_imports_a_Word_document_with_tracked_changes_and_submits_the_proposal_to_a_meeting(string language)
    {
        var seeded = await SeedAsync();
        int meetingId;
        await using (var scope = App.Services.CreateAsyncScope())
        await using (var db = App.CreateSystemDb(scope.ServiceProvider))
        {
            var body = new Body { Code = "PP", Kind = BodyKind.Conference, Name = new LocalizedText("Plenipotentiary Conference", "Conférence de plénipotentiaires") };
            var meeting = new Meeting
            {
                Body = body, Title = new LocalizedText("PP-30", "PP-30"), TimeZone = "Europe/Zurich", Mode = MeetingMode.Physical,
                StartUtc = new DateTime(2030, 9, 1, 8, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2030, 9, 20, 16, 0, 0, DateTimeKind.Utc),
            };
            db.AddRange(body, meeting);
            await db.SaveChangesAsync(Cancel);
            meetingId = meeting.Id;
        }
        var docx = DocxRedlineWriter.Write(WordDiff.Compare(Cadre.Core.Drafting.DraftingText.Normalize(DemoDraftingTexts.Dubai), Cadre.Core.Drafting.DraftingText.Normalize(DemoDraftingTexts.Bucharest)),
            new DocxRedlineOptions { Author = "Mexico", Date = new DateTime(2022, 3, 1, 0, 0, 0, DateTimeKind.Utc), Language = "fr-FR" });

        await OpenAsync("/", "home page");
        if (language != "en") await SwitchLanguageAsync("en", language, $"home page, {language}");
        await SignInAsync(Mexico, language);
        await OpenAsync($"/Drafting/Instruments/{seeded.Instrument}", $"instrument page, delegate ({language})");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = D("ImportDocx.Link", language), Exact = true }).ClickAsync(), $"import a Word document ({language})");

        // Previewing without a file is refused, with the error linked to the field.
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("ImportDocx.PreviewButton", language), Exact = true }).ClickAsync(), $"import, no file ({language})");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(D("ImportDocx.NoFile", language));

        await Page.GetByLabel(D("ImportDocx.File", language), new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "resolution-71-mex.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = docx,
        });
        await Page.Locator("#Input_Language").SelectOptionAsync("fr");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("ImportDocx.PreviewButton", language), Exact = true }).ClickAsync(), $"import preview ({language})");
        await Assertions.Expect(Page.GetByText(D("ImportDocx.BaseExists", language))).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("table .redline del, table del").First).ToContainTextAsync("2020-2023");
        await Assertions.Expect(Page.GetByLabel(D("Edit.ProposalTitle", language), new() { Exact = true })).ToHaveValueAsync("resolution-71-mex");

        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("ImportDocx.Save", language), Exact = true }).ClickAsync(), $"imported proposal ({language})");
        await Assertions.Expect(Page.GetByText(D("ProposalStatus.Draft", language), new() { Exact = true })).ToBeVisibleAsync();

        await Page.GetByLabel(D("Meeting.Choose", language), new() { Exact = true }).SelectOptionAsync(meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("Meeting.Submit", language), Exact = true }).ClickAsync(), $"proposal submitted to a meeting ({language})");
        await Assertions.Expect(Page.GetByText(D("ProposalStatus.Submitted", language), new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator($"a[href='/Governance/Meetings/{meetingId}']")).ToBeVisibleAsync();
        await NavigateAsync(() => Page.Locator("a[href^='/Governance/Contributions/']").First.ClickAsync(), $"the contribution ({language})");
        await Assertions.Expect(Page.Locator("a[href^='/Drafting/Proposals/']")).ToBeVisibleAsync();
    }
}
