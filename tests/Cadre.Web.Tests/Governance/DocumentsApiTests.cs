using System.Net;
using System.Net.Http.Json;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Documents;
using Cadre.Core.Identity;
using Cadre.Web.Api.Governance.Documents;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Governance;

public sealed class DocumentsApiTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    private async Task<HttpClient> SecretariatAsync() => await App.PlannerAsync();

    private static string Unique(string prefix) => prefix + "X" + new string(Guid.NewGuid().ToString("N")[..5].Select(c => (char)('A' + (c % 26))).ToArray());

    [Fact]
    public async Task A_registered_document_is_found_by_title_symbol_and_file_text_without_accents()
    {
        var planner = await SecretariatAsync();
        var body = Unique("WGA");
        var doc = await DocumentsTestData.RegisterAsync(planner, DocumentsTestData.Request($"{body}/3-E", "Interim report of the working group", "Rapport intérimaire du groupe",
            files: [DocumentsTestData.Text("fr", "rapport.txt", "Compte rendu de la première réunion en ligne, avec interprétation.")]), Ct);
        Assert.Equal($"{body}/3", doc.Symbol);
        Assert.Equal("en", doc.OriginalLanguage);
        Assert.Single(doc.Files);

        async Task<List<string>> Find(string q) =>
            (await Rest.ReadAsync<DocumentPageResponse>(await planner.GetAsync("/api/v1/documents?q=" + Uri.EscapeDataString(q), Ct))).Items.Select(i => i.Symbol).ToList();

        Assert.Contains(doc.Symbol, await Find("interim report"));
        Assert.Contains(doc.Symbol, await Find("intérimaire"));
        Assert.Contains(doc.Symbol, await Find("reunion"));
        Assert.Contains(doc.Symbol, await Find("RÉUNION interpretation"));
        Assert.Contains(doc.Symbol, await Find("réunions"));
        Assert.Contains(doc.Symbol, await Find(body.ToLowerInvariant()));
        Assert.Equal([doc.Symbol], await Find($"{body}/3-F"));
        Assert.Empty(await Find("budget zzzunknownword"));
    }

    [Fact]
    public async Task Text_is_taken_from_a_docx_file_for_search_and_the_file_downloads_unchanged()
    {
        var planner = await SecretariatAsync();
        var bytes = DocumentsTestData.Docx("Proposal on the review of the Strategic Plan by WTDC", "Quadrennial rolling operational plan");
        var symbol = Unique("CWG") + " 2/6";
        var doc = await DocumentsTestData.RegisterAsync(planner, DocumentsTestData.Request(symbol, "Proposal",
            files: [new DocumentFileUpload("en", "../../etc/proposal.docx", Convert.ToBase64String(bytes))]), Ct);
        Assert.Equal("proposal.docx", doc.Files[0].FileName);
        var page = await Rest.ReadAsync<DocumentPageResponse>(await planner.GetAsync("/api/v1/documents?q=quadrennial%20rolling", Ct));
        Assert.Contains(page.Items, i => i.Id == doc.Id);
        var download = await App.AnonymousClient().GetAsync(doc.Files[0].Url, Ct);
        await Rest.ExpectStatusAsync(download, HttpStatusCode.OK);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [InlineData("TDAG-20/3/3-F")]
    [InlineData("TDAG-20/3/3")]
    [InlineData(" TDAG-20/3/3-E ")]
    public async Task A_duplicate_symbol_is_refused_with_a_clear_error_and_nothing_stored(string duplicate)
    {
        var planner = await SecretariatAsync();
        await using (var db = App.NewDbContext())
        {
            if (!await db.Documents.AnyAsync(d => d.Symbol == "TDAG-20/3/3", Ct))
            {
                await DocumentsTestData.RegisterAsync(planner, DocumentsTestData.Request("TDAG-20/3/3", "Report of WG-SOP"), Ct);
            }
        }
        var problem = await Rest.ProblemAsync(await planner.PostAsJsonAsync("/api/v1/documents",
            DocumentsTestData.Request(duplicate, "Another", files: [DocumentsTestData.Text("en", "a.txt", "x")]), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("TDAG-20/3/3", problem.Errors["symbol"][0], StringComparison.Ordinal);
        await using var check = App.NewDbContext();
        Assert.Equal(1, await check.Documents.CountAsync(d => d.BaseSymbol == "TDAG-20/3/3", Ct));
        Assert.Equal(0, await check.DocumentFiles.CountAsync(f => f.FileName == "a.txt", Ct));
    }

    [Theory]
    [InlineData("TDAG-20", "symbol")]
    [InlineData("TDAG-20/3/3-X", "symbol")]
    [InlineData("C20/28(Add.1)(Rev.1)", "symbol")]
    [InlineData("tdag/0", "symbol")]
    public async Task An_invalid_symbol_is_refused_with_the_reason_and_nothing_stored(string symbol, string field)
    {
        var planner = await SecretariatAsync();
        var before = await CountAsync();
        var problem = await Rest.ProblemAsync(await planner.PostAsJsonAsync("/api/v1/documents", DocumentsTestData.Request(symbol, "Bad"), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.True(problem.Errors.ContainsKey(field));
        Assert.Equal(before, await CountAsync());
        var parse = await Rest.ProblemAsync(await App.AnonymousClient().GetAsync("/api/v1/symbols/parse?symbol=" + Uri.EscapeDataString(symbol), Ct), HttpStatusCode.BadRequest);
        Assert.True(parse.Errors.ContainsKey("symbol"));
    }

    [Fact]
    public async Task Symbol_errors_are_explained_in_French_when_asked()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/symbols/parse?symbol=TDAG-20/3/3-X");
        request.Headers.AcceptLanguage.ParseAdd("fr");
        var problem = await Rest.ProblemAsync(await App.AnonymousClient().SendAsync(request, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("suffixe de langue", problem.Errors["symbol"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_parts_of_a_symbol_are_returned()
    {
        var parts = await Rest.ReadAsync<SymbolResponse>(await App.AnonymousClient().GetAsync("/api/v1/symbols/parse?symbol=" + Uri.EscapeDataString("C20/28(Rev.1)-F"), Ct));
        Assert.Equal(("C", 20, 28, 1, "F", "fr", "C20/28"), (parts.Body, parts.Year, parts.Number, parts.Revision, parts.Language, parts.LanguageCode, parts.BaseSymbol));
    }

    [Fact]
    public async Task A_revision_lists_the_other_versions_and_references_resolve_both_ways()
    {
        var planner = await SecretariatAsync();
        var b = Unique("RV");
        var original = await DocumentsTestData.RegisterAsync(planner, DocumentsTestData.Request($"{b}/5", "Original"), Ct);
        var revision = await DocumentsTestData.RegisterAsync(planner, DocumentsTestData.Request($"{b}/5(Rev.1)", "Revised", references: [$"{b}/5"]), Ct);
        Assert.Equal([original.Symbol], revision.Versions.Select(v => v.Symbol));
        Assert.Equal([original.Symbol], revision.References.Select(v => v.Symbol));
        var again = await Rest.ReadAsync<DocumentResponse>(await planner.GetAsync($"/api/v1/documents/{original.Id}", Ct));
        Assert.Equal([revision.Symbol], again.ReferencedBy.Select(v => v.Symbol));
        var unknown = await Rest.ProblemAsync(await planner.PostAsJsonAsync("/api/v1/documents",
            DocumentsTestData.Request($"{b}/6", "Refers to nothing", references: [$"{b}/99"]), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.True(unknown.Errors.ContainsKey("references"));
    }

    [Fact]
    public async Task Members_only_documents_are_hidden_from_anonymous_callers_and_users_without_a_Member()
    {
        var planner = await SecretariatAsync();
        var b = Unique("MO");
        var secret = await DocumentsTestData.RegisterAsync(planner, DocumentsTestData.Request($"{b}/1", "Confidential draft zebraword", access: DocumentAccess.MembersOnly,
            files: [DocumentsTestData.Text("en", "s.txt", "zebraword")]), Ct);
        var delegateClient = await App.ClientAsAsync(Roles.Delegate, "MEX");
        var reporter = await App.ClientAsAsync(Roles.Reporter);
        var anonymous = App.AnonymousClient();
        foreach (var (client, visible) in new[] { (anonymous, false), (reporter, false), (delegateClient, true), (planner, true) })
        {
            var search = await Rest.ReadAsync<DocumentPageResponse>(await client.GetAsync("/api/v1/documents?q=zebraword", Ct));
            Assert.Equal(visible ? 1 : 0, search.Total);
            var bySymbol = await Rest.ReadAsync<DocumentPageResponse>(await client.GetAsync($"/api/v1/documents?q={b}/1", Ct));
            Assert.Equal(visible ? 1 : 0, bySymbol.Items.Count(i => i.Id == secret.Id));
            var list = await Rest.ReadAsync<DocumentPageResponse>(await client.GetAsync("/api/v1/documents?pageSize=100&sort=date", Ct));
            Assert.Equal(visible, list.Items.Any(i => i.Id == secret.Id));
            var get = await client.GetAsync($"/api/v1/documents/{secret.Id}", Ct);
            Assert.Equal(visible ? HttpStatusCode.OK : HttpStatusCode.NotFound, get.StatusCode);
            var file = await client.GetAsync($"/api/v1/documents/{secret.Id}/files/en", Ct);
            Assert.Equal(visible ? HttpStatusCode.OK : HttpStatusCode.NotFound, file.StatusCode);
        }
    }

    [Fact]
    public async Task Only_the_secretariat_and_chairs_register_documents()
    {
        foreach (var role in new[] { Roles.Delegate, Roles.Reporter, Roles.Councillor })
        {
            var client = await App.ClientAsAsync(role, role == Roles.Delegate ? "CAN" : null);
            await Rest.ProblemAsync(await client.PostAsJsonAsync("/api/v1/documents", DocumentsTestData.Request(Unique("NO") + "/1", "x"), Rest.Json, Ct), HttpStatusCode.Forbidden);
        }
        var chair = await App.ClientAsAsync(Roles.Chair);
        await DocumentsTestData.RegisterAsync(chair, DocumentsTestData.Request(Unique("CH") + "/1", "By the chair"), Ct);
        await Rest.ProblemAsync(await App.AnonymousClient().PostAsJsonAsync("/api/v1/documents", DocumentsTestData.Request("X/1", "x"), Rest.Json, Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_symbol_must_follow_the_scheme_of_its_body()
    {
        var planner = await SecretariatAsync();
        var code = Unique("TDAG-WG");
        var (bodyId, _) = await DocumentsTestData.BodyAsync(App, code);
        await DocumentsTestData.RegisterAsync(planner, DocumentsTestData.Request($"{code}/25-E", "Liaison statement", bodyId: bodyId), Ct);
        var problem = await Rest.ProblemAsync(await planner.PostAsJsonAsync("/api/v1/documents",
            DocumentsTestData.Request("C20/977", "Council document", bodyId: bodyId), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains(code, problem.Errors["symbol"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_files_are_refused_and_nothing_is_stored()
    {
        var planner = await SecretariatAsync();
        var before = await CountAsync();
        var exe = new DocumentFileUpload("en", "evil.exe", Convert.ToBase64String([0x4D, 0x5A, 0x90, 0x00]));
        var notDocx = new DocumentFileUpload("fr", "fake.docx", Convert.ToBase64String("PK not really a zip"u8.ToArray()));
        var notBase64 = new DocumentFileUpload("es", "x.txt", "%%%");
        foreach (var file in new[] { exe, notDocx, notBase64 })
        {
            var problem = await Rest.ProblemAsync(await planner.PostAsJsonAsync("/api/v1/documents",
                DocumentsTestData.Request(Unique("BF") + "/1", "Bad file", files: [file]), Rest.Json, Ct), HttpStatusCode.BadRequest);
            Assert.Contains(problem.Errors.Keys, k => k.StartsWith("files[0]", StringComparison.Ordinal));
        }
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Uploading_a_file_reindexes_the_document_and_a_stale_version_conflicts()
    {
        var planner = await SecretariatAsync();
        var doc = await DocumentsTestData.RegisterAsync(planner, DocumentsTestData.Request(Unique("UP") + "/1", "Upload target"), Ct);
        var updated = await Rest.ReadAsync<DocumentResponse>(await planner.PutAsJsonAsync($"/api/v1/documents/{doc.Id}/files/fr",
            new UploadFileRequest(doc.Version, "fr.txt", Convert.ToBase64String("Objectifs quadriennaux giraffeword"u8.ToArray())), Rest.Json, Ct));
        Assert.Equal("fr", Assert.Single(updated.Files).Language);
        var page = await Rest.ReadAsync<DocumentPageResponse>(await planner.GetAsync("/api/v1/documents?q=giraffeword", Ct));
        Assert.Equal(doc.Id, Assert.Single(page.Items).Id);
        await Rest.ProblemAsync(await planner.PutAsJsonAsync($"/api/v1/documents/{doc.Id}/files/en",
            new UploadFileRequest(doc.Version, "en.txt", Convert.ToBase64String("x"u8.ToArray())), Rest.Json, Ct), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Search_results_are_paged()
    {
        var planner = await SecretariatAsync();
        var b = Unique("PG");
        for (var i = 1; i <= 5; i++) await DocumentsTestData.RegisterAsync(planner, DocumentsTestData.Request($"{b}/{i}", $"Pagingword number {i}"), Ct);
        var first = await Rest.ReadAsync<DocumentPageResponse>(await planner.GetAsync("/api/v1/documents?q=pagingword&pageSize=2&sort=symbol", Ct));
        var third = await Rest.ReadAsync<DocumentPageResponse>(await planner.GetAsync("/api/v1/documents?q=pagingword&pageSize=2&page=3&sort=symbol", Ct));
        Assert.Equal((5, 3), (first.Total, first.PageCount));
        Assert.Equal([$"{b}/1", $"{b}/2"], first.Items.Select(i => i.Symbol));
        Assert.Equal([$"{b}/5"], third.Items.Select(i => i.Symbol));
        await Rest.ProblemAsync(await planner.GetAsync("/api/v1/documents?sort=size", Ct), HttpStatusCode.BadRequest);
    }

    private async Task<int> CountAsync()
    {
        await using var db = App.NewDbContext();
        return await db.Documents.CountAsync(Ct);
    }
}
