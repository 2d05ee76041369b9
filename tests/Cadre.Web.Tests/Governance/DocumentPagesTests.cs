using System.Net;
using System.Text.RegularExpressions;
using Cadre.Core.Common;
using Cadre.Core.Governance.Contributions;
using Cadre.Core.Governance.Documents;
using Cadre.Core.Identity;
using Cadre.Web.Tests.Identity;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Web.Tests.Governance;

/// <summary>The document registry and contribution pages over HTTP, signed in with the cookie as a browser is.</summary>
public sealed partial class DocumentPagesTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    private static string Unique(string prefix) => prefix + "X" + new string(Guid.NewGuid().ToString("N")[..5].Select(c => (char)('A' + (c % 26))).ToArray());

    /// <summary>For the access matrix: a members-only document, and a draft contribution of a Member no test Delegate acts for.</summary>
    public static async Task<(int MembersDocument, int DraftContribution)> MatrixItemsAsync(CadreWebFactory app, int bodyId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var db = app.NewDbContext();
        var member = await db.Members.FirstOrDefaultAsync(m => m.Code == "MTX");
        if (member is null)
        {
            member = new Core.Governance.Member { Code = "MTX", Name = new LocalizedText("Matrixland"), Kind = Core.Governance.MemberKind.MemberState };
            db.Members.Add(member);
        }
        var document = new Document
        {
            Symbol = Unique("MXD") + "/1", SymbolBody = "MXD", Type = DocumentType.Report, Title = new LocalizedText("Members-only matrix document"),
            Access = DocumentAccess.MembersOnly, FromSecretariat = true, RegisteredAtUtc = db.UtcNow,
        };
        document.BaseSymbol = document.Symbol;
        document.SearchText = SearchFolding.Build(document);
        db.Documents.Add(document);
        var contribution = new Contribution
        {
            Title = new LocalizedText("Matrix draft"), BodyId = bodyId, LeadMember = member, Status = ContributionStatus.Draft, CreatedAtUtc = db.UtcNow,
            Signers = [new ContributionSigner { Member = member }],
            Proposals = [new ContributionProposal { Number = 1, Text = "A proposal." }],
        };
        db.Contributions.Add(contribution);
        await db.SaveChangesAsync();
        return (document.Id, contribution.Id);
    }

    /// <summary>A cookie-signed-in client of a new user in <paramref name="role"/>, acting for <paramref name="member"/> if given.</summary>
    private async Task<HttpClient> SignedInAsync(string role, string? member = null)
    {
        var user = await App.CreateUserAsync(role, member);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            Assert.True((await users.AddPasswordAsync(stored, IdentityTestSupport.Password)).Succeeded);
        }
        return await App.SignedInClientAsync((await FindAsync(user.Id))!);
    }

    private async Task<CadreUser?> FindAsync(string id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>().FindByIdAsync(id);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string postUrl, params (string Key, string Value)[] fields)
    {
        var token = await IdentityTestSupport.FormTokenAsync(client, pageUrl);
        var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        return await client.PostAsync(postUrl, content);
    }

    [Fact]
    public async Task Anonymous_callers_find_public_documents_but_never_members_only_ones_or_their_files()
    {
        var planner = await App.PlannerAsync();
        var word = "quokka" + Unique("w").ToLowerInvariant();
        var open = await DocumentsTestData.RegisterAsync(planner, DocumentsTestData.Request(Unique("PUB") + "/2(Rev.1)", "Open report " + word), Ct);
        var secret = await DocumentsTestData.RegisterAsync(planner, DocumentsTestData.Request(Unique("SEC") + "/3", "Secret report " + word, access: DocumentAccess.MembersOnly,
            files: [DocumentsTestData.Text("en", "secret.txt", "hidden text")]), Ct);
        var anonymous = App.AnonymousClient();

        var list = await anonymous.GetStringAsync("/Governance/Documents?q=" + word, Ct);
        Assert.Contains(open.Symbol, list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Symbol, list, StringComparison.Ordinal);
        Assert.Contains("Documents (1)", list, StringComparison.Ordinal);

        var page = await anonymous.GetStringAsync($"/Governance/Documents/{open.Id}", Ct);
        Assert.Contains("Revision", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Governance/Documents/{secret.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/documents/{secret.Id}/files/en", Ct)).StatusCode);

        var delegateClient = await SignedInAsync(Roles.Delegate, "CAN");
        var seen = await delegateClient.GetStringAsync("/Governance/Documents?q=" + word, Ct);
        Assert.Contains(secret.Symbol, seen, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await delegateClient.GetAsync($"/api/v1/documents/{secret.Id}/files/en", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_symbol_error_is_shown_on_the_symbol_field_and_nothing_is_stored()
    {
        var planner = await SignedInAsync(Roles.Planner);
        await using var before = App.NewDbContext();
        var count = await before.Documents.CountAsync(Ct);
        using var response = await PostAsync(planner, "/Governance/Documents/Register", "/Governance/Documents/Register",
            ("Input.Symbol", "TDAG-20/3/3-X"), ("Input.Type", "Report"), ("Input.TitleEn", "Bad symbol"), ("Input.FromSecretariat", "true"), ("Input.Access", "Public"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("href=\"#Input_Symbol\"", html, StringComparison.Ordinal);
        Assert.Matches(ValidationFor("Input.Symbol"), html);
        await using var after = App.NewDbContext();
        Assert.Equal(count, await after.Documents.CountAsync(Ct));

        var symbol = Unique("REG") + "/7-F";
        using var ok = await PostAsync(planner, "/Governance/Documents/Register", "/Governance/Documents/Register",
            ("Input.Symbol", symbol), ("Input.Type", "Report"), ("Input.TitleEn", "Good symbol"), ("Input.FromSecretariat", "true"), ("Input.Access", "Public"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await using var check = App.NewDbContext();
        var canonical = symbol[..^2];
        var stored = await check.Documents.SingleAsync(d => d.Symbol == canonical, Ct);
        Assert.Equal("fr", stored.OriginalLanguage);
    }

    [Fact]
    public async Task A_Delegate_writes_and_submits_a_contribution_that_another_Member_cannot_see_as_a_draft_and_the_chair_records_outcomes()
    {
        var code = Unique("WGC");
        var (bodyId, meetingId) = await DocumentsTestData.BodyAsync(App, code, deadline: new DateOnly(2098, 1, 1), meeting: true);
        var mex = await SignedInAsync(Roles.Delegate, "MEX");
        var other = await SignedInAsync(Roles.Delegate, "RUS");
        // The co-signing Members exist (a user of each creates it).
        await App.CreateUserAsync(Roles.Delegate, "USA");
        await App.CreateUserAsync(Roles.Delegate, "CAN");

        using var saved = await PostAsync(mex, $"/Governance/Contributions/Edit?meeting={meetingId}", "/Governance/Contributions/Edit",
            ("Input.Target", $"m:{meetingId}"), ("Input.TitleEn", "Review of the Strategic Plan"), ("Input.CoSigners", "USA"), ("Input.CoSigners", "CAN"),
            ("Input.Proposals[0]", "First proposal."), ("Input.Proposals[1]", ""), ("Input.Proposals[2]", "Second proposal."));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, Alert(await saved.Content.ReadAsStringAsync(Ct)));
        var url = saved.Headers.Location!.OriginalString;
        var id = int.Parse(url[(url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url, Ct)).StatusCode);
        Assert.DoesNotContain("Review of the Strategic Plan", await other.GetStringAsync("/Governance/Contributions", Ct), StringComparison.Ordinal);

        await using (var db = App.NewDbContext())
        {
            var c = await db.Contributions.Include(x => x.Proposals).Include(x => x.Signers).SingleAsync(x => x.Id == id, Ct);
            Assert.Equal(["First proposal.", "Second proposal."], c.Proposals.OrderBy(p => p.Number).Select(p => p.Text));
            Assert.Equal(3, c.Signers.Count);
            using var submitted = await PostAsync(mex, url, url + "?handler=Submit", ("version", c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, Alert(await submitted.Content.ReadAsStringAsync(Ct)));
        }
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(url, Ct)).StatusCode);

        var chair = await SignedInAsync(Roles.Chair);
        await using (var db = App.NewDbContext())
        {
            var p = await db.Set<ContributionProposal>().Where(x => x.ContributionId == id).OrderBy(x => x.Number).FirstAsync(Ct);
            using var recorded = await PostAsync(chair, url, url + "?handler=Outcome", ("proposalId", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("version", p.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("outcome", "Noted"), ("byConsensus", "false"));
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }
        await using (var db = App.NewDbContext())
        {
            var p = await db.Set<ContributionProposal>().Where(x => x.ContributionId == id).OrderBy(x => x.Number).FirstAsync(Ct);
            Assert.Equal((ProposalOutcome.Noted, (bool?)false), (p.Outcome, p.ByConsensus));
        }
        Assert.Contains("Noted, not by consensus", await other.GetStringAsync(url, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_late_draft_is_refused_to_the_Delegate_and_accepted_by_the_chair_marked_late_and_a_draft_is_deleted_only_after_confirmation()
    {
        var code = Unique("WGL");
        var (bodyId, _) = await DocumentsTestData.BodyAsync(App, code, deadline: new DateOnly(2001, 1, 1));
        var mex = await SignedInAsync(Roles.Delegate, "MEX");
        async Task<int> DraftAsync(string title)
        {
            using var saved = await PostAsync(mex, "/Governance/Contributions/Edit", "/Governance/Contributions/Edit",
                ("Input.Target", $"b:{bodyId}"), ("Input.TitleEn", title), ("Input.Proposals[0]", "Only proposal."));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var location = saved.Headers.Location!.OriginalString;
            return int.Parse(location[(location.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        }
        async Task<string> VersionAsync(int id)
        {
            await using var db = App.NewDbContext();
            return (await db.Contributions.Where(x => x.Id == id).Select(x => x.Version).SingleAsync(Ct)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var late = await DraftAsync("Late contribution");
        var url = $"/Governance/Contributions/{late}";
        using var refused = await PostAsync(mex, url, url + "?handler=Submit", ("version", await VersionAsync(late)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("2001-01-01 23:59:59Z", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var chair = await SignedInAsync(Roles.Chair);
        using var accepted = await PostAsync(chair, url, url + "?handler=Submit", ("version", await VersionAsync(late)));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await using (var db = App.NewDbContext())
        {
            var c = await db.Contributions.SingleAsync(x => x.Id == late, Ct);
            Assert.True(c.IsLate);
            Assert.Equal(ContributionStatus.Submitted, c.Status);
        }

        var doomed = await DraftAsync("Draft to delete");
        var confirm = await mex.GetStringAsync($"/Governance/Contributions/{doomed}/Withdraw", Ct);
        Assert.Contains("Delete the draft", confirm, StringComparison.Ordinal);
        await using (var db = App.NewDbContext()) Assert.True(await db.Contributions.AnyAsync(x => x.Id == doomed, Ct));
        using var deleted = await PostAsync(mex, $"/Governance/Contributions/{doomed}/Withdraw", $"/Governance/Contributions/{doomed}/Withdraw", ("version", await VersionAsync(doomed)));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using (var db = App.NewDbContext()) Assert.False(await db.Contributions.AnyAsync(x => x.Id == doomed, Ct));
    }

    /// <summary>The error summary of a page that was shown again, for the failure message.</summary>
    private static string Alert(string html)
    {
        var start = html.IndexOf("role=\"alert\"", StringComparison.Ordinal);
        return start < 0 ? "no error summary on the page" : html[start..Math.Min(html.Length, start + 600)];
    }

    private static Regex ValidationFor(string field) => new($"data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>[^<]+<", RegexOptions.CultureInvariant);
}
