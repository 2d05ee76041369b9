using System.Globalization;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Governance;

public enum MeetingWhen
{
    All,
    Upcoming,
    Past,
}

/// <summary>A meeting as shown to the current user: the platform and link only for registered participants.</summary>
public sealed record MeetingView(Meeting Meeting, Body Body, bool IsRegistered, bool CanManage)
{
    public string? Platform => IsRegistered ? Meeting.Platform : null;
    public string? JoinLink => IsRegistered ? Meeting.JoinLink : null;
    public DateTime StartLocal => GovernanceTime.ToLocal(Meeting.StartUtc, Meeting.TimeZone);
    public DateTime EndLocal => GovernanceTime.ToLocal(Meeting.EndUtc, Meeting.TimeZone);
}

public sealed record BodyView(
    Body Body,
    IReadOnlyList<Body> Children,
    IReadOnlyList<Meeting> Upcoming,
    IReadOnlyList<Meeting> Past,
    IReadOnlyList<LiaisonStatement> Liaisons,
    IReadOnlyList<Recommendation> Recommendations,
    IReadOnlyList<WorkItem> WorkProgramme,
    bool CanManage);

/// <summary>One day of a month calendar with what falls on it.</summary>
public sealed record CalendarDay(DateOnly Day, IReadOnlyList<Meeting> Meetings, IReadOnlyList<WorkItem> WorkItems);

public static class GovernanceTime
{
    public static DateTime ToLocal(DateTime utc, string zoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)
            ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone)
            : utc;
}

/// <summary>The reads of the Governance area (bodies, meetings, liaison statements, recommendations, calendars).</summary>
public sealed class GovernanceQueries(CadreDbContext db)
{
    private static string Lang => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public async Task<Paged<Body>> ListBodiesAsync(string? search, string? sort, int? page, int? pageSize, CancellationToken ct = default)
    {
        var (p, size) = Paged<Body>.Clamp(page, pageSize);
        var q = db.Bodies.AsNoTracking().Include(b => b.Parent).AsQueryable();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToUpperInvariant();
            q = q.Where(b => b.Code.ToUpper().Contains(s) || (b.Name.En != null && b.Name.En.ToUpper().Contains(s)) || (b.Name.Fr != null && b.Name.Fr.ToUpper().Contains(s)));
        }
        q = sort switch
        {
            "-code" => q.OrderByDescending(b => b.Code),
            "kind" => q.OrderBy(b => b.Kind).ThenBy(b => b.Code),
            "-kind" => q.OrderByDescending(b => b.Kind).ThenBy(b => b.Code),
            _ => q.OrderBy(b => b.Code),
        };
        var total = await q.CountAsync(ct);
        var items = await q.Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<Body>(items, p, size, total);
    }

    public async Task<Body?> FindBodyAsync(string idOrCode, CancellationToken ct = default)
    {
        var q = db.Bodies.AsNoTracking().AsSplitQuery().Include(b => b.Parent).Include(b => b.Officers).Include(b => b.Members).ThenInclude(m => m.Member);
        return int.TryParse(idOrCode, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await q.FirstOrDefaultAsync(b => b.Id == id, ct)
            : await q.FirstOrDefaultAsync(b => b.Code == idOrCode, ct);
    }

    /// <summary>The id of the Member with this code, or null.</summary>
    public Task<int?> MemberIdAsync(string code, CancellationToken ct = default) =>
        db.Members.AsNoTracking().Where(m => m.Code == code).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);

    public async Task<BodyView?> GetBodyAsync(string idOrCode, CancellationToken ct = default)
    {
        var body = await FindBodyAsync(idOrCode, ct);
        if (body is null) return null;
        var now = db.UtcNow;
        var children = await db.Bodies.AsNoTracking().Where(b => b.ParentId == body.Id).OrderBy(b => b.Code).ToListAsync(ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.BodyId == body.Id).ToListAsync(ct);
        var liaisons = await db.LiaisonStatements.AsNoTracking().Include(l => l.FromBody).Include(l => l.ToBody)
            .Where(l => l.FromBodyId == body.Id || l.ToBodyId == body.Id).ToListAsync(ct);
        var recs = await db.Recommendations.AsNoTracking().Include(r => r.ToBody).Where(r => r.BodyId == body.Id || r.ToBodyId == body.Id).ToListAsync(ct);
        var work = await db.WorkItems.AsNoTracking().Where(w => w.BodyId == body.Id).ToListAsync(ct);
        return new BodyView(
            body,
            children,
            [.. meetings.Where(m => m.EndUtc >= now).OrderBy(m => m.StartUtc)],
            [.. meetings.Where(m => m.EndUtc < now).OrderByDescending(m => m.StartUtc)],
            [.. liaisons.OrderByDescending(l => l.SentOn).ThenByDescending(l => l.Id)],
            [.. recs.OrderBy(r => r.Body == null ? 0 : 0).ThenByDescending(r => r.ProposedOn).ThenBy(r => r.Number, StringComparer.Ordinal)],
            [.. work.OrderBy(w => w.DueOn)],
            await BodyAccess.CanManageAsync(db, db.Actor, body.Id, ct));
    }

    public async Task<Paged<Meeting>> ListMeetingsAsync(int? bodyId, MeetingWhen when, string? search, string? sort, int? page, int? pageSize, CancellationToken ct = default)
    {
        var (p, size) = Paged<Meeting>.Clamp(page, pageSize);
        var now = db.UtcNow;
        var q = db.Meetings.AsNoTracking().Include(m => m.Body).AsQueryable();
        if (bodyId is int b) q = q.Where(m => m.BodyId == b);
        if (when == MeetingWhen.Upcoming) q = q.Where(m => m.EndUtc >= now);
        if (when == MeetingWhen.Past) q = q.Where(m => m.EndUtc < now);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToUpperInvariant();
            q = q.Where(m => m.Body!.Code.ToUpper().Contains(s) || (m.Title.En != null && m.Title.En.ToUpper().Contains(s)) || (m.Title.Fr != null && m.Title.Fr.ToUpper().Contains(s)));
        }
        q = sort switch
        {
            "start" => q.OrderBy(m => m.StartUtc),
            "-start" => q.OrderByDescending(m => m.StartUtc),
            "body" => q.OrderBy(m => m.Body!.Code).ThenBy(m => m.StartUtc),
            "-body" => q.OrderByDescending(m => m.Body!.Code).ThenBy(m => m.StartUtc),
            _ => when == MeetingWhen.Past ? q.OrderByDescending(m => m.StartUtc) : q.OrderBy(m => m.StartUtc),
        };
        var total = await q.CountAsync(ct);
        var items = await q.Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<Meeting>(items, p, size, total);
    }

    public async Task<MeetingView?> GetMeetingAsync(int id, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Agenda).Include(m => m.Body).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return null;
        meeting.Agenda = [.. meeting.Agenda.OrderBy(a => a.Number).ThenBy(a => a.SubItem)];
        return new MeetingView(meeting, meeting.Body!,
            await BodyAccess.IsRegisteredAsync(db, db.Actor, meeting.BodyId, ct),
            await BodyAccess.CanManageAsync(db, db.Actor, meeting.BodyId, ct));
    }

    public Task<Paged<LiaisonStatement>> ListLiaisonsAsync(int? bodyId, string? search, string? sort, int? page, int? pageSize, CancellationToken ct = default) =>
        ListLiaisonsAsync(bodyId, null, false, search, sort, page, pageSize, ct);

    /// <summary>Liaison statements of a body (sent or received), of one action requested, or only those still awaiting a reply.</summary>
    public async Task<Paged<LiaisonStatement>> ListLiaisonsAsync(int? bodyId, LiaisonAction? action, bool awaitingReply, string? search, string? sort, int? page, int? pageSize, CancellationToken ct = default)
    {
        var (p, size) = Paged<LiaisonStatement>.Clamp(page, pageSize);
        var q = db.LiaisonStatements.AsNoTracking().Include(l => l.FromBody).Include(l => l.ToBody).AsQueryable();
        if (bodyId is int b) q = q.Where(l => l.FromBodyId == b || l.ToBodyId == b);
        if (action is LiaisonAction a) q = q.Where(l => l.Action == a);
        // Awaiting a reply: asked for comment or action, and nothing has answered it yet.
        if (awaitingReply) q = q.Where(l => l.Action != LiaisonAction.ForInformation && !db.LiaisonStatements.Any(r => r.InReplyToId == l.Id));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToUpperInvariant();
            q = q.Where(l => (l.Symbol != null && l.Symbol.ToUpper().Contains(s)) || l.FromBody!.Code.ToUpper().Contains(s) || l.ToBody!.Code.ToUpper().Contains(s)
                || (l.Title.En != null && l.Title.En.ToUpper().Contains(s)) || (l.Title.Fr != null && l.Title.Fr.ToUpper().Contains(s)));
        }
        q = sort switch
        {
            "sent" => q.OrderBy(l => l.SentOn).ThenBy(l => l.Id),
            "deadline" => q.OrderBy(l => l.Deadline == null).ThenBy(l => l.Deadline).ThenBy(l => l.Id),
            "-deadline" => q.OrderByDescending(l => l.Deadline).ThenBy(l => l.Id),
            _ => q.OrderByDescending(l => l.SentOn).ThenByDescending(l => l.Id),
        };
        var total = await q.CountAsync(ct);
        var items = await q.Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<LiaisonStatement>(items, p, size, total);
    }

    public async Task<(LiaisonStatement Statement, IReadOnlyList<LiaisonStatement> Replies, bool CanManage)?> GetLiaisonAsync(int id, CancellationToken ct = default)
    {
        var ls = await db.LiaisonStatements.AsNoTracking().Include(l => l.FromBody).Include(l => l.ToBody).Include(l => l.InReplyTo)
            .FirstOrDefaultAsync(l => l.Id == id, ct);
        if (ls is null) return null;
        var replies = await db.LiaisonStatements.AsNoTracking().Include(l => l.FromBody).Where(l => l.InReplyToId == id).OrderBy(l => l.SentOn).ToListAsync(ct);
        return (ls, replies, await BodyAccess.CanManageAsync(db, db.Actor, ls.FromBodyId, ct));
    }

    public async Task<Paged<Recommendation>> ListRecommendationsAsync(int? bodyId, RecommendationStatus? status, string? search, string? sort, int? page, int? pageSize, CancellationToken ct = default)
    {
        var (p, size) = Paged<Recommendation>.Clamp(page, pageSize);
        var q = db.Recommendations.AsNoTracking().Include(r => r.Body).Include(r => r.ToBody).AsQueryable();
        if (bodyId is int b) q = q.Where(r => r.BodyId == b || r.ToBodyId == b);
        if (status is RecommendationStatus st) q = q.Where(r => r.Status == st);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToUpperInvariant();
            q = q.Where(r => r.Body!.Code.ToUpper().Contains(s) || (r.SourceSymbol != null && r.SourceSymbol.ToUpper().Contains(s))
                || (r.Text.En != null && r.Text.En.ToUpper().Contains(s)) || (r.Text.Fr != null && r.Text.Fr.ToUpper().Contains(s)));
        }
        q = sort switch
        {
            "status" => q.OrderBy(r => r.Status).ThenBy(r => r.Id),
            "-status" => q.OrderByDescending(r => r.Status).ThenBy(r => r.Id),
            "proposed" => q.OrderBy(r => r.ProposedOn).ThenBy(r => r.Id),
            _ => q.OrderByDescending(r => r.ProposedOn).ThenBy(r => r.Id),
        };
        var total = await q.CountAsync(ct);
        var items = await q.Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<Recommendation>(items, p, size, total);
    }

    public async Task<(Recommendation Recommendation, bool CanManage)?> GetRecommendationAsync(int id, CancellationToken ct = default)
    {
        var r = await db.Recommendations.AsNoTracking().Include(x => x.Body).Include(x => x.ToBody)
            .Include(x => x.Elements).ThenInclude(e => e.PlanElement).ThenInclude(e => e!.Plan)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        return (r, await BodyAccess.CanManageAsync(db, db.Actor, r.BodyId, ct));
    }

    /// <summary>The days of a month with the body's meetings (by local start day) and work-programme deadlines.</summary>
    public async Task<IReadOnlyList<CalendarDay>> MonthAsync(int bodyId, int year, int month, CancellationToken ct = default)
    {
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var fromUtc = first.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toUtc = last.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.BodyId == bodyId && m.StartUtc >= fromUtc && m.StartUtc < toUtc).ToListAsync(ct);
        var work = await db.WorkItems.AsNoTracking().Where(w => w.BodyId == bodyId && w.DueOn >= first && w.DueOn <= last).ToListAsync(ct);
        var days = new List<CalendarDay>();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            var day = d;
            days.Add(new CalendarDay(day,
                [.. meetings.Where(m => DateOnly.FromDateTime(GovernanceTime.ToLocal(m.StartUtc, m.TimeZone)) == day).OrderBy(m => m.StartUtc)],
                [.. work.Where(w => w.DueOn == day)]));
        }
        return days;
    }

    /// <summary>The calendar of one meeting (<paramref name="meetingId"/>) or of all of a body's meetings.</summary>
    public async Task<string?> CalendarAsync(int? meetingId, int? bodyId, string baseUrl, CancellationToken ct = default)
    {
        List<Meeting> meetings;
        string name;
        if (meetingId is int mid)
        {
            var m = await db.Meetings.AsNoTracking().Include(x => x.Body).Include(x => x.Agenda).FirstOrDefaultAsync(x => x.Id == mid, ct);
            if (m is null) return null;
            meetings = [m];
            name = m.Body!.Code;
        }
        else
        {
            var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bodyId, ct);
            if (body is null) return null;
            meetings = await db.Meetings.AsNoTracking().Include(x => x.Body).Include(x => x.Agenda).Where(x => x.BodyId == body.Id).OrderBy(x => x.StartUtc).ToListAsync(ct);
            name = body.Code + " — " + body.Name.Get(Lang);
        }
        var host = new Uri(baseUrl).Host;
        var stamp = db.UtcNow;
        var events = meetings.Select(m => new ICalendar.Event(
            $"meeting-{m.Id.ToString(CultureInfo.InvariantCulture)}@{host}",
            m.StartUtc,
            m.EndUtc,
            m.Body!.Code + ": " + m.Title.Get(Lang),
            Description(m),
            m.Mode == MeetingMode.Virtual ? null : m.Venue,
            baseUrl.TrimEnd('/') + "/governance/meetings/" + m.Id.ToString(CultureInfo.InvariantCulture),
            stamp,
            m.Version)).ToList();
        if (meetingId is null && bodyId is int feedBody)
        {
            // The body's feed also carries its work programme: contribution deadlines and reports due, as all-day events.
            var work = await db.WorkItems.AsNoTracking().Where(w => w.BodyId == feedBody).OrderBy(w => w.DueOn).ToListAsync(ct);
            events.AddRange(work.Select(w => new ICalendar.Event(
                $"work-{w.Id.ToString(CultureInfo.InvariantCulture)}@{host}",
                w.DueOn.ToDateTime(TimeOnly.MinValue),
                w.DueOn.AddDays(1).ToDateTime(TimeOnly.MinValue),
                name.Split(' ')[0] + ": " + w.Title.Get(Lang),
                null, null, null, stamp, w.Version, AllDay: true)));
        }
        return ICalendar.Write(name, events);
    }

    private static string Description(Meeting m)
    {
        var local = GovernanceTime.ToLocal(m.StartUtc, m.TimeZone);
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm} ({m.TimeZone})"),
        };
        foreach (var a in m.Agenda.OrderBy(a => a.Number).ThenBy(a => a.SubItem))
        {
            lines.Add((a.SubItem == 0 ? "" : "   ") + a.Label + " " + a.Title.Get(Lang) + (a.DocumentList.Count == 0 ? "" : " (" + string.Join(", ", a.DocumentList) + ")"));
        }
        return string.Join("\n", lines);
    }
}
