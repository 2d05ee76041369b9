using System.Net;
using System.Net.Http.Json;
using Cadre.Core.Identity;
using Cadre.Core.Reporting;
using Cadre.Core.Reporting.Model;
using Cadre.Core.Results;
using Cadre.Web.Api.Planning;
using Cadre.Web.Api.Reporting;
using Cadre.Web.Api.Results;
using Cadre.Web.Infrastructure;
using Cadre.Web.Tests.Identity;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Web.Tests.Reporting;

/// <summary>
/// The reports API on SQLite or PostgreSQL (CADRE_TEST_PROVIDER): the way from draft to publication and its
/// access rules, generation through the worker (called directly, no timing), corrections, concurrency, the
/// evaluation's next plan, and deleting a plan that has reports.
/// </summary>
public sealed class ReportingApiTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    private async Task<(PlanResponse Plan, ReportResponse Report)> DraftAsync(ReportKind kind = ReportKind.Annual, int year = 2025)
    {
        var plan = await App.CreatePlanAsync();
        var goal = await App.CreateElementAsync(plan.Id, "goal", "1", title: "Connectivity");
        var planner = await App.PlannerAsync();
        // The report source refuses a plan without indicators (nothing to report), so the plan gets one.
        await Rest.ExpectStatusAsync(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/indicators",
            new IndicatorBody(goal.Id, "1.a", new() { ["en"] = "Individuals using the Internet", ["fr"] = "Personnes utilisant l'Internet" },
                Measure: Measure.Percentage, BaselineValue: 67, BaselineYear: 2023, EndTarget: 80), Rest.Json, Ct), HttpStatusCode.Created);
        var report = await Rest.ReadAsync<ReportResponse>(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/reports",
            new CreateReportRequest(kind, year), Rest.Json, Ct), HttpStatusCode.Created);
        return (plan, report);
    }

    private Task<int> RunJobsAsync() => App.Services.GetRequiredService<ReportWorker>().ProcessPendingAsync(Ct);

    private async Task<ReportResponse> GetAsync(HttpClient client, int id) =>
        await Rest.ReadAsync<ReportResponse>(await client.GetAsync($"/api/v1/reports/{id}", Ct));

    private async Task<ReportResponse> StepAsync(HttpClient client, int id, string step, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await Rest.ReadAsync<ReportResponse>(await client.PostAsJsonAsync($"/api/v1/reports/{id}/{step}", body, Rest.Json, Ct), expected);

    [Fact]
    public async Task A_report_goes_from_draft_to_publication_and_its_Delegates_are_notified()
    {
        var (_, draft) = await DraftAsync();
        var planner = await App.PlannerAsync();
        var councillor = await App.ClientAsAsync(Roles.Councillor);
        var anonymous = App.AnonymousClient();
        var delegateFra = await App.CreateUserAsync(Roles.Delegate, "FRA");
        var delegateKen = await App.CreateUserAsync(Roles.Delegate, "KEN");
        var delegateWithoutMember = await App.CreateUserAsync(Roles.Delegate);
        var delegateClient = await App.ClientAsAsync(Roles.Delegate, "FRA");

        // Narrative and generation while a draft.
        await Rest.ReadAsync<NarrativeResponse>(await planner.PutAsJsonAsync($"/api/v1/reports/{draft.Id}/narratives/element:1/en",
            new SaveNarrativeRequest("Coverage grew.", null), Rest.Json, Ct));
        var queued = await planner.PostAsJsonAsync($"/api/v1/reports/{draft.Id}/generate", new GenerateReportRequest(ReportFormat.Html, "en"), Rest.Json, Ct);
        var job = await Rest.ReadAsync<ReportJobResponse>(queued, HttpStatusCode.Accepted);
        Assert.Equal(job.Url, queued.Headers.Location?.OriginalString);
        Assert.Equal(ReportJobStatus.Queued, job.Status);
        Assert.Equal(1, await RunJobsAsync());
        job = await Rest.ReadAsync<ReportJobResponse>(await planner.GetAsync(job.Url, Ct));
        Assert.True(job.Status == ReportJobStatus.Done, job.Error);
        Assert.Equal(100, job.ProgressPercent);
        Assert.Equal(ReportJobStage.Finished, job.Stage);
        Assert.NotNull(job.FileUrl);

        // The file keeps the narrative and the data it was made from; unpublished, it is hidden from the public and Delegates.
        var file = await planner.GetAsync(job.FileUrl, Ct);
        await Rest.ExpectStatusAsync(file, HttpStatusCode.OK);
        Assert.Contains("Coverage grew.", await file.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using (var db = App.NewDbContext())
        {
            var artefact = await db.ReportArtefacts.SingleAsync(a => a.ReportId == draft.Id, Ct);
            Assert.Contains("Coverage grew.", artefact.ModelJson, StringComparison.Ordinal);
        }
        await Rest.ProblemAsync(await anonymous.GetAsync(job.FileUrl, Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await delegateClient.GetAsync(job.FileUrl, Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await anonymous.GetAsync($"/api/v1/reports/{draft.Id}", Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await delegateClient.GetAsync(job.Url, Ct), HttpStatusCode.NotFound);
        // Exports asked for by someone who may not read unpublished data: refused.
        await Rest.ProblemAsync(await delegateClient.PostAsJsonAsync($"/api/v1/reports/{draft.Id}/generate", new GenerateReportRequest(ReportFormat.Xlsx, "en"), Rest.Json, Ct), HttpStatusCode.Forbidden);
        await Rest.ExpectStatusAsync(await anonymous.PostAsJsonAsync($"/api/v1/reports/{draft.Id}/generate", new GenerateReportRequest(ReportFormat.Xlsx, "en"), Rest.Json, Ct), HttpStatusCode.Unauthorized);

        // Submit (Planner); only a Councillor records the decision.
        var report = await GetAsync(planner, draft.Id);
        await Rest.ProblemAsync(await councillor.PostAsJsonAsync($"/api/v1/reports/{draft.Id}/submit", new ReportStepRequest(report.Version), Rest.Json, Ct), HttpStatusCode.Forbidden);
        report = await StepAsync(planner, draft.Id, "submit", new ReportStepRequest(report.Version));
        Assert.Equal(ReportWorkflowStatus.Submitted, report.Status);
        await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/reports/{draft.Id}/decision", new CouncilDecisionRequest(report.Version, "Noted."), Rest.Json, Ct), HttpStatusCode.Forbidden);
        await Rest.ProblemAsync(await councillor.PostAsJsonAsync($"/api/v1/reports/{draft.Id}/decision", new CouncilDecisionRequest(report.Version, " "), Rest.Json, Ct), HttpStatusCode.BadRequest);
        report = await StepAsync(councillor, draft.Id, "decision", new CouncilDecisionRequest(report.Version, "Council took note of the report."));
        Assert.Equal(ReportWorkflowStatus.Considered, report.Status);
        Assert.Equal("Council took note of the report.", report.CouncilDecision);

        // Nothing is notified before publication; publication notifies every Member's Delegates (not a Delegate without a Member).
        var link = $"/Reporting/Public/{draft.Id}";
        await using (var db = App.NewDbContext()) Assert.Equal(0, await db.Notifications.CountAsync(n => n.Url == link, Ct));
        report = await StepAsync(planner, draft.Id, "publish", new ReportStepRequest(report.Version));
        Assert.Equal(ReportWorkflowStatus.Published, report.Status);
        await using (var db = App.NewDbContext())
        {
            var notified = await db.Notifications.Where(n => n.Url == link).Select(n => n.UserId).ToListAsync(Ct);
            Assert.Contains(delegateFra.Id, notified);
            Assert.Contains(delegateKen.Id, notified);
            Assert.DoesNotContain(delegateWithoutMember.Id, notified);
            Assert.Equal(notified.Count, notified.Distinct().Count());
        }

        // Published: public, with its file, and never changes.
        Assert.Equal(ReportWorkflowStatus.Published, (await GetAsync(anonymous, draft.Id)).Status);
        await Rest.ExpectStatusAsync(await anonymous.GetAsync(job.FileUrl, Ct), HttpStatusCode.OK);
        var narrative = report.Narratives.Single();
        await Rest.ProblemAsync(await planner.PutAsJsonAsync($"/api/v1/reports/{draft.Id}/narratives/element:1/en",
            new SaveNarrativeRequest("Changed.", narrative.Version), Rest.Json, Ct), HttpStatusCode.BadRequest);
        await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/reports/{draft.Id}/generate", new GenerateReportRequest(ReportFormat.Docx, "fr"), Rest.Json, Ct), HttpStatusCode.BadRequest);
        await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/reports/{draft.Id}/submit", new ReportStepRequest(report.Version), Rest.Json, Ct), HttpStatusCode.BadRequest);
        var after = await GetAsync(planner, draft.Id);
        Assert.Equal(report.Version, after.Version);
        Assert.Equal("Coverage grew.", after.Narratives.Single().Text);
    }

    [Fact]
    public async Task The_files_of_a_report_carry_its_status_through_Council_to_publication_and_nothing_else_changes()
    {
        var (_, draft) = await DraftAsync();
        var planner = await App.PlannerAsync();
        var councillor = await App.ClientAsAsync(Roles.Councillor);
        await Rest.ReadAsync<NarrativeResponse>(await planner.PutAsJsonAsync($"/api/v1/reports/{draft.Id}/narratives/element:1/en",
            new SaveNarrativeRequest("Coverage grew.", null), Rest.Json, Ct));
        foreach (var (format, language) in new[] { (ReportFormat.Docx, "en"), (ReportFormat.Html, "fr"), (ReportFormat.Xlsx, "en") })
        {
            await Rest.ReadAsync<ReportJobResponse>(await planner.PostAsJsonAsync($"/api/v1/reports/{draft.Id}/generate",
                new GenerateReportRequest(format, language), Rest.Json, Ct), HttpStatusCode.Accepted);
        }
        Assert.Equal(3, await RunJobsAsync());
        Dictionary<ReportFormat, (string Json, DateTime Created)> snapshots;
        await using (var db = App.NewDbContext())
        {
            snapshots = await db.ReportArtefacts.Where(a => a.ReportId == draft.Id).ToDictionaryAsync(a => a.Format, a => (a.ModelJson, a.CreatedAtUtc), Ct);
        }
        Assert.Equal(3, snapshots.Count);

        async Task ExpectStatusAsync(HttpClient client, string english, string french)
        {
            var files = (await GetAsync(client, draft.Id)).Files.ToDictionary(f => f.Format);
            var docx = await (await client.GetAsync(files[ReportFormat.Docx].Url, Ct)).Content.ReadAsByteArrayAsync(Ct);
            using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false))
            {
                var text = string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Take(3).Select(p => p.InnerText));
                Assert.Contains($"Status: {english}.", text, StringComparison.Ordinal);
                Assert.Contains("Coverage grew.", doc.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
            }
            Assert.Equal(files[ReportFormat.Docx].Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(docx)));
            var html = await (await client.GetAsync(files[ReportFormat.Html].Url, Ct)).Content.ReadAsStringAsync(Ct);
            Assert.Contains($"Statut : {french}.", html, StringComparison.Ordinal);
            await using var db = App.NewDbContext();
            foreach (var artefact in await db.ReportArtefacts.AsNoTracking().Where(a => a.ReportId == draft.Id).ToListAsync(Ct))
            {
                // Only the status line differs from the snapshot the file was generated from: same figures, narratives, time.
                var now = Cadre.Core.Reporting.Model.ReportJson.Deserialize(artefact.ModelJson);
                var then = Cadre.Core.Reporting.Model.ReportJson.Deserialize(snapshots[artefact.Format].Json);
                Assert.Equal(artefact.Language == "fr" ? french : english, now.Metadata.Status);
                Assert.Equal(Cadre.Core.Reporting.Model.ReportJson.Serialize(then with { Metadata = then.Metadata with { Status = now.Metadata.Status } }), artefact.ModelJson);
                Assert.Equal(snapshots[artefact.Format].Created, artefact.CreatedAtUtc);
            }
        }

        await ExpectStatusAsync(planner, "Draft", "Projet");
        var report = await StepAsync(planner, draft.Id, "submit", new ReportStepRequest(draft.Version));
        await ExpectStatusAsync(planner, "Submitted to Council", "Soumis au Conseil");
        report = await StepAsync(councillor, draft.Id, "decision", new CouncilDecisionRequest(report.Version, "Council took note of the report."));
        await ExpectStatusAsync(planner, "Considered by Council", "Examiné par le Conseil");
        await StepAsync(planner, draft.Id, "publish", new ReportStepRequest(report.Version));
        // What a reader gets once it is published, without signing in: the files and the public page say "Published".
        await ExpectStatusAsync(App.AnonymousClient(), "Published", "Publié");
        var page = await App.AnonymousClient().GetStringAsync($"/Reporting/Public/{draft.Id}?language=fr", Ct);
        Assert.Contains("Statut : Publié.", page, StringComparison.Ordinal);
    }

    /// <summary>The fields of an RFC 4180 text (quoted fields may hold commas, quotes and line breaks), without the BOM.</summary>
    private static IEnumerable<string> CsvFields(string csv)
    {
        var field = new System.Text.StringBuilder();
        var quoted = false;
        var text = csv.TrimStart('\uFEFF');
        for (var k = 0; k < text.Length; k++)
        {
            var c = text[k];
            if (quoted)
            {
                if (c == '"' && k + 1 < text.Length && text[k + 1] == '"') { field.Append('"'); k++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c is ',' or '\n') { yield return field.ToString(); field.Clear(); }
            else if (c != '\r') field.Append(c);
        }
        if (field.Length > 0) yield return field.ToString();
    }

    [Fact]
    public async Task Every_table_of_a_generated_file_is_data_and_CSV_without_live_formulas_hidden_like_the_file_until_published()
    {
        var (plan, draft) = await DraftAsync();
        var planner = await App.PlannerAsync();
        // Texts that a spreadsheet would read as formulas.
        var goal = await App.CreateElementAsync(plan.Id, "goal", "2", title: "=HYPERLINK(\"http://x\")");
        await Rest.ExpectStatusAsync(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/indicators",
            new IndicatorBody(goal.Id, "2.a", new() { ["en"] = "@SUM(A1:A9)", ["fr"] = "+1 indicateur" }, Measure: Measure.Number, Unit: "=2+3", BaselineValue: 5.5m, BaselineYear: 2023, EndTarget: 10),
            Rest.Json, Ct), HttpStatusCode.Created);
        await Rest.ReadAsync<ReportJobResponse>(await planner.PostAsJsonAsync($"/api/v1/reports/{draft.Id}/generate",
            new GenerateReportRequest(ReportFormat.Xlsx, "fr"), Rest.Json, Ct), HttpStatusCode.Accepted);
        await RunJobsAsync();
        var file = Assert.Single((await GetAsync(planner, draft.Id)).Files);

        var tables = await Rest.ReadAsync<List<ReportTableResponse>>(await planner.GetAsync(file.TablesUrl, Ct));
        await using (var db = App.NewDbContext())
        {
            var model = ReportJson.Deserialize((await db.ReportArtefacts.SingleAsync(a => a.Id == file.Id, Ct)).ModelJson);
            Assert.Equal(model.AllTables().Select(t => t.Key), tables.Select(t => t.Key));
            Assert.Equal(model.AllTables().Select(t => t.Rows.Count), tables.Select(t => t.Rows.Count));
        }
        Assert.Equal(Enumerable.Range(1, tables.Count), tables.Select(t => t.Number));
        var indicators = tables.Single(t => t.Key == "indicators:2");
        Assert.Equal("Indicateur", indicators.Header[0]);
        Assert.Equal("=2+3", indicators.Rows[0][1]);
        Assert.Equal("5.5", indicators.Rows[0][2]);

        // Each table's CSV, and all of them in one ZIP: the same files, no cell that starts a formula.
        var csvs = new List<string>();
        foreach (var t in tables)
        {
            var response = await planner.GetAsync(t.CsvUrl, Ct);
            await Rest.ExpectStatusAsync(response, HttpStatusCode.OK);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            csvs.Add(await response.Content.ReadAsStringAsync(Ct));
        }
        var zipResponse = await planner.GetAsync(file.CsvZipUrl, Ct);
        await Rest.ExpectStatusAsync(zipResponse, HttpStatusCode.OK);
        using (var zip = new System.IO.Compression.ZipArchive(await zipResponse.Content.ReadAsStreamAsync(Ct)))
        {
            Assert.Equal(tables.Count, zip.Entries.Count);
            for (var k = 0; k < tables.Count; k++)
            {
                using var reader = new StreamReader(zip.Entries[k].Open());
                Assert.Equal(csvs[k], await reader.ReadToEndAsync(Ct));
            }
        }
        var all = string.Join("\r\n", csvs);
        Assert.Contains(",'=2+3,", all, StringComparison.Ordinal);
        foreach (var field in csvs.SelectMany(CsvFields))
        {
            // A negative number is a number; text never starts with a formula character unescaped.
            if (decimal.TryParse(field, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _)) continue;
            Assert.False(field.Length > 0 && "=+-@\t\r".Contains(field[0], StringComparison.Ordinal), field);
        }
        await Rest.ProblemAsync(await planner.GetAsync($"/api/v1/report-files/{file.Id}/tables/{tables.Count + 1}.csv", Ct), HttpStatusCode.NotFound);

        // Unpublished: hidden from the public and the Delegates like the file itself, in the API and the page.
        var delegateClient = await App.ClientAsAsync(Roles.Delegate, "FRA");
        foreach (var url in new[] { file.TablesUrl, file.CsvZipUrl, tables[0].CsvUrl })
        {
            await Rest.ProblemAsync(await App.AnonymousClient().GetAsync(url, Ct), HttpStatusCode.NotFound);
            await Rest.ProblemAsync(await delegateClient.GetAsync(url, Ct), HttpStatusCode.NotFound);
        }
        var page = $"/Reporting/Files/{file.Id}?handler=Csv";
        Assert.Equal(HttpStatusCode.NotFound, (await App.AnonymousClient().GetAsync(page, Ct)).StatusCode);

        // Published: everyone reads them.
        var report = await StepAsync(planner, draft.Id, "submit", new ReportStepRequest(draft.Version));
        report = await StepAsync(await App.ClientAsAsync(Roles.Councillor), draft.Id, "decision", new CouncilDecisionRequest(report.Version, "Noted."));
        await StepAsync(planner, draft.Id, "publish", new ReportStepRequest(report.Version));
        Assert.Equal(tables.Count, (await Rest.ReadAsync<List<ReportTableResponse>>(await App.AnonymousClient().GetAsync(file.TablesUrl, Ct))).Count);
        await Rest.ExpectStatusAsync(await delegateClient.GetAsync(file.CsvZipUrl, Ct), HttpStatusCode.OK);
        var pageZip = await App.AnonymousClient().GetAsync(page, Ct);
        Assert.Equal(HttpStatusCode.OK, pageZip.StatusCode);
        Assert.Equal("application/zip", pageZip.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_year_outside_the_plan_is_refused_and_a_plan_without_indicators_fails_its_job_with_the_reason()
    {
        var planner = await App.PlannerAsync();
        var plan = await App.CreatePlanAsync();
        await App.CreateElementAsync(plan.Id, "goal", "1", title: "Connectivity");
        var outside = await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/reports",
            new CreateReportRequest(ReportKind.Annual, plan.EndYear + 1), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("year", outside.Errors.Keys);

        var report = await Rest.ReadAsync<ReportResponse>(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/reports",
            new CreateReportRequest(ReportKind.Annual, plan.StartYear), Rest.Json, Ct), HttpStatusCode.Created);
        var job = await Rest.ReadAsync<ReportJobResponse>(await planner.PostAsJsonAsync($"/api/v1/reports/{report.Id}/generate",
            new GenerateReportRequest(ReportFormat.Docx, "en"), Rest.Json, Ct), HttpStatusCode.Accepted);
        await RunJobsAsync();
        job = await Rest.ReadAsync<ReportJobResponse>(await planner.GetAsync(job.Url, Ct));
        Assert.Equal(ReportJobStatus.Failed, job.Status);
        Assert.Null(job.FileUrl);
        Assert.Contains(plan.Code, job.Error, StringComparison.Ordinal);
        Assert.Contains("indicators", job.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await GetAsync(planner, report.Id)).Files);
    }

    [Fact]
    public async Task A_correction_is_a_new_draft_version_and_two_at_once_give_one_version_and_a_conflict()
    {
        var (plan, draft) = await DraftAsync();
        var planner = await App.PlannerAsync();
        var councillor = await App.ClientAsAsync(Roles.Councillor);
        var other = await App.ClientAsAsync(Roles.Planner);
        await Rest.ReadAsync<NarrativeResponse>(await planner.PutAsJsonAsync($"/api/v1/reports/{draft.Id}/narratives/summary/fr",
            new SaveNarrativeRequest("Résumé.", null), Rest.Json, Ct));
        var report = await StepAsync(planner, draft.Id, "submit", new ReportStepRequest(draft.Version));
        report = await StepAsync(councillor, draft.Id, "decision", new CouncilDecisionRequest(report.Version, "Approved."));
        await StepAsync(planner, draft.Id, "publish", new ReportStepRequest(report.Version));

        // Two corrections at once: one new version, the other a 409 (not a 500), nothing half-stored.
        // EF Core logs the refused insert (unique index) before Cadre turns it into a conflict.
        ExpectLog("Microsoft.EntityFrameworkCore.(Update|Database.Command)");
        var answers = await Task.WhenAll(
            planner.PostAsJsonAsync($"/api/v1/reports/{draft.Id}/correct", new { }, Rest.Json, Ct),
            other.PostAsJsonAsync($"/api/v1/reports/{draft.Id}/correct", new { }, Rest.Json, Ct));
        var statuses = answers.Select(a => a.StatusCode).Order().ToList();
        Assert.Contains(HttpStatusCode.Created, statuses);
        Assert.Single(statuses, s => s == HttpStatusCode.Created);
        Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.True(s is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, s.ToString()));
        var created = await Rest.ReadAsync<ReportResponse>(answers.Single(a => a.StatusCode == HttpStatusCode.Created), HttpStatusCode.Created);
        Assert.Equal(2, created.VersionNumber);
        Assert.Equal(draft.Id, created.CorrectsReportId);
        Assert.Equal(ReportWorkflowStatus.Draft, created.Status);
        Assert.Equal("Résumé.", created.Narratives.Single().Text);

        var list = await Rest.ReadAsync<List<ReportSummaryResponse>>(await planner.GetAsync($"/api/v1/plans/{plan.Id}/reports", Ct));
        Assert.Equal([1, 2], list.Select(r => r.VersionNumber).ToArray());
        // The public does not see a draft plan's reports at all; the published version stays readable by its id.
        await Rest.ProblemAsync(await App.AnonymousClient().GetAsync($"/api/v1/plans/{plan.Id}/reports", Ct), HttpStatusCode.NotFound);
        Assert.Equal(1, (await GetAsync(App.AnonymousClient(), draft.Id)).VersionNumber);
        await Rest.ProblemAsync(await App.AnonymousClient().GetAsync($"/api/v1/reports/{created.Id}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Two_concurrent_edits_of_a_narrative_give_one_winner_and_a_409()
    {
        var (_, draft) = await DraftAsync();
        var planner = await App.PlannerAsync();
        var other = await App.ClientAsAsync(Roles.Planner);
        var first = await Rest.ReadAsync<NarrativeResponse>(await planner.PutAsJsonAsync($"/api/v1/reports/{draft.Id}/narratives/element:1/en",
            new SaveNarrativeRequest("First text.", null), Rest.Json, Ct));

        // Both read version N and save. EF Core logs the refused update before Cadre turns it into a conflict.
        ExpectLog("Microsoft.EntityFrameworkCore.(Update|Database.Command)");
        var answers = await Task.WhenAll(
            planner.PutAsJsonAsync($"/api/v1/reports/{draft.Id}/narratives/element:1/en", new SaveNarrativeRequest("Planner's text.", first.Version), Rest.Json, Ct),
            other.PutAsJsonAsync($"/api/v1/reports/{draft.Id}/narratives/element:1/en", new SaveNarrativeRequest("Other's text.", first.Version), Rest.Json, Ct));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.OK);
        await Rest.ProblemAsync(loser, HttpStatusCode.Conflict);
        var winner = await Rest.ReadAsync<NarrativeResponse>(answers.Single(a => a.StatusCode == HttpStatusCode.OK));
        var stored = (await GetAsync(planner, draft.Id)).Narratives.Single();
        Assert.Equal(winner.Text, stored.Text);
        Assert.Equal(first.Version + 1, stored.Version);

        // The same with two first narratives of a section in French: one is stored, the other gets 409.
        var firsts = await Task.WhenAll(
            planner.PutAsJsonAsync($"/api/v1/reports/{draft.Id}/narratives/summary/fr", new SaveNarrativeRequest("Un.", null), Rest.Json, Ct),
            other.PutAsJsonAsync($"/api/v1/reports/{draft.Id}/narratives/summary/fr", new SaveNarrativeRequest("Deux.", null), Rest.Json, Ct));
        Assert.Contains(firsts, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(firsts, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, a.StatusCode.ToString()));
        Assert.Single((await GetAsync(planner, draft.Id)).Narratives, n => n.SectionKey == "summary");
    }

    [Fact]
    public async Task A_job_interrupted_by_a_restart_is_queued_again_once_then_failed()
    {
        var (_, draft) = await DraftAsync();
        var planner = await App.PlannerAsync();
        var job = await Rest.ReadAsync<ReportJobResponse>(await planner.PostAsJsonAsync($"/api/v1/reports/{draft.Id}/generate",
            new GenerateReportRequest(ReportFormat.Docx, "fr"), Rest.Json, Ct), HttpStatusCode.Accepted);
        var worker = App.Services.GetRequiredService<ReportWorker>();

        // A worker took it and the process stopped mid-run.
        await using (var db = App.NewDbContext())
        {
            var row = await db.ReportJobs.SingleAsync(j => j.Id == job.Id, Ct);
            row.Status = ReportJobStatus.Running;
            row.Attempts = 1;
            row.Stage = ReportJobStage.Writing;
            await db.SaveChangesAsync(Ct);
        }
        var recovered = await worker.RecoverAsync(Ct);
        Assert.Equal(1, recovered.Requeued);
        Assert.Equal(ReportJobStatus.Queued, (await Rest.ReadAsync<ReportJobResponse>(await planner.GetAsync(job.Url, Ct))).Status);
        await RunJobsAsync();
        var done = await Rest.ReadAsync<ReportJobResponse>(await planner.GetAsync(job.Url, Ct));
        Assert.True(done.Status == ReportJobStatus.Done, done.Error);

        // A job that stopped its worker as many times as allowed is failed, with the reason.
        var second = await Rest.ReadAsync<ReportJobResponse>(await planner.PostAsJsonAsync($"/api/v1/reports/{draft.Id}/generate",
            new GenerateReportRequest(ReportFormat.Xlsx, "en"), Rest.Json, Ct), HttpStatusCode.Accepted);
        await using (var db = App.NewDbContext())
        {
            var row = await db.ReportJobs.SingleAsync(j => j.Id == second.Id, Ct);
            row.Status = ReportJobStatus.Running;
            row.Attempts = ReportingLimits.MaxJobAttempts;
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal(1, (await worker.RecoverAsync(Ct)).Failed);
        var failed = await Rest.ReadAsync<ReportJobResponse>(await planner.GetAsync(second.Url, Ct));
        Assert.Equal(ReportJobStatus.Failed, failed.Status);
        Assert.False(string.IsNullOrWhiteSpace(failed.Error));
        Assert.Null(failed.FileUrl);
    }

    [Fact]
    public async Task Deleting_a_plan_removes_its_draft_reports_and_is_refused_once_a_report_went_to_Council()
    {
        var planner = await App.PlannerAsync();
        var (plan, draft) = await DraftAsync();
        await Rest.ReadAsync<ReportJobResponse>(await planner.PostAsJsonAsync($"/api/v1/reports/{draft.Id}/generate",
            new GenerateReportRequest(ReportFormat.Html, "en"), Rest.Json, Ct), HttpStatusCode.Accepted);
        await RunJobsAsync();
        var current = await Rest.ReadAsync<PlanResponse>(await planner.GetAsync($"/api/v1/plans/{plan.Id}", Ct));
        await Rest.ExpectStatusAsync(await planner.DeleteAsync($"/api/v1/plans/{plan.Id}?version={current.Version}", Ct), HttpStatusCode.NoContent);
        await using (var db = App.NewDbContext())
        {
            Assert.False(await db.Reports.AnyAsync(r => r.Id == draft.Id, Ct));
            Assert.False(await db.ReportArtefacts.AnyAsync(a => a.ReportId == draft.Id, Ct));
        }

        var (plan2, draft2) = await DraftAsync();
        await StepAsync(planner, draft2.Id, "submit", new ReportStepRequest(draft2.Version));
        current = await Rest.ReadAsync<PlanResponse>(await planner.GetAsync($"/api/v1/plans/{plan2.Id}", Ct));
        var refused = await Rest.ProblemAsync(await planner.DeleteAsync($"/api/v1/plans/{plan2.Id}?version={current.Version}", Ct), HttpStatusCode.BadRequest);
        Assert.Contains("status", refused.Errors.Keys);
        await using (var db = App.NewDbContext())
        {
            Assert.True(await db.Plans.AnyAsync(p => p.Id == plan2.Id, Ct));
            Assert.True(await db.Reports.AnyAsync(r => r.Id == draft2.Id, Ct));
        }
    }

    [Fact]
    public async Task An_evaluation_creates_the_draft_of_the_next_plan_once_and_links_it()
    {
        var planner = await App.PlannerAsync();
        var (plan, evaluation) = await DraftAsync(ReportKind.Evaluation, 0);
        Assert.Equal(plan.EndYear, evaluation.Year);
        var code = "NEXT-" + Guid.NewGuid().ToString("N")[..6];
        var linked = await Rest.ReadAsync<ReportResponse>(await planner.PostAsJsonAsync($"/api/v1/reports/{evaluation.Id}/next-plan",
            new NextPlanRequest(code, 2028, 2031), Rest.Json, Ct), HttpStatusCode.Created);
        Assert.NotNull(linked.NextPlanId);
        var next = await Rest.ReadAsync<PlanResponse>(await planner.GetAsync($"/api/v1/plans/{linked.NextPlanId}", Ct));
        Assert.Equal(code, next.Code);
        await using (var db = App.NewDbContext())
        {
            Assert.Equal(plan.Id, await db.Plans.Where(p => p.Id == next.Id).Select(p => p.PreviousPlanId).SingleAsync(Ct));
            Assert.Equal(1, await db.PlanElements.CountAsync(e => e.PlanId == next.Id, Ct));
        }
        await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/reports/{evaluation.Id}/next-plan",
            new NextPlanRequest(code + "B", 2028, 2031), Rest.Json, Ct), HttpStatusCode.BadRequest);

        // An annual report has no next plan; a bad period stores nothing.
        var (_, annual) = await DraftAsync();
        await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/reports/{annual.Id}/next-plan", new NextPlanRequest("X-1", 2028, 2031), Rest.Json, Ct), HttpStatusCode.BadRequest);
        var (_, evaluation2) = await DraftAsync(ReportKind.Evaluation, 0);
        await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/reports/{evaluation2.Id}/next-plan", new NextPlanRequest("BAD-PERIOD", 2031, 2028), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Null((await GetAsync(planner, evaluation2.Id)).NextPlanId);
        await using (var db2 = App.NewDbContext()) Assert.False(await db2.Plans.AnyAsync(p => p.Code == "BAD-PERIOD", Ct));
        await Rest.ExpectStatusAsync(await App.AnonymousClient().PostAsJsonAsync($"/api/v1/reports/{evaluation2.Id}/next-plan", new NextPlanRequest("Y-1", 2028, 2031), Rest.Json, Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Word_HTML_and_Excel_in_English_and_French_are_queued_in_one_action_from_the_API_and_the_report_page()
    {
        var (_, draft) = await DraftAsync();
        var planner = await App.PlannerAsync();

        // Refused as a whole: an unknown language queues nothing; others may not ask.
        var bad = await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/reports/{draft.Id}/generate-all", new GenerateReportSetRequest(["en", "xx"]), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.True(bad.Errors.ContainsKey("languages"));
        await using (var db = App.NewDbContext()) Assert.Equal(0, await db.ReportJobs.CountAsync(j => j.ReportId == draft.Id, Ct));
        await Rest.ProblemAsync(await (await App.ClientAsAsync(Roles.Delegate, "FRA")).PostAsJsonAsync($"/api/v1/reports/{draft.Id}/generate-all", new { }, Rest.Json, Ct), HttpStatusCode.Forbidden);
        await Rest.ExpectStatusAsync(await App.AnonymousClient().PostAsJsonAsync($"/api/v1/reports/{draft.Id}/generate-all", new { }, Rest.Json, Ct), HttpStatusCode.Unauthorized);

        // One call: six jobs, one per format and language, and the worker makes the six files.
        var jobs = await Rest.ReadAsync<List<ReportJobResponse>>(await planner.PostAsJsonAsync($"/api/v1/reports/{draft.Id}/generate-all", new { }, Rest.Json, Ct), HttpStatusCode.Accepted);
        string[] expected = ["Docx en", "Docx fr", "Html en", "Html fr", "Xlsx en", "Xlsx fr"];
        Assert.Equal(expected, jobs.Select(j => $"{j.Format} {j.Language}").Order(StringComparer.Ordinal));
        Assert.Equal(6, await RunJobsAsync());
        var report = await GetAsync(planner, draft.Id);
        Assert.Equal(expected, report.Files.Select(f => $"{f.Format} {f.Language}").Order(StringComparer.Ordinal));

        // The report page's button does the same, for a signed-in Planner.
        var pageClient = await App.SignedInClientAsync(await App.CreateUserWithPasswordAsync(Roles.Planner));
        var posted = await IdentityTestSupport.PostFormAsync(pageClient, $"/Reporting/{draft.Id}", $"/Reporting/{draft.Id}?handler=GenerateAll", []);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(6, await RunJobsAsync());
        Assert.Equal(12, (await GetAsync(planner, draft.Id)).Files.Count);
    }
}
