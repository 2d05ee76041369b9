using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cadre.Core.Common;
using Cadre.Core.Demo;
using Cadre.Core.Drafting;
using Cadre.Core.Governance;
using Cadre.Core.Identity;
using Cadre.Text.Diff;
using Cadre.Text.Docx;
using Cadre.Web.Api.Drafting;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests.Api.Drafting;

/// <summary>Importing a Word document with tracked changes as a base plus a proposal, and submitting a proposal to a meeting (SQLite, and PostgreSQL with CADRE_TEST_PROVIDER=Postgres).</summary>
public sealed class DocxImportApiTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    private static byte[] Redline(string baseText, string proposal) =>
        DocxRedlineWriter.Write(WordDiff.Compare(DraftingText.Normalize(baseText), DraftingText.Normalize(proposal)),
            new DocxRedlineOptions { Author = "Mexico", Date = new DateTime(2022, 3, 1, 0, 0, 0, DateTimeKind.Utc), Language = "fr-FR" });

    private static MultipartFormDataContent Form(byte[] file, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        form.Add(content, "file", "resolution-71.docx");
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return form;
    }

    [Fact]
    public async Task A_delegate_previews_then_imports_a_tracked_changes_document_and_its_redline_reads_back_as_base_and_proposal()
    {
        var chair = await App.ClientAsAsync(Roles.Chair);
        var mexico = await App.ClientAsAsync(Roles.Delegate, "MEX");
        var instrument = await DraftingFixture.CreateInstrumentAsync(chair, "71-docx");
        var dubai = await DraftingFixture.CreateVersionAsync(chair, instrument.Id, "Rév. Dubaï, 2018", DemoDraftingTexts.Dubai, publish: true);
        var docx = Redline(DemoDraftingTexts.Dubai, DemoDraftingTexts.Bucharest);
        var url = $"/api/v1/drafting/instruments/{instrument.Id}/import-docx";

        var preview = await Rest.ReadAsync<ImportDocxResponse>(await mexico.PostAsync(url,
            Form(docx, ("language", "fr"), ("title", "Bucarest"), ("supReason", "Supprimé."), ("dryRun", "true")), Ct));
        Assert.False(preview.Saved);
        Assert.Equal(dubai.Id, preview.BaseVersionId);
        Assert.True(preview.CreatesProposal);
        Assert.Equal(["Mexico"], preview.Authors);
        Assert.NotEmpty(preview.TrackedChanges);
        Assert.Empty(await Rest.ReadAsync<List<ProposalResponse>>(await mexico.GetAsync($"/api/v1/drafting/proposals?versionId={dubai.Id}", Ct)));

        var saved = await Rest.ReadAsync<ImportDocxResponse>(await mexico.PostAsync(url,
            Form(docx, ("language", "fr"), ("title", "Bucarest"), ("supReason", "Supprimé.")), Ct), HttpStatusCode.Created);
        Assert.True(saved.Saved);
        Assert.False(saved.BaseCreated);
        var proposal = await Rest.ReadAsync<ProposalResponse>(await mexico.GetAsync($"/api/v1/drafting/proposals/{saved.ProposalId}", Ct));
        Assert.Equal("MEX", proposal.MemberCode);
        Assert.Equal(DraftingText.Paragraphs(DemoDraftingTexts.Bucharest), proposal.ProposedParagraphs);
        Assert.Contains(proposal.Changes, c => c.Action == ProvisionAction.Mod);

        // Round trip: the product's own export of that proposal, imported again, is the same base and proposal.
        var exported = await mexico.GetByteArrayAsync($"/api/v1/drafting/proposals/{proposal.Id}/redline?format=docx", Ct);
        var again = TrackedChangesReader.Read(exported);
        Assert.Equal(DraftingText.Normalize(DemoDraftingTexts.Dubai), again.BaseText);
        Assert.Equal(DraftingText.Normalize(DemoDraftingTexts.Bucharest), again.ProposedText);
    }

    [Fact]
    public async Task The_secretariat_imports_a_new_base_a_delegate_cannot_and_bad_files_are_refused_with_nothing_stored()
    {
        var chair = await App.ClientAsAsync(Roles.Chair);
        var mexico = await App.ClientAsAsync(Roles.Delegate, "MEX");
        var reporter = await App.ClientAsAsync(Roles.Reporter);
        var instrument = await DraftingFixture.CreateInstrumentAsync(chair, "71-newbase");
        var url = $"/api/v1/drafting/instruments/{instrument.Id}/import-docx";
        var docx = Redline(DemoDraftingTexts.Dubai, DemoDraftingTexts.Bucharest);

        var refused = await Rest.ProblemAsync(await mexico.PostAsync(url, Form(docx, ("language", "fr"), ("title", "x"), ("supReason", "x")), Ct), HttpStatusCode.BadRequest);
        Assert.Contains("file", refused.Errors.Keys);
        await Rest.ExpectStatusAsync(await reporter.PostAsync(url, Form(docx, ("language", "fr")), Ct), HttpStatusCode.Forbidden);
        await Rest.ExpectStatusAsync(await App.AnonymousClient().PostAsync(url, Form(docx, ("language", "fr")), Ct), HttpStatusCode.Unauthorized);

        var encrypted = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 };
        Assert.Contains("file", (await Rest.ProblemAsync(await chair.PostAsync(url, Form(encrypted, ("language", "fr"), ("baseLabel", "x")), Ct), HttpStatusCode.BadRequest)).Errors.Keys);
        Assert.Contains("file", (await Rest.ProblemAsync(await chair.PostAsync(url, Form(docx[..(docx.Length / 2)], ("language", "fr"), ("baseLabel", "x")), Ct), HttpStatusCode.BadRequest)).Errors.Keys);
        Assert.Contains("baseLabel", (await Rest.ProblemAsync(await chair.PostAsync(url, Form(docx, ("language", "fr")), Ct), HttpStatusCode.BadRequest)).Errors.Keys);
        var unchanged = await Rest.ReadAsync<InstrumentResponse>(await chair.GetAsync($"/api/v1/drafting/instruments/{instrument.Id}", Ct));
        Assert.Empty(unchanged.Versions!);

        var created = await Rest.ReadAsync<ImportDocxResponse>(await chair.PostAsync(url, Form(docx, ("language", "fr"), ("baseLabel", "Rév. Dubaï, 2018")), Ct), HttpStatusCode.Created);
        Assert.True(created.BaseCreated);
        Assert.Null(created.ProposalId);
        var version = await Rest.ReadAsync<VersionResponse>(await chair.GetAsync($"/api/v1/drafting/versions/{created.BaseVersionId}", Ct));
        Assert.Equal(VersionStatus.Published, version.Status);
        Assert.Equal(DraftingText.Paragraphs(DemoDraftingTexts.Dubai), version.Paragraphs);

        // Now the Delegate's import finds that base.
        var mine = await Rest.ReadAsync<ImportDocxResponse>(await mexico.PostAsync(url, Form(docx, ("language", "fr"), ("title", "Bucarest"), ("supReason", "x")), Ct), HttpStatusCode.Created);
        Assert.Equal(created.BaseVersionId, mine.BaseVersionId);
        Assert.NotNull(mine.ProposalId);
    }

    // The redline with an incompressible part added, stored, so that the file is about the given size.
    private static byte[] Padded(byte[] docx, long size)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.CreateEntry("customXml/padding.bin", System.IO.Compression.CompressionLevel.NoCompression);
            using var output = entry.Open();
            var padding = new byte[Math.Max(0, size - docx.Length - 200)];
            new Random(5).NextBytes(padding);
            output.Write(padding);
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task A_docx_of_up_to_5_MiB_is_read_and_a_larger_one_is_refused_with_413()
    {
        var chair = await App.ClientAsAsync(Roles.Chair);
        var mexico = await App.ClientAsAsync(Roles.Delegate, "MEX");
        var instrument = await DraftingFixture.CreateInstrumentAsync(chair, "71-large");
        await DraftingFixture.CreateVersionAsync(chair, instrument.Id, "Rév. Dubaï, 2018", DemoDraftingTexts.Dubai, publish: true);
        var url = $"/api/v1/drafting/instruments/{instrument.Id}/import-docx";
        var docx = Redline(DemoDraftingTexts.Dubai, DemoDraftingTexts.Bucharest);

        // Over the 1 MiB of an ordinary request, under 5 MiB: read (a dry run stores nothing).
        var under = Padded(docx, DraftingEndpoints.DocxImportFileBytes - (16 * 1024));
        Assert.InRange(under.Length, 4 * 1024 * 1024, DraftingEndpoints.DocxImportFileBytes);
        var preview = await Rest.ReadAsync<ImportDocxResponse>(await mexico.PostAsync(url, Form(under, ("language", "fr"), ("title", "Bucarest"), ("supReason", "x"), ("dryRun", "true")), Ct));
        Assert.False(preview.BaseCreated);
        Assert.NotEmpty(preview.Changes);

        // Over 5 MiB: 413 with a ProblemDetails that gives the limit.
        var over = Padded(docx, DraftingEndpoints.DocxImportBodyLimit + (64 * 1024));
        var problem = await Rest.ProblemAsync(await mexico.PostAsync(url, Form(over, ("language", "fr"), ("title", "Bucarest"), ("supReason", "x")), Ct), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains(DraftingEndpoints.DocxImportBodyLimit.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en")), problem.Detail, StringComparison.Ordinal);
        await using var db = App.NewDbContext();
        Assert.False(db.Proposals.Any(p => p.BaseVersion!.InstrumentId == instrument.Id));
    }

    [Fact]
    public async Task A_delegate_submits_a_proposal_to_an_upcoming_meeting_and_a_late_one_is_refused()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var code = "PP" + suffix;
        int onTime, late;
        await using (var db = App.NewDbContext())
        {
            var body = new Body { Code = code, Kind = BodyKind.Conference, Name = new LocalizedText("Plenipotentiary " + suffix) };
            var m1 = new Meeting { Body = body, Title = new LocalizedText("PP-30 " + suffix), StartUtc = new DateTime(2030, 9, 1, 8, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2030, 9, 20, 8, 0, 0, DateTimeKind.Utc) };
            var m2 = new Meeting { Body = body, Title = new LocalizedText("PP-34 " + suffix), StartUtc = new DateTime(2034, 9, 1, 8, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2034, 9, 20, 8, 0, 0, DateTimeKind.Utc) };
            db.AddRange(body, m1, m2);
            await db.SaveChangesAsync(Ct);
            db.Add(new WorkItem { BodyId = body.Id, MeetingId = m2.Id, Kind = WorkItemKind.ContributionDeadline, DueOn = new DateOnly(2020, 1, 1), Title = new LocalizedText("Due") });
            await db.SaveChangesAsync(Ct);
            (onTime, late) = (m1.Id, m2.Id);
        }
        var chair = await App.ClientAsAsync(Roles.Chair);
        var mexico = await App.ClientAsAsync(Roles.Delegate, "MEX");
        var instrument = await Rest.ReadAsync<InstrumentResponse>(await chair.PostAsJsonAsync("/api/v1/drafting/instruments",
            new CreateInstrumentRequest(InstrumentKind.Resolution, code, "71", new() { ["fr"] = "Plan stratégique" }), Rest.Json), HttpStatusCode.Created);
        var dubai = await DraftingFixture.CreateVersionAsync(chair, instrument.Id, "Rév. Dubaï, 2018", DemoDraftingTexts.Dubai, publish: true);
        var proposal = await DraftingFixture.ProposeAsync(mexico, dubai.Id, DemoDraftingTexts.BucharestChanges, submit: false);
        var url = $"/api/v1/drafting/proposals/{proposal.Id}/contribution";

        var tooLate = await Rest.ProblemAsync(await mexico.PostAsJsonAsync(url, new MeetingSubmissionRequest(late, proposal.Version), Rest.Json), HttpStatusCode.BadRequest);
        Assert.Contains("deadline", tooLate.Errors.Keys);
        var usa = await App.ClientAsAsync(Roles.Delegate, "USA");
        await Rest.ExpectStatusAsync(await usa.PostAsJsonAsync(url, new MeetingSubmissionRequest(onTime, proposal.Version), Rest.Json), HttpStatusCode.NotFound);

        var submitted = await Rest.ReadAsync<ProposalResponse>(await mexico.PostAsJsonAsync(url, new MeetingSubmissionRequest(onTime, proposal.Version), Rest.Json));
        Assert.Equal(ProposalStatus.Submitted, submitted.Status);
        Assert.NotNull(submitted.ContributionId);
        var contribution = await Rest.ReadAsync<System.Text.Json.JsonElement>(await mexico.GetAsync($"/api/v1/contributions/{submitted.ContributionId}", Ct));
        Assert.Equal(onTime, contribution.GetProperty("meetingId").GetInt32());
        Assert.Equal("submitted", contribution.GetProperty("status").GetString());

        // The proposal page shows it and the contribution's page links back.
        var page = await mexico.GetStringAsync($"/Drafting/Proposals/{proposal.Id}", Ct);
        Assert.Contains($"/Governance/Contributions/{submitted.ContributionId}", page, StringComparison.Ordinal);
        Assert.Contains($"/Governance/Meetings/{onTime}", page, StringComparison.Ordinal);
        var back = await mexico.GetStringAsync($"/Governance/Contributions/{submitted.ContributionId}", Ct);
        Assert.Contains($"/Drafting/Proposals/{proposal.Id}", back, StringComparison.Ordinal);
    }
}
