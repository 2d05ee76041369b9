using Cadre.Core.Common;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Contributions;
using Cadre.Core.Governance.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cadre.Web.Api.Governance.Documents;

/// <summary>
/// <c>/api/v1</c> for the document registry (search, detail, files, registration), symbol parsing and
/// contributions. Reads are open to anyone, members-only documents and draft contributions only to those
/// who may see them (404 for the others); writes need an access token (the handlers check the role).
/// </summary>
public static class DocumentsEndpoints
{
    private const string DocumentsTag = "Documents";
    private const string ContributionsTag = "Contributions";

    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .AddEndpointFilter(ApiSetup.CatchHandlerFailures)
            .WithMetadata(new ApiSetup.SkipStatusCodePages());

        api.MapGet("/documents", ListDocuments).Read().ProducesProblems(400)
            .WithName("ListDocuments").WithSummary("Searches the registry (titles, symbols, file text) or lists it, with sort and paging.").WithTags(DocumentsTag);
        api.MapGet("/documents/{id:int}", GetDocument).Read().ProducesProblems(404)
            .WithName("GetDocument").WithSummary("Gets a document with its files, references and other versions.").WithTags(DocumentsTag);
        api.MapGet("/documents/{id:int}/files/{language}", GetFile).Read().ProducesProblems(404)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .WithName("GetDocumentFile").WithSummary("Downloads the file of one language version.").WithTags(DocumentsTag);
        api.MapPost("/documents", PostDocument).Write()
            .WithName("RegisterDocument").WithSummary("Registers a document under a new symbol (secretariat and chairs).").WithTags(DocumentsTag);
        api.MapPut("/documents/{id:int}/files/{language}", PutFile).Write()
            .WithName("UploadDocumentFile").WithSummary("Adds or replaces the file of one language and re-indexes the document's text.").WithTags(DocumentsTag);
        api.MapGet("/symbols/parse", ParseSymbol).Read().ProducesProblems(400)
            .WithName("ParseSymbol").WithSummary("Parses a document symbol into its parts, or explains why it is not valid.").WithTags(DocumentsTag);

        api.MapGet("/contributions", ListContributions).Read().ProducesProblems(400)
            .WithName("ListContributions").WithSummary("Lists the contributions you may see (drafts only of your own Member), with search, sort and paging.").WithTags(ContributionsTag);
        api.MapGet("/contributions/{id:int}", GetContribution).Read().ProducesProblems(404)
            .WithName("GetContribution").WithSummary("Gets a contribution with its proposals and their outcomes.").WithTags(ContributionsTag);
        api.MapPost("/contributions", PostContribution).Write()
            .WithName("CreateContribution").WithSummary("Starts a draft contribution for your Member (Delegates).").WithTags(ContributionsTag);
        api.MapPut("/contributions/{id:int}", PutContribution).Write()
            .WithName("UpdateContribution").WithSummary("Changes a draft contribution of your Member.").WithTags(ContributionsTag);
        api.MapPost("/contributions/{id:int}/submit", Submit).Write()
            .WithName("SubmitContribution").WithSummary("Submits a draft before the deadline; after it only the Chair can, and it is marked late.").WithTags(ContributionsTag);
        api.MapPost("/contributions/{id:int}/proposals/{proposalId:int}/outcome", PostOutcome).Write()
            .WithName("RecordProposalOutcome").WithSummary("Records the outcome of a proposal (Chair).").WithTags(ContributionsTag);
        return app;
    }

    /// <param name="queries">Registry reads.</param>
    /// <param name="http">The request, for the message language.</param>
    /// <param name="q">Words to find in titles, symbols and file text, or a symbol (finds it and its revisions).</param>
    /// <param name="type">Only documents of this type.</param>
    /// <param name="bodyId">Only documents of this body.</param>
    /// <param name="sort">relevance (default), symbol or date.</param>
    /// <param name="descending">Sort descending.</param>
    /// <param name="page">Page number, from 1.</param>
    /// <param name="pageSize">Items per page, 1 to 100 (default 25).</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Ok<DocumentPageResponse>> ListDocuments(DocumentQueries queries, HttpContext http, string? q, string? type, int? bodyId,
        string? sort, bool? descending, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var t = ParseOption<DocumentType>(v, http, "type", type, null);
        var s = ParseOption<DocumentSort>(v, http, "sort", sort, DocumentSort.Relevance);
        v.ThrowIfAny();
        var result = await queries.SearchAsync(new DocumentSearch(q, t, bodyId, s!.Value, descending ?? false, page, pageSize), ct);
        return TypedResults.Ok(new DocumentPageResponse(result.Items.Select(i => i.ToResponse()).ToList(), result.Page, result.PageSize, result.Total, result.PageCount, result.MoreThanTotal));
    }

    private static T? ParseOption<T>(Validation v, HttpContext http, string field, string? value, T? fallback) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) return parsed;
        v.Add(field, ApiText.Format(http, "Error.UnknownValue", value, string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))));
        return fallback;
    }

    private static async Task<Results<Ok<DocumentResponse>, ProblemHttpResult>> GetDocument(int id, DocumentQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } d ? TypedResults.Ok(d.ToResponse()) : ApiSetup.NotFound(Messages.Format("Error.NotFound.Document", id));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetFile(int id, string language, DocumentQueries queries, CancellationToken ct) =>
        await queries.GetFileAsync(id, language, ct) is { } f
            ? TypedResults.File(f.Content, f.ContentType, f.FileName)
            : ApiSetup.NotFound(Messages.Format("Error.NotFound.Document", id));

    private static async Task<Created<DocumentResponse>> PostDocument(RegisterDocumentRequest request, RegisterDocument handler, DocumentQueries queries, CancellationToken ct)
    {
        var v = new Validation();
        var files = (request.Files ?? []).Select((f, i) => new FileUpload(f.Language, f.FileName, Decode(v, $"files[{i}]", f.ContentBase64))).ToList();
        v.ThrowIfAny();
        var document = await handler.HandleAsync(new RegisterDocument.Request(request.Symbol, request.Type, request.Title, request.Access ?? DocumentAccess.Public,
            request.SourceMembers, request.FromSecretariat, request.DocumentDate, request.BodyId, request.MeetingId, request.References, files, request.OriginalLanguage), ct);
        return TypedResults.Created($"/api/v1/documents/{document.Id}", await DocumentAsync(queries, document.Id, ct));
    }

    private static async Task<Ok<DocumentResponse>> PutFile(int id, string language, UploadFileRequest request, UploadDocumentFile handler, DocumentQueries queries, CancellationToken ct)
    {
        var v = new Validation();
        var bytes = Decode(v, "contentBase64", request.ContentBase64);
        if (request.Version is null) v.Add("version", ApiText.Get(null, "Error.VersionRequired"));
        v.ThrowIfAny();
        await handler.HandleAsync(new UploadDocumentFile.Request(id, request.Version, new FileUpload(language, request.FileName, bytes)), ct);
        return TypedResults.Ok(await DocumentAsync(queries, id, ct));
    }

    private static byte[] Decode(Validation v, string field, string? base64)
    {
        try
        {
            return Convert.FromBase64String(base64 ?? "");
        }
        catch (FormatException)
        {
            v.Add(field, Messages.Get("Error.Document.Base64"));
            return [];
        }
    }

    /// <param name="symbol">The symbol, e.g. TDAG-20/3/3 or C20/28(Rev.1)-F.</param>
    private static Ok<SymbolResponse> ParseSymbol(string? symbol)
    {
        if (!SymbolGrammar.TryParse(symbol, out var parsed, out var error))
        {
            throw new ValidationFailedException("symbol", Messages.Format("Error.Document.InvalidSymbol", symbol?.Trim(), error));
        }
        return TypedResults.Ok(SymbolResponse.From(parsed!));
    }

    private static async Task<DocumentResponse> DocumentAsync(DocumentQueries queries, int id, CancellationToken ct) =>
        (await queries.GetAsync(id, ct))?.ToResponse() ?? throw new NotFoundException(Messages.Format("Error.NotFound.Document", id));

    // ------------------------------------------------------------------ contributions

    /// <param name="queries">Contribution reads.</param>
    /// <param name="http">The request, for the message language.</param>
    /// <param name="search">Words in the title, or a Member's code.</param>
    /// <param name="bodyId">Only contributions to this body.</param>
    /// <param name="status">draft or submitted.</param>
    /// <param name="sort">newest (default), title or deadline.</param>
    /// <param name="page">Page number, from 1.</param>
    /// <param name="pageSize">Items per page, 1 to 100 (default 25).</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Ok<ContributionPageResponse>> ListContributions(ContributionQueries queries, HttpContext http, string? search, int? bodyId,
        string? status, string? sort, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var st = ParseOption<ContributionStatus>(v, http, "status", status, null);
        var so = ParseOption<ContributionSort>(v, http, "sort", sort, ContributionSort.Newest);
        v.ThrowIfAny();
        var result = await queries.ListAsync(search, bodyId, st, so!.Value, page, pageSize, ct);
        return TypedResults.Ok(new ContributionPageResponse(result.Items.Select(i => i.ToResponse()).ToList(), result.Page, result.PageSize, result.Total, result.PageCount));
    }

    private static async Task<Results<Ok<ContributionResponse>, ProblemHttpResult>> GetContribution(int id, ContributionQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } c ? TypedResults.Ok(c.ToResponse()) : ApiSetup.NotFound(Messages.Format("Error.NotFound.Contribution", id));

    private static async Task<Created<ContributionResponse>> PostContribution(SaveContributionRequest request, SaveContribution handler, ContributionQueries queries, CancellationToken ct)
    {
        var c = await handler.HandleAsync(new SaveContribution.Request(null, null, request.BodyId, request.MeetingId, request.Title, request.Summary,
            request.Proposals, request.CoSigners, request.Member), ct);
        return TypedResults.Created($"/api/v1/contributions/{c.Id}", await ContributionAsync(queries, c.Id, ct));
    }

    private static async Task<Ok<ContributionResponse>> PutContribution(int id, SaveContributionRequest request, SaveContribution handler, ContributionQueries queries, CancellationToken ct)
    {
        RequireVersion(request.Version);
        await handler.HandleAsync(new SaveContribution.Request(id, request.Version, request.BodyId, request.MeetingId, request.Title, request.Summary,
            request.Proposals, request.CoSigners, request.Member), ct);
        return TypedResults.Ok(await ContributionAsync(queries, id, ct));
    }

    private static async Task<Ok<ContributionResponse>> Submit(int id, SubmitContributionRequest request, SubmitContribution handler, ContributionQueries queries, CancellationToken ct)
    {
        RequireVersion(request.Version);
        await handler.HandleAsync(new SubmitContribution.Request(id, request.Version), ct);
        return TypedResults.Ok(await ContributionAsync(queries, id, ct));
    }

    private static async Task<Ok<ContributionResponse>> PostOutcome(int id, int proposalId, RecordOutcomeRequest request, RecordOutcome handler, ContributionQueries queries, CancellationToken ct)
    {
        RequireVersion(request.Version);
        await handler.HandleAsync(new RecordOutcome.Request(id, proposalId, request.Version, request.Outcome, request.ByConsensus, request.Note), ct);
        return TypedResults.Ok(await ContributionAsync(queries, id, ct));
    }

    private static void RequireVersion(int? version)
    {
        if (version is null) throw new ValidationFailedException("version", ApiText.Get(null, "Error.VersionRequired"));
    }

    private static async Task<ContributionResponse> ContributionAsync(ContributionQueries queries, int id, CancellationToken ct) =>
        (await queries.GetAsync(id, ct))?.ToResponse() ?? throw new NotFoundException(Messages.Format("Error.NotFound.Contribution", id));
}
