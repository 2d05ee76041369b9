using Cadre.Core.Common;
using Cadre.Core.Governance;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests.Governance;

/// <summary>Bodies, a meeting, a liaison statement and a recommendation written straight to the test database.</summary>
public static class BodiesTestData
{
    /// <summary>
    /// The other group keeps a list of Members (<see cref="OtherMemberId"/> is on it) and has one officer
    /// (<see cref="OtherOfficerId"/>, a vice-chair without an account); the group has one work-programme entry.
    /// </summary>
    public sealed record Ids(int ParentId, string ParentCode, int GroupId, string GroupCode, int OtherId, int MeetingId, int LiaisonId, int RecommendationId,
        string OtherCode = "", int OtherMemberId = 0, int WorkItemId = 0, int OtherOfficerId = 0);

    public static async Task<Ids> CreateAsync(CadreWebFactory app, string? chairUserId = null, string? memberCode = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using var db = app.NewDbContext();
        var parent = new Body { Code = "AG" + suffix, Kind = BodyKind.AdvisoryGroup, Name = new LocalizedText("Advisory group " + suffix, "Groupe consultatif " + suffix), Sector = "ITU-D" };
        var group = new Body
        {
            Code = "AG" + suffix + "-WG", Kind = BodyKind.AdvisoryGroupWorkingGroup, Parent = parent, Name = new LocalizedText("Working group " + suffix, "Groupe de travail " + suffix),
            Mandate = new LocalizedText("To review the plan.", "Examiner le plan."), MandateSymbol = "TDAG-20/DT/7", WorksByCorrespondence = true, MeetsVirtually = true,
            Membership = memberCode is null ? MembershipRule.OpenToSector : MembershipRule.ListedMembers,
        };
        if (chairUserId is not null) group.Officers.Add(new BodyOfficer { Name = "Test Chair", Role = OfficerRole.Chair, UserId = chairUserId });
        if (memberCode is not null)
        {
            var member = db.Members.FirstOrDefault(m => m.Code == memberCode) ?? new Member { Code = memberCode, Name = new LocalizedText(memberCode), Kind = MemberKind.MemberState };
            group.Members.Add(new BodyMember { Member = member });
        }
        var other = new Body { Code = "AG" + suffix + "-WG2", Kind = BodyKind.AdvisoryGroupWorkingGroup, Parent = parent, Name = new LocalizedText("Other group " + suffix), Membership = MembershipRule.ListedMembers };
        var listed = db.Members.FirstOrDefault(m => m.Code == "LST") ?? new Member { Code = "LST", Name = new LocalizedText("Listed Member", "Membre inscrit"), Kind = MemberKind.SectorMember };
        other.Members.Add(new BodyMember { Member = listed });
        var officer = new BodyOfficer { Name = "Other Vice-Chair", Role = OfficerRole.ViceChair, TermFrom = new DateOnly(2030, 1, 1) };
        other.Officers.Add(officer);
        var work = new WorkItem { Body = group, Kind = WorkItemKind.ContributionDeadline, DueOn = new DateOnly(2030, 7, 7), Title = new LocalizedText("Contributions due", "Contributions attendues") };
        var meeting = new Meeting
        {
            Body = group, Title = new LocalizedText("First meeting", "Première réunion"), TimeZone = "Europe/Zurich", Mode = MeetingMode.Virtual,
            StartUtc = new DateTime(2030, 7, 17, 11, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2030, 7, 17, 14, 0, 0, DateTimeKind.Utc),
            Platform = "Interprefy", JoinLink = "https://meet.example/secret-" + suffix, InterpretationLanguages = "en,fr",
            Agenda = [new AgendaItem { Number = 1, Title = new LocalizedText("Opening", "Ouverture") }],
        };
        var liaison = new LiaisonStatement { FromBody = group, ToBody = other, Title = new LocalizedText("Liaison"), SentOn = new DateOnly(2030, 1, 1), Action = LiaisonAction.ForAction };
        var rec = new Recommendation { Body = group, ToBody = parent, Number = "1", Text = new LocalizedText("Approve the report."), ProposedOn = new DateOnly(2030, 1, 1) };
        db.AddRange(parent, group, other, meeting, liaison, rec, work);
        await db.SaveChangesAsync();
        return new Ids(parent.Id, parent.Code, group.Id, group.Code, other.Id, meeting.Id, liaison.Id, rec.Id, other.Code, listed.Id, work.Id, officer.Id);
    }
}
