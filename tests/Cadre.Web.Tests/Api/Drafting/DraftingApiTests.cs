using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Cadre.Core.Demo;
using Cadre.Core.Drafting;
using Cadre.Core.Identity;
using Cadre.Text.Diff;
using Cadre.Text.Docx;
using Cadre.Web.Api.Drafting;
using Cadre.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cadre.Web.Tests.Api.Drafting;

public sealed class DraftingApiTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    [Fact]
    public async Task Two_Members_propose_the_chair_compiles_resolves_the_conflict_and_a_new_draft_version_is_saved()
    {
        var chair = await App.ClientAsAsync(Roles.Chair);
        var mexico = await App.ClientAsAsync(Roles.Delegate, "MEX");
        var usa = await App.ClientAsAsync(Roles.Delegate, "USA");
        var instrument = await DraftingFixture.CreateInstrumentAsync(chair, "71-flow");
        var dubai = await DraftingFixture.CreateVersionAsync(chair, instrument.Id, "Rév. Dubaï, 2018", DemoDraftingTexts.Dubai, publish: true);
        Assert.Equal(11, dubai.Paragraphs.Count);
        Assert.Equal(2, dubai.Outline.Operative.Count);

        // A draft first, then a second revision, then the submission.
        var draft = await DraftingFixture.ProposeAsync(mexico, dubai.Id, [DemoDraftingTexts.BucharestChanges[0]], submit: false);
        var revised = await Rest.ReadAsync<ProposalResponse>(await mexico.PutAsJsonAsync($"/api/v1/drafting/proposals/{draft.Id}",
            new ProposalRequest(dubai.Id, null, null, "Révision (Bucarest, 2022)", DemoDraftingTexts.BucharestChanges, draft.Version), Rest.Json));
        Assert.Equal(2, revised.Revision);
        Assert.Equal(DraftingText.Paragraphs(DemoDraftingTexts.Bucharest), revised.ProposedParagraphs);
        var stale = await mexico.PutAsJsonAsync($"/api/v1/drafting/proposals/{draft.Id}",
            new ProposalRequest(dubai.Id, null, null, "x", DemoDraftingTexts.BucharestChanges, draft.Version), Rest.Json);
        await Rest.ProblemAsync(stale, HttpStatusCode.Conflict);
        var mex = await Rest.ReadAsync<ProposalResponse>(await mexico.PostAsJsonAsync($"/api/v1/drafting/proposals/{draft.Id}/submit", new VersionedRequest(revised.Version), Rest.Json));
        Assert.Equal(ProposalStatus.Submitted, mex.Status);
        var us = await DraftingFixture.ProposeAsync(usa, dubai.Id, DemoDraftingTexts.SecondChanges);

        // The redline as Word: tracked changes by the proposer.
        var docx = await chair.GetByteArrayAsync($"/api/v1/drafting/proposals/{mex.Id}/redline?format=docx", Ct);
        var read = DocxReader.Read(docx);
        Assert.Equal(DraftingText.Normalize(DemoDraftingTexts.Dubai), read.BaseText);
        Assert.Equal(DraftingText.Normalize(DemoDraftingTexts.Bucharest), read.ProposedText);
        Assert.Single(read.Authors, a => a.Contains("(MEX)", StringComparison.Ordinal));

        var compilation = await Rest.ReadAsync<CompilationResponse>(await chair.PostAsJsonAsync("/api/v1/drafting/compilations",
            new CompilationRequest(dubai.Id, [mex.Id, us.Id], "Compilation"), Rest.Json), HttpStatusCode.Created);
        var conflict = Assert.Single(compilation.Conflicts);
        Assert.Equal([$"{mex.Id} (MEX)", $"{us.Id} (USA)"], conflict.Versions.Select(v => v.Label));
        var incomplete = await chair.PostAsJsonAsync($"/api/v1/drafting/compilations/{compilation.Id}/complete", new CompleteRequest("Rév. Bucarest, 2022", compilation.Version), Rest.Json);
        Assert.Contains("conflicts", (await Rest.ProblemAsync(incomplete, HttpStatusCode.BadRequest)).Errors.Keys);

        compilation = await Rest.ReadAsync<CompilationResponse>(await chair.PostAsJsonAsync($"/api/v1/drafting/compilations/{compilation.Id}/resolutions",
            new ResolveRequest(conflict.Key, conflict.Versions[1].Text, compilation.Version), Rest.Json));
        Assert.Equal(0, compilation.Unresolved);
        var result = await Rest.ReadAsync<VersionResponse>(await chair.PostAsJsonAsync($"/api/v1/drafting/compilations/{compilation.Id}/complete",
            new CompleteRequest("Rév. Bucarest, 2022", compilation.Version), Rest.Json), HttpStatusCode.Created);
        Assert.Equal(VersionStatus.Draft, result.Status);
        Assert.Contains("MEX", result.Provenance, StringComparison.Ordinal);
        Assert.Contains(DemoDraftingTexts.SecondChanges[2].Text, result.Paragraphs);
    }

    [Fact]
    public async Task A_Delegate_proposing_for_another_Member_gets_403_and_nothing_is_stored()
    {
        var chair = await App.ClientAsAsync(Roles.Chair);
        var mexico = await App.ClientAsAsync(Roles.Delegate, "MEX");
        var instrument = await DraftingFixture.CreateInstrumentAsync(chair, "71-other");
        var dubai = await DraftingFixture.CreateVersionAsync(chair, instrument.Id, "Rév. Dubaï, 2018", DemoDraftingTexts.Dubai, publish: true);
        var draft = await DraftingFixture.CreateVersionAsync(chair, instrument.Id, "Projet", DemoDraftingTexts.Bucharest, publish: false);

        var forOther = await mexico.PostAsJsonAsync("/api/v1/drafting/proposals",
            new ProposalRequest(dubai.Id, "USA", null, "x", DemoDraftingTexts.BucharestChanges, null), Rest.Json);
        var problem = await Rest.ProblemAsync(forOther, HttpStatusCode.Forbidden);
        Assert.Contains("USA", problem.Detail, StringComparison.Ordinal);

        var unpublished = await mexico.PostAsJsonAsync("/api/v1/drafting/proposals",
            new ProposalRequest(draft.Id, null, null, "x", DemoDraftingTexts.BucharestChanges, null), Rest.Json);
        await Rest.ProblemAsync(unpublished, HttpStatusCode.NotFound);

        var noReason = await mexico.PostAsJsonAsync("/api/v1/drafting/proposals",
            new ProposalRequest(dubai.Id, null, null, "x", [new ProvisionChange(ProvisionAction.Sup, 3)], null), Rest.Json);
        Assert.Contains("changes[0].reason", (await Rest.ProblemAsync(noReason, HttpStatusCode.BadRequest)).Errors.Keys);

        var all = await Rest.ReadAsync<List<ProposalResponse>>(await chair.GetAsync($"/api/v1/drafting/proposals?versionId={dubai.Id}", Ct));
        Assert.Empty(all);
        Assert.Empty(await Rest.ReadAsync<List<ProposalResponse>>(await chair.GetAsync($"/api/v1/drafting/proposals?versionId={draft.Id}", Ct)));
    }

    [Fact]
    public async Task Compare_returns_the_redline_in_each_format_from_texts_or_uploaded_files()
    {
        var client = await App.ClientAsAsync(Roles.Delegate, "MEX");
        var html = await client.PostAsJsonAsync("/api/v1/drafting/compare", new CompareRequest(DemoDraftingTexts.Dubai, DemoDraftingTexts.Bucharest, "html", "Mexique", "fr"), Rest.Json, Ct);
        await Rest.ExpectStatusAsync(html, HttpStatusCode.OK);
        var body = await html.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<del>2020-2023</del><ins>2024-2027</ins>", body, StringComparison.Ordinal);

        var json = await client.PostAsJsonAsync("/api/v1/drafting/compare", new CompareRequest("a b c", "a x c", "json", null, null), Rest.Json, Ct);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        var akn = await client.PostAsJsonAsync("/api/v1/drafting/compare", new CompareRequest("a b c", "a x c", "akn", null, null), Rest.Json, Ct);
        Assert.Contains("akomaNtoso", await akn.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var form = new MultipartFormDataContent
        {
            { File(Encoding.UTF8.GetBytes(DemoDraftingTexts.Dubai)), "old", "dubai.txt" },
            { File(Docx(DemoDraftingTexts.Bucharest)), "new", "bucarest.docx" },
            { new StringContent("docx"), "format" },
            { new StringContent("Mexique"), "author" },
        };
        var docx = await client.PostAsync("/api/v1/drafting/compare", form, Ct);
        await Rest.ExpectStatusAsync(docx, HttpStatusCode.OK);
        var read = DocxReader.Read(await docx.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(DemoDraftingTexts.Dubai, read.BaseText);
        Assert.Equal(DemoDraftingTexts.Bucharest, read.ProposedText);
        Assert.Equal(["Mexique"], read.Authors);
    }

    public static TheoryData<string, byte[]> BadFiles()
    {
        var bomb = Zip(("word/document.xml", new string(' ', 30_000_000)));
        var ole = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 };
        var docx = Docx("a b c");
        return new TheoryData<string, byte[]>
        {
            { "corrupt", docx[..(docx.Length / 2)] },
            { "encrypted", ole },
            { "zip bomb", bomb },
            { "macros", Docx("a b c", DocumentFormat.OpenXml.WordprocessingDocumentType.MacroEnabledDocument) },
            { "binary", [0, 1, 2, 3, 0xFF, 0xFE] },
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_upload_gets_a_clear_400_naming_the_field(string kind, byte[] bytes)
    {
        var client = await App.ClientAsAsync(Roles.Delegate, "MEX");
        using var form = new MultipartFormDataContent
        {
            { File(Encoding.UTF8.GetBytes("a b c")), "old", "old.txt" },
            { File(bytes), "new", kind + ".docx" },
            { new StringContent("docx"), "format" },
        };
        var started = System.Diagnostics.Stopwatch.StartNew();
        var response = await client.PostAsync("/api/v1/drafting/compare", form, Ct);
        var problem = await Rest.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"{kind} took {started.Elapsed}");
        Assert.False(string.IsNullOrWhiteSpace(Assert.Single(problem.Errors["new"])));
    }

    [Fact]
    public async Task Compare_refuses_anonymous_callers_an_unknown_format_and_oversized_bodies()
    {
        var anonymous = App.AnonymousClient();
        await Rest.ProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/drafting/compare", new CompareRequest("a", "b", null, null, null), Rest.Json, Ct), HttpStatusCode.Unauthorized);
        var client = await App.ClientAsAsync(Roles.Reporter);
        var bad = await client.PostAsJsonAsync("/api/v1/drafting/compare", new CompareRequest("a", "b", "pdf", null, null), Rest.Json, Ct);
        Assert.Contains("format", (await Rest.ProblemAsync(bad, HttpStatusCode.BadRequest)).Errors.Keys);
        var huge = await client.PostAsync("/api/v1/drafting/compare", Rest.RawJson($"{{\"old\":\"{new string('a', 2_000_000)}\",\"new\":\"b\"}}"), Ct);
        await Rest.ProblemAsync(huge, HttpStatusCode.RequestEntityTooLarge);
        var long1 = await client.PostAsync("/api/v1/drafting/compare", Rest.RawJson($"{{\"old\":\"{string.Concat(Enumerable.Repeat("a ", 300_000))}\",\"new\":\"b\"}}"), Ct);
        Assert.Contains("old", (await Rest.ProblemAsync(long1, HttpStatusCode.BadRequest)).Errors.Keys);
    }

    private static ByteArrayContent File(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    private static byte[] Docx(string text, DocumentFormat.OpenXml.WordprocessingDocumentType type = DocumentFormat.OpenXml.WordprocessingDocumentType.Document)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, type))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(text.Split('\n').Select(line => new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(line) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve })))));
        }
        return ms.ToArray();
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), Encoding.UTF8);
                w.Write(content);
            }
        }
        return ms.ToArray();
    }
}
