using System.Globalization;
using Cadre.Core.Common;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Handlers;
using Cadre.Web.Api.Planning;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cadre.Web.Api.Governance;

/// <summary>An officer of a body; <c>id</c> and <c>version</c> are for ending the term or removing the officer.</summary>
public sealed record OfficerResponse(string Name, OfficerRole Role, DateOnly? TermFrom, DateOnly? TermTo, bool HasAccount, int Id, int Version);

/// <summary>A body as created or changed. <c>version</c> is required for a change (409 when someone saved in between).</summary>
public sealed record BodyRequest(
    string Code, BodyKind Kind, Dictionary<string, string?> Name, int? ParentId, string? Sector, Dictionary<string, string?>? Mandate,
    string? MandateSymbol, MembershipRule Membership, bool WorksByCorrespondence, bool MeetsVirtually, bool MeetsPhysically,
    string? WorkingLanguage, DateOnly? ActiveFrom, DateOnly? ActiveTo, int? Version);

/// <summary>Appoints a chair or vice-chair; <c>accountEmail</c> links the officer to a Cadre account (a Chair-role user then manages the body).</summary>
public sealed record OfficerRequest(string? Name, OfficerRole Role, DateOnly? TermFrom, DateOnly? TermTo, string? AccountEmail);

public sealed record EndTermRequest(DateOnly? EndOn, int? Version);

public sealed record BodyMemberResponse(int MemberId, string Code, Dictionary<string, string> Name, MemberKind Kind, string? Region, DateOnly? Since);

/// <summary>A body's membership: open to all Members (of its Sector), or the listed Members in <c>items</c>.</summary>
public sealed record BodyMembersResponse(int BodyId, string BodyCode, MembershipRule Membership, IReadOnlyList<BodyMemberResponse> Items);

public sealed record BodyMemberRequest(string? MemberCode, DateOnly? Since);

/// <summary>The decision that moves a recommendation on one step: proposed → endorsed or rejected, endorsed → implemented.</summary>
public sealed record RecommendationDecisionRequest(RecommendationStatus Status, Dictionary<string, string?>? Decision, string? DecisionSymbol, DateOnly? DecidedOn, int? Version);

public sealed record BodyResponse(
    int Id, string Code, BodyKind Kind, Dictionary<string, string> Name, int? ParentId, string? ParentCode, string? Sector,
    Dictionary<string, string> Mandate, string? MandateSymbol, MembershipRule Membership, IReadOnlyList<string> MemberCodes,
    bool WorksByCorrespondence, bool MeetsVirtually, bool MeetsPhysically, string WorkingLanguage,
    DateOnly? ActiveFrom, DateOnly? ActiveTo, IReadOnlyList<OfficerResponse> Officers, int Version);

public sealed record BodyPageResponse(IReadOnlyList<BodyResponse> Items, int Page, int PageSize, int Total, int PageCount);

public sealed record AgendaItemDto(string Label, Dictionary<string, string?> Title, IReadOnlyList<string>? Documents);

/// <summary>A meeting. <c>platform</c> and <c>joinLink</c> are null unless the caller is a registered participant.</summary>
public sealed record MeetingResponse(
    int Id, int BodyId, string BodyCode, Dictionary<string, string> Title, DateTime StartUtc, DateTime EndUtc,
    DateTime StartLocal, DateTime EndLocal, string TimeZone, MeetingMode Mode, string? Venue, string? Platform, string? JoinLink,
    IReadOnlyList<string> InterpretationLanguages, bool AgendaAdopted, DateTime? AgendaAdoptedAtUtc, IReadOnlyList<AgendaItemDto> Agenda,
    string? ReportSymbol, Dictionary<string, string> ReportSummary, int Version);

public sealed record MeetingPageResponse(IReadOnlyList<MeetingResponse> Items, int Page, int PageSize, int Total, int PageCount);

/// <summary>Start and end are local date-times in <c>timeZone</c> (an IANA id such as Europe/Zurich), without offset.</summary>
public sealed record MeetingRequest(
    int BodyId, Dictionary<string, string?> Title, DateTime? Start, DateTime? End, string TimeZone, MeetingMode Mode,
    string? Venue, string? Platform, string? JoinLink, IReadOnlyList<string>? InterpretationLanguages, IReadOnlyList<AgendaItemDto>? Agenda,
    string? ReportSymbol, Dictionary<string, string?>? ReportSummary, int? Version);

public sealed record AdoptAgendaRequest(bool Adopted, int? Version);

public sealed record LiaisonResponse(
    int Id, int FromBodyId, string FromBodyCode, int ToBodyId, string ToBodyCode, string? Symbol, Dictionary<string, string> Title,
    Dictionary<string, string> Text, LiaisonAction Action, DateOnly SentOn, DateOnly? Deadline, int? InReplyToId, IReadOnlyList<int> ReplyIds, int Version,
    IReadOnlyList<string> Documents);

public sealed record LiaisonPageResponse(IReadOnlyList<LiaisonResponse> Items, int Page, int PageSize, int Total, int PageCount);

/// <summary>A liaison statement as sent. <c>documents</c>: the symbols of its linked documents; null keeps them as they are, [] removes them.</summary>
public sealed record LiaisonRequest(
    int FromBodyId, int ToBodyId, Dictionary<string, string?> Title, Dictionary<string, string?>? Text, LiaisonAction Action,
    DateOnly SentOn, DateOnly? Deadline, string? Symbol, int? InReplyToId, int? Version, IReadOnlyList<string>? Documents = null);

public sealed record RecommendationResponse(
    int Id, int BodyId, string BodyCode, int ToBodyId, string ToBodyCode, string Number, Dictionary<string, string> Text, string? SourceSymbol,
    DateOnly ProposedOn, RecommendationStatus Status, Dictionary<string, string> Decision, string? DecisionSymbol, DateOnly? DecidedOn,
    IReadOnlyList<string> Documents, IReadOnlyList<int> PlanElementIds, int Version);

public sealed record RecommendationPageResponse(IReadOnlyList<RecommendationResponse> Items, int Page, int PageSize, int Total, int PageCount);

public sealed record RecommendationRequest(
    int BodyId, string Number, Dictionary<string, string?> Text, DateOnly ProposedOn, RecommendationStatus Status, string? SourceSymbol,
    Dictionary<string, string?>? Decision, string? DecisionSymbol, DateOnly? DecidedOn, IReadOnlyList<string>? Documents,
    IReadOnlyList<int>? PlanElementIds, int? Version);

/// <summary>
/// <c>/api/v1</c> for bodies, meetings (with iCalendar files), liaison statements and recommendations. Reads are public
/// except a meeting's platform and link (registered participants only); writes need an access token and the body's
/// chair or vice-chair (Chair role) or the secretariat (Planner, Admin).
/// </summary>
public static class GovernanceEndpoints
{
    private const string BodiesTag = "Bodies";
    private const string MeetingsTag = "Meetings";
    private const string LiaisonsTag = "Liaison statements";
    private const string RecommendationsTag = "Recommendations";
    private const string CalendarType = "text/calendar";

    public static IEndpointRouteBuilder MapGovernanceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .AddEndpointFilter(ApiSetup.CatchHandlerFailures)
            .WithMetadata(new ApiSetup.SkipStatusCodePages());

        api.MapGet("/bodies", ListBodies).Read()
            .WithName("ListBodies").WithSummary("Lists the bodies (conferences, Council, advisory and working groups) with search, sort and paging.").WithTags(BodiesTag);
        api.MapGet("/bodies/{idOrCode}", GetBody).Read().ProducesProblems(404)
            .WithName("GetBody").WithSummary("Gets a body by id or code, with its officers and membership.").WithTags(BodiesTag);
        api.MapPost("/bodies", PostBody).Write()
            .WithName("CreateBody").WithSummary("Creates a body (the secretariat), or a working group under a body its chair manages.").WithTags(BodiesTag);
        api.MapPut("/bodies/{id:int}", PutBody).Write()
            .WithName("UpdateBody").WithSummary("Changes a body: kind, parent, name, mandate and its symbol, membership rule, working methods, lifespan.").WithTags(BodiesTag);
        api.MapDelete("/bodies/{id:int}", RemoveBody).Write()
            .WithName("DeleteBody").WithSummary("Deletes a body nothing refers to (no groups, meetings, documents, contributions, statements, recommendations, surveys).").WithTags(BodiesTag);
        api.MapPost("/bodies/{id:int}/officers", PostOfficer).Write()
            .WithName("AddOfficer").WithSummary("Appoints a chair or vice-chair for a term (two chairs' terms may not overlap).").WithTags(BodiesTag);
        api.MapPost("/bodies/{id:int}/officers/{officerId:int}/end-term", PostEndTerm).Write()
            .WithName("EndOfficerTerm").WithSummary("Ends an officer's term on a given day (the officer stays in the body's history).").WithTags(BodiesTag);
        api.MapDelete("/bodies/{id:int}/officers/{officerId:int}", RemoveOfficerEndpoint).Write()
            .WithName("RemoveOfficer").WithSummary("Removes an officer recorded by mistake.").WithTags(BodiesTag);
        api.MapGet("/bodies/{id:int}/members", ListBodyMembers).Read().ProducesProblems(404)
            .WithName("ListBodyMembers").WithSummary("The body's membership rule and its listed Members.").WithTags(BodiesTag);
        api.MapPost("/bodies/{id:int}/members", PostBodyMember).Write()
            .WithName("AddBodyMember").WithSummary("Adds a Member (by code) to the list of a body whose membership is a list.").WithTags(BodiesTag);
        api.MapDelete("/bodies/{id:int}/members/{memberCode}", RemoveBodyMemberEndpoint).Write()
            .WithName("RemoveBodyMember").WithSummary("Takes a Member off the body's list.").WithTags(BodiesTag);
        api.MapGet("/bodies/{id:int}/calendar.ics", BodyCalendar).Read().Produces<string>(StatusCodes.Status200OK, CalendarType).ProducesProblems(404)
            .WithName("GetBodyCalendar").WithSummary("The body's meetings as an iCalendar feed.").WithTags(BodiesTag);

        api.MapGet("/meetings", ListMeetings).Read().ProducesProblems(400)
            .WithName("ListMeetings").WithSummary("Lists meetings; when=upcoming|past, bodyId, search, sort (start, -start, body), paging.").WithTags(MeetingsTag);
        api.MapGet("/meetings/{id:int}", GetMeeting).Read().ProducesProblems(404)
            .WithName("GetMeeting").WithSummary("Gets a meeting with its agenda; the link only for registered participants.").WithTags(MeetingsTag);
        api.MapGet("/meetings/{id:int}.ics", MeetingCalendar).Read().Produces<string>(StatusCodes.Status200OK, CalendarType).ProducesProblems(404)
            .WithName("GetMeetingCalendar").WithSummary("The meeting as an iCalendar file.").WithTags(MeetingsTag);
        api.MapPost("/meetings", PostMeeting).Write()
            .WithName("CreateMeeting").WithSummary("Schedules a meeting with its agenda (times that do not exist in the zone are refused).").WithTags(MeetingsTag);
        api.MapPut("/meetings/{id:int}", PutMeeting).Write()
            .WithName("UpdateMeeting").WithSummary("Changes a meeting and replaces its agenda.").WithTags(MeetingsTag);
        api.MapPost("/meetings/{id:int}/agenda-adoption", PostAdoption).Write()
            .WithName("AdoptAgenda").WithSummary("Records the adoption of the agenda (or withdraws it).").WithTags(MeetingsTag);
        api.MapDelete("/meetings/{id:int}", RemoveMeeting).Write()
            .WithName("DeleteMeeting").WithSummary("Deletes a meeting and its agenda.").WithTags(MeetingsTag);

        api.MapGet("/liaisons", ListLiaisons).Read()
            .WithName("ListLiaisons").WithSummary("Lists liaison statements; bodyId, search, sort (sent, -sent, deadline), paging.").WithTags(LiaisonsTag);
        api.MapGet("/liaisons/{id:int}", GetLiaison).Read().ProducesProblems(404)
            .WithName("GetLiaison").WithSummary("Gets a liaison statement with the ids of its replies.").WithTags(LiaisonsTag);
        api.MapPost("/liaisons", PostLiaison).Write()
            .WithName("CreateLiaison").WithSummary("Sends a liaison statement (or a reply, with inReplyToId).").WithTags(LiaisonsTag);
        api.MapPut("/liaisons/{id:int}", PutLiaison).Write()
            .WithName("UpdateLiaison").WithSummary("Changes a liaison statement.").WithTags(LiaisonsTag);
        api.MapDelete("/liaisons/{id:int}", RemoveLiaison).Write()
            .WithName("DeleteLiaison").WithSummary("Deletes a liaison statement.").WithTags(LiaisonsTag);

        api.MapGet("/recommendations", ListRecommendations).Read().ProducesProblems(400)
            .WithName("ListRecommendations").WithSummary("Lists recommendations; bodyId, status, search, sort (proposed, -proposed, status), paging.").WithTags(RecommendationsTag);
        api.MapGet("/recommendations/{id:int}", GetRecommendation).Read().ProducesProblems(404)
            .WithName("GetRecommendation").WithSummary("Gets a recommendation with its decision, documents and plan elements.").WithTags(RecommendationsTag);
        api.MapPost("/recommendations", PostRecommendation).Write()
            .WithName("CreateRecommendation").WithSummary("Records a recommendation from a body to its parent (status proposed).").WithTags(RecommendationsTag);
        api.MapPut("/recommendations/{id:int}", PutRecommendation).Write()
            .WithName("UpdateRecommendation").WithSummary("Changes a recommendation; a change of status must be one step (proposed → endorsed or rejected → implemented) with its decision.").WithTags(RecommendationsTag);
        api.MapPost("/recommendations/{id:int}/decision", PostDecision).Write()
            .WithName("DecideRecommendation").WithSummary("Records the decision that moves a recommendation on one step (as the Record a decision form).").WithTags(RecommendationsTag);
        api.MapDelete("/recommendations/{id:int}", RemoveRecommendation).Write()
            .WithName("DeleteRecommendation").WithSummary("Deletes a recommendation.").WithTags(RecommendationsTag);
        return app;
    }

    // ------------------------------------------------------------------ bodies

    private static async Task<Ok<BodyPageResponse>> ListBodies(GovernanceQueries queries, string? search, string? sort, int? page, int? pageSize, CancellationToken ct)
    {
        var r = await queries.ListBodiesAsync(search, sort, page, pageSize, ct);
        return TypedResults.Ok(new BodyPageResponse([.. r.Items.Select(b => ToResponse(b))], r.Page, r.PageSize, r.Total, r.PageCount));
    }

    private static async Task<Results<Ok<BodyResponse>, ProblemHttpResult>> GetBody(string idOrCode, GovernanceQueries queries, CancellationToken ct) =>
        await queries.FindBodyAsync(idOrCode, ct) is { } body ? TypedResults.Ok(ToResponse(body)) : ApiSetup.NotFound(Messages.Get("Error.NotFound.Body"));

    private static async Task<Created<BodyResponse>> PostBody(BodyRequest request, SaveBody handler, GovernanceQueries queries, CancellationToken ct)
    {
        var body = await handler.HandleAsync(ToSave(null, request), ct);
        return TypedResults.Created($"/api/v1/bodies/{body.Id}", ToResponse((await queries.FindBodyAsync(Id(body.Id), ct))!));
    }

    private static async Task<Ok<BodyResponse>> PutBody(int id, BodyRequest request, SaveBody handler, GovernanceQueries queries, CancellationToken ct)
    {
        await handler.HandleAsync(ToSave(id, request), ct);
        return TypedResults.Ok(ToResponse((await queries.FindBodyAsync(Id(id), ct))!));
    }

    private static async Task<NoContent> RemoveBody(int id, int? version, DeleteBody handler, CancellationToken ct)
    {
        await handler.HandleAsync(id, version, ct);
        return TypedResults.NoContent();
    }

    private static SaveBody.Request ToSave(int? id, BodyRequest r) => new(
        id, r.Version, r.Code ?? "", r.Kind, r.Name ?? [], r.ParentId, r.Sector, r.Mandate, r.MandateSymbol, r.Membership,
        r.WorksByCorrespondence, r.MeetsVirtually, r.MeetsPhysically, r.WorkingLanguage ?? "en", r.ActiveFrom, r.ActiveTo);

    private static async Task<Created<OfficerResponse>> PostOfficer(int id, OfficerRequest request, AddOfficer handler, CancellationToken ct)
    {
        var o = await handler.HandleAsync(new AddOfficer.Request(id, request.Name, request.Role, request.TermFrom, request.TermTo, request.AccountEmail), ct);
        return TypedResults.Created($"/api/v1/bodies/{id}", ToResponse(o));
    }

    private static async Task<Ok<OfficerResponse>> PostEndTerm(int id, int officerId, EndTermRequest request, EndOfficerTerm handler, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await handler.HandleAsync(new EndOfficerTerm.Request(officerId, request.Version, request.EndOn, id), ct)));

    private static async Task<NoContent> RemoveOfficerEndpoint(int id, int officerId, int? version, RemoveOfficer handler, CancellationToken ct)
    {
        await handler.HandleAsync(officerId, version, id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<BodyMembersResponse>, ProblemHttpResult>> ListBodyMembers(int id, GovernanceQueries queries, CancellationToken ct) =>
        await queries.FindBodyAsync(Id(id), ct) is { } body
            ? TypedResults.Ok(new BodyMembersResponse(body.Id, body.Code, body.Membership,
                [.. body.Members.Where(m => m.Member is not null).OrderBy(m => m.Member!.Code, StringComparer.Ordinal).Select(ToResponse)]))
            : ApiSetup.NotFound(Messages.Get("Error.NotFound.Body"));

    private static async Task<Created<BodyMemberResponse>> PostBodyMember(int id, BodyMemberRequest request, AddBodyMember handler, GovernanceQueries queries, CancellationToken ct)
    {
        var row = await handler.HandleAsync(new AddBodyMember.Request(id, request.MemberCode, request.Since), ct);
        var body = (await queries.FindBodyAsync(Id(id), ct))!;
        return TypedResults.Created($"/api/v1/bodies/{id}/members", ToResponse(body.Members.First(m => m.Id == row.Id)));
    }

    private static async Task<NoContent> RemoveBodyMemberEndpoint(int id, string memberCode, RemoveBodyMember handler, GovernanceQueries queries, CancellationToken ct)
    {
        // An unknown code is a Member on no list: the handler answers 404 (after checking the caller's role).
        var memberId = await queries.MemberIdAsync(memberCode, ct) ?? 0;
        await handler.HandleAsync(id, memberId, ct);
        return TypedResults.NoContent();
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<IResult> BodyCalendar(int id, GovernanceQueries queries, HttpContext http, CancellationToken ct) =>
        await queries.CalendarAsync(null, id, BaseUrl(http), ct) is { } ics
            ? TypedResults.Text(ics, CalendarType + "; charset=utf-8")
            : ApiSetup.NotFound(Messages.Get("Error.NotFound.Body"));

    // ------------------------------------------------------------------ meetings

    private static async Task<Results<Ok<MeetingPageResponse>, ProblemHttpResult>> ListMeetings(GovernanceQueries queries, HttpContext http, int? bodyId, string? when,
        string? search, string? sort, int? page, int? pageSize, CancellationToken ct)
    {
        var w = MeetingWhen.All;
        if (!string.IsNullOrWhiteSpace(when) && !(Enum.TryParse(when, true, out w) && Enum.IsDefined(w)))
        {
            throw new ValidationFailedException("when", ApiText.Format(http, "Error.UnknownValue", when, "all, upcoming, past"));
        }
        var r = await queries.ListMeetingsAsync(bodyId, w, search, sort, page, pageSize, ct);
        // Lists never carry the link: it is on the meeting itself, for registered participants.
        return TypedResults.Ok(new MeetingPageResponse([.. r.Items.Select(m => ToResponse(new MeetingView(m, m.Body!, false, false)))], r.Page, r.PageSize, r.Total, r.PageCount));
    }

    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> GetMeeting(int id, GovernanceQueries queries, CancellationToken ct) =>
        await queries.GetMeetingAsync(id, ct) is { } view ? TypedResults.Ok(ToResponse(view)) : ApiSetup.NotFound(Messages.Get("Error.NotFound.Meeting"));

    private static async Task<IResult> MeetingCalendar(int id, GovernanceQueries queries, HttpContext http, CancellationToken ct) =>
        await queries.CalendarAsync(id, null, BaseUrl(http), ct) is { } ics
            ? TypedResults.Text(ics, CalendarType + "; charset=utf-8")
            : ApiSetup.NotFound(Messages.Get("Error.NotFound.Meeting"));

    private static async Task<Created<MeetingResponse>> PostMeeting(MeetingRequest request, SaveMeeting handler, GovernanceQueries queries, CancellationToken ct)
    {
        var m = await handler.HandleAsync(ToSave(null, request), ct);
        return TypedResults.Created($"/api/v1/meetings/{m.Id}", ToResponse((await queries.GetMeetingAsync(m.Id, ct))!));
    }

    private static async Task<Ok<MeetingResponse>> PutMeeting(int id, MeetingRequest request, SaveMeeting handler, GovernanceQueries queries, CancellationToken ct)
    {
        await handler.HandleAsync(ToSave(id, request), ct);
        return TypedResults.Ok(ToResponse((await queries.GetMeetingAsync(id, ct))!));
    }

    private static async Task<Ok<MeetingResponse>> PostAdoption(int id, AdoptAgendaRequest request, AdoptAgenda handler, GovernanceQueries queries, CancellationToken ct)
    {
        await handler.HandleAsync(new AdoptAgenda.Request(id, request.Version, request.Adopted), ct);
        return TypedResults.Ok(ToResponse((await queries.GetMeetingAsync(id, ct))!));
    }

    private static async Task<NoContent> RemoveMeeting(int id, int? version, DeleteMeeting handler, CancellationToken ct)
    {
        await handler.HandleAsync(id, version, ct);
        return TypedResults.NoContent();
    }

    private static SaveMeeting.Request ToSave(int? id, MeetingRequest r) => new(
        id, r.Version, r.BodyId, r.Title ?? [], r.Start, r.End, r.TimeZone ?? "", r.Mode, r.Venue, r.Platform, r.JoinLink, r.InterpretationLanguages,
        r.Agenda?.Select(a => new AgendaInput(a.Label ?? "", a.Title ?? [], a.Documents)).ToList(), r.ReportSymbol, r.ReportSummary);

    // ------------------------------------------------------------------ liaisons

    private static async Task<Ok<LiaisonPageResponse>> ListLiaisons(GovernanceQueries queries, int? bodyId, string? search, string? sort, int? page, int? pageSize, CancellationToken ct)
    {
        var r = await queries.ListLiaisonsAsync(bodyId, search, sort, page, pageSize, ct);
        return TypedResults.Ok(new LiaisonPageResponse([.. r.Items.Select(l => ToResponse(l, []))], r.Page, r.PageSize, r.Total, r.PageCount));
    }

    private static async Task<Results<Ok<LiaisonResponse>, ProblemHttpResult>> GetLiaison(int id, GovernanceQueries queries, CancellationToken ct) =>
        await queries.GetLiaisonAsync(id, ct) is { } x
            ? TypedResults.Ok(ToResponse(x.Statement, [.. x.Replies.Select(r => r.Id)]))
            : ApiSetup.NotFound(Messages.Get("Error.NotFound.Liaison"));

    private static async Task<Created<LiaisonResponse>> PostLiaison(LiaisonRequest request, SaveLiaison handler, GovernanceQueries queries, CancellationToken ct)
    {
        var ls = await handler.HandleAsync(ToSave(null, request), ct);
        var x = (await queries.GetLiaisonAsync(ls.Id, ct))!.Value;
        return TypedResults.Created($"/api/v1/liaisons/{ls.Id}", ToResponse(x.Statement, [.. x.Replies.Select(r => r.Id)]));
    }

    private static async Task<Ok<LiaisonResponse>> PutLiaison(int id, LiaisonRequest request, SaveLiaison handler, GovernanceQueries queries, CancellationToken ct)
    {
        await handler.HandleAsync(ToSave(id, request), ct);
        var x = (await queries.GetLiaisonAsync(id, ct))!.Value;
        return TypedResults.Ok(ToResponse(x.Statement, [.. x.Replies.Select(r => r.Id)]));
    }

    private static async Task<NoContent> RemoveLiaison(int id, int? version, DeleteLiaison handler, CancellationToken ct)
    {
        await handler.HandleAsync(id, version, ct);
        return TypedResults.NoContent();
    }

    private static SaveLiaison.Request ToSave(int? id, LiaisonRequest r) =>
        new(id, r.Version, r.FromBodyId, r.ToBodyId, r.Title ?? [], r.Text, r.Action, r.SentOn, r.Deadline, r.Symbol, r.InReplyToId, r.Documents);

    // ------------------------------------------------------------------ recommendations

    private static async Task<Ok<RecommendationPageResponse>> ListRecommendations(GovernanceQueries queries, HttpContext http, int? bodyId, string? status,
        string? search, string? sort, int? page, int? pageSize, CancellationToken ct)
    {
        RecommendationStatus? st = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<RecommendationStatus>(status, true, out var s) && Enum.IsDefined(s)) st = s;
            else throw new ValidationFailedException("status", ApiText.Format(http, "Error.UnknownValue", status, "proposed, endorsed, rejected, implemented"));
        }
        var r = await queries.ListRecommendationsAsync(bodyId, st, search, sort, page, pageSize, ct);
        return TypedResults.Ok(new RecommendationPageResponse([.. r.Items.Select(ToResponse)], r.Page, r.PageSize, r.Total, r.PageCount));
    }

    private static async Task<Results<Ok<RecommendationResponse>, ProblemHttpResult>> GetRecommendation(int id, GovernanceQueries queries, CancellationToken ct) =>
        await queries.GetRecommendationAsync(id, ct) is { } x ? TypedResults.Ok(ToResponse(x.Recommendation)) : ApiSetup.NotFound(Messages.Get("Error.NotFound.Recommendation"));

    private static async Task<Created<RecommendationResponse>> PostRecommendation(RecommendationRequest request, SaveRecommendation handler, GovernanceQueries queries, CancellationToken ct)
    {
        var rec = await handler.HandleAsync(ToSave(null, request), ct);
        return TypedResults.Created($"/api/v1/recommendations/{rec.Id}", ToResponse((await queries.GetRecommendationAsync(rec.Id, ct))!.Value.Recommendation));
    }

    private static async Task<Ok<RecommendationResponse>> PutRecommendation(int id, RecommendationRequest request, SaveRecommendation handler, GovernanceQueries queries, CancellationToken ct)
    {
        await handler.HandleAsync(ToSave(id, request), ct);
        return TypedResults.Ok(ToResponse((await queries.GetRecommendationAsync(id, ct))!.Value.Recommendation));
    }

    private static async Task<Ok<RecommendationResponse>> PostDecision(int id, RecommendationDecisionRequest request, SettleRecommendation handler, GovernanceQueries queries, CancellationToken ct)
    {
        await handler.HandleAsync(new SettleRecommendation.Request(id, request.Version, request.Status, request.Decision, request.DecisionSymbol, request.DecidedOn), ct);
        return TypedResults.Ok(ToResponse((await queries.GetRecommendationAsync(id, ct))!.Value.Recommendation));
    }

    private static async Task<NoContent> RemoveRecommendation(int id, int? version, DeleteRecommendation handler, CancellationToken ct)
    {
        await handler.HandleAsync(id, version, ct);
        return TypedResults.NoContent();
    }

    private static SaveRecommendation.Request ToSave(int? id, RecommendationRequest r) =>
        new(id, r.Version, r.BodyId, r.Number ?? "", r.Text ?? [], r.ProposedOn, r.Status, r.SourceSymbol, r.Decision, r.DecisionSymbol, r.DecidedOn, r.Documents, r.PlanElementIds);

    // ------------------------------------------------------------------ mapping

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    private static BodyResponse ToResponse(Body b) => new(
        b.Id, b.Code, b.Kind, b.Name.Json(), b.ParentId, b.Parent?.Code, b.Sector, b.Mandate.Json(), b.MandateSymbol, b.Membership,
        [.. b.Members.Select(m => m.Member?.Code ?? m.MemberId.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal)],
        b.WorksByCorrespondence, b.MeetsVirtually, b.MeetsPhysically, b.WorkingLanguage, b.ActiveFrom, b.ActiveTo,
        [.. b.Officers.OrderBy(o => o.Role).ThenBy(o => o.Name, StringComparer.Ordinal).Select(ToResponse)],
        b.Version);

    private static OfficerResponse ToResponse(BodyOfficer o) => new(o.Name, o.Role, o.TermFrom, o.TermTo, o.UserId is not null, o.Id, o.Version);

    private static BodyMemberResponse ToResponse(BodyMember m) => new(m.MemberId, m.Member!.Code, m.Member.Name.Json(), m.Member.Kind, m.Member.Region, m.Since);

    private static MeetingResponse ToResponse(MeetingView v)
    {
        var m = v.Meeting;
        return new MeetingResponse(m.Id, m.BodyId, v.Body.Code, m.Title.Json(), m.StartUtc, m.EndUtc,
            DateTime.SpecifyKind(v.StartLocal, DateTimeKind.Unspecified), DateTime.SpecifyKind(v.EndLocal, DateTimeKind.Unspecified), m.TimeZone, m.Mode, m.Venue,
            v.Platform, v.JoinLink, m.InterpretationLanguageList, m.AgendaAdoptedAtUtc is not null, m.AgendaAdoptedAtUtc,
            [.. m.Agenda.OrderBy(a => a.Number).ThenBy(a => a.SubItem).Select(a => new AgendaItemDto(a.Label, a.Title.ToDictionary().ToDictionary(k => k.Key, k => (string?)k.Value), a.DocumentList))],
            m.ReportSymbol, m.ReportSummary.Json(), m.Version);
    }

    private static LiaisonResponse ToResponse(LiaisonStatement l, IReadOnlyList<int> replies) => new(
        l.Id, l.FromBodyId, l.FromBody?.Code ?? "", l.ToBodyId, l.ToBody?.Code ?? "", l.Symbol, l.Title.Json(), l.Text.Json(), l.Action,
        l.SentOn, l.Deadline, l.InReplyToId, replies, l.Version, Symbols.Split(l.Documents));

    private static RecommendationResponse ToResponse(Recommendation r) => new(
        r.Id, r.BodyId, r.Body?.Code ?? "", r.ToBodyId, r.ToBody?.Code ?? "", r.Number, r.Text.Json(), r.SourceSymbol, r.ProposedOn, r.Status,
        r.Decision.Json(), r.DecisionSymbol, r.DecidedOn, Symbols.Split(r.Documents), [.. r.Elements.Select(e => e.PlanElementId).Order()], r.Version);
}
