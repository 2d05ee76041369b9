using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Governance.Handlers;

/// <summary>Creates a meeting (<see cref="Request.MeetingId"/> null) or replaces its details and agenda.</summary>
public sealed class SaveMeeting(CadreDbContext db)
{
    public sealed record Request(
        int? MeetingId,
        int? Version,
        int BodyId,
        IReadOnlyDictionary<string, string?> Title,
        DateTime? StartLocal,
        DateTime? EndLocal,
        string TimeZone,
        MeetingMode Mode,
        string? Venue = null,
        string? Platform = null,
        string? JoinLink = null,
        IReadOnlyList<string>? InterpretationLanguages = null,
        IReadOnlyList<AgendaInput>? Agenda = null,
        string? ReportSymbol = null,
        IReadOnlyDictionary<string, string?>? ReportSummary = null);

    public async Task<Meeting> HandleAsync(Request request, CancellationToken ct = default)
    {
        GovernanceInput.EnsureManagerRole(db.Actor);
        ArgumentNullException.ThrowIfNull(request);
        Meeting? meeting = null;
        if (request.MeetingId is int id)
        {
            meeting = await db.Meetings.Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == id, ct)
                ?? throw new NotFoundException(Messages.Get("Error.NotFound.Meeting"));
            await GovernanceInput.EnsureCanManageAsync(db, meeting.BodyId, ct);
            db.ExpectVersion(meeting, request.Version);
        }
        else
        {
            await GovernanceInput.BodyAsync(db, request.BodyId, ct);
            await GovernanceInput.EnsureCanManageAsync(db, request.BodyId, ct);
        }

        var v = new Validation();
        var title = Planning.Handlers.PlanningInput.Text(v, "title", request.Title, 300, required: true);
        var zone = GovernanceInput.Zone(v, "timeZone", request.TimeZone);
        var start = GovernanceInput.ToUtc(v, "start", request.StartLocal, zone);
        var end = GovernanceInput.ToUtc(v, "end", request.EndLocal, zone);
        if (start is not null && end is not null && end <= start) v.Add("end", Messages.Get("Error.Meeting.EndBeforeStart"));
        if (!Enum.IsDefined(request.Mode)) v.Add("mode", Messages.Get("Error.Required"));
        var venue = GovernanceInput.Trimmed(v, "venue", request.Venue, 300);
        var platform = GovernanceInput.Trimmed(v, "platform", request.Platform, 100);
        var link = GovernanceInput.Link(v, "joinLink", request.JoinLink);
        if (request.Mode == MeetingMode.Physical && link is not null) v.Add("joinLink", Messages.Get("Error.Meeting.LinkPhysical"));
        if (request.Mode != MeetingMode.Virtual && venue is null) v.Add("venue", Messages.Get("Error.Meeting.VenueRequired"));
        var languages = GovernanceInput.Languages(v, "interpretationLanguages", request.InterpretationLanguages);
        var agenda = GovernanceInput.Agenda(v, request.Agenda);
        var report = GovernanceInput.Symbol(v, "reportSymbol", request.ReportSymbol);
        var summary = Planning.Handlers.PlanningInput.Text(v, "reportSummary", request.ReportSummary, 4000, required: false);
        v.ThrowIfAny();

        if (meeting is null)
        {
            meeting = new Meeting { BodyId = request.BodyId };
            db.Meetings.Add(meeting);
        }
        else
        {
            // The agenda is replaced; changing it after adoption withdraws the adoption.
            var changed = !SameAgenda(meeting.Agenda, agenda);
            if (changed)
            {
                db.AgendaItems.RemoveRange(meeting.Agenda);
                meeting.Agenda.Clear();
                meeting.AgendaAdoptedAtUtc = null;
            }
            else
            {
                agenda = null!;
            }
        }
        meeting.Title = title;
        meeting.StartUtc = start!.Value;
        meeting.EndUtc = end!.Value;
        meeting.TimeZone = zone!.Id;
        meeting.Mode = request.Mode;
        meeting.Venue = venue;
        meeting.Platform = platform;
        meeting.JoinLink = link;
        meeting.InterpretationLanguages = string.Join(",", languages);
        meeting.ReportSymbol = report;
        meeting.ReportSummary = summary;
        if (agenda is not null) meeting.Agenda.AddRange(agenda);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    private static bool SameAgenda(List<AgendaItem> current, List<AgendaItem> next) =>
        current.Count == next.Count && current.OrderBy(a => a.Number).ThenBy(a => a.SubItem).Zip(next).All(p =>
            p.First.Number == p.Second.Number && p.First.SubItem == p.Second.SubItem && p.First.Documents == p.Second.Documents
            && LocalizedText.Languages.All(l => p.First.Title[l] == p.Second.Title[l]));
}

/// <summary>Records that the meeting adopted its agenda (or withdraws it).</summary>
public sealed class AdoptAgenda(CadreDbContext db)
{
    public sealed record Request(int MeetingId, int? Version, bool Adopted = true);

    public async Task<Meeting> HandleAsync(Request request, CancellationToken ct = default)
    {
        GovernanceInput.EnsureManagerRole(db.Actor);
        ArgumentNullException.ThrowIfNull(request);
        var meeting = await db.Meetings.Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == request.MeetingId, ct)
            ?? throw new NotFoundException(Messages.Get("Error.NotFound.Meeting"));
        await GovernanceInput.EnsureCanManageAsync(db, meeting.BodyId, ct);
        db.ExpectVersion(meeting, request.Version);
        if (request.Adopted && meeting.Agenda.Count == 0) throw new ValidationFailedException("agenda", Messages.Get("Error.Agenda.Empty"));
        meeting.AgendaAdoptedAtUtc = request.Adopted ? db.UtcNow : null;
        await db.SaveChangesAsync(ct);
        return meeting;
    }
}

public sealed class DeleteMeeting(CadreDbContext db)
{
    public async Task HandleAsync(int meetingId, int? version, CancellationToken ct = default)
    {
        GovernanceInput.EnsureManagerRole(db.Actor);
        var meeting = await db.Meetings.Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new NotFoundException(Messages.Get("Error.NotFound.Meeting"));
        await GovernanceInput.EnsureCanManageAsync(db, meeting.BodyId, ct);
        db.ExpectVersion(meeting, version);
        // A contribution keeps its meeting (the database refuses otherwise): say so rather than fail on the delete.
        var contributions = await ContributionsToAsync(db, meetingId, ct);
        if (contributions > 0) throw new ValidationFailedException("meeting", Messages.Format("Error.Meeting.InUse", contributions));
        db.Meetings.Remove(meeting);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The contributions submitted or drafted for the meeting: while there is one, the meeting cannot be deleted.</summary>
    public static Task<int> ContributionsToAsync(CadreDbContext db, int meetingId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Contributions.CountAsync(c => c.MeetingId == meetingId, ct);
    }
}
