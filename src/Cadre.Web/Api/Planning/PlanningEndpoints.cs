using System.Text.Json;
using Cadre.Core.Audit;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Api.Planning;

/// <summary>
/// <c>/api/v1</c> for Planning: plans, levels, elements, links, vocabularies, traceability, and the
/// history of their items. Reads are open to anyone (drafts only to the secretariat and the Council,
/// as PlanningQueries decides); writes need an access token and a Planner (the handlers check).
/// </summary>
public static class PlanningEndpoints
{
    private const string PlansTag = "Plans";
    private const string LevelsTag = "Framework levels";
    private const string ElementsTag = "Elements";
    private const string LinksTag = "Links";
    private const string VocabulariesTag = "Vocabularies";
    private const string HistoryTag = "History";

    public static IEndpointRouteBuilder MapPlanningApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .AddEndpointFilter(ApiSetup.CatchHandlerFailures)
            .WithMetadata(new ApiSetup.SkipStatusCodePages());

        MapPlans(api);
        MapLevels(api);
        MapElements(api);
        MapLinks(api);
        MapVocabularies(api);
        MapHistory(api);

        // Anything else under /api answers 404 ProblemDetails, not the HTML error page.
        // (Routing also lands here when an endpoint exists but refuses the body's content type.)
        app.MapFallback("/api/{**path}", (HttpContext http) =>
                http.Request.ContentType is { } type && http.Request.ContentLength is > 0 && !IsJson(type)
                    ? ApiSetup.Problem(http, StatusCodes.Status415UnsupportedMediaType, "Problem.UnsupportedMediaType")
                    : ApiSetup.Problem(http, StatusCodes.Status404NotFound, "Problem.NotFound", ApiText.Format(http, "Problem.NotFound.Route", http.Request.Path.Value)))
            .WithMetadata(new ApiSetup.SkipStatusCodePages())
            .ExcludeFromDescription();
        return app;
    }

    private static bool IsJson(string contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    // ------------------------------------------------------------------ plans

    private static void MapPlans(RouteGroupBuilder api)
    {
        api.MapGet("/plans", ListPlans).Read()
            .WithName("ListPlans").WithSummary("Lists the plans you may read, with search, sort and paging.").WithTags(PlansTag);
        api.MapGet("/plans/{id:int}", GetPlan).Read().ProducesProblems(404)
            .WithName("GetPlan").WithSummary("Gets a plan with its framework levels.").WithTags(PlansTag);
        api.MapGet("/plans/by-code/{code}", GetPlanByCode).Read().ProducesProblems(404)
            .WithName("GetPlanByCode").WithSummary("Gets a plan by its code.").WithTags(PlansTag);
        api.MapPost("/plans", PostPlan).Write()
            .WithName("CreatePlan").WithSummary("Creates a draft plan with the levels of a framework template.").WithTags(PlansTag);
        api.MapPut("/plans/{id:int}", PutPlan).Write()
            .WithName("UpdatePlan").WithSummary("Changes a plan's code, title, description or period.").WithTags(PlansTag);
        api.MapPost("/plans/{id:int}/status", ChangeStatus).Write()
            .WithName("ChangePlanStatus").WithSummary("Adopts, supersedes or reopens a plan.").WithTags(PlansTag);
        api.MapPost("/plans/{id:int}/clone", PostClone).Write()
            .WithName("ClonePlan").WithSummary("Copies a plan (levels, tree, links) into a new draft for the next period.").WithTags(PlansTag);
        api.MapDelete("/plans/{id:int}", RemovePlan).Write()
            .WithName("DeletePlan").WithSummary("Deletes a draft plan with its levels, elements and links.").WithTags(PlansTag);
        api.MapGet("/plans/{id:int}/export", GetExport).Read()
            .Produces<PlanDocument>(StatusCodes.Status200OK, "application/json").ProducesProblems(404)
            .WithName("ExportPlan").WithSummary("Exports a plan as its JSON document (the format of cadre planning export).").WithTags(PlansTag);
        api.MapPost("/plans/import", PostImport).Write()
            .Accepts<PlanDocument>("application/json")
            .WithName("ImportPlan").WithSummary("Creates a plan from its JSON document; ?code= imports it under another code.").WithTags(PlansTag);
        api.MapGet("/plans/{id:int}/traceability", Traceability).Read().ProducesProblems(400, 404)
            .WithName("GetTraceability").WithSummary("The plan's elements against a vocabulary, with coverage and gaps.").WithTags(PlansTag);
    }

    /// <param name="queries">Planning reads.</param>
    /// <param name="http">The request, for the message language.</param>
    /// <param name="search">Words in the code or the English or French title.</param>
    /// <param name="sort">code, title, period (default) or status.</param>
    /// <param name="descending">Sort descending (default: true for period, false otherwise).</param>
    /// <param name="page">Page number, from 1.</param>
    /// <param name="pageSize">Items per page, 1 to 200 (default 25).</param>
    /// <param name="kind">Only strategic or operational plans.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Ok<PlanPageResponse>> ListPlans(PlanningQueries queries, HttpContext http, string? search, string? sort, bool? descending,
        int? page, int? pageSize, string? kind, CancellationToken ct)
    {
        var v = new Validation();
        var s = ParseOption<PlanSort>(v, http, "sort", sort, PlanSort.Period);
        var k = ParseOption<PlanKind>(v, http, "kind", kind, null);
        v.ThrowIfAny();
        var result = await queries.ListPlansAsync(search, s!.Value, descending ?? s == PlanSort.Period, page, pageSize, k, ct);
        return TypedResults.Ok(new PlanPageResponse(result.Items.Select(p => p.ToResponse()).ToList(), result.Page, result.PageSize, result.Total, result.PageCount));
    }

    /// <summary>An option of a query string, by name and ignoring case ("code", "Code").</summary>
    private static T? ParseOption<T>(Validation v, HttpContext http, string field, string? value, T? fallback) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) return parsed;
        v.Add(field, ApiText.Format(http, "Error.UnknownValue", value, string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))));
        return fallback;
    }

    private static async Task<Results<Ok<PlanResponse>, ProblemHttpResult>> GetPlan(int id, PlanningQueries queries, CancellationToken ct) =>
        await queries.GetPlanAsync(id, ct) is { } plan
            ? TypedResults.Ok(plan.ToResponse())
            : ApiSetup.NotFound(Messages.Format("Error.NotFound.Plan", id));

    private static async Task<Results<Ok<PlanResponse>, ProblemHttpResult>> GetPlanByCode(string code, PlanningQueries queries, CancellationToken ct) =>
        await queries.FindPlanIdAsync(code, ct) is int id && await queries.GetPlanAsync(id, ct) is { } plan
            ? TypedResults.Ok(plan.ToResponse())
            : ApiSetup.NotFound(Messages.Format("Error.NotFound.Plan", code));

    private static async Task<Created<PlanResponse>> PostPlan(CreatePlanRequest request, CreatePlan handler, PlanningQueries queries, CancellationToken ct)
    {
        var plan = await handler.HandleAsync(new CreatePlan.Request(request.Kind, request.Code, request.Title, request.Description, request.StartYear, request.EndYear,
            request.OriginalLanguage ?? "en", request.Framework ?? FrameworkTemplates.ItuStrategic, request.OwnerUnit), ct);
        return TypedResults.Created($"/api/v1/plans/{plan.Id}", await PlanAsync(queries, plan.Id, ct));
    }

    private static async Task<Ok<PlanResponse>> PutPlan(int id, UpdatePlanRequest request, UpdatePlan handler, PlanningQueries queries, CadreDbContext db, CancellationToken ct)
    {
        var version = RequireVersion(db, request.Version);
        await handler.HandleAsync(new UpdatePlan.Request(id, version, request.Code, request.Title, request.Description, request.StartYear, request.EndYear, request.OwnerUnit), ct);
        return TypedResults.Ok(await PlanAsync(queries, id, ct));
    }

    private static async Task<Ok<PlanResponse>> ChangeStatus(int id, ChangePlanStatusRequest request, ChangePlanStatus handler, PlanningQueries queries, CadreDbContext db, CancellationToken ct)
    {
        var version = RequireVersion(db, request.Version);
        await handler.HandleAsync(new ChangePlanStatus.Request(id, version, request.Status, request.AdoptedBy), ct);
        return TypedResults.Ok(await PlanAsync(queries, id, ct));
    }

    private static async Task<Created<PlanResponse>> PostClone(int id, ClonePlanRequest request, Core.Planning.Handlers.ClonePlan handler, PlanningQueries queries, CancellationToken ct)
    {
        var plan = await handler.HandleAsync(new Core.Planning.Handlers.ClonePlan.Request(id, request.NewCode, request.StartYear, request.EndYear, request.Title), ct);
        return TypedResults.Created($"/api/v1/plans/{plan.Id}", await PlanAsync(queries, plan.Id, ct));
    }

    /// <param name="id">The plan.</param>
    /// <param name="version">The version last read (required).</param>
    private static async Task<NoContent> RemovePlan(int id, int? version, DeletePlan handler, CadreDbContext db, CancellationToken ct)
    {
        await handler.HandleAsync(new DeletePlan.Request(id, RequireVersion(db, version)), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetExport(int id, PlanningQueries queries, Core.Planning.ExportPlan handler, CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(id, ct);
        if (plan is null) return ApiSetup.NotFound(Messages.Format("Error.NotFound.Plan", id));
        var document = await handler.HandleAsync(plan.Code, ct);
        // The document's own serializer settings, so that the API and the CLI give the same bytes.
        return TypedResults.Text(JsonSerializer.Serialize(document, PlanDocument.Json), "application/json");
    }

    /// <param name="request">The request; its body is the plan's JSON document.</param>
    /// <param name="code">Import the plan under this code instead of the one in the document.</param>
    /// <param name="handler">The import handler.</param>
    /// <param name="queries">Reads the plan back.</param>
    /// <param name="db">The database, for the permission check before the body is read.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Created<PlanResponse>> PostImport(HttpRequest request, string? code, Core.Planning.ImportPlan handler, PlanningQueries queries, CadreDbContext db, CancellationToken ct)
    {
        PlanningPermissions.EnsureCanEdit(db.Actor);
        var document = Core.Planning.ImportPlan.Parse(await BufferAsync(request, ct));
        if (!string.IsNullOrWhiteSpace(code)) document = document with { Plan = document.Plan with { Code = code.Trim() } };
        var plan = await handler.HandleAsync(document, ct);
        return TypedResults.Created($"/api/v1/plans/{plan.Id}", await PlanAsync(queries, plan.Id, ct));
    }

    /// <param name="id">The plan.</param>
    /// <param name="vocabulary">The vocabulary's code, e.g. wsis or sdg.</param>
    /// <param name="queries">Planning reads.</param>
    /// <param name="http">The request, for the message language.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Results<Ok<TraceabilityResponse>, ProblemHttpResult>> Traceability(int id, string? vocabulary, PlanningQueries queries, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(vocabulary))
        {
            throw new ValidationFailedException("vocabulary", ApiText.Get(http, "Error.VocabularyRequired"));
        }
        if (await queries.GetPlanAsync(id, ct) is null) return ApiSetup.NotFound(Messages.Format("Error.NotFound.Plan", id));
        var matrix = await queries.GetTraceabilityAsync(id, vocabulary, ct);
        return matrix is null
            ? ApiSetup.NotFound(ApiText.Format(http, "Error.NotFound.Vocabulary", vocabulary))
            : TypedResults.Ok(matrix.ToResponse());
    }

    // ------------------------------------------------------------------ levels

    private static void MapLevels(RouteGroupBuilder api)
    {
        api.MapGet("/plans/{id:int}/levels", ListLevels).Read().ProducesProblems(404)
            .WithName("ListLevels").WithSummary("The plan's framework levels and where each may sit.").WithTags(LevelsTag);
        api.MapPost("/plans/{id:int}/levels", CreateLevel).Write()
            .WithName("CreateLevel").WithSummary("Adds a framework level to a plan.").WithTags(LevelsTag);
        api.MapPut("/plans/{id:int}/levels/{levelId:int}", UpdateLevel).Write()
            .WithName("UpdateLevel").WithSummary("Changes a level; existing elements must still be allowed where they are.").WithTags(LevelsTag);
        api.MapDelete("/plans/{id:int}/levels/{levelId:int}", DeleteLevel).Write()
            .WithName("DeleteLevel").WithSummary("Deletes a level that no element uses.").WithTags(LevelsTag);
    }

    private static async Task<Results<Ok<List<LevelResponse>>, ProblemHttpResult>> ListLevels(int id, PlanningQueries queries, CancellationToken ct) =>
        await queries.GetPlanAsync(id, ct) is { } plan
            ? TypedResults.Ok(plan.Levels.Select(l => l.ToResponse()).ToList())
            : ApiSetup.NotFound(Messages.Format("Error.NotFound.Plan", id));

    private static async Task<Created<LevelResponse>> CreateLevel(int id, SaveLevelRequest request, SaveFrameworkLevel handler, CancellationToken ct)
    {
        var level = await handler.HandleAsync(new SaveFrameworkLevel.Request(id, null, null, request.Code, request.Name, request.AllowedAtRoot, request.AllowedParents, request.SortOrder), ct);
        return TypedResults.Created($"/api/v1/plans/{id}/levels/{level.Id}", PlanningQueries.ToLevelInfo(level).ToResponse());
    }

    private static async Task<Ok<LevelResponse>> UpdateLevel(int id, int levelId, SaveLevelRequest request, SaveFrameworkLevel handler, CadreDbContext db, CancellationToken ct)
    {
        var version = RequireVersion(db, request.Version);
        var level = await handler.HandleAsync(new SaveFrameworkLevel.Request(id, levelId, version, request.Code, request.Name, request.AllowedAtRoot, request.AllowedParents, request.SortOrder), ct);
        return TypedResults.Ok(PlanningQueries.ToLevelInfo(level).ToResponse());
    }

    private static async Task<NoContent> DeleteLevel(int id, int levelId, DeleteFrameworkLevel handler, CancellationToken ct)
    {
        await handler.HandleAsync(new DeleteFrameworkLevel.Request(id, levelId), ct);
        return TypedResults.NoContent();
    }

    // ------------------------------------------------------------------ elements

    private static void MapElements(RouteGroupBuilder api)
    {
        api.MapGet("/plans/{id:int}/elements", GetTree).Read().ProducesProblems(404)
            .WithName("GetTree").WithSummary("The plan's element tree in display order (depth first, with depths).").WithTags(ElementsTag);
        api.MapPost("/plans/{id:int}/elements", PostElement).Write()
            .WithName("CreateElement").WithSummary("Adds an element under a parent (or at the top) where its level is allowed.").WithTags(ElementsTag);
        api.MapGet("/elements/{id:int}", GetElement).Read().ProducesProblems(404)
            .WithName("GetElement").WithSummary("Gets an element with its children and links.").WithTags(ElementsTag);
        api.MapPut("/elements/{id:int}", PutElement).Write()
            .WithName("UpdateElement").WithSummary("Changes an element's code, title, description, weight or level.").WithTags(ElementsTag);
        api.MapPost("/elements/{id:int}/move", PostMove).Write()
            .WithName("MoveElement").WithSummary("Moves an element and its subtree under another parent, or reorders it among its siblings.").WithTags(ElementsTag);
        api.MapDelete("/elements/{id:int}", RemoveElement).Write()
            .WithName("DeleteElement").WithSummary("Deletes an element with its whole subtree and their links.").WithTags(ElementsTag);
    }

    private static async Task<Results<Ok<List<TreeRowResponse>>, ProblemHttpResult>> GetTree(int id, PlanningQueries queries, CancellationToken ct) =>
        await queries.GetTreeAsync(id, ct) is { } rows
            ? TypedResults.Ok(rows.Select(r => r.ToResponse()).ToList())
            : ApiSetup.NotFound(Messages.Format("Error.NotFound.Plan", id));

    private static async Task<Results<Ok<ElementResponse>, ProblemHttpResult>> GetElement(int id, PlanningQueries queries, CancellationToken ct) =>
        await queries.GetElementAsync(id, ct) is { } element
            ? TypedResults.Ok(element.ToResponse())
            : ApiSetup.NotFound(Messages.Format("Error.NotFound.Element", id));

    private static async Task<Created<ElementResponse>> PostElement(int id, CreateElementRequest request, CreateElement handler, PlanningQueries queries, CancellationToken ct)
    {
        var element = await handler.HandleAsync(new CreateElement.Request(id, request.ParentId, request.Level, request.Code, request.Title, request.Description, request.Weight, request.Position), ct);
        return TypedResults.Created($"/api/v1/elements/{element.Id}", await ElementAsync(queries, element.Id, ct));
    }

    private static async Task<Ok<ElementResponse>> PutElement(int id, UpdateElementRequest request, UpdateElement handler, PlanningQueries queries, CadreDbContext db, CancellationToken ct)
    {
        var version = RequireVersion(db, request.Version);
        await handler.HandleAsync(new UpdateElement.Request(id, version, request.Code, request.Title, request.Description, request.Weight, request.Level), ct);
        return TypedResults.Ok(await ElementAsync(queries, id, ct));
    }

    private static async Task<Ok<ElementResponse>> PostMove(int id, MoveElementRequest request, MoveElement handler, PlanningQueries queries, CadreDbContext db, CancellationToken ct)
    {
        var version = RequireVersion(db, request.Version);
        await handler.HandleAsync(new MoveElement.Request(id, version, request.NewParentId, request.Position), ct);
        return TypedResults.Ok(await ElementAsync(queries, id, ct));
    }

    /// <param name="id">The element.</param>
    /// <param name="version">The version last read (required).</param>
    private static async Task<Ok<DeletedElementsResponse>> RemoveElement(int id, int? version, DeleteElement handler, CadreDbContext db, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new DeleteElement.Request(id, RequireVersion(db, version)), ct);
        return TypedResults.Ok(new DeletedElementsResponse(result.DeletedElements, result.DeletedLinks));
    }

    // ------------------------------------------------------------------ links

    private static void MapLinks(RouteGroupBuilder api)
    {
        api.MapPost("/elements/{id:int}/links", CreateLink).Write()
            .WithName("CreateLink").WithSummary("Links an element to a vocabulary entry or to an element of another plan.").WithTags(LinksTag);
        api.MapDelete("/links/{id:int}", DeleteLink).Write()
            .WithName("DeleteLink").WithSummary("Removes a link.").WithTags(LinksTag);
    }

    private static async Task<Created<CreatedLinkResponse>> CreateLink(int id, CreateLinkRequest request, LinkElement handler, CancellationToken ct)
    {
        var link = await handler.HandleAsync(new LinkElement.Request(id, request.VocabularyEntryId, request.TargetElementId, request.Note), ct);
        return TypedResults.Created($"/api/v1/elements/{id}", new CreatedLinkResponse(link.Id, link.ElementId, link.VocabularyEntryId, link.TargetElementId, link.Note));
    }

    private static async Task<NoContent> DeleteLink(int id, UnlinkElement handler, CancellationToken ct)
    {
        await handler.HandleAsync(new UnlinkElement.Request(id), ct);
        return TypedResults.NoContent();
    }

    // ------------------------------------------------------------------ vocabularies

    private static void MapVocabularies(RouteGroupBuilder api)
    {
        api.MapGet("/vocabularies", ListVocabularies).Read()
            .WithName("ListVocabularies").WithSummary("The reference vocabularies (SDG, WSIS action lines, resolutions...).").WithTags(VocabulariesTag);
        api.MapGet("/vocabularies/{code}", GetVocabulary).Read().ProducesProblems(404)
            .WithName("GetVocabulary").WithSummary("A vocabulary with its entries.").WithTags(VocabulariesTag);
        api.MapPost("/vocabularies", CreateVocabulary).Write()
            .WithName("CreateVocabulary").WithSummary("Adds a reference vocabulary.").WithTags(VocabulariesTag);
        api.MapPut("/vocabularies/{code}", UpdateVocabulary).Write()
            .WithName("UpdateVocabulary").WithSummary("Renames a vocabulary or changes its code.").WithTags(VocabulariesTag);
        api.MapPost("/vocabularies/{code}/entries", CreateEntry).Write()
            .WithName("CreateVocabularyEntry").WithSummary("Adds an entry to a vocabulary.").WithTags(VocabulariesTag);
        api.MapPut("/vocabularies/{code}/entries/{entryId:int}", UpdateEntry).Write()
            .WithName("UpdateVocabularyEntry").WithSummary("Changes a vocabulary entry.").WithTags(VocabulariesTag);
        api.MapDelete("/vocabularies/{code}/entries/{entryId:int}", DeleteEntry).Write()
            .WithName("DeleteVocabularyEntry").WithSummary("Deletes an entry that no element links to.").WithTags(VocabulariesTag);
    }

    private static async Task<Ok<List<VocabularySummaryResponse>>> ListVocabularies(PlanningQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.ListVocabulariesAsync(ct)).Select(v => v.ToResponse()).ToList());

    private static async Task<Results<Ok<VocabularyResponse>, ProblemHttpResult>> GetVocabulary(string code, PlanningQueries queries, HttpContext http, CancellationToken ct) =>
        await queries.GetVocabularyAsync(code, ct) is { } v
            ? TypedResults.Ok(v.ToResponse())
            : ApiSetup.NotFound(ApiText.Format(http, "Error.NotFound.Vocabulary", code));

    private static async Task<Created<VocabularyResponse>> CreateVocabulary(SaveVocabularyRequest request, SaveVocabulary handler, PlanningQueries queries, HttpContext http, CancellationToken ct)
    {
        var v = await handler.HandleAsync(new SaveVocabulary.Request(null, null, request.Code, request.Name), ct);
        return TypedResults.Created($"/api/v1/vocabularies/{Uri.EscapeDataString(v.Code)}", await VocabularyAsync(queries, http, v.Code, ct));
    }

    private static async Task<Ok<VocabularyResponse>> UpdateVocabulary(string code, SaveVocabularyRequest request, SaveVocabulary handler, PlanningQueries queries, CadreDbContext db, HttpContext http, CancellationToken ct)
    {
        var version = RequireVersion(db, request.Version);
        var existing = await VocabularyAsync(queries, http, code, ct);
        var v = await handler.HandleAsync(new SaveVocabulary.Request(existing.Id, version, request.Code, request.Name), ct);
        return TypedResults.Ok(await VocabularyAsync(queries, http, v.Code, ct));
    }

    private static async Task<Created<EntryResponse>> CreateEntry(string code, SaveEntryRequest request, SaveVocabularyEntry handler, PlanningQueries queries, CadreDbContext db, HttpContext http, CancellationToken ct)
    {
        PlanningPermissions.EnsureCanEdit(db.Actor);
        var vocabulary = await VocabularyAsync(queries, http, code, ct);
        var entry = await handler.HandleAsync(new SaveVocabularyEntry.Request(vocabulary.Id, null, null, request.Code, request.Title, request.ParentCode), ct);
        return TypedResults.Created($"/api/v1/vocabularies/{Uri.EscapeDataString(vocabulary.Code)}", ToResponse(entry));
    }

    private static async Task<Ok<EntryResponse>> UpdateEntry(string code, int entryId, SaveEntryRequest request, SaveVocabularyEntry handler, PlanningQueries queries, CadreDbContext db, HttpContext http, CancellationToken ct)
    {
        var version = RequireVersion(db, request.Version);
        var vocabulary = await VocabularyAsync(queries, http, code, ct);
        var entry = await handler.HandleAsync(new SaveVocabularyEntry.Request(vocabulary.Id, entryId, version, request.Code, request.Title, request.ParentCode), ct);
        return TypedResults.Ok(ToResponse(entry));
    }

    private static async Task<NoContent> DeleteEntry(string code, int entryId, DeleteVocabularyEntry handler, PlanningQueries queries, CadreDbContext db, HttpContext http, CancellationToken ct)
    {
        PlanningPermissions.EnsureCanEdit(db.Actor);
        var vocabulary = await VocabularyAsync(queries, http, code, ct);
        if (vocabulary.Entries.All(e => e.Id != entryId)) throw new NotFoundException(Messages.Format("Error.NotFound.Entry", entryId));
        await handler.HandleAsync(new DeleteVocabularyEntry.Request(entryId), ct);
        return TypedResults.NoContent();
    }

    private static EntryResponse ToResponse(VocabularyEntry e) => new(e.Id, e.Code, e.Title.Json(), e.ParentEntryId, e.SortOrder, e.Version);

    // ------------------------------------------------------------------ history

    /// <summary>The item types whose history can be read, by their name in the URL.</summary>
    public static readonly IReadOnlyDictionary<string, string> HistoryTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["plan"] = nameof(Plan),
        ["level"] = nameof(FrameworkLevel),
        ["element"] = nameof(PlanElement),
        ["link"] = nameof(ElementLink),
        ["vocabulary"] = nameof(Vocabulary),
        ["entry"] = nameof(VocabularyEntry),
    };

    private static void MapHistory(RouteGroupBuilder api)
    {
        api.MapGet("/history/{entityType}/{id:int}", History).Read().ProducesProblems(400, 404)
            .WithName("GetHistory")
            .WithSummary("The recorded changes of an item, newest first, field by field. Types: plan, level, element, link, vocabulary, entry.")
            .WithTags(HistoryTag);
    }

    private static async Task<Results<Ok<List<HistoryEntryResponse>>, ProblemHttpResult>> History(
        string entityType, int id, AuditQueries audit, CadreDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!HistoryTypes.TryGetValue(entityType, out var type))
        {
            throw new ValidationFailedException("entityType", ApiText.Format(http, "Error.UnknownHistoryType", entityType, string.Join(", ", HistoryTypes.Keys)));
        }
        var notFound = ApiSetup.NotFound(ApiText.Format(http, "Error.NotFound.History", entityType, id));
        // The same people who may read the item: drafts (and deleted items) to those who read drafts.
        if (!PlanningPermissions.CanReadDrafts(db.Actor) && !await IsPublicAsync(db, type, id, ct)) return notFound;
        var entries = await audit.HistoryAsync(type, id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        return entries.Count == 0 ? notFound : TypedResults.Ok(entries.Select(e => e.ToResponse()).ToList());
    }

    /// <summary>Items of published plans, and reference vocabularies, are public; so is their history.</summary>
    private static async Task<bool> IsPublicAsync(CadreDbContext db, string type, int id, CancellationToken ct)
    {
        var published = new[] { PlanStatus.Adopted, PlanStatus.Superseded };
        return type switch
        {
            nameof(Plan) => await db.Plans.AnyAsync(p => p.Id == id && published.Contains(p.Status), ct),
            nameof(FrameworkLevel) => await db.FrameworkLevels.AnyAsync(l => l.Id == id && published.Contains(l.Plan!.Status), ct),
            nameof(PlanElement) => await db.PlanElements.AnyAsync(e => e.Id == id && published.Contains(e.Plan!.Status), ct),
            nameof(ElementLink) => await db.ElementLinks.AnyAsync(l => l.Id == id && published.Contains(l.Element!.Plan!.Status), ct),
            nameof(Vocabulary) => await db.Vocabularies.AnyAsync(v => v.Id == id, ct),
            nameof(VocabularyEntry) => await db.VocabularyEntries.AnyAsync(e => e.Id == id, ct),
            _ => false,
        };
    }

    // ------------------------------------------------------------------ helpers

    /// <summary>
    /// Changes must say which version they were based on: a blind overwrite would lose another person's
    /// change. The permission check comes first, so that a non-Planner gets 403, not 400.
    /// </summary>
    private static int RequireVersion(CadreDbContext db, int? version)
    {
        PlanningPermissions.EnsureCanEdit(db.Actor);
        return version ?? throw new ValidationFailedException("version", ApiText.Get(null, "Error.VersionRequired"));
    }

    private static async Task<PlanResponse> PlanAsync(PlanningQueries queries, int id, CancellationToken ct) =>
        (await queries.GetPlanAsync(id, ct))?.ToResponse() ?? throw new NotFoundException(Messages.Format("Error.NotFound.Plan", id));

    private static async Task<ElementResponse> ElementAsync(PlanningQueries queries, int id, CancellationToken ct) =>
        (await queries.GetElementAsync(id, ct))?.ToResponse() ?? throw new NotFoundException(Messages.Format("Error.NotFound.Element", id));

    private static async Task<VocabularyResponse> VocabularyAsync(PlanningQueries queries, HttpContext http, string code, CancellationToken ct) =>
        (await queries.GetVocabularyAsync(code, ct))?.ToResponse() ?? throw new NotFoundException(ApiText.Format(http, "Error.NotFound.Vocabulary", code));

    /// <summary>Reads the whole body (already limited by the API's body size limit) so that the parser can seek.</summary>
    private static async Task<Stream> BufferAsync(HttpRequest request, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        return buffer;
    }
}
