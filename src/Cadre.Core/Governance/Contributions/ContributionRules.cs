using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance.Documents;
using Cadre.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Governance.Contributions;

/// <summary>Who may read and change contributions, and when they are due.</summary>
public static class ContributionRules
{
    /// <summary>The secretariat reads every draft; Chairs read a draft only once its deadline has passed (to accept it late).</summary>
    public static readonly IReadOnlyList<string> DraftReaders = [Roles.Admin, Roles.Planner];

    public static bool ReadsAllDrafts(ICurrentActor actor) => actor.IsAuthenticated && DraftReaders.Any(actor.IsInRole);

    public static bool IsChair(ICurrentActor actor) => actor.IsAuthenticated && actor.IsInRole(Roles.Chair);

    public static bool IsDelegate(ICurrentActor actor) =>
        actor.IsAuthenticated && actor.IsInRole(Roles.Delegate) && !string.IsNullOrEmpty(actor.MemberCode);

    /// <summary>The Member the actor acts for, or null.</summary>
    public static async Task<int?> ActorMemberIdAsync(CadreDbContext db, CancellationToken ct)
    {
        var code = db.Actor.IsAuthenticated ? db.Actor.MemberCode : null;
        if (string.IsNullOrEmpty(code)) return null;
        return await db.Members.Where(m => m.Code == code).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The contributions the actor may see (as a query to filter further).</summary>
    public static async Task<IQueryable<Contribution>> VisibleAsync(CadreDbContext db, CancellationToken ct)
    {
        var actor = db.Actor;
        var q = db.Contributions.AsQueryable();
        if (ReadsAllDrafts(actor)) return q;
        var memberId = await ActorMemberIdAsync(db, ct);
        var submittedVisible = DocumentPermissions.CanReadMembersOnly(actor);
        var chair = IsChair(actor);
        var now = db.UtcNow;
        return q.Where(c =>
            (submittedVisible && c.Status == ContributionStatus.Submitted)
            || (memberId != null && c.Signers.Any(s => s.MemberId == memberId))
            || (chair && c.DeadlineUtc != null && c.DeadlineUtc < now));
    }

    /// <summary>
    /// The deadline of a target: for a meeting, its contribution deadline in the work programme (end of
    /// that day, UTC) or else the meeting's start; for correspondence work, the body's next contribution
    /// deadline, or its last one when all have passed; null when the body has set none.
    /// </summary>
    public static async Task<DateTime?> DeadlineAsync(CadreDbContext db, int bodyId, int? meetingId, CancellationToken ct)
    {
        var deadlines = db.Set<WorkItem>().AsNoTracking().Where(w => w.BodyId == bodyId && w.Kind == WorkItemKind.ContributionDeadline);
        if (meetingId is int m)
        {
            var due = await deadlines.Where(w => w.MeetingId == m).OrderBy(w => w.DueOn).Select(w => (DateOnly?)w.DueOn).FirstOrDefaultAsync(ct);
            if (due is DateOnly d) return EndOfDay(d);
            return await db.Set<Meeting>().Where(x => x.Id == m).Select(x => (DateTime?)x.StartUtc).FirstOrDefaultAsync(ct);
        }
        var days = await deadlines.Where(w => w.MeetingId == null).OrderBy(w => w.DueOn).Select(w => w.DueOn).ToListAsync(ct);
        if (days.Count == 0) return null;
        var today = DateOnly.FromDateTime(db.UtcNow);
        return EndOfDay(days.Where(d => d >= today).DefaultIfEmpty(days[^1]).First());
    }

    private static DateTime EndOfDay(DateOnly day) => day.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Utc);
}
