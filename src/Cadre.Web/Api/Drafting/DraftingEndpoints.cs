using System.Text.Json;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Drafting;
using Cadre.Core.Drafting.Handlers;
using Cadre.Text.Diff;
using Cadre.Text.Docx;
using Cadre.Text.Redline;
using Cadre.Text.Structure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cadre.Web.Api.Drafting;

public sealed record CompareRequest(string? Old, string? New, string? Format, string? Author, string? Language);

public sealed record InstrumentResponse(int Id, InstrumentKind Kind, string Body, string Number, Dictionary<string, string> Title, int Version, IReadOnlyList<VersionSummaryResponse>? Versions);

public sealed record VersionSummaryResponse(int Id, int InstrumentId, string Label, string Language, VersionStatus Status, DateTime CreatedAtUtc, DateTime? PublishedAtUtc, string? Provenance, int Version);

public sealed record VersionResponse(int Id, int InstrumentId, string Label, string Language, VersionStatus Status, DateTime CreatedAtUtc, DateTime? PublishedAtUtc,
    string? Provenance, int Version, IReadOnlyList<string> Paragraphs, ResolutionOutline Outline);

public sealed record CreateInstrumentRequest(InstrumentKind Kind, string Body, string Number, Dictionary<string, string?> Title);

public sealed record CreateVersionRequest(string Label, string Language, string Text, bool Publish);

public sealed record VersionedRequest(int? Version);

public sealed record ProposalRequest(int BaseVersionId, string? MemberCode, IReadOnlyList<string>? CoSigners, string Title, IReadOnlyList<ProvisionChange> Changes, int? Version);

public sealed record ProposalResponse(int Id, int BaseVersionId, string MemberCode, IReadOnlyList<string> CoSigners, string Title, ProposalStatus Status,
    DateTime CreatedAtUtc, DateTime? SubmittedAtUtc, int Revision, IReadOnlyList<ProvisionChange> Changes, IReadOnlyList<string>? ProposedParagraphs, int Version,
    int? ContributionId = null);

/// <summary>One tracked change read from the uploaded document.</summary>
public sealed record TrackedChangeResponse(TrackedChangeKind Kind, string Author, DateTime? DateUtc, string Text);

/// <summary>
/// What an import of a document with tracked changes does (dryRun) or did: the base version found or created, the
/// proposal's changes and, once saved, the proposal.
/// </summary>
public sealed record ImportDocxResponse(bool Saved, int? BaseVersionId, bool BaseCreated, int BaseParagraphCount, int? ProposalId, bool CreatesProposal,
    IReadOnlyList<ProvisionChange> Changes, IReadOnlyList<string> Authors, IReadOnlyList<TrackedChangeResponse> TrackedChanges);

/// <summary>The meeting a proposal is submitted to.</summary>
public sealed record MeetingSubmissionRequest(int MeetingId, int? Version);

public sealed record CompilationRequest(int BaseVersionId, IReadOnlyList<int> ProposalIds, string Title);

public sealed record ConflictResponse(string Key, int Provision, string BaseText, IReadOnlyList<ConflictVersion> Versions, string? Resolution);

public sealed record CompilationResponse(int Id, int BaseVersionId, string Title, IReadOnlyList<int> ProposalIds, CompilationStatus Status, int? ResultVersionId,
    IReadOnlyList<ConflictResponse> Conflicts, int Unresolved, int Version);

public sealed record ResolveRequest(string Key, string Text, int? Version);

public sealed record CompleteRequest(string Label, int? Version);

/// <summary>
/// <c>/api/v1/drafting</c>: the comparison of two texts or files, instruments, versions, proposals and
/// compilations. Reads are open (drafts and proposals only to those DraftingPermissions allows); writes need an
/// access token and the role the handler checks.
/// </summary>
public static class DraftingEndpoints
{
    private const string CompareTag = "Drafting: compare";
    private const string InstrumentsTag = "Drafting: instruments";
    private const string ProposalsTag = "Drafting: proposals";
    private const string CompilationsTag = "Drafting: compilations";

    /// <summary>Limits on an uploaded document: the API's body limit, and at most 16 MiB unpacked (zip bombs).</summary>
    public static readonly DocxReadOptions UploadLimits = new() { MaxFileBytes = ApiSetup.JsonBodyLimit, MaxUnpackedBytes = 16 * 1024 * 1024, MaxCharactersInPart = 16 * 1024 * 1024 };

    /// <summary>Largest .docx of <c>POST /api/v1/drafting/instruments/{id}/import-docx</c>: 5 MiB, as on the import pages.</summary>
    public const long DocxImportFileBytes = 5 * 1024 * 1024;

    /// <summary>Largest body of the DOCX import: the file and the form's other fields.</summary>
    public const long DocxImportBodyLimit = DocxImportFileBytes + (64 * 1024);

    private static readonly DocxReadOptions DocxImportLimits = new() { MaxFileBytes = DocxImportFileBytes, MaxUnpackedBytes = 32 * 1024 * 1024, MaxCharactersInPart = 32 * 1024 * 1024 };

    /// <summary>True for <c>/api/v1/drafting/instruments/{id}/import-docx</c>, whose body limit is <see cref="DocxImportBodyLimit"/>.</summary>
    public static bool IsDocxImport(PathString path)
    {
        if (!path.StartsWithSegments("/api/v1/drafting/instruments", StringComparison.OrdinalIgnoreCase, out var rest)) return false;
        var parts = (rest.Value ?? "").Trim('/').Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            && string.Equals(parts[1], "import-docx", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Longest text compared (each side), in characters.</summary>
    public const int MaxCompareChars = 500_000;

    public static IEndpointRouteBuilder MapDraftingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/drafting")
            .AddEndpointFilter(ApiSetup.CatchHandlerFailures)
            .WithMetadata(new ApiSetup.SkipStatusCodePages());

        api.MapPost("/compare", Compare).RequireAuthorization(ApiSetup.WriterPolicy).DisableAntiforgery()
            .Accepts<CompareRequest>("application/json", "multipart/form-data")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", additionalContentTypes: ["text/html", "application/json", "application/akn+xml"])
            .ProducesProblems(400, 401, 413)
            .WithName("CompareTexts").WithSummary("Compares two texts (JSON old/new) or two uploaded .txt/.docx files (form fields old, new) and returns the redline as docx, html, json or akn.").WithTags(CompareTag);

        api.MapGet("/instruments", ListInstruments).Read()
            .WithName("ListInstruments").WithSummary("Lists instruments with search, sort (number, title, body, kind) and paging.").WithTags(InstrumentsTag);
        api.MapGet("/instruments/{id:int}", GetInstrument).Read().ProducesProblems(404)
            .WithName("GetInstrument").WithSummary("Gets an instrument with the versions you may read.").WithTags(InstrumentsTag);
        api.MapPost("/instruments", PostInstrument).Write()
            .WithName("CreateInstrument").WithSummary("Creates an instrument (Chair or Planner).").WithTags(InstrumentsTag);
        api.MapPost("/instruments/{id:int}/versions", PostVersion).Write()
            .WithName("CreateInstrumentVersion").WithSummary("Adds a version from its plain text, as a draft or published (Chair or Planner).").WithTags(InstrumentsTag);
        api.MapGet("/versions/{id:int}", GetVersion).Read().ProducesProblems(404)
            .WithName("GetInstrumentVersion").WithSummary("Gets a version: its paragraphs (the provisions, numbered from 1) and outline.").WithTags(InstrumentsTag);
        api.MapGet("/versions/{id:int}/akn", GetVersionAkn).Read().ProducesProblems(404)
            .Produces(StatusCodes.Status200OK, contentType: "application/akn+xml")
            .WithName("GetInstrumentVersionAkn").WithSummary("The version as Akoma Ntoso 3.0 XML.").WithTags(InstrumentsTag);
        api.MapPost("/versions/{id:int}/publish", PublishVersionEndpoint).Write()
            .WithName("PublishInstrumentVersion").WithSummary("Publishes a draft version; it never changes afterwards.").WithTags(InstrumentsTag);

        api.MapGet("/proposals", ListProposals).Read()
            .WithName("ListProposals").WithSummary("The proposals you may read (your Member's, or all for the secretariat), optionally against one version.").WithTags(ProposalsTag);
        api.MapGet("/proposals/{id:int}", GetProposal).Read().ProducesProblems(404)
            .WithName("GetProposal").WithSummary("Gets a proposal: its latest revision's changes and the proposed text.").WithTags(ProposalsTag);
        api.MapGet("/proposals/{id:int}/redline", GetProposalRedline).Read().ProducesProblems(400, 404)
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", additionalContentTypes: ["text/html", "application/json", "application/akn+xml"])
            .WithName("GetProposalRedline").WithSummary("The proposal's redline against its base as docx (tracked changes by the proposer), html, json or akn.").WithTags(ProposalsTag);
        api.MapPost("/proposals", PostProposal).Write()
            .WithName("CreateProposal").WithSummary("Creates a proposal for your Member against a published version (Delegate).").WithTags(ProposalsTag);
        api.MapPut("/proposals/{id:int}", PutProposal).Write()
            .WithName("ReviseProposal").WithSummary("Saves a new revision of a draft proposal (Delegate of the proposing Member).").WithTags(ProposalsTag);
        api.MapPost("/proposals/{id:int}/submit", PostSubmit).Write()
            .WithName("SubmitProposal").WithSummary("Submits a draft proposal as a contribution.").WithTags(ProposalsTag);

        // No Accepts(multipart) metadata: it would turn a request of another content type into a 404 instead of a clear 400.
        api.MapPost("/instruments/{id:int}/import-docx", PostImportDocx).Write().DisableAntiforgery()
            .Produces<ImportDocxResponse>(StatusCodes.Status200OK).Produces<ImportDocxResponse>(StatusCodes.Status201Created).ProducesProblems(413)
            .WithName("ImportDocxProposal")
            .WithSummary("Imports a .docx with tracked changes, up to 5 MiB (multipart/form-data fields: file, language, baseLabel, title, supReason, coSigners, dryRun; a larger body is refused with 413): the text with the changes rejected is the base version (matched, or created and published by the secretariat), the text with them accepted becomes a draft proposal of your Member (MOD, ADD, SUP). With dryRun=true nothing is stored.")
            .WithTags(ProposalsTag);
        api.MapPost("/proposals/{id:int}/contribution", PostMeetingSubmission).Write()
            .WithName("SubmitProposalToMeeting").WithSummary("Submits the proposal as a contribution to an upcoming meeting of the instrument's body, through Governance's contribution rules (deadline, own Member); the proposal is then submitted and linked to it.").WithTags(ProposalsTag);

        api.MapGet("/compilations", ListCompilations).Read()
            .WithName("ListCompilations").WithSummary("The compilations (Chair or Planner; others get an empty list).").WithTags(CompilationsTag);
        api.MapGet("/compilations/{id:int}", GetCompilation).Read().ProducesProblems(404)
            .WithName("GetCompilation").WithSummary("Gets a compilation with its conflicts, each with the proposals' versions.").WithTags(CompilationsTag);
        api.MapPost("/compilations", PostCompilation).Write()
            .WithName("CreateCompilation").WithSummary("Compiles submitted proposals against one version (Chair or Planner).").WithTags(CompilationsTag);
        api.MapPost("/compilations/{id:int}/resolutions", PostResolution).Write()
            .WithName("ResolveConflict").WithSummary("Sets the text of one conflict (a proposal's version or an edit).").WithTags(CompilationsTag);
        api.MapPost("/compilations/{id:int}/complete", PostComplete).Write()
            .WithName("CompleteCompilation").WithSummary("Saves the compiled text as a new draft version with its provenance.").WithTags(CompilationsTag);
        return app;
    }

    // ------------------------------------------------------------------ compare

    private static async Task<IResult> Compare(HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        string? oldText, newText, format, author, language;
        var v = new Validation();
        try
        {
            if (http.Request.HasFormContentType)
            {
                var form = await http.Request.ReadFormAsync(ct);
                oldText = await FieldOrFileAsync(form, "old", v, ct);
                newText = await FieldOrFileAsync(form, "new", v, ct);
                format = form["format"].FirstOrDefault();
                author = form["author"].FirstOrDefault();
                language = form["language"].FirstOrDefault();
            }
            else
            {
                var body = await http.Request.ReadFromJsonAsync<CompareRequest>(ct);
                oldText = body?.Old;
                newText = body?.New;
                format = body?.Format;
                author = body?.Author;
                language = body?.Language;
            }
        }
        catch (JsonException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [e.Message] }, title: Messages.Get("Problem.Validation"));
        }
        catch (InvalidDataException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [e.Message] }, title: Messages.Get("Problem.Validation"));
        }
        if (oldText is null && !v.HasErrors) v.Add("old", Messages.Get("Error.Required"));
        if (newText is null && !v.HasErrors) v.Add("new", Messages.Get("Error.Required"));
        var f = RedlineFormat.Html;
        if (!string.IsNullOrWhiteSpace(format) && !RedlineExport.TryParseFormat(format, out f)) v.Add("format", ApiText.Format(http, "Error.UnknownValue", format, "docx, html, json, akn"));
        v.MaxLength("old", oldText, MaxCompareChars);
        v.MaxLength("new", newText, MaxCompareChars);
        v.MaxLength("author", author, 100);
        if (language is not null && !LocalizedText.IsSupported(language)) v.Add("language", Messages.Format("Error.UnknownLanguage", language));
        v.ThrowIfAny();
        var script = WordDiff.Compare(DraftingText.Normalize(oldText), DraftingText.Normalize(newText));
        var file = RedlineExport.Render(script, f, new RedlineInfo(string.IsNullOrWhiteSpace(author) ? "Cadre" : author.Trim(), clock.GetUtcNow().UtcDateTime,
            DraftingDocuments.LanguageTag(language ?? "en"), "Redline"));
        return TypedResults.File(file.Content, file.ContentType, $"redline.{file.Extension}");
    }

    /// <summary>The text of a form field, or of an uploaded file of that name (.txt or .docx, checked by content).</summary>
    private static async Task<string?> FieldOrFileAsync(IFormCollection form, string name, Validation v, CancellationToken ct)
    {
        if (form.Files.GetFile(name) is { } file)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            try
            {
                return InputDocument.Read(buffer.ToArray(), UploadLimits).ProposedText;
            }
            catch (DocxReadException e)
            {
                v.Add(name, e.Message);
                return null;
            }
        }
        return form[name].FirstOrDefault();
    }

    // ------------------------------------------------------------------ instruments and versions

    private static async Task<Ok<Paged<InstrumentResponse>>> ListInstruments(DraftingQueries queries, string? search, InstrumentSort? sort, bool? descending, int? page, int? pageSize, CancellationToken ct)
    {
        var result = await queries.ListInstrumentsAsync(search, sort ?? InstrumentSort.Number, descending ?? false, page, pageSize, ct);
        return TypedResults.Ok(new Paged<InstrumentResponse>(result.Items.Select(i => new InstrumentResponse(i.Id, i.Kind, i.Body, i.Number, i.Title.ToDictionary(), 0, null)).ToList(),
            result.Page, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<InstrumentResponse>, ProblemHttpResult>> GetInstrument(int id, DraftingQueries queries, CancellationToken ct) =>
        await queries.GetInstrumentAsync(id, ct) is { } i
            ? TypedResults.Ok(ToResponse(i))
            : ApiSetup.NotFound(Messages.Format("Drafting.Error.NotFound.Instrument", id));

    private static async Task<Created<InstrumentResponse>> PostInstrument(CreateInstrumentRequest request, CreateInstrument handler, DraftingQueries queries, CancellationToken ct)
    {
        var i = await handler.HandleAsync(new CreateInstrument.Request(request.Kind, request.Body, request.Number, request.Title), ct);
        return TypedResults.Created($"/api/v1/drafting/instruments/{i.Id}", ToResponse((await queries.GetInstrumentAsync(i.Id, ct))!));
    }

    private static async Task<Created<VersionResponse>> PostVersion(int id, CreateVersionRequest request, CreateVersion handler, CancellationToken ct)
    {
        var version = await handler.HandleAsync(new CreateVersion.Request(id, request.Label, request.Language, request.Text, request.Publish), ct);
        return TypedResults.Created($"/api/v1/drafting/versions/{version.Id}", ToResponse(version));
    }

    private static async Task<Results<Ok<VersionResponse>, ProblemHttpResult>> GetVersion(int id, DraftingQueries queries, CancellationToken ct) =>
        await queries.GetVersionAsync(id, ct) is { } v
            ? TypedResults.Ok(ToResponse(v))
            : ApiSetup.NotFound(Messages.Format("Drafting.Error.NotFound.Version", id));

    private static async Task<IResult> GetVersionAkn(int id, DraftingQueries queries, CancellationToken ct) =>
        await queries.GetVersionAsync(id, ct) is { } v
            ? TypedResults.Text(DraftingDocuments.AkomaNtoso(v), "application/akn+xml", System.Text.Encoding.UTF8)
            : ApiSetup.NotFound(Messages.Format("Drafting.Error.NotFound.Version", id));

    private static async Task<Ok<VersionResponse>> PublishVersionEndpoint(int id, VersionedRequest request, PublishVersion handler, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await handler.HandleAsync(new PublishVersion.Request(id, request.Version), ct)));

    // ------------------------------------------------------------------ proposals

    private static async Task<Ok<List<ProposalResponse>>> ListProposals(DraftingQueries queries, int? versionId, CancellationToken ct) =>
        TypedResults.Ok((await queries.ListProposalsAsync(versionId, ct)).Select(p => ToResponse(p, null)).ToList());

    private static async Task<Results<Ok<ProposalResponse>, ProblemHttpResult>> GetProposal(int id, DraftingQueries queries, CancellationToken ct) =>
        await queries.GetProposalAsync(id, ct) is { } view
            ? TypedResults.Ok(ToResponse(view.Proposal, view))
            : ApiSetup.NotFound(Messages.Format("Drafting.Error.NotFound.Proposal", id));

    private static async Task<IResult> GetProposalRedline(int id, string? format, HttpContext http, DraftingQueries queries, CancellationToken ct)
    {
        var f = RedlineFormat.Docx;
        if (!string.IsNullOrWhiteSpace(format) && !RedlineExport.TryParseFormat(format, out f))
            throw new ValidationFailedException("format", ApiText.Format(http, "Error.UnknownValue", format, "docx, html, json, akn"));
        if (await queries.GetProposalAsync(id, ct) is not { } view) return ApiSetup.NotFound(Messages.Format("Drafting.Error.NotFound.Proposal", id));
        var file = RedlineExport.Render(DraftingDocuments.Redline(view), f, DraftingDocuments.Info(view));
        return TypedResults.File(file.Content, file.ContentType, $"proposal-{id}.{file.Extension}");
    }

    private static async Task<Created<ProposalResponse>> PostProposal(ProposalRequest request, SaveProposal handler, DraftingQueries queries, CancellationToken ct)
    {
        var p = await handler.HandleAsync(new SaveProposal.Request(null, null, request.BaseVersionId, request.MemberCode, request.CoSigners, request.Title, request.Changes), ct);
        var view = (await queries.GetProposalAsync(p.Id, ct))!;
        return TypedResults.Created($"/api/v1/drafting/proposals/{p.Id}", ToResponse(view.Proposal, view));
    }

    private static async Task<Ok<ProposalResponse>> PutProposal(int id, ProposalRequest request, SaveProposal handler, DraftingQueries queries, CancellationToken ct)
    {
        await handler.HandleAsync(new SaveProposal.Request(id, request.Version, request.BaseVersionId, request.MemberCode, request.CoSigners, request.Title, request.Changes), ct);
        var view = (await queries.GetProposalAsync(id, ct))!;
        return TypedResults.Ok(ToResponse(view.Proposal, view));
    }

    private static async Task<Ok<ProposalResponse>> PostSubmit(int id, VersionedRequest request, SubmitProposal handler, DraftingQueries queries, CancellationToken ct)
    {
        await handler.HandleAsync(new SubmitProposal.Request(id, request.Version), ct);
        var view = (await queries.GetProposalAsync(id, ct))!;
        return TypedResults.Ok(ToResponse(view.Proposal, view));
    }

    private static async Task<IResult> PostImportDocx(int id, HttpContext http, ImportTrackedChanges handler, ICurrentActor actor, CancellationToken ct)
    {
        if (!DraftingPermissions.IsSecretariat(actor) && !DraftingPermissions.CanPropose(actor)) throw new ForbiddenException(Messages.Get("Drafting.Error.DelegateOnly"));
        if (!http.Request.HasFormContentType) throw new ValidationFailedException("file", ApiText.Get(http, "Error.Required"));
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException e)
        {
            throw new ValidationFailedException("body", e.Message);
        }
        if (form.Files.GetFile("file") is not { } file) throw new ValidationFailedException("file", Messages.Get("Error.Required"));
        TrackedChangesDocument document;
        using (var buffer = new MemoryStream())
        {
            await file.CopyToAsync(buffer, ct);
            try
            {
                document = TrackedChangesReader.Read(buffer.ToArray(), DocxImportLimits);
            }
            catch (DocxReadException e)
            {
                throw new ValidationFailedException("file", e.Message);
            }
        }
        var dryRun = bool.TryParse(form["dryRun"].FirstOrDefault(), out var d) && d;
        var request = new ImportTrackedChanges.Request(id, form["language"].FirstOrDefault() ?? "en", document.BaseText, document.ProposedText,
            form["baseLabel"].FirstOrDefault(), form["title"].FirstOrDefault(), form["supReason"].FirstOrDefault(),
            (form["coSigners"].FirstOrDefault() ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var tracked = document.Changes.Select(c => new TrackedChangeResponse(c.Kind, c.Author, c.DateUtc, c.Text)).ToList();
        if (dryRun)
        {
            var plan = await handler.PreviewAsync(request, ct);
            return TypedResults.Ok(new ImportDocxResponse(false, plan.ExistingBase?.Id, plan.CreatesBase, plan.BaseParagraphs.Count, null, plan.CreatesProposal,
                plan.Changes, document.Authors, tracked));
        }
        var preview = await handler.PreviewAsync(request, ct);
        var result = await handler.HandleAsync(request, ct);
        var location = result.Proposal is { } p ? $"/api/v1/drafting/proposals/{p.Id}" : $"/api/v1/drafting/versions/{result.Base.Id}";
        return TypedResults.Created(location, new ImportDocxResponse(true, result.Base.Id, result.BaseCreated, preview.BaseParagraphs.Count, result.Proposal?.Id,
            result.Proposal is not null, preview.Changes, document.Authors, tracked));
    }

    private static async Task<Ok<ProposalResponse>> PostMeetingSubmission(int id, MeetingSubmissionRequest request, SubmitProposalToMeeting handler, DraftingQueries queries, CancellationToken ct)
    {
        await handler.HandleAsync(new SubmitProposalToMeeting.Request(id, request.Version, request.MeetingId), ct);
        var view = (await queries.GetProposalAsync(id, ct))!;
        return TypedResults.Ok(ToResponse(view.Proposal, view));
    }

    // ------------------------------------------------------------------ compilations

    private static async Task<Ok<List<CompilationResponse>>> ListCompilations(DraftingQueries queries, int? versionId, CancellationToken ct) =>
        TypedResults.Ok((await queries.ListCompilationsAsync(versionId, ct))
            .Select(c => new CompilationResponse(c.Id, c.BaseVersionId, c.Title, c.ProposalIdList, c.Status, c.ResultVersionId, [], 0, c.Version)).ToList());

    private static async Task<Results<Ok<CompilationResponse>, ProblemHttpResult>> GetCompilation(int id, DraftingQueries queries, CancellationToken ct) =>
        await queries.GetCompilationAsync(id, ct) is { } view
            ? TypedResults.Ok(ToResponse(view))
            : ApiSetup.NotFound(Messages.Format("Drafting.Error.NotFound.Compilation", id));

    private static async Task<Created<CompilationResponse>> PostCompilation(CompilationRequest request, CreateCompilation handler, DraftingQueries queries, CancellationToken ct)
    {
        var c = await handler.HandleAsync(new CreateCompilation.Request(request.BaseVersionId, request.ProposalIds, request.Title), ct);
        return TypedResults.Created($"/api/v1/drafting/compilations/{c.Id}", ToResponse((await queries.GetCompilationAsync(c.Id, ct))!));
    }

    private static async Task<Ok<CompilationResponse>> PostResolution(int id, ResolveRequest request, ResolveConflict handler, DraftingQueries queries, CancellationToken ct)
    {
        await handler.HandleAsync(new ResolveConflict.Request(id, request.Version, request.Key, request.Text), ct);
        return TypedResults.Ok(ToResponse((await queries.GetCompilationAsync(id, ct))!));
    }

    private static async Task<Created<VersionResponse>> PostComplete(int id, CompleteRequest request, CompleteCompilation handler, CancellationToken ct)
    {
        var version = await handler.HandleAsync(new CompleteCompilation.Request(id, request.Version, request.Label), ct);
        return TypedResults.Created($"/api/v1/drafting/versions/{version.Id}", ToResponse(version));
    }

    // ------------------------------------------------------------------ mapping

    private static InstrumentResponse ToResponse(Instrument i) =>
        new(i.Id, i.Kind, i.Body, i.Number, i.Title.ToDictionary(), i.Version, i.Versions.Select(ToSummary).ToList());

    private static VersionSummaryResponse ToSummary(InstrumentVersion v) =>
        new(v.Id, v.InstrumentId, v.Label, v.Language, v.Status, v.CreatedAtUtc, v.PublishedAtUtc, v.Provenance, v.Version);

    private static VersionResponse ToResponse(InstrumentVersion v) =>
        new(v.Id, v.InstrumentId, v.Label, v.Language, v.Status, v.CreatedAtUtc, v.PublishedAtUtc, v.Provenance, v.Version, v.Paragraphs, ResolutionParser.Parse(v.Paragraphs));

    private static ProposalResponse ToResponse(Proposal p, ProposalView? view) =>
        new(p.Id, p.BaseVersionId, p.MemberCode, p.CoSignerCodes, p.Title, p.Status, p.CreatedAtUtc, p.SubmittedAtUtc,
            view?.Revision.Number ?? 0, view?.Changes ?? [], view?.ProposedParagraphs, p.Version, p.ContributionId);

    private static CompilationResponse ToResponse(CompilationView view)
    {
        var c = view.Compilation;
        var conflicts = view.Text.Conflicts
            .Select(x => new ConflictResponse(x.Key, x.Unit.Provision, x.Conflict.BaseText, x.Conflict.Versions, view.Resolutions.GetValueOrDefault(x.Key)))
            .ToList();
        return new CompilationResponse(c.Id, c.BaseVersionId, c.Title, c.ProposalIdList, c.Status, c.ResultVersionId, conflicts, view.UnresolvedCount, c.Version);
    }
}
