using Cadre.Core.Common;
using Cadre.Core.Consultation;
using Cadre.Core.Consultation.Handlers;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cadre.Web.Api.Consultation;

/// <summary>
/// Registers the Consultation area's services and maps its API endpoints (called from Program.cs):
/// <c>/api/v1/surveys</c>. Open and closed surveys are readable by anyone, drafts and unpublished
/// results by the chair and the secretariat only; a Delegate reads and writes only their own
/// Member's response. Writes need an access token.
/// </summary>
public static class ConsultationArea
{
    private const string Tag = "Surveys";

    public static IServiceCollection AddConsultationArea(this IServiceCollection services)
    {
        services.AddConsultation();
        return services;
    }

    public static IEndpointRouteBuilder MapConsultationArea(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .AddEndpointFilter(ApiSetup.CatchHandlerFailures)
            .WithMetadata(new ApiSetup.SkipStatusCodePages());

        api.MapGet("/surveys", List).Read()
            .WithName("ListSurveys").WithSummary("Lists the surveys you may read, with search, sort and paging.").WithTags(Tag);
        api.MapGet("/surveys/{id:int}", Get).Read().ProducesProblems(404)
            .WithName("GetSurvey").WithSummary("Gets a survey with its questions and options.").WithTags(Tag);
        api.MapPost("/surveys", Create).Write()
            .WithName("CreateSurvey").WithSummary("Creates a draft survey with its questions (chair or secretariat).").WithTags(Tag);
        api.MapPut("/surveys/{id:int}", Update).Write()
            .WithName("UpdateSurvey").WithSummary("Replaces a draft survey's fields and questions.").WithTags(Tag);
        api.MapDelete("/surveys/{id:int}", Delete).Write()
            .WithName("DeleteSurvey").WithSummary("Deletes a draft survey.").WithTags(Tag);
        foreach (var action in Enum.GetValues<SurveyAction>())
        {
            var name = action.ToString().ToLowerInvariant();
            api.MapPost("/surveys/{id:int}/" + name, (int id, SurveyVersionRequest request, ChangeSurveyStatus handler, ConsultationQueries queries, CancellationToken ct) =>
                    ChangeStatus(id, request, action, handler, queries, ct)).Write()
                .WithName(action + "Survey").WithSummary(action switch
                {
                    SurveyAction.Open => "Opens a draft survey to answers.",
                    SurveyAction.Close => "Closes a survey to answers.",
                    SurveyAction.Publish => "Publishes a survey's results to everyone.",
                    _ => "Withdraws a survey's published results.",
                }).WithTags(Tag);
        }
        api.MapGet("/surveys/{id:int}/response", GetOwn).RequireAuthorization(ApiSetup.ReaderPolicy).ProducesProblems(401, 403, 404)
            .WithName("GetOwnSurveyResponse").WithSummary("Your Member's response to the survey (Delegates).").WithTags(Tag);
        api.MapPut("/surveys/{id:int}/response", Submit).Write()
            .WithName("SubmitSurveyResponse").WithSummary("Stores or replaces your Member's response (Delegates, until the close).").WithTags(Tag);
        api.MapGet("/surveys/{id:int}/results", Results).Read().ProducesProblems(404)
            .WithName("GetSurveyResults").WithSummary("The results per question: counts, scale, texts, and for rankings mean rank, Borda, Schulze and the pairwise matrix.").WithTags(Tag);
        api.MapGet("/surveys/{id:int}/export", Export).Read().ProducesProblems(400, 403, 404)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithName("ExportSurveyResponses").WithSummary("The responses as CSV or XLSX (?format=csv|xlsx), for the chair and the secretariat.").WithTags(Tag);
        return app;
    }

    /// <param name="queries">Consultation reads.</param>
    /// <param name="search">Words in the code or the English or French title.</param>
    /// <param name="sort">code, title, closes (default) or status.</param>
    /// <param name="descending">Sort descending (default: true for closes).</param>
    /// <param name="page">Page number, from 1.</param>
    /// <param name="pageSize">Items per page, 1 to 200 (default 25).</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Ok<SurveyPageResponse>> List(ConsultationQueries queries, string? search, string? sort, bool? descending, int? page, int? pageSize, CancellationToken ct)
    {
        var s = SurveySort.Closes;
        if (!string.IsNullOrWhiteSpace(sort))
        {
            if (!Enum.TryParse(sort.Trim(), true, out s) || !Enum.IsDefined(s) || int.TryParse(sort, out _))
            {
                throw new ValidationFailedException("sort", Messages.Format("Consultation.UnknownValue", sort, "code, title, closes, status"));
            }
        }
        var result = await queries.ListSurveysAsync(search, s, descending ?? s == SurveySort.Closes, page, pageSize, ct);
        return TypedResults.Ok(new SurveyPageResponse(result.Items.Select(i => i.ToResponse()).ToList(), result.Page, result.PageSize, result.Total, result.PageCount));
    }

    private static async Task<SurveyResponseBody> Load(ConsultationQueries queries, int id, CancellationToken ct) =>
        (await queries.GetSurveyAsync(id, ct))?.ToResponse(queries.UtcNow) ?? throw new NotFoundException(Messages.Format("Consultation.NotFound", id));

    private static async Task<Ok<SurveyResponseBody>> Get(int id, ConsultationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await Load(queries, id, ct));

    private static async Task<Created<SurveyResponseBody>> Create(SaveSurveyRequest request, SaveSurvey handler, ConsultationQueries queries, CancellationToken ct)
    {
        var survey = await handler.HandleAsync(request.ToRequest(null), ct);
        return TypedResults.Created($"/api/v1/surveys/{survey.Id}", await Load(queries, survey.Id, ct));
    }

    private static int RequireVersion(ConsultationQueries queries, int? version)
    {
        ConsultationPermissions.EnsureCanManage(queries.Actor);
        return version ?? throw new ValidationFailedException("version", Messages.Get("Error.Required"));
    }

    private static async Task<Ok<SurveyResponseBody>> Update(int id, SaveSurveyRequest request, SaveSurvey handler, ConsultationQueries queries, CancellationToken ct)
    {
        var version = RequireVersion(queries, request.Version);
        await handler.HandleAsync(request.ToRequest(id) with { Version = version }, ct);
        return TypedResults.Ok(await Load(queries, id, ct));
    }

    private static async Task<NoContent> Delete(int id, int? version, DeleteSurvey handler, ConsultationQueries queries, CancellationToken ct)
    {
        await handler.HandleAsync(new DeleteSurvey.Request(id, RequireVersion(queries, version)), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SurveyResponseBody>> ChangeStatus(int id, SurveyVersionRequest request, SurveyAction action, ChangeSurveyStatus handler, ConsultationQueries queries, CancellationToken ct)
    {
        await handler.HandleAsync(new ChangeSurveyStatus.Request(id, RequireVersion(queries, request.Version), action), ct);
        return TypedResults.Ok(await Load(queries, id, ct));
    }

    private static async Task<Results<Ok<OwnResponseBody>, ProblemHttpResult, UnauthorizedHttpResult>> GetOwn(int id, ConsultationQueries queries, CancellationToken ct)
    {
        if (!queries.Actor.IsAuthenticated) return TypedResults.Unauthorized();
        if (!ConsultationPermissions.CanAnswer(queries.Actor)) throw new ForbiddenException(Messages.Get("Consultation.OnlyDelegates"));
        await Load(queries, id, ct);
        return await queries.GetOwnResponseAsync(id, ct) is { } own
            ? TypedResults.Ok(own.ToResponse())
            : ApiSetup.NotFound(Messages.Get("Consultation.NoResponseYet"));
    }

    private static async Task<Ok<OwnResponseBody>> Submit(int id, SubmitResponseRequest request, SubmitResponse handler, ConsultationQueries queries, CancellationToken ct)
    {
        await handler.HandleAsync(new SubmitResponse.Request(id,
            (request.Answers ?? []).Select(a => new AnswerInput(a.QuestionId, a.Choices, a.Scale, a.Text)).ToList()), ct);
        var own = await queries.GetOwnResponseAsync(id, ct) ?? throw new NotFoundException(Messages.Get("Consultation.NoResponseYet"));
        return TypedResults.Ok(own.ToResponse());
    }

    private static async Task<Ok<SurveyResultsResponse>> Results(int id, ConsultationQueries queries, CancellationToken ct)
    {
        var results = await queries.GetResultsAsync(id, Localization.CurrentLanguage, ct)
            ?? throw new NotFoundException(Messages.Format("Consultation.NotFound", id));
        return TypedResults.Ok(results.ToResponse());
    }

    /// <param name="id">The survey.</param>
    /// <param name="format">csv (default) or xlsx.</param>
    /// <param name="queries">Consultation reads.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<IResult> Export(int id, string? format, ConsultationQueries queries, CancellationToken ct)
    {
        var kind = (format ?? "csv").Trim().ToLowerInvariant();
        if (kind is not ("csv" or "xlsx")) throw new ValidationFailedException("format", Messages.Format("Consultation.UnknownValue", format, "csv, xlsx"));
        if (!queries.Actor.IsAuthenticated) return TypedResults.Unauthorized();
        var export = await queries.ExportAsync(id, Localization.CurrentLanguage, ct)
            ?? throw new NotFoundException(Messages.Format("Consultation.NotFound", id));
        return kind == "csv"
            ? TypedResults.File(SurveyExport.Csv(export.Survey, export.Rows, Localization.CurrentLanguage), "text/csv; charset=utf-8", export.Survey.Code + ".csv")
            : TypedResults.File(SurveyExport.Xlsx(export.Survey, export.Rows, Localization.CurrentLanguage), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Survey.Code + ".xlsx");
    }
}
