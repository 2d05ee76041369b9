using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Cadre.Core.Governance;
using Cadre.Core.Identity;
using Cadre.Web.Api.Governance;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Governance;

public sealed class MeetingsApiTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    private async Task<(HttpClient Chair, BodiesTestData.Ids Ids)> ChairOfNewGroupAsync(string? memberCode = null)
    {
        var user = await App.CreateUserAsync(Roles.Chair);
        var ids = await BodiesTestData.CreateAsync(App, user.Id, memberCode);
        var client = App.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await App.CreateTokenAsync(user));
        return (client, ids);
    }

    private static MeetingRequest Request(int bodyId, DateTime start, DateTime end, string zone = "Europe/Zurich", IReadOnlyList<AgendaItemDto>? agenda = null) => new(
        bodyId, new() { ["en"] = "Second meeting, online; with interpretation", ["fr"] = "Seconde réunion" }, start, end, zone, MeetingMode.Virtual,
        null, "Interprefy", "https://meet.example/wg", ["en", "fr"],
        agenda ??
        [
            new("1", new() { ["en"] = "Opening of the meeting" }, null),
            new("2", new() { ["en"] = "Adoption of the agenda" }, null),
            new("3", new() { ["en"] = "Working methods" }, ["TDAG-20/DT/7"]),
            new("3 a)", new() { ["en"] = "Virtual sessions" }, null),
            new("3 b)", new() { ["en"] = "Documents in English" }, ["TDAG-20/3/3", "C20/28"]),
            new("4", new() { ["en"] = "Any other business" }, null),
        ],
        null, null, null);

    private async Task<int> MeetingCountAsync(int bodyId)
    {
        await using var db = App.NewDbContext();
        return await db.Meetings.CountAsync(m => m.BodyId == bodyId, Ct);
    }

    [Fact]
    public async Task The_chair_schedules_a_meeting_with_an_agenda_of_items_and_sub_items_stored_in_UTC_with_its_zone()
    {
        var (chair, ids) = await ChairOfNewGroupAsync();
        var created = await Rest.ReadAsync<MeetingResponse>(await chair.PostAsJsonAsync("/api/v1/meetings",
            Request(ids.GroupId, new DateTime(2031, 10, 1, 13, 0, 0), new DateTime(2031, 10, 1, 16, 0, 0)), Rest.Json, Ct), HttpStatusCode.Created);
        // 13:00 in Geneva in October (summer time, UTC+2) is 11:00 UTC.
        Assert.Equal(new DateTime(2031, 10, 1, 11, 0, 0, DateTimeKind.Utc), created.StartUtc);
        Assert.Equal(new DateTime(2031, 10, 1, 13, 0, 0), created.StartLocal);
        Assert.Equal("Europe/Zurich", created.TimeZone);
        Assert.Equal(["1", "2", "3", "3 a)", "3 b)", "4"], created.Agenda.Select(a => a.Label));
        Assert.Equal(["TDAG-20/3/3", "C20/28"], created.Agenda[4].Documents);
        Assert.False(created.AgendaAdopted);
        Assert.Equal("https://meet.example/wg", created.JoinLink);

        var adopted = await Rest.ReadAsync<MeetingResponse>(await chair.PostAsJsonAsync($"/api/v1/meetings/{created.Id}/agenda-adoption", new AdoptAgendaRequest(true, created.Version), Rest.Json, Ct));
        Assert.True(adopted.AgendaAdopted);

        // In winter the same local time is 12:00 UTC.
        var winter = await Rest.ReadAsync<MeetingResponse>(await chair.PostAsJsonAsync("/api/v1/meetings",
            Request(ids.GroupId, new DateTime(2031, 12, 1, 13, 0, 0), new DateTime(2031, 12, 1, 16, 0, 0)), Rest.Json, Ct), HttpStatusCode.Created);
        Assert.Equal(new DateTime(2031, 12, 1, 12, 0, 0, DateTimeKind.Utc), winter.StartUtc);
    }

    [Theory]
    [InlineData("Europe/Zurich", 2031, 3, 30, 2, 30)]
    [InlineData("America/New_York", 2031, 3, 9, 2, 0)]
    [InlineData("Europe/London", 2031, 3, 30, 1, 15)]
    public async Task A_time_that_does_not_exist_in_the_zone_is_refused_and_nothing_is_stored(string zone, int y, int m, int d, int h, int min)
    {
        var (chair, ids) = await ChairOfNewGroupAsync();
        var start = new DateTime(y, m, d, h, min, 0);
        var problem = await Rest.ProblemAsync(await chair.PostAsJsonAsync("/api/v1/meetings", Request(ids.GroupId, start, start.AddHours(3), zone), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("start", problem.Errors.Keys);
        Assert.Contains(zone, problem.Errors["start"][0], StringComparison.Ordinal);
        Assert.Equal(1, await MeetingCountAsync(ids.GroupId));
    }

    [Fact]
    public async Task Bad_agendas_zones_and_links_are_refused_with_field_errors_and_nothing_is_stored()
    {
        var (chair, ids) = await ChairOfNewGroupAsync();
        var start = new DateTime(2031, 5, 5, 9, 0, 0);
        async Task<Microsoft.AspNetCore.Mvc.ValidationProblemDetails> Refused(MeetingRequest r) =>
            await Rest.ProblemAsync(await chair.PostAsJsonAsync("/api/v1/meetings", r, Rest.Json, Ct), HttpStatusCode.BadRequest);

        var outOfOrder = await Refused(Request(ids.GroupId, start, start.AddHours(2), agenda: [new("1", new() { ["en"] = "A" }, null), new("3", new() { ["en"] = "B" }, null)]));
        Assert.Contains("agenda[1]", outOfOrder.Errors.Keys);
        var subFirst = await Refused(Request(ids.GroupId, start, start.AddHours(2), agenda: [new("1 a)", new() { ["en"] = "A" }, null)]));
        Assert.Contains("agenda[0]", subFirst.Errors.Keys);
        var badSymbol = await Refused(Request(ids.GroupId, start, start.AddHours(2), agenda: [new("1", new() { ["en"] = "A" }, ["TDAG-20/3/3-X"])]));
        Assert.Contains("agenda[0].documents", badSymbol.Errors.Keys);
        var zone = await Refused(Request(ids.GroupId, start, start.AddHours(2), zone: "Mars/Olympus"));
        Assert.Contains("timeZone", zone.Errors.Keys);
        var order = await Refused(Request(ids.GroupId, start, start.AddHours(-1)));
        Assert.Contains("end", order.Errors.Keys);
        var link = await Refused(Request(ids.GroupId, start, start.AddHours(2)) with { JoinLink = "javascript:alert(1)" });
        Assert.Contains("joinLink", link.Errors.Keys);
        Assert.Equal(1, await MeetingCountAsync(ids.GroupId));
    }

    [Fact]
    public async Task Only_the_bodys_officers_and_the_secretariat_may_write_and_refused_writes_store_nothing()
    {
        var (_, ids) = await ChairOfNewGroupAsync();
        var (otherChair, _) = await ChairOfNewGroupAsync();
        var start = new DateTime(2031, 6, 1, 10, 0, 0);
        var request = Request(ids.GroupId, start, start.AddHours(2));
        await Rest.ExpectStatusAsync(await otherChair.PostAsJsonAsync("/api/v1/meetings", request, Rest.Json, Ct), HttpStatusCode.Forbidden);
        var delegateClient = await App.ClientAsAsync(Roles.Delegate, "MEX");
        await Rest.ExpectStatusAsync(await delegateClient.PostAsJsonAsync("/api/v1/meetings", request, Rest.Json, Ct), HttpStatusCode.Forbidden);
        await Rest.ExpectStatusAsync(await delegateClient.DeleteAsync($"/api/v1/meetings/{ids.MeetingId}", Ct), HttpStatusCode.Forbidden);
        await Rest.ExpectStatusAsync(await App.AnonymousClient().PostAsJsonAsync("/api/v1/meetings", request, Rest.Json, Ct), HttpStatusCode.Unauthorized);
        Assert.Equal(1, await MeetingCountAsync(ids.GroupId));

        var planner = await App.PlannerAsync();
        await Rest.ExpectStatusAsync(await planner.PostAsJsonAsync("/api/v1/meetings", request, Rest.Json, Ct), HttpStatusCode.Created);
        Assert.Equal(2, await MeetingCountAsync(ids.GroupId));
    }

    [Fact]
    public async Task The_platform_and_link_are_shown_to_registered_participants_only()
    {
        var (chair, ids) = await ChairOfNewGroupAsync(memberCode: "CAN");
        var url = $"/api/v1/meetings/{ids.MeetingId}";
        var anonymous = await Rest.ReadAsync<MeetingResponse>(await App.AnonymousClient().GetAsync(url, Ct));
        Assert.Null(anonymous.JoinLink);
        Assert.Null(anonymous.Platform);
        var outsider = await Rest.ReadAsync<MeetingResponse>(await (await App.ClientAsAsync(Roles.Delegate, "MEX")).GetAsync(url, Ct));
        Assert.Null(outsider.JoinLink);
        var member = await Rest.ReadAsync<MeetingResponse>(await (await App.ClientAsAsync(Roles.Delegate, "CAN")).GetAsync(url, Ct));
        Assert.StartsWith("https://meet.example/secret-", member.JoinLink, StringComparison.Ordinal);
        var officer = await Rest.ReadAsync<MeetingResponse>(await chair.GetAsync(url, Ct));
        Assert.NotNull(officer.JoinLink);
        var list = await Rest.ReadAsync<MeetingPageResponse>(await (await App.ClientAsAsync(Roles.Delegate, "CAN")).GetAsync($"/api/v1/meetings?bodyId={ids.GroupId}", Ct));
        Assert.All(list.Items, i => Assert.Null(i.JoinLink));
        var ics = await App.AnonymousClient().GetStringAsync($"/api/v1/meetings/{ids.MeetingId}.ics", Ct);
        Assert.DoesNotContain("secret-", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_meeting_ics_and_the_body_feed_parse_back_to_the_meetings()
    {
        var (chair, ids) = await ChairOfNewGroupAsync();
        var created = await Rest.ReadAsync<MeetingResponse>(await chair.PostAsJsonAsync("/api/v1/meetings",
            Request(ids.GroupId, new DateTime(2031, 10, 1, 13, 0, 0), new DateTime(2031, 10, 1, 16, 0, 0)), Rest.Json, Ct), HttpStatusCode.Created);

        var response = await App.AnonymousClient().GetAsync($"/api/v1/meetings/{created.Id}.ics", Ct);
        await Rest.ExpectStatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        var lines = ICalendar.Parse(text);
        Assert.Equal(("BEGIN", "VCALENDAR"), lines[0]);
        Assert.Equal(("END", "VCALENDAR"), lines[^1]);
        string One(string name) => Assert.Single(lines, l => l.Name == name).Value;
        Assert.Equal("20311001T110000Z", One("DTSTART"));
        Assert.Equal("20311001T140000Z", One("DTEND"));
        Assert.Matches("^meeting-" + created.Id + "@", One("UID"));
        Assert.Matches(@"^\d{8}T\d{6}Z$", One("DTSTAMP"));
        Assert.Equal(ids.GroupCode + ": Second meeting, online; with interpretation", ICalendar.Unescape(One("SUMMARY")));
        var description = ICalendar.Unescape(One("DESCRIPTION"));
        Assert.Contains("3 b) Documents in English (TDAG-20/3/3, C20/28)", description, StringComparison.Ordinal);
        Assert.Contains("2031-10-01 13:00 (Europe/Zurich)", description, StringComparison.Ordinal);

        var feed = ICalendar.Parse(await App.AnonymousClient().GetStringAsync($"/api/v1/bodies/{ids.GroupId}/calendar.ics", Ct));
        // Two meetings and the work programme's contribution deadline, an all-day event.
        Assert.Equal(3, feed.Count(l => l == ("BEGIN", "VEVENT")));
        Assert.Equal(3, feed.Where(l => l.Name == "UID").Select(l => l.Value).Distinct().Count());
        Assert.Equal("20300707", Assert.Single(feed, l => l.Name == "DTSTART;VALUE=DATE").Value);
        Assert.Equal("20300708", Assert.Single(feed, l => l.Name == "DTEND;VALUE=DATE").Value);
        await Rest.ExpectStatusAsync(await App.AnonymousClient().GetAsync("/api/v1/meetings/999999.ics", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_liaison_reply_links_back_and_a_settled_recommendation_needs_its_decision()
    {
        var (chair, ids) = await ChairOfNewGroupAsync();
        var planner = await App.PlannerAsync();
        var reply = await Rest.ReadAsync<LiaisonResponse>(await planner.PostAsJsonAsync("/api/v1/liaisons", new LiaisonRequest(ids.OtherId, ids.GroupId,
            new() { ["en"] = "Reply" }, null, LiaisonAction.ForInformation, new DateOnly(2030, 2, 1), null, "TDAG-WG-RDTP/9-E", ids.LiaisonId, null), Rest.Json, Ct), HttpStatusCode.Created);
        Assert.Equal(ids.LiaisonId, reply.InReplyToId);
        var original = await Rest.ReadAsync<LiaisonResponse>(await App.AnonymousClient().GetAsync($"/api/v1/liaisons/{ids.LiaisonId}", Ct));
        Assert.Equal([reply.Id], original.ReplyIds);
        // A reply goes back the other way; the chair of the group cannot answer for the other group.
        await Rest.ExpectStatusAsync(await chair.PostAsJsonAsync("/api/v1/liaisons", new LiaisonRequest(ids.OtherId, ids.GroupId,
            new() { ["en"] = "Reply" }, null, LiaisonAction.ForInformation, new DateOnly(2030, 2, 1), null, null, ids.LiaisonId, null), Rest.Json, Ct), HttpStatusCode.Forbidden);
        var wrongWay = await Rest.ProblemAsync(await chair.PostAsJsonAsync("/api/v1/liaisons", new LiaisonRequest(ids.GroupId, ids.OtherId,
            new() { ["en"] = "Reply" }, null, LiaisonAction.ForInformation, new DateOnly(2030, 2, 1), null, null, ids.LiaisonId, null), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("inReplyToId", wrongWay.Errors.Keys);

        var rec = await Rest.ReadAsync<RecommendationResponse>(await chair.GetAsync($"/api/v1/recommendations/{ids.RecommendationId}", Ct));
        Assert.Equal(ids.ParentId, rec.ToBodyId);
        var settle = new RecommendationRequest(ids.GroupId, "1", new() { ["en"] = "Approve the report." }, new DateOnly(2030, 1, 1), RecommendationStatus.Endorsed,
            null, null, null, null, null, null, rec.Version);
        var problem = await Rest.ProblemAsync(await chair.PutAsJsonAsync($"/api/v1/recommendations/{rec.Id}", settle, Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("decidedOn", problem.Errors.Keys);
        var endorsed = await Rest.ReadAsync<RecommendationResponse>(await chair.PutAsJsonAsync($"/api/v1/recommendations/{rec.Id}",
            settle with { Decision = new() { ["en"] = "Endorsed by the parent." }, DecisionSymbol = "TDAG-20/3/7", DecidedOn = new DateOnly(2030, 11, 30) }, Rest.Json, Ct));
        Assert.Equal(RecommendationStatus.Endorsed, endorsed.Status);
        Assert.Equal("TDAG-20/3/7", endorsed.DecisionSymbol);
        var list = await Rest.ReadAsync<RecommendationPageResponse>(await App.AnonymousClient().GetAsync($"/api/v1/recommendations?bodyId={ids.GroupId}&status=endorsed", Ct));
        Assert.Contains(list.Items, i => i.Id == rec.Id);
    }
}
