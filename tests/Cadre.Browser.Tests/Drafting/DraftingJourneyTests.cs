using System.Text.RegularExpressions;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Demo;
using Cadre.Core.Drafting;
using Cadre.Core.Drafting.Handlers;
using Cadre.Core.Governance;
using Cadre.Core.Identity;
using Cadre.Text.Docx;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Drafting;

/// <summary>
/// The journey of issue 4: a Delegate proposes changes to Resolution 71, the chair compiles two Members'
/// proposals, resolves their conflict and downloads the Word document; every Drafting page passes axe in
/// English and French.
/// </summary>
public sealed partial class DraftingJourneyTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly TestUser Chair = new("chair@browser.test", "granite-orchard-signal-2281", Roles.Chair);
    private static readonly TestUser Mexico = new("delegate.mex@browser.test", "saffron-canyon-beacon-6154", Roles.Delegate);
    private static readonly TestUser Usa = new("delegate.usa@browser.test", "cobalt-prairie-ember-3907", Roles.Delegate);

    private sealed record Seeded(int Instrument, int Version, int UsaProposal);

    private static string D(string key, string language = "en") => UiText.Get("DraftingText", key, language);

    private static string D(string key, string language, params object[] args) => UiText.Format("DraftingText", key, language, args);

    /// <summary>Members, the users, Resolution 71 (Dubai 2018, published) and the United States' submitted proposal.</summary>
    private async Task<Seeded> SeedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using (var db = App.CreateSystemDb(scope.ServiceProvider))
        {
            db.Members.AddRange(
                new Member { Code = "MEX", Name = new LocalizedText("Mexico", "Mexique"), Kind = MemberKind.MemberState },
                new Member { Code = "USA", Name = new LocalizedText("United States", "États-Unis"), Kind = MemberKind.MemberState },
                new Member { Code = "CAN", Name = new LocalizedText("Canada", "Canada"), Kind = MemberKind.MemberState });
            await db.SaveChangesAsync(Cancel);
        }
        await CreateUserAsync(Chair, null);
        await CreateUserAsync(Mexico, "MEX");
        await CreateUserAsync(Usa, "USA");
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<Cadre.Core.Data.CadreDbContext>>();
        await using var chairDb = new Cadre.Core.Data.CadreDbContext(options, new FixedActor("chair", "u-chair", [Roles.Chair]), TimeProvider.System);
        var instrument = await new CreateInstrument(chairDb).HandleAsync(new CreateInstrument.Request(InstrumentKind.Resolution, "PP", "71",
            new Dictionary<string, string?> { ["en"] = "Strategic plan of the Union", ["fr"] = "Plan stratégique de l'Union" }), Cancel);
        var version = await new CreateVersion(chairDb).HandleAsync(new CreateVersion.Request(instrument.Id, "Rév. Dubaï, 2018", "fr", DemoDraftingTexts.Dubai, Publish: true), Cancel);
        await using var usaDb = new Cadre.Core.Data.CadreDbContext(options, new FixedActor("John Carter", "u-usa", [Roles.Delegate], "USA"), TimeProvider.System);
        var proposal = await new SaveProposal(usaDb).HandleAsync(new SaveProposal.Request(null, null, version.Id, null, ["CAN"], "Suivi annuel", DemoDraftingTexts.SecondChanges), Cancel);
        await new SubmitProposal(usaDb).HandleAsync(new SubmitProposal.Request(proposal.Id, proposal.Version), Cancel);
        return new Seeded(instrument.Id, version.Id, proposal.Id);
    }

    private async Task CreateUserAsync(TestUser user, string? member)
    {
        await App.CreateUserAsync(user);
        if (member is null) return;
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        await using var db = App.CreateSystemDb(scope.ServiceProvider);
        var memberId = db.Members.Single(m => m.Code == member).Id;
        var created = (await users.FindByEmailAsync(user.Email))!;
        created.MemberId = memberId;
        var result = await users.UpdateAsync(created);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private async Task SignOutAsync(string language = "en") =>
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Shared("Layout.SignOut", language), Exact = true }).ClickAsync(), "signed out");

    [Fact]
    public async Task A_delegate_proposes_the_chair_compiles_two_proposals_resolves_the_conflict_and_downloads_the_Word_document()
    {
        var seeded = await SeedAsync();
        await OpenAsync("/", "home page, signed out");
        await SignInAsync(Mexico);

        // The Delegate finds Resolution 71 and opens the editor on the published Dubai text.
        await NavigateAsync(() => Page.GetByRole(AriaRole.Navigation, new() { Name = UiText.Shared("Layout.MainNavigation") })
            .GetByRole(AriaRole.Link, new() { Name = UiText.Shared("Nav.Drafting"), Exact = true }).ClickAsync(), "instruments list");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = D("Kind.Resolution") + " 71", Exact = true }).ClickAsync(), "instrument page");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Rév. Dubaï, 2018", Exact = true }).ClickAsync(), "version page");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = D("Proposals.New"), Exact = true }).ClickAsync(), "proposal editor, empty");

        await Page.GetByLabel(D("Edit.ProposalTitle"), new() { Exact = true }).FillAsync("Révision de la Résolution 71");
        await Page.GetByLabel(D("Edit.Text", "en", 1), new() { Exact = true }).FillAsync("Plan stratégique de l'Union pour la période 2024-2027");
        await Page.Locator("#P_0__Action").SelectOptionAsync("mod");
        // Deleting item 1 of the Council without a reason is refused, with the error linked to the field.
        await Page.Locator("#P_8__Action").SelectOptionAsync("sup");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("Edit.Save"), Exact = true }).ClickAsync(), "proposal editor, error");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(UiText.Core("Drafting.Error.ReasonRequired"));
        await Page.Locator("#P_8__Reason").FillAsync("Le cadre de présentation des résultats fait partie du plan stratégique.");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("Edit.Save"), Exact = true }).ClickAsync(), "proposal page, draft");
        await Assertions.Expect(Page.Locator(".redline del").First).ToContainTextAsync("2020-2023");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("Proposals.Submit"), Exact = true }).ClickAsync(), "proposal page, submitted");
        await Assertions.Expect(Page.GetByText(D("ProposalStatus.Submitted"), new() { Exact = true })).ToBeVisibleAsync();
        await SignOutAsync();

        // The chair compiles both Members' proposals.
        await SignInAsync(Chair);
        await OpenAsync($"/Drafting/Instruments/{seeded.Instrument}", "instrument page, chair");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = D("Compilations.New") + " (Rév. Dubaï, 2018)", Exact = true }).ClickAsync(), "compile proposals");
        await Page.GetByLabel(D("CompilationCreate.TitleField"), new() { Exact = true }).FillAsync("Compilation Résolution 71");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("CompilationCreate.Submit"), Exact = true }).ClickAsync(), "compilation with a conflict");
        await Assertions.Expect(Page.GetByRole(AriaRole.Columnheader, new() { Name = D("Compilations.ProposedBy", "en", "MEX") })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Columnheader, new() { Name = D("Compilations.ProposedBy", "en", "USA, CAN") })).ToBeVisibleAsync();

        // The chair takes the United States' amendment.
        await Page.GetByLabel(D("Compilations.ChooseSide", "en", "USA, CAN"), new() { Exact = true }).CheckAsync();
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("Compilations.ResolveButton"), Exact = true }).ClickAsync(), "compilation, conflict resolved");
        await Assertions.Expect(Page.GetByText(D("Compilations.ConflictCount", "en", 1, 0), new() { Exact = true })).ToBeVisibleAsync();

        // Fetched with the browser's session rather than clicked: Chromium reports a clicked download as an aborted request.
        var href = await Page.GetByRole(AriaRole.Link, new() { Name = D("Download.Docx"), Exact = true }).GetAttributeAsync("href");
        var download = await Page.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, download.Status);
        Assert.Contains("attachment", download.Headers["content-disposition"], StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), "cadre-compilation-" + Guid.NewGuid().ToString("N") + ".docx");
        await File.WriteAllBytesAsync(path, await download.BodyAsync(), Cancel);
        try
        {
            var content = DocxReader.Read(await File.ReadAllBytesAsync(path, Cancel));
            Assert.Equal(DraftingText.Normalize(DemoDraftingTexts.Dubai), content.BaseText);
            Assert.Contains("1\tde contrôler chaque année l'évolution et l'application du cadre UIT de présentation des résultats;", content.ProposedParagraphs);
            Assert.Equal("Plan stratégique de l'Union pour la période 2024-2027", content.ProposedParagraphs[0]);
            Assert.NotEmpty(content.Authors);
        }
        finally
        {
            File.Delete(path);
        }

        await Page.GetByLabel(D("Compilations.ResultLabel"), new() { Exact = true }).FillAsync("Rév. Bucarest, 2022 (projet)");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("Compilations.Complete"), Exact = true }).ClickAsync(), "new draft version");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Rév. Bucarest, 2022 (projet)");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task Every_drafting_page_passes_axe(string language)
    {
        var seeded = await SeedAsync();
        await OpenAsync("/", "home page");
        if (language != "en") await SwitchLanguageAsync("en", language, $"home page, {language}");

        // Signed out: the public pages.
        await OpenAsync("/Drafting/Instruments", $"instruments list, signed out ({language})");
        await OpenAsync("/Drafting/Instruments?q=nothing-matches", $"instruments list, no match ({language})");
        await OpenAsync($"/Drafting/Instruments/{seeded.Instrument}", $"instrument page, signed out ({language})");
        await OpenAsync($"/Drafting/Versions/{seeded.Version}", $"version page, signed out ({language})");

        // The Delegate of the United States: the editor and their proposal.
        await SignInAsync(Usa, language);
        await OpenAsync($"/Drafting/Proposals/Edit?versionId={seeded.Version}", $"proposal editor ({language})");
        await OpenAsync($"/Drafting/Proposals/{seeded.UsaProposal}", $"proposal page ({language})");
        await SignOutAsync(language);

        // The chair: instrument and version forms, compilation.
        await SignInAsync(Chair, language);
        await OpenAsync("/Drafting/Instruments/Create", $"new instrument form ({language})");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("InstrumentCreate.Submit", language), Exact = true }).ClickAsync(), $"new instrument form, errors ({language})");
        await OpenAsync($"/Drafting/Versions/Import?instrumentId={seeded.Instrument}", $"import a version ({language})");
        await Page.GetByLabel(D("Versions.Label", language), new() { Exact = true }).FillAsync("Rév. Bucarest, 2022");
        await Page.GetByLabel(D("Import.Text", language), new() { Exact = true }).FillAsync(DemoDraftingTexts.Bucharest + "\nune ligne sans place");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("Import.PreviewButton", language), Exact = true }).ClickAsync(), $"import preview ({language})");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("Import.Save", language), Exact = true }).ClickAsync(), $"imported draft version ({language})");
        await OpenAsync($"/Drafting/Compilations/Create?versionId={seeded.Version}", $"compile proposals ({language})");
        await Page.GetByLabel(D("CompilationCreate.TitleField", language), new() { Exact = true }).FillAsync("Compilation");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = D("CompilationCreate.Submit", language), Exact = true }).ClickAsync(), $"compilation ({language})");
        Assert.Matches(CompilationUrl(), Page.Url);
    }

    [GeneratedRegex(@"/Drafting/Compilations/\d+$")]
    private static partial Regex CompilationUrl();
}
