using System.Net;
using Cadre.Core.Governance;
using Cadre.Core.Identity;
using Cadre.Web.Tests.Identity;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Governance;

/// <summary>
/// The Governance forms through HTTP, as a browser posts them (cookie sign-in, antiforgery token): bodies, officers,
/// Members, liaison statements, recommendations and the work programme. Only the body's chair or the secretariat may
/// change a body's things; bad input answers the form again with errors linked to their fields and stores nothing.
/// </summary>
public sealed class GovernanceFormsTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    private async Task<(HttpClient Chair, CadreUser User, BodiesTestData.Ids Ids)> ChairOfNewGroupAsync()
    {
        var user = await App.CreateUserWithPasswordAsync(Roles.Chair);
        var ids = await BodiesTestData.CreateAsync(App, user.Id);
        return (await App.SignedInClientAsync(user), user, ids);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields, string? postUrl = null) =>
        IdentityTestSupport.PostFormAsync(client, url, postUrl ?? url, fields);

    private static async Task<string> RefusedFormAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 1500)]}");
        Assert.Contains("error-summary-title", html, StringComparison.Ordinal);
        return html;
    }

    /// <summary>A signed-in user without the right: 403, or the cookie scheme's redirect to the access-denied page.</summary>
    private static void Refused(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden) return;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/Account/AccessDenied", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
    }

    private static void Redirected(HttpResponseMessage response, string? startsWith = null)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (startsWith is not null) Assert.StartsWith(startsWith, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> BodyFields(BodiesTestData.Ids ids, string code, int version) => new()
    {
        ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Code"] = code,
        ["Input.Kind"] = nameof(BodyKind.AdvisoryGroupWorkingGroup),
        ["Input.NameEn"] = "Working group on strategic and operational plans",
        ["Input.NameFr"] = "Groupe de travail sur les plans stratégique et opérationnel",
        ["Input.ParentId"] = ids.ParentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Sector"] = "ITU-D",
        ["Input.MandateEn"] = "To prepare the ITU-D contribution to the strategic plan.",
        ["Input.MandateSymbol"] = "TDAG-20/DT/7",
        ["Input.Membership"] = nameof(MembershipRule.OpenToSector),
        ["Input.MeetsVirtually"] = "true",
        ["Input.WorkingLanguage"] = "en",
        ["Input.ActiveFrom"] = "2020-06-01",
        ["Input.ActiveTo"] = "2021-03-31",
    };

    private async Task<Body> BodyAsync(int id)
    {
        await using var db = App.NewDbContext();
        return await db.Bodies.AsNoTracking().Include(b => b.Officers).Include(b => b.Members).SingleAsync(b => b.Id == id, Ct);
    }

    [Fact]
    public async Task The_chair_edits_the_body_and_appoints_and_ends_officers_through_the_forms()
    {
        var (chair, _, ids) = await ChairOfNewGroupAsync();
        var before = await BodyAsync(ids.GroupId);
        var fields = BodyFields(ids, ids.GroupCode, before.Version);
        Redirected(await PostAsync(chair, $"/Governance/Bodies/Edit/{ids.GroupId}", fields), "/Governance/Bodies/" + ids.GroupCode);
        var after = await BodyAsync(ids.GroupId);
        Assert.Equal("TDAG-20/DT/7", after.MandateSymbol);
        Assert.Equal("Groupe de travail sur les plans stratégique et opérationnel", after.Name.Fr);
        Assert.True(after.MeetsVirtually);
        Assert.False(after.WorksByCorrespondence);
        Assert.Equal(new DateOnly(2021, 3, 31), after.ActiveTo);

        // The same version posted again is stale: a conflict at the top of the form, and nothing changes.
        fields["Input.NameEn"] = "Overwritten";
        var conflict = await RefusedFormAsync(await PostAsync(chair, $"/Governance/Bodies/Edit/{ids.GroupId}", fields));
        Assert.Contains("alert-warning", conflict, StringComparison.Ordinal);
        Assert.NotEqual("Overwritten", (await BodyAsync(ids.GroupId)).Name.En);

        var officers = $"/Governance/Bodies/{ids.GroupCode}/Officers";
        Redirected(await PostAsync(chair, officers, new()
        {
            ["Input.Name"] = "Ana Vice", ["Input.Role"] = nameof(OfficerRole.ViceChair), ["Input.TermFrom"] = "2020-06-01",
        }, officers + "?handler=Add"));
        // A second chair whose term overlaps the current chair's is refused on the role field.
        var twoChairs = await RefusedFormAsync(await PostAsync(chair, officers, new()
        {
            ["Input.Name"] = "Bob Rival", ["Input.Role"] = nameof(OfficerRole.Chair), ["Input.TermFrom"] = "2020-06-01",
        }, officers + "?handler=Add"));
        Assert.Contains("href=\"#Input_Role\"", twoChairs, StringComparison.Ordinal);
        var vice = Assert.Single((await BodyAsync(ids.GroupId)).Officers, o => o.Role == OfficerRole.ViceChair);
        Assert.Equal("Ana Vice", vice.Name);

        var badEnd = await RefusedFormAsync(await PostAsync(chair, officers, new()
        {
            ["officerId"] = vice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["version"] = vice.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["endOn"] = "2019-01-01",
        }, officers + "?handler=End"));
        Assert.Contains($"href=\"#end-{vice.Id}\"", badEnd, StringComparison.Ordinal);
        Redirected(await PostAsync(chair, officers, new()
        {
            ["officerId"] = vice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["version"] = vice.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["endOn"] = "2020-12-31",
        }, officers + "?handler=End"));
        Assert.Equal(new DateOnly(2020, 12, 31), Assert.Single((await BodyAsync(ids.GroupId)).Officers, o => o.Id == vice.Id).TermTo);
        Assert.Equal(2, (await BodyAsync(ids.GroupId)).Officers.Count);
    }

    [Fact]
    public async Task Bad_body_input_is_answered_with_errors_linked_to_their_fields_and_nothing_is_stored()
    {
        var (chair, _, ids) = await ChairOfNewGroupAsync();
        var before = await BodyAsync(ids.GroupId);
        var fields = BodyFields(ids, "BAD CODE", before.Version);
        fields["Input.MandateSymbol"] = "TDAG-20/3/3-X";
        fields["Input.ActiveTo"] = "2019-01-01";
        fields["Input.NameEn"] = "";
        fields["Input.NameFr"] = "";
        var html = await RefusedFormAsync(await PostAsync(chair, $"/Governance/Bodies/Edit/{ids.GroupId}", fields));
        foreach (var field in new[] { "Input_Code", "Input_MandateSymbol", "Input_ActiveTo", "Input_NameEn" })
        {
            Assert.Contains($"href=\"#{field}\"", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"{field}\"", html, StringComparison.Ordinal);
        }
        var after = await BodyAsync(ids.GroupId);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Code, after.Code);

        // A body cannot be placed under one of its own groups.
        var child = BodyFields(ids, ids.GroupCode + "-SUB", 0);
        child.Remove("Input.Version");
        child["Input.ParentId"] = ids.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Redirected(await PostAsync(chair, $"/Governance/Bodies/Edit?parent={ids.GroupId}", child, "/Governance/Bodies/Edit"));
        int childId;
        await using (var db = App.NewDbContext()) childId = await db.Bodies.Where(b => b.Code == ids.GroupCode + "-SUB").Select(b => b.Id).SingleAsync(Ct);
        var cycle = BodyFields(ids, ids.GroupCode, after.Version);
        cycle["Input.ParentId"] = childId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("href=\"#Input_ParentId\"", await RefusedFormAsync(await PostAsync(chair, $"/Governance/Bodies/Edit/{ids.GroupId}", cycle)), StringComparison.Ordinal);
        Assert.Equal(ids.ParentId, (await BodyAsync(ids.GroupId)).ParentId);
    }

    [Fact]
    public async Task A_date_that_cannot_be_read_is_refused_on_its_field_instead_of_being_saved_empty()
    {
        var (chair, _, ids) = await ChairOfNewGroupAsync();
        var before = await BodyAsync(ids.GroupId);
        var fields = BodyFields(ids, ids.GroupCode, before.Version);
        fields["Input.ActiveFrom"] = "31/02/2026";
        fields["Input.ActiveTo"] = "soon";
        var html = await RefusedFormAsync(await PostAsync(chair, $"/Governance/Bodies/Edit/{ids.GroupId}", fields));
        Assert.Contains("href=\"#Input_ActiveFrom\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_ActiveTo\"", html, StringComparison.Ordinal);
        Assert.Contains("“soon” cannot be read here", html, StringComparison.Ordinal);
        var after = await BodyAsync(ids.GroupId);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.ActiveTo, after.ActiveTo);

        // The same on the work programme and the meeting forms, in French too.
        int workItems, meetings;
        await using (var counts = App.NewDbContext())
        {
            workItems = await counts.WorkItems.CountAsync(w => w.BodyId == ids.GroupId, Ct);
            meetings = await counts.Meetings.CountAsync(m => m.BodyId == ids.GroupId, Ct);
        }
        var work = await RefusedFormAsync(await PostAsync(chair, $"/Governance/Work/Edit?body={ids.GroupId}", new()
        {
            ["Input.BodyId"] = ids.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Kind"] = nameof(WorkItemKind.Milestone),
            ["Input.TitleEn"] = "Interim report", ["Input.DueOn"] = "next week",
        }, "/Governance/Work/Edit"));
        Assert.Contains("href=\"#Input_DueOn\"", work, StringComparison.Ordinal);
        chair.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var meeting = await RefusedFormAsync(await PostAsync(chair, $"/Governance/Meetings/Edit?body={ids.GroupId}", new()
        {
            ["Input.BodyId"] = ids.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.TitleEn"] = "Third meeting",
            ["Input.Start"] = "demain 10h", ["Input.End"] = "2027-02-01T12:00", ["Input.TimeZone"] = "Europe/Zurich", ["Input.Mode"] = nameof(MeetingMode.Virtual),
        }, "/Governance/Meetings/Edit"));
        Assert.Contains("href=\"#Input_Start\"", meeting, StringComparison.Ordinal);
        Assert.Contains("« demain 10h » ne peut pas être lu ici", meeting, StringComparison.Ordinal);
        await using var db = App.NewDbContext();
        Assert.Equal(workItems, await db.WorkItems.CountAsync(w => w.BodyId == ids.GroupId, Ct));
        Assert.Equal(meetings, await db.Meetings.CountAsync(m => m.BodyId == ids.GroupId, Ct));
    }

    [Fact]
    public async Task Only_the_bodys_chair_and_the_secretariat_change_it_and_refused_posts_store_nothing()
    {
        var (_, _, ids) = await ChairOfNewGroupAsync();
        var (otherChair, _, otherIds) = await ChairOfNewGroupAsync();
        var before = await BodyAsync(ids.GroupId);
        var fields = BodyFields(ids, ids.GroupCode, before.Version);
        fields["Input.NameEn"] = "Taken over";

        // The chair of another group gets the form refused (403) and cannot post to it either.
        Refused(await otherChair.GetAsync($"/Governance/Bodies/Edit/{ids.GroupId}", Ct));
        var token = IdentityTestSupport.FormToken(await otherChair.GetStringAsync($"/Governance/Bodies/Edit/{otherIds.GroupId}", Ct));
        fields["__RequestVerificationToken"] = token;
        Refused(await otherChair.PostAsync($"/Governance/Bodies/Edit/{ids.GroupId}", new FormUrlEncodedContent(fields), Ct));
        Refused(await otherChair.PostAsync($"/Governance/Bodies/{ids.GroupCode}/Officers?handler=Add",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "Intruder", ["Input.Role"] = "ViceChair", ["__RequestVerificationToken"] = token }), Ct));
        Refused(await otherChair.PostAsync($"/Governance/Work/Edit?body={ids.GroupId}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.BodyId"] = ids.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.TitleEn"] = "x", ["Input.DueOn"] = "2030-01-01", ["__RequestVerificationToken"] = token }), Ct));
        // A chair creates no top-level body; a Delegate reaches no form.
        Refused(await otherChair.GetAsync("/Governance/Bodies/Edit", Ct));
        var delegateClient = await App.SignedInClientAsync(await App.CreateUserWithPasswordAsync(Roles.Delegate));
        Refused(await delegateClient.GetAsync($"/Governance/Liaisons/Edit?from={ids.GroupId}", Ct));

        var after = await BodyAsync(ids.GroupId);
        Assert.Equal(before.Version, after.Version);
        Assert.Single(after.Officers);
        await using var db = App.NewDbContext();
        Assert.Equal(1, await db.WorkItems.CountAsync(w => w.BodyId == ids.GroupId, Ct));

        // The secretariat may.
        var planner = await App.SignedInClientAsync(await App.CreateUserWithPasswordAsync(Roles.Planner));
        Redirected(await PostAsync(planner, $"/Governance/Bodies/Edit/{ids.GroupId}", BodyFields(ids, ids.GroupCode, before.Version)));
    }

    [Fact]
    public async Task Members_are_listed_added_and_removed_after_confirmation()
    {
        var planner = await App.SignedInClientAsync(await App.CreateUserWithPasswordAsync(Roles.Planner));
        var ids = await BodiesTestData.CreateAsync(App);
        await using (var db = App.NewDbContext())
        {
            if (!await db.Members.AnyAsync(m => m.Code == "CAN", Ct)) db.Members.Add(new Member { Code = "CAN", Name = new Core.Common.LocalizedText("Canada"), Kind = MemberKind.MemberState });
            await db.SaveChangesAsync(Ct);
        }
        var members = $"/Governance/Bodies/{ids.OtherCode}/Members";
        Redirected(await PostAsync(planner, members, new() { ["Input.MemberCode"] = "CAN", ["Input.Since"] = "2020-07-01" }));
        var twice = await RefusedFormAsync(await PostAsync(planner, members, new() { ["Input.MemberCode"] = "CAN" }));
        Assert.Contains("href=\"#Input_MemberCode\"", twice, StringComparison.Ordinal);
        Assert.Equal(2, (await BodyAsync(ids.OtherId)).Members.Count);

        // An open body keeps no list.
        var open = await RefusedFormAsync(await PostAsync(planner, $"/Governance/Bodies/{ids.GroupCode}/Members", new() { ["Input.MemberCode"] = "CAN" }));
        Assert.Contains("href=\"#Input_MemberCode\"", open, StringComparison.Ordinal);
        Assert.Empty((await BodyAsync(ids.GroupId)).Members);

        int canada;
        await using (var db = App.NewDbContext()) canada = await db.Members.Where(m => m.Code == "CAN").Select(m => m.Id).SingleAsync(Ct);
        var confirm = $"{members}/{canada}/Remove";
        var page = await planner.GetStringAsync(confirm, Ct);
        Assert.Contains("Canada", page, StringComparison.Ordinal);
        Assert.Equal(2, (await BodyAsync(ids.OtherId)).Members.Count);
        Redirected(await PostAsync(planner, confirm, []));
        Assert.DoesNotContain((await BodyAsync(ids.OtherId)).Members, m => m.MemberId == canada);
    }

    [Fact]
    public async Task A_liaison_statement_is_sent_with_its_documents_and_the_reply_is_recorded_and_linked_back()
    {
        var (chair, _, ids) = await ChairOfNewGroupAsync();
        var edit = $"/Governance/Liaisons/Edit?from={ids.GroupId}";
        var fields = new Dictionary<string, string>
        {
            ["Input.FromBodyId"] = ids.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ToBodyId"] = ids.OtherId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.TitleEn"] = "Liaison on the draft operational plan", ["Input.Action"] = nameof(LiaisonAction.ForComment),
            ["Input.SentOn"] = "2020-10-05", ["Input.Deadline"] = "2020-09-01", ["Input.Symbol"] = "TDAG-WG-Prep/25-E", ["Input.Documents"] = "TDAG-20/3/3; C20/28(Rev.1)",
        };
        var bad = await RefusedFormAsync(await PostAsync(chair, edit, fields, "/Governance/Liaisons/Edit"));
        Assert.Contains("href=\"#Input_Deadline\"", bad, StringComparison.Ordinal);
        fields["Input.Deadline"] = "2020-11-15";
        fields["Input.Documents"] = "TDAG-20/3/3; not a symbol";
        Assert.Contains("href=\"#Input_Documents\"", await RefusedFormAsync(await PostAsync(chair, edit, fields, "/Governance/Liaisons/Edit")), StringComparison.Ordinal);
        await using (var db = App.NewDbContext()) Assert.Equal(1, await db.LiaisonStatements.CountAsync(l => l.FromBodyId == ids.GroupId, Ct));

        fields["Input.Documents"] = "TDAG-20/3/3; C20/28(Rev.1)";
        var sent = await PostAsync(chair, edit, fields, "/Governance/Liaisons/Edit");
        Redirected(sent, "/Governance/Liaisons/");
        var sentId = int.Parse(sent.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await using (var db = App.NewDbContext())
        {
            var stored = await db.LiaisonStatements.SingleAsync(l => l.Id == sentId, Ct);
            Assert.Equal("TDAG-20/3/3; C20/28(Rev.1)", stored.Documents);
            Assert.Equal(new DateOnly(2020, 11, 15), stored.Deadline);
        }
        var awaiting = await App.AnonymousClient().GetStringAsync($"/Governance/Liaisons?body={ids.GroupCode}&awaiting=true", Ct);
        Assert.Contains($"/Governance/Liaisons/{sentId}\"", awaiting, StringComparison.Ordinal);

        // The group's chair cannot answer for the other group; the secretariat records the reply, linked back.
        Refused(await chair.GetAsync($"/Governance/Liaisons/Edit?replyTo={sentId}", Ct));
        var planner = await App.SignedInClientAsync(await App.CreateUserWithPasswordAsync(Roles.Planner));
        var replyForm = await planner.GetStringAsync($"/Governance/Liaisons/Edit?replyTo={sentId}", Ct);
        Assert.Contains("Reply: Liaison on the draft operational plan", replyForm, StringComparison.Ordinal);
        var reply = await PostAsync(planner, $"/Governance/Liaisons/Edit?replyTo={sentId}", new()
        {
            ["Input.FromBodyId"] = ids.OtherId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ToBodyId"] = ids.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.InReplyToId"] = sentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.TitleEn"] = "Reply on the draft operational plan", ["Input.Action"] = nameof(LiaisonAction.ForInformation), ["Input.SentOn"] = "2020-11-10",
        }, "/Governance/Liaisons/Edit");
        Redirected(reply);
        var details = await App.AnonymousClient().GetStringAsync($"/Governance/Liaisons/{sentId}", Ct);
        Assert.Contains("Reply on the draft operational plan", details, StringComparison.Ordinal);
        Assert.Contains("C20/28(Rev.1)", details, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Governance/Liaisons/{sentId}\"", await App.AnonymousClient().GetStringAsync($"/Governance/Liaisons?body={ids.GroupCode}&awaiting=true", Ct), StringComparison.Ordinal);

        // Deleting asks first; the reply stays, unlinked.
        Assert.Contains("<form method=\"post\"", await chair.GetStringAsync($"/Governance/Liaisons/{sentId}/Delete", Ct), StringComparison.Ordinal);
        int version;
        await using (var db = App.NewDbContext()) version = await db.LiaisonStatements.Where(l => l.Id == sentId).Select(l => l.Version).SingleAsync(Ct);
        Redirected(await PostAsync(chair, $"/Governance/Liaisons/{sentId}/Delete", new() { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        await using (var db = App.NewDbContext())
        {
            Assert.False(await db.LiaisonStatements.AnyAsync(l => l.Id == sentId, Ct));
            Assert.True(await db.LiaisonStatements.AnyAsync(l => l.FromBodyId == ids.OtherId && l.Title.En == "Reply on the draft operational plan" && l.InReplyToId == null, Ct));
        }
    }

    [Fact]
    public async Task A_recommendation_is_linked_to_plan_elements_and_moves_from_proposed_to_endorsed_to_implemented()
    {
        var (chair, _, ids) = await ChairOfNewGroupAsync();
        var plan = await App.CreatePlanAsync("REC-" + Guid.NewGuid().ToString("N")[..6]);
        await App.CreateElementAsync(plan.Id, "goal", "D.1");
        await App.CreateElementAsync(plan.Id, "goal", "D.4");
        var edit = $"/Governance/Recommendations/Edit?body={ids.GroupId}";
        var fields = new Dictionary<string, string>
        {
            ["Input.BodyId"] = ids.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Number"] = "2020-2", ["Input.TextEn"] = "Give objective D.4 the highest priority.", ["Input.ProposedOn"] = "2020-10-01",
            ["Input.SourceSymbol"] = "TDAG-20/3/3", ["Input.Documents"] = "C20/28",
            ["Input.PlanId"] = plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.ElementCodes"] = "D.4; D.9",
        };
        Assert.Contains("href=\"#Input_ElementCodes\"", await RefusedFormAsync(await PostAsync(chair, edit, fields, "/Governance/Recommendations/Edit")), StringComparison.Ordinal);
        fields["Input.ElementCodes"] = "D.4; D.1";
        var created = await PostAsync(chair, edit, fields, "/Governance/Recommendations/Edit");
        Redirected(created, "/Governance/Recommendations/");
        var url = created.Headers.Location!.OriginalString;
        var id = int.Parse(url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        async Task<Recommendation> Stored()
        {
            await using var db = App.NewDbContext();
            return await db.Recommendations.AsNoTracking().Include(r => r.Elements).SingleAsync(r => r.Id == id, Ct);
        }
        var rec = await Stored();
        Assert.Equal(2, rec.Elements.Count);
        Assert.Equal(ids.ParentId, rec.ToBodyId);

        var status = $"{url}/Status";
        string V(Recommendation r) => r.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Proposed cannot jump to implemented; a settled status needs its decision.
        var skipped = await RefusedFormAsync(await PostAsync(chair, status, new() { ["Input.Version"] = V(rec), ["Input.Status"] = "Implemented", ["Input.DecisionSymbol"] = "TDAG-20/3/7", ["Input.DecidedOn"] = "2020-10-20" }));
        Assert.Contains("href=\"#Input_Status\"", skipped, StringComparison.Ordinal);
        var noDecision = await RefusedFormAsync(await PostAsync(chair, status, new() { ["Input.Version"] = V(rec), ["Input.Status"] = "Endorsed", ["Input.DecidedOn"] = "2020-10-20" }));
        Assert.Contains("href=\"#Input_DecisionEn\"", noDecision, StringComparison.Ordinal);
        Assert.Equal(RecommendationStatus.Proposed, (await Stored()).Status);

        Redirected(await PostAsync(chair, status, new() { ["Input.Version"] = V(rec), ["Input.Status"] = "Endorsed", ["Input.DecisionSymbol"] = "TDAG-20/3/7", ["Input.DecidedOn"] = "2020-10-20" }));
        rec = await Stored();
        Assert.Equal(RecommendationStatus.Endorsed, rec.Status);
        Assert.Equal("TDAG-20/3/7", rec.DecisionSymbol);
        var endorsed = await App.AnonymousClient().GetStringAsync($"/Governance/Recommendations?status=endorsed&body={ids.GroupCode}", Ct);
        Assert.Contains($"/Governance/Recommendations/{id}\"", endorsed, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Governance/Recommendations/{id}\"", await App.AnonymousClient().GetStringAsync($"/Governance/Recommendations?status=proposed&body={ids.GroupCode}", Ct), StringComparison.Ordinal);

        Redirected(await PostAsync(chair, status, new() { ["Input.Version"] = V(rec), ["Input.Status"] = "Implemented", ["Input.DecisionEn"] = "Reflected in the draft plan.", ["Input.DecidedOn"] = "2021-02-01" }));
        Assert.Equal(RecommendationStatus.Implemented, (await Stored()).Status);
        // Editing keeps the status and its decision.
        rec = await Stored();
        fields["Input.Version"] = V(rec);
        fields["Input.TextEn"] = "Give objective D.4 the highest priority in the plan.";
        Redirected(await PostAsync(chair, $"/Governance/Recommendations/Edit/{id}", fields));
        rec = await Stored();
        Assert.Equal(RecommendationStatus.Implemented, rec.Status);
        Assert.Equal("Reflected in the draft plan.", rec.Decision.En);
    }

    [Fact]
    public async Task Work_programme_entries_are_added_shown_on_the_calendar_and_feed_and_deleted_after_confirmation()
    {
        var (chair, _, ids) = await ChairOfNewGroupAsync();
        var edit = $"/Governance/Work/Edit?body={ids.GroupId}";
        var fields = new Dictionary<string, string>
        {
            ["Input.BodyId"] = ids.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Kind"] = nameof(WorkItemKind.ReportDue), ["Input.TitleEn"] = "Report to TDAG", ["Input.TitleFr"] = "Rapport au GCDT",
            ["Input.MeetingId"] = ids.MeetingId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.Contains("href=\"#Input_DueOn\"", await RefusedFormAsync(await PostAsync(chair, edit, fields, "/Governance/Work/Edit")), StringComparison.Ordinal);
        fields["Input.DueOn"] = "2030-07-01";
        Redirected(await PostAsync(chair, edit, fields, "/Governance/Work/Edit"), $"/Governance/Bodies/{ids.GroupCode}/Calendar?month=2030-07");
        var calendar = await App.AnonymousClient().GetStringAsync($"/Governance/Bodies/{ids.GroupCode}/Calendar?month=2030-07", Ct);
        Assert.Contains("Report to TDAG", calendar, StringComparison.Ordinal);
        var feed = await App.AnonymousClient().GetStringAsync($"/api/v1/bodies/{ids.GroupId}/calendar.ics", Ct);
        Assert.Contains("DTSTART;VALUE=DATE:20300701", feed, StringComparison.Ordinal);

        WorkItem item;
        await using (var db = App.NewDbContext()) item = await db.WorkItems.AsNoTracking().SingleAsync(w => w.BodyId == ids.GroupId && w.Kind == WorkItemKind.ReportDue, Ct);
        // A stale version is a conflict: nothing changes.
        fields["Input.Version"] = (item.Version - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["Input.TitleEn"] = "Stale";
        Assert.Contains("alert-warning", await RefusedFormAsync(await PostAsync(chair, $"/Governance/Work/Edit/{item.Id}", fields)), StringComparison.Ordinal);
        var delete = $"/Governance/Work/{item.Id}/Delete";
        Assert.Contains("Report to TDAG", await chair.GetStringAsync(delete, Ct), StringComparison.Ordinal);
        Redirected(await PostAsync(chair, delete, new() { ["version"] = item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        await using (var db = App.NewDbContext()) Assert.False(await db.WorkItems.AnyAsync(w => w.Id == item.Id, Ct));
    }
}
