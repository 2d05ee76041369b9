using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Reporting;
using Cadre.Core.Reporting.Handlers;
using Cadre.Core.Reporting.Model;
using Cadre.Core.Reporting.Sources;
using Cadre.Core.Reporting.Writers;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cadre.Web.Api.Reporting;

/// <summary>
/// <c>/api/v1</c> for Reporting: a plan's annual reports and evaluation, their narratives, background generation
/// (DOCX, HTML, XLSX) with its progress, the files, and the way to Council and publication. Reads are open:
/// a published report and its files are public; unpublished ones answer 404 to anyone who may not read drafts.
/// Writes need an access token; the handlers check the role (Planner; Councillor for the Council's decision).
/// </summary>
public static class ReportingEndpoints
{
    private const string ReportsTag = "Reports";
    private const string JobsTag = "Report generation";
    private const string OpenDataTag = "Open data (IATI)";
    private const string XmlContentType = "application/xml";

    public static IEndpointRouteBuilder MapReportingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .AddEndpointFilter(ApiSetup.CatchHandlerFailures)
            .WithMetadata(new ApiSetup.SkipStatusCodePages());

        api.MapGet("/plans/{id:int}/reports", List).Read().ProducesProblems(404)
            .WithName("ListReports").WithSummary("The plan's reports you may read (published ones for the public), by year and version.").WithTags(ReportsTag);
        api.MapPost("/plans/{id:int}/reports", Create).Write()
            .WithName("CreateReport").WithSummary("Starts the annual report of a year, or the evaluation of the plan's period, as a draft.").WithTags(ReportsTag);
        api.MapGet("/reports/{id:int}", Get).Read().ProducesProblems(404)
            .WithName("GetReport").WithSummary("A report with its narratives, files and (for the secretariat) generation jobs.").WithTags(ReportsTag);
        api.MapPut("/reports/{id:int}/narratives/{section}/{language}", SaveNarrative).Write()
            .WithName("SaveReportNarrative").WithSummary("Writes a section's narrative in a language while the report is a draft (409 if someone changed it since your version).").WithTags(ReportsTag);
        api.MapPost("/reports/{id:int}/generate", Generate).Write().Produces<ReportJobResponse>(StatusCodes.Status202Accepted)
            .WithName("GenerateReport").WithSummary("Queues the generation of a file (docx, html, xlsx) in a language; 202 with the job's URL.").WithTags(JobsTag);
        api.MapPost("/reports/{id:int}/generate-all", GenerateAll).Write().Produces<List<ReportJobResponse>>(StatusCodes.Status202Accepted)
            .WithName("GenerateReportSet")
            .WithSummary("Queues, in one action, the report in Word, HTML and Excel in every given language (English and French by default): one job each; 202 with the jobs.")
            .WithTags(JobsTag);
        api.MapGet("/report-jobs/{id:int}", Job).Read().ProducesProblems(404)
            .WithName("GetReportJob").WithSummary("A generation job's status, stage and percentage, and its file once done.").WithTags(JobsTag);
        api.MapGet("/report-files/{id:int}", Download).Read()
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblems(404)
            .WithName("DownloadReportFile").WithSummary("A generated file (public once the report is published).").WithTags(JobsTag);
        api.MapGet("/report-files/{id:int}/tables", Tables).Read().ProducesProblems(404)
            .WithName("ListReportFileTables").WithSummary("Every table of a generated file's report, as data, each with its CSV URL (same access as the file).").WithTags(JobsTag);
        api.MapGet("/report-files/{id:int}/tables/{number:int}.csv", TableCsv).Read()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblems(404)
            .WithName("DownloadReportTableCsv").WithSummary("One table of a generated file's report as CSV; no cell is a live formula.").WithTags(JobsTag);
        api.MapGet("/report-files/{id:int}/tables.zip", TablesZip).Read()
            .Produces(StatusCodes.Status200OK, contentType: "application/zip").ProducesProblems(404)
            .WithName("DownloadReportTablesZip").WithSummary("Every table of a generated file's report as CSV files in a ZIP archive.").WithTags(JobsTag);
        api.MapPost("/reports/{id:int}/submit", Submit).Write()
            .WithName("SubmitReport").WithSummary("Submits a draft report to Council (Planner).").WithTags(ReportsTag);
        api.MapPost("/reports/{id:int}/decision", Decide).Write()
            .WithName("RecordCouncilDecision").WithSummary("Records Council's consideration of a submitted report with its decision (Councillor).").WithTags(ReportsTag);
        api.MapPost("/reports/{id:int}/publish", Publish).Write()
            .WithName("PublishReport").WithSummary("Publishes a considered report and notifies every Member's Delegates (Planner).").WithTags(ReportsTag);
        api.MapPost("/reports/{id:int}/correct", Correct).Write()
            .WithName("CorrectReport").WithSummary("Starts a correction of a published report: a new draft version pointing to it.").WithTags(ReportsTag);
        api.MapPost("/reports/{id:int}/next-plan", NextPlan).Write()
            .WithName("CreateNextPlanFromEvaluation").WithSummary("Creates the draft of the next plan from an evaluated plan and links it to the evaluation.").WithTags(ReportsTag);

        // Open data: the plan's IATI 2.03 files, as `cadre export iati` writes them (same export, same access rule).
        api.MapGet("/plans/{id:int}/iati/organisation.xml", IatiOrganisation).Read()
            .Produces(StatusCodes.Status200OK, contentType: "application/xml").ProducesProblems(400, 404)
            .WithName("DownloadIatiOrganisationFile")
            .WithSummary("The plan's IATI 2.03 organisation file: total budget (the financial plan's expenses) and total expenditure per year. 400 without a financial plan.")
            .WithTags(OpenDataTag);
        api.MapGet("/plans/{id:int}/iati/activities.xml", IatiActivities).Read()
            .Produces(StatusCodes.Status200OK, contentType: "application/xml").ProducesProblems(400, 404)
            .WithName("DownloadIatiActivitiesFile")
            .WithSummary("The plan's IATI 2.03 activities file: one activity per top-level element with its yearly budgets, results, indicators, baselines and periods (targets, validated actuals).")
            .WithTags(OpenDataTag);
        api.MapGet("/plans/{id:int}/iati.zip", IatiZip).Read()
            .Produces(StatusCodes.Status200OK, contentType: "application/zip").ProducesProblems(400, 404)
            .WithName("DownloadIatiZip").WithSummary("Both IATI 2.03 files of the plan in one ZIP archive.").WithTags(OpenDataTag);
        return app;
    }

    /// <summary>The plan's IATI files; a plan the caller may not read (a draft for the public or a Delegate) is 404,
    /// a plan without a financial plan 400 (the export's validation error, field <c>plan</c>).</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> IatiAsync(int id, PlanningQueries plans, IatiExport export,
        Func<IatiFiles, FileContentHttpResult> file, CancellationToken ct)
    {
        var plan = await plans.GetPlanAsync(id, ct);
        if (plan is null) return ApiSetup.NotFound(Messages.Format("Error.NotFound.Plan", id));
        return file(await export.ExportAsync(plan.Code, ct));
    }

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> IatiOrganisation(int id, PlanningQueries plans, IatiExport export, CancellationToken ct) =>
        IatiAsync(id, plans, export, f => TypedResults.File(f.Organisation, XmlContentType, f.OrganisationFileName), ct);

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> IatiActivities(int id, PlanningQueries plans, IatiExport export, CancellationToken ct) =>
        IatiAsync(id, plans, export, f => TypedResults.File(f.Activities, XmlContentType, f.ActivitiesFileName), ct);

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> IatiZip(int id, PlanningQueries plans, IatiExport export, CancellationToken ct) =>
        IatiAsync(id, plans, export, f => TypedResults.File(f.ToZip(), "application/zip", f.ZipFileName), ct);

    private static async Task<Results<Ok<List<ReportSummaryResponse>>, ProblemHttpResult>> List(int id, PlanningQueries plans, ReportingQueries queries, CancellationToken ct)
    {
        if (await plans.GetPlanAsync(id, ct) is null) return ApiSetup.NotFound(Messages.Format("Error.NotFound.Plan", id));
        var items = await queries.ListAsync(id, ct);
        return TypedResults.Ok(items.Select(r => new ReportSummaryResponse(r.Id, r.PlanId, r.PlanCode, r.Kind, r.Year, r.VersionNumber, r.Status,
            r.PublishedAtUtc, r.Version, $"/api/v1/reports/{r.Id}")).ToList());
    }

    private static async Task<Created<ReportResponse>> Create(int id, CreateReportRequest request, CreateReport handler, ReportingQueries queries, CancellationToken ct)
    {
        var report = await handler.HandleAsync(new CreateReport.Request(id, request.Kind, request.Year ?? 0), ct);
        return TypedResults.Created($"/api/v1/reports/{report.Id}", await ResponseAsync(queries, report.Id, ct));
    }

    private static async Task<Ok<ReportResponse>> Get(int id, ReportingQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await ResponseAsync(queries, id, ct));

    private static async Task<Results<Ok<NarrativeResponse>, NoContent>> SaveNarrative(int id, string section, string language, SaveNarrativeRequest request,
        SaveReportNarrative handler, CancellationToken ct)
    {
        var saved = await handler.HandleAsync(new SaveReportNarrative.Request(id, section, language, request.Text, request.Version), ct);
        return saved is null ? TypedResults.NoContent() : TypedResults.Ok(ToResponse(saved));
    }

    private static async Task<Accepted<ReportJobResponse>> Generate(int id, GenerateReportRequest request, QueueReportGeneration handler, ReportWorker worker, CancellationToken ct)
    {
        var job = await handler.HandleAsync(new QueueReportGeneration.Request(id, request.Format, request.Language ?? "en"), ct);
        worker.Wake();
        var response = ToResponse(job);
        return TypedResults.Accepted(response.Url, response);
    }

    private static async Task<Accepted<List<ReportJobResponse>>> GenerateAll(int id, GenerateReportSetRequest? request, QueueReportGenerationSet handler, ReportWorker worker, CancellationToken ct)
    {
        var jobs = await handler.HandleAsync(new QueueReportGenerationSet.Request(id, request?.Languages), ct);
        worker.Wake();
        return TypedResults.Accepted($"/api/v1/reports/{id}", jobs.Select(ToResponse).ToList());
    }

    private static async Task<Ok<ReportJobResponse>> Job(int id, ReportingQueries queries, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await queries.JobAsync(id, ct)));

    private static async Task<FileContentHttpResult> Download(int id, ReportingQueries queries, CancellationToken ct)
    {
        var file = await queries.ArtefactAsync(id, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Ok<List<ReportTableResponse>>> Tables(int id, ReportingQueries queries, CancellationToken ct)
    {
        var report = ReportJson.Deserialize((await queries.ArtefactAsync(id, ct)).ModelJson);
        return TypedResults.Ok(report.AllTables().Select((t, i) => new ReportTableResponse(i + 1, t.Key, t.Caption, t.Header,
            t.Rows.Select(r => (IReadOnlyList<string>)r.Select(CsvTableWriter.Value).ToList()).ToList(), $"/api/v1/report-files/{id}/tables/{i + 1}.csv")).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> TableCsv(int id, int number, ReportingQueries queries, CancellationToken ct)
    {
        var report = ReportJson.Deserialize((await queries.ArtefactAsync(id, ct)).ModelJson);
        var table = number < 1 ? null : report.AllTables().Skip(number - 1).FirstOrDefault();
        if (table is null) return ApiSetup.NotFound(Messages.Format("Reporting.Error.NoTable", number, id));
        return TypedResults.File(CsvTableWriter.Write(table), "text/csv; charset=utf-8", CsvTableWriter.FileName(number, table));
    }

    private static async Task<FileContentHttpResult> TablesZip(int id, ReportingQueries queries, CancellationToken ct)
    {
        var artefact = await queries.ArtefactAsync(id, ct);
        return TypedResults.File(CsvTableWriter.WriteZip(ReportJson.Deserialize(artefact.ModelJson)), "application/zip",
            Path.GetFileNameWithoutExtension(artefact.FileName) + "-tables.zip");
    }

    private static async Task<Ok<ReportResponse>> Submit(int id, ReportStepRequest request, SubmitReport handler, ReportingQueries queries, ICurrentActor actor, CancellationToken ct)
    {
        ReportingPermissions.EnsureCanManage(actor);
        await handler.HandleAsync(new SubmitReport.Request(id, RequireVersion(request.Version)), ct);
        return TypedResults.Ok(await ResponseAsync(queries, id, ct));
    }

    private static async Task<Ok<ReportResponse>> Decide(int id, CouncilDecisionRequest request, RecordCouncilDecision handler, ReportingQueries queries, ICurrentActor actor, CancellationToken ct)
    {
        ReportingPermissions.EnsureCanRecordDecision(actor);
        await handler.HandleAsync(new RecordCouncilDecision.Request(id, RequireVersion(request.Version), request.Decision), ct);
        return TypedResults.Ok(await ResponseAsync(queries, id, ct));
    }

    private static async Task<Ok<ReportResponse>> Publish(int id, ReportStepRequest request, PublishReport handler, ReportingQueries queries, ICurrentActor actor, CancellationToken ct)
    {
        ReportingPermissions.EnsureCanManage(actor);
        await handler.HandleAsync(new PublishReport.Request(id, RequireVersion(request.Version)), ct);
        return TypedResults.Ok(await ResponseAsync(queries, id, ct));
    }

    private static async Task<Created<ReportResponse>> Correct(int id, CorrectReport handler, ReportingQueries queries, CancellationToken ct)
    {
        var report = await handler.HandleAsync(new CorrectReport.Request(id), ct);
        return TypedResults.Created($"/api/v1/reports/{report.Id}", await ResponseAsync(queries, report.Id, ct));
    }

    private static async Task<Created<ReportResponse>> NextPlan(int id, NextPlanRequest request, CreateNextPlanFromEvaluation handler, ReportingQueries queries, CancellationToken ct)
    {
        var report = await handler.HandleAsync(new CreateNextPlanFromEvaluation.Request(id, request.Code, request.StartYear, request.EndYear), ct);
        return TypedResults.Created($"/api/v1/plans/{report.NextPlanId}", await ResponseAsync(queries, id, ct));
    }

    private static int RequireVersion(int? version) =>
        version ?? throw new ValidationFailedException("version", ApiText.Get(null, "Error.VersionRequired"));

    internal static async Task<ReportResponse> ResponseAsync(ReportingQueries queries, int id, CancellationToken ct)
    {
        var r = await queries.GetAsync(id, ct);
        var files = await queries.ArtefactsAsync(id, ct);
        var jobs = await queries.JobsAsync(id, ct: ct);
        return new ReportResponse(r.Id, r.PlanId, r.Plan?.Code ?? "", r.Kind, r.Year, r.VersionNumber, r.Status, r.CorrectsReportId, r.NextPlanId, r.CreatedAtUtc,
            r.SubmittedAtUtc, r.ConsideredAtUtc, r.CouncilDecision, r.CouncilDecisionBy, r.PublishedAtUtc, r.Version,
            r.Narratives.OrderBy(n => n.SectionKey, StringComparer.Ordinal).ThenBy(n => n.Language, StringComparer.Ordinal).Select(ToResponse).ToList(),
            files.Select(f => new ReportFileResponse(f.Id, f.Format, f.Language, f.FileName, f.SizeBytes, f.Sha256, f.CreatedAtUtc, $"/api/v1/report-files/{f.Id}",
                $"/api/v1/report-files/{f.Id}/tables", $"/api/v1/report-files/{f.Id}/tables.zip")).ToList(),
            jobs.Select(ToResponse).ToList());
    }

    private static NarrativeResponse ToResponse(ReportNarrativeText n) => new(n.SectionKey, n.Language, n.Text, n.UpdatedAtUtc, n.UpdatedBy, n.Version);

    private static ReportJobResponse ToResponse(ReportGenerationJob j) => new(j.Id, j.ReportId, j.Format, j.Language, j.Status, j.ProgressPercent, j.Stage, j.Error,
        j.QueuedAtUtc, j.StartedAtUtc, j.FinishedAtUtc, $"/api/v1/report-jobs/{j.Id}", j.ArtefactId is int a ? $"/api/v1/report-files/{a}" : null);
}
