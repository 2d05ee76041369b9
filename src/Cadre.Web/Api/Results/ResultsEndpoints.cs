using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Cadre.Core.Results;
using Cadre.Core.Results.Handlers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cadre.Web.Api.Results;

/// <summary>
/// <c>/api/v1</c> for Results: indicators, reported values and their workflow, progress, bulk import.
/// Reads are open to anyone (drafts and unvalidated values to the secretariat only); writes need an
/// access token, and the handlers check the role: Planner for indicators, the indicator's Reporter
/// to submit and correct, a Validator (never the submitter) to approve or reject.
/// </summary>
public static class ResultsEndpoints
{
    private const string IndicatorsTag = "Indicators";
    private const string ValuesTag = "Reported values";
    private const string ProgressTag = "Progress";

    public static IEndpointRouteBuilder MapResultsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .AddEndpointFilter(ApiSetup.CatchHandlerFailures)
            .WithMetadata(new ApiSetup.SkipStatusCodePages());

        api.MapGet("/plans/{id:int}/indicators", ListIndicators).Read().ProducesProblems(400, 404)
            .WithName("ListIndicators").WithSummary("Lists a plan's indicators, with search, sort and paging.").WithTags(IndicatorsTag);
        api.MapPost("/plans/{id:int}/indicators", PostIndicator).Write()
            .WithName("CreateIndicator").WithSummary("Adds an indicator to an element of the plan (Planner).").WithTags(IndicatorsTag);
        api.MapGet("/indicators/{id:int}", GetIndicator).Read().ProducesProblems(404)
            .WithName("GetIndicator").WithSummary("Gets an indicator with its dimensions and targets.").WithTags(IndicatorsTag);
        api.MapPut("/indicators/{id:int}", PutIndicator).Write()
            .WithName("UpdateIndicator").WithSummary("Replaces an indicator's definition, targets and dimensions (Planner).").WithTags(IndicatorsTag);
        api.MapDelete("/indicators/{id:int}", DeleteIndicatorEndpoint).Write()
            .WithName("DeleteIndicator").WithSummary("Deletes an indicator with its targets and values (Planner).").WithTags(IndicatorsTag);
        api.MapGet("/plans/{id:int}/dimensions", ListDimensions).Read().ProducesProblems(404)
            .WithName("ListDimensions").WithSummary("The plan's disaggregation dimensions and their values.").WithTags(IndicatorsTag);
        api.MapPut("/plans/{id:int}/dimensions/{code}", PutDimension).Write()
            .WithName("SaveDimension").WithSummary("Creates or changes a custom dimension of the plan: its name and values (values are added or renamed, never removed; Planner).").WithTags(IndicatorsTag);
        api.MapGet("/plans/{id:int}/thresholds", GetThresholds).Read().ProducesProblems(404)
            .WithName("GetThresholds").WithSummary("The plan's status thresholds (shares of achievement from which an indicator is on track or at risk).").WithTags(ProgressTag);
        api.MapPut("/plans/{id:int}/thresholds", PutThresholds).Write()
            .WithName("SaveThresholds").WithSummary("Sets the plan's status thresholds (Planner): 0 < atRisk ≤ onTrack ≤ 1.").WithTags(ProgressTag);

        api.MapGet("/plans/{id:int}/values", ListValues).Read().ProducesProblems(400, 404)
            .WithName("ListValues").WithSummary("Lists a plan's reported values (validated only, unless you are in the secretariat).").WithTags(ValuesTag);
        api.MapGet("/indicators/{id:int}/values", History).Read().ProducesProblems(404)
            .WithName("GetValueHistory").WithSummary("Every revision of every value of an indicator.").WithTags(ValuesTag);
        api.MapPost("/indicators/{id:int}/values", Submit).Write()
            .WithName("SubmitValue").WithSummary("Submits a value (provisional) for a period (the indicator's Reporter).").WithTags(ValuesTag);
        api.MapGet("/values/{id:int}", GetValue).Read().ProducesProblems(404)
            .WithName("GetValue").WithSummary("Gets one revision of a value.").WithTags(ValuesTag);
        api.MapPost("/values/{id:int}/approve", Approve).Write()
            .WithName("ApproveValue").WithSummary("Approves a provisional value (a Validator, not the submitter).").WithTags(ValuesTag);
        api.MapPost("/values/{id:int}/reject", Reject).Write()
            .WithName("RejectValue").WithSummary("Rejects a provisional value with a reason (a Validator, not the submitter).").WithTags(ValuesTag);
        api.MapPost("/values/{id:int}/correct", Correct).Write()
            .WithName("CorrectValue").WithSummary("Corrects a validated value: a new provisional revision with a reason.").WithTags(ValuesTag);
        api.MapGet("/plans/{id:int}/values/template", Template).Read().ProducesProblems(400, 404)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithName("GetValueTemplate").WithSummary("The bulk-entry spreadsheet for a plan (format=xlsx or csv; unit= for one responsible unit).").WithTags(ValuesTag);
        api.MapPost("/plans/{id:int}/values/import", Import).Write()
            .WithName("ImportValues").WithSummary("Imports a filled template (body: the .csv file as text/csv or the .xlsx file, at most 5 MB, 20,000 rows); dryRun=true only checks. All rows or none: otherwise 400 with every error, keyed rows[N] by spreadsheet row.").WithTags(ValuesTag);

        api.MapGet("/plans/{id:int}/progress", Progress).Read().ProducesProblems(400, 404)
            .WithName("GetProgress").WithSummary("Every element's achievement, status and coverage and every indicator's actual, expected value and status, as of a year.").WithTags(ProgressTag);
        return app;
    }

    /// <param name="id">The plan.</param>
    /// <param name="queries">Results reads.</param>
    /// <param name="http">The request, for the message language.</param>
    /// <param name="search">Words in the code or the English or French name.</param>
    /// <param name="sort">code (default), name, element or unit.</param>
    /// <param name="descending">Sort descending.</param>
    /// <param name="page">Page number, from 1.</param>
    /// <param name="pageSize">Items per page, 1 to 200 (default 25).</param>
    /// <param name="elementId">Only the indicators of this element.</param>
    /// <param name="unit">Only the indicators of this responsible unit.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Results<Ok<IndicatorPageResponse>, ProblemHttpResult>> ListIndicators(int id, ResultsQueries queries, HttpContext http, string? search, string? sort,
        bool? descending, int? page, int? pageSize, int? elementId, string? unit, CancellationToken ct)
    {
        var v = new Validation();
        var s = ParseOption(v, http, "sort", sort, IndicatorSort.Code);
        v.ThrowIfAny();
        var result = await queries.ListIndicatorsAsync(id, search, s, descending ?? false, page, pageSize, elementId, unit, ct);
        return result is null
            ? ApiSetup.NotFound(Messages.Format("Error.NotFound.Plan", id))
            : TypedResults.Ok(new IndicatorPageResponse(result.Items.Select(i => i.ToResponse()).ToList(), result.Page, result.PageSize, result.Total, result.PageCount));
    }

    private static async Task<Created<IndicatorResponse>> PostIndicator(int id, IndicatorBody body, SaveIndicator handler, ResultsQueries queries, CancellationToken ct)
    {
        var indicator = await handler.HandleAsync(body.ToRequest(null, id), ct);
        return TypedResults.Created($"/api/v1/indicators/{indicator.Id}", await IndicatorAsync(queries, indicator.Id, ct));
    }

    private static async Task<Results<Ok<IndicatorResponse>, ProblemHttpResult>> GetIndicator(int id, ResultsQueries queries, CancellationToken ct) =>
        await queries.GetIndicatorAsync(id, ct) is { } i ? TypedResults.Ok(i.ToResponse()) : ApiSetup.NotFound(Messages.Format("Error.NotFound.Indicator", id));

    private static async Task<Ok<IndicatorResponse>> PutIndicator(int id, IndicatorBody body, SaveIndicator handler, ResultsQueries queries, CadreDbContext db, CancellationToken ct)
    {
        ResultsPermissions.EnsureCanEditIndicators(db.Actor);
        var current = await queries.GetIndicatorAsync(id, ct) ?? throw new NotFoundException(Messages.Format("Error.NotFound.Indicator", id));
        if (body.Version is null) throw new ValidationFailedException("version", ApiText.Get(null, "Error.VersionRequired"));
        await handler.HandleAsync(body.ToRequest(id, current.PlanId), ct);
        return TypedResults.Ok(await IndicatorAsync(queries, id, ct));
    }

    /// <param name="id">The indicator.</param>
    /// <param name="version">The version last read (required).</param>
    /// <param name="handler">The delete handler.</param>
    /// <param name="db">The database, for the permission check.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<NoContent> DeleteIndicatorEndpoint(int id, int? version, DeleteIndicator handler, CadreDbContext db, CancellationToken ct)
    {
        ResultsPermissions.EnsureCanEditIndicators(db.Actor);
        if (version is null) throw new ValidationFailedException("version", ApiText.Get(null, "Error.VersionRequired"));
        await handler.HandleAsync(new DeleteIndicator.Request(id, version), ct);
        return TypedResults.NoContent();
    }

    /// <param name="id">The plan.</param>
    /// <param name="code">The dimension's code (new or existing; not a standard dimension).</param>
    /// <param name="body">Its name per language and its values.</param>
    /// <param name="handler">The save handler.</param>
    /// <param name="queries">Results reads.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Ok<DimensionResponse>> PutDimension(int id, string code, DimensionBody body, SaveDimension handler, ResultsQueries queries, CancellationToken ct)
    {
        var saved = await handler.HandleAsync(new SaveDimension.Request(id, code, body.Name ?? [],
            [.. (body.Values ?? []).Select(v => new SaveDimension.ValueInput(v.Code ?? "", v.Name ?? []))]), ct);
        var dims = await queries.ListDimensionsAsync(id, ct) ?? throw new NotFoundException(Messages.Format("Error.NotFound.Plan", id));
        return TypedResults.Ok(dims.First(d => d.Id == saved.Id).ToResponse());
    }

    /// <param name="id">The plan.</param>
    /// <param name="queries">Results reads.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Results<Ok<ThresholdsSettingsResponse>, ProblemHttpResult>> GetThresholds(int id, ResultsQueries queries, CancellationToken ct) =>
        await queries.GetSettingsAsync(id, ct) is { } s
            ? TypedResults.Ok(new ThresholdsSettingsResponse(s.OnTrackThreshold, s.AtRiskThreshold, s.Id == 0 ? null : s.Version))
            : ApiSetup.NotFound(Messages.Format("Error.NotFound.Plan", id));

    /// <param name="id">The plan.</param>
    /// <param name="body">The thresholds, and the version last read (omit it the first time).</param>
    /// <param name="handler">The save handler.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Ok<ThresholdsSettingsResponse>> PutThresholds(int id, ThresholdsBody body, SaveResultsSettings handler, CancellationToken ct)
    {
        var s = await handler.HandleAsync(new SaveResultsSettings.Request(id, body.OnTrack, body.AtRisk, body.Version), ct);
        return TypedResults.Ok(new ThresholdsSettingsResponse(s.OnTrackThreshold, s.AtRiskThreshold, s.Version));
    }

    private static async Task<Results<Ok<List<DimensionResponse>>, ProblemHttpResult>> ListDimensions(int id, ResultsQueries queries, CancellationToken ct) =>
        await queries.ListDimensionsAsync(id, ct) is { } dims
            ? TypedResults.Ok(dims.Select(d => d.ToResponse()).ToList())
            : ApiSetup.NotFound(Messages.Format("Error.NotFound.Plan", id));

    /// <param name="id">The plan.</param>
    /// <param name="queries">Results reads.</param>
    /// <param name="http">The request, for the message language.</param>
    /// <param name="indicatorId">Only this indicator's values.</param>
    /// <param name="status">provisional, validated or rejected.</param>
    /// <param name="search">Words in the indicator's code or name, or the period.</param>
    /// <param name="sort">submitted (default), indicator, period or status.</param>
    /// <param name="descending">Sort descending (default true for submitted).</param>
    /// <param name="page">Page number, from 1.</param>
    /// <param name="pageSize">Items per page, 1 to 200 (default 25).</param>
    /// <param name="awaitingMe">Only the provisional values you may approve or reject.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Results<Ok<ValuePageResponse>, ProblemHttpResult>> ListValues(int id, ResultsQueries queries, HttpContext http, int? indicatorId, string? status,
        string? search, string? sort, bool? descending, int? page, int? pageSize, bool? awaitingMe, CancellationToken ct)
    {
        var v = new Validation();
        var s = ParseOption(v, http, "sort", sort, ValueSort.Submitted);
        ValueStatus? st = string.IsNullOrWhiteSpace(status) ? null : ParseOption(v, http, "status", status, ValueStatus.Provisional);
        v.ThrowIfAny();
        var result = await queries.ListValuesAsync(id, indicatorId, st, search, s, descending ?? s == ValueSort.Submitted, page, pageSize, awaitingMe ?? false, ct: ct);
        return result is null
            ? ApiSetup.NotFound(Messages.Format("Error.NotFound.Plan", id))
            : TypedResults.Ok(new ValuePageResponse(result.Items.Select(x => x.ToResponse()).ToList(), result.Page, result.PageSize, result.Total, result.PageCount));
    }

    private static async Task<Results<Ok<List<ValueResponse>>, ProblemHttpResult>> History(int id, ResultsQueries queries, CancellationToken ct) =>
        await queries.HistoryAsync(id, ct) is { } rows
            ? TypedResults.Ok(rows.Select(r => r.ToResponse()).ToList())
            : ApiSetup.NotFound(Messages.Format("Error.NotFound.Indicator", id));

    private static async Task<Results<Ok<ValueResponse>, ProblemHttpResult>> GetValue(int id, ResultsQueries queries, CancellationToken ct) =>
        await queries.GetValueAsync(id, ct) is { } row ? TypedResults.Ok(row.ToResponse()) : ApiSetup.NotFound(Messages.Format("Error.NotFound.Value", id));

    private static async Task<Created<ValueResponse>> Submit(int id, SubmitValueBody body, SubmitValue handler, ResultsQueries queries, CancellationToken ct)
    {
        Evidence? evidence = null;
        if (body.EvidenceUrl is not null || body.EvidenceBase64 is not null)
        {
            byte[]? content = null;
            if (body.EvidenceBase64 is not null)
            {
                try { content = Convert.FromBase64String(body.EvidenceBase64); }
                catch (FormatException) { throw new ValidationFailedException("evidenceBase64", Messages.Get("Error.Results.FileUnreadable")); }
            }
            evidence = new Evidence(body.EvidenceUrl, body.EvidenceFileName, content is null ? null : "application/octet-stream", content);
        }
        var value = await handler.HandleAsync(new SubmitValue.Request(id, body.Period, body.Value, body.DimensionValue, body.Text, body.Comment, evidence, body.Version), ct);
        return TypedResults.Created($"/api/v1/values/{value.Id}", await ValueAsync(queries, value.Id, ct));
    }

    private static async Task<Ok<ValueResponse>> Approve(int id, ApproveValueBody body, ApproveValue handler, ResultsQueries queries, CadreDbContext db, CancellationToken ct)
    {
        EnsureValidator(db);
        if (body.Version is null) throw new ValidationFailedException("version", ApiText.Get(null, "Error.VersionRequired"));
        await handler.HandleAsync(new ApproveValue.Request(id, body.Version), ct);
        return TypedResults.Ok(await ValueAsync(queries, id, ct));
    }

    private static async Task<Ok<ValueResponse>> Reject(int id, RejectValueBody body, RejectValue handler, ResultsQueries queries, CadreDbContext db, CancellationToken ct)
    {
        EnsureValidator(db);
        if (body.Version is null) throw new ValidationFailedException("version", ApiText.Get(null, "Error.VersionRequired"));
        await handler.HandleAsync(new RejectValue.Request(id, body.Reason, body.Version), ct);
        return TypedResults.Ok(await ValueAsync(queries, id, ct));
    }

    private static async Task<Created<ValueResponse>> Correct(int id, CorrectValueBody body, CorrectValue handler, ResultsQueries queries, CancellationToken ct)
    {
        var value = await handler.HandleAsync(new CorrectValue.Request(id, body.Value, body.Reason, body.Text, body.Comment,
            body.EvidenceUrl is null ? null : new Evidence(body.EvidenceUrl)), ct);
        return TypedResults.Created($"/api/v1/values/{value.Id}", await ValueAsync(queries, value.Id, ct));
    }

    /// <param name="id">The plan.</param>
    /// <param name="format">xlsx (default) or csv.</param>
    /// <param name="unit">Only the indicators of this responsible unit.</param>
    /// <param name="import">The template writer.</param>
    /// <param name="http">The request, for the message language.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<FileContentHttpResult> Template(int id, string? format, string? unit, ValueImport import, HttpContext http, CancellationToken ct)
    {
        var v = new Validation();
        var f = ParseOption(v, http, "format", format, SheetFormat.Xlsx);
        v.ThrowIfAny();
        using var buffer = new MemoryStream();
        await import.WriteTemplateAsync(id, unit, f, buffer, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
        return f == SheetFormat.Csv
            ? TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", "values.csv")
            : TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "values.xlsx");
    }

    /// <param name="id">The plan.</param>
    /// <param name="request">The request; its body is the file.</param>
    /// <param name="dryRun">Only check the rows; store nothing.</param>
    /// <param name="format">xlsx or csv; by default from the Content-Type.</param>
    /// <param name="import">The import service.</param>
    /// <param name="http">The request, for the message language.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Ok<ImportResponse>> Import(int id, HttpRequest request, bool? dryRun, string? format,
        ValueImport import, HttpContext http, CancellationToken ct)
    {
        var v = new Validation();
        var fallback = request.ContentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) == true || request.ContentType?.StartsWith("text/", StringComparison.OrdinalIgnoreCase) == true
            ? SheetFormat.Csv : SheetFormat.Xlsx;
        var f = ParseOption(v, http, "format", format, fallback);
        v.ThrowIfAny();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var preview = dryRun == true
            ? await import.PreviewAsync(id, buffer, f, ct: ct)
            : await import.CommitAsync(id, buffer, f, ct: ct);
        if (preview.HasErrors)
        {
            // Every error, as field errors of a 400 ProblemDetails: "file" for the file, "rows[N]" for spreadsheet row N.
            var errors = new Dictionary<string, string[]>();
            if (preview.FileErrors.Count > 0) errors["file"] = [.. preview.FileErrors];
            foreach (var row in preview.Rows.Where(r => !r.IsValid)) errors[FormattableString.Invariant($"rows[{row.RowNumber}]")] = [.. row.Errors];
            throw new ValidationFailedException(errors);
        }
        return TypedResults.Ok(preview.ToResponse(dryRun != true));
    }

    /// <param name="id">The plan.</param>
    /// <param name="asOf">The year to measure at (default: this year, within the plan's period).</param>
    /// <param name="progress">The progress service.</param>
    /// <param name="planning">Planning reads, for the plan's period.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Results<Ok<ProgressResponse>, ProblemHttpResult>> Progress(int id, int? asOf, ProgressService progress, PlanningQueries planning,
        TimeProvider clock, CancellationToken ct)
    {
        var plan = await planning.GetPlanAsync(id, ct);
        if (plan is null) return ApiSetup.NotFound(Messages.Format("Error.NotFound.Plan", id));
        if (asOf is < 1900 or > 2200) throw new ValidationFailedException("asOf", Messages.Format("Error.YearRange", 1900, 2200));
        var year = asOf ?? Math.Clamp(clock.GetUtcNow().Year, plan.StartYear, plan.EndYear);
        var result = await progress.GetAsync(id, year, ct);
        return result is null ? ApiSetup.NotFound(Messages.Format("Error.NotFound.Plan", id)) : TypedResults.Ok(result.ToResponse());
    }

    /// <summary>Refuses non-Validators before the body is checked, so that they learn nothing from validation errors.</summary>
    private static void EnsureValidator(CadreDbContext db)
    {
        if (!db.Actor.IsInRole(Core.Identity.Roles.Validator)) throw new ForbiddenException(Messages.Get("Error.Results.NotYourValidation"));
    }

    private static T ParseOption<T>(Validation v, HttpContext http, string field, string? value, T fallback) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) return parsed;
        v.Add(field, ApiText.Format(http, "Error.UnknownValue", value, string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))));
        return fallback;
    }

    private static async Task<IndicatorResponse> IndicatorAsync(ResultsQueries queries, int id, CancellationToken ct) =>
        (await queries.GetIndicatorAsync(id, ct))?.ToResponse() ?? throw new NotFoundException(Messages.Format("Error.NotFound.Indicator", id));

    private static async Task<ValueResponse> ValueAsync(ResultsQueries queries, int id, CancellationToken ct) =>
        (await queries.GetValueAsync(id, ct))?.ToResponse() ?? throw new NotFoundException(Messages.Format("Error.NotFound.Value", id));
}
