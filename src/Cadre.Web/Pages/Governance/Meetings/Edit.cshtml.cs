using Cadre.Web.Infrastructure;
using System.ComponentModel.DataAnnotations;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Pages.Governance.Meetings;

/// <summary>
/// Schedules a meeting of a body (<c>?body=ID</c>) or changes one, with its agenda written one item a line. Only the
/// body's chair or vice-chair (Chair role) and the secretariat may.
/// </summary>
[Authorize]
public sealed class EditModel(CadreDbContext db, SaveMeeting save) : GovernancePageModel
{
    public static readonly IReadOnlyList<string> CommonZones =
        ["Europe/Zurich", "UTC", "America/New_York", "America/Mexico_City", "Africa/Nairobi", "Asia/Dubai", "Asia/Bangkok", "Europe/London", "Europe/Paris"];

    public sealed class InputModel
    {
        public int BodyId { get; set; }
        public int? Version { get; set; }
        [Display(Name = "Title (English)")] public string? TitleEn { get; set; }
        public string? TitleFr { get; set; }
        public DateTime? Start { get; set; }
        public DateTime? End { get; set; }
        public string TimeZone { get; set; } = "Europe/Zurich";
        public MeetingMode Mode { get; set; } = MeetingMode.Virtual;
        public string? Venue { get; set; }
        public string? Platform { get; set; }
        public string? JoinLink { get; set; }
        public List<string> Languages { get; set; } = [];
        public string? Agenda { get; set; }
        public string? AgendaFr { get; set; }
        public string? ReportSymbol { get; set; }
        public string? ReportSummary { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? Id { get; private set; }
    public Body Body { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? id, int? body, CancellationToken ct)
    {
        Id = id;
        if (id is int mid)
        {
            var m = await db.Meetings.AsNoTracking().Include(x => x.Agenda).Include(x => x.Body).FirstOrDefaultAsync(x => x.Id == mid, ct);
            if (m is null) return NotFound();
            Body = m.Body!;
            Input = new InputModel
            {
                BodyId = m.BodyId, Version = m.Version, TitleEn = m.Title.En, TitleFr = m.Title.Fr,
                Start = GovernanceTime.ToLocal(m.StartUtc, m.TimeZone), End = GovernanceTime.ToLocal(m.EndUtc, m.TimeZone), TimeZone = m.TimeZone,
                Mode = m.Mode, Venue = m.Venue, Platform = m.Platform, JoinLink = m.JoinLink, Languages = [.. m.InterpretationLanguageList],
                Agenda = GovernanceInput.FormatAgendaText(m.Agenda, "en"),
                AgendaFr = m.Agenda.Any(a => a.Title.Fr is not null) ? GovernanceInput.FormatAgendaText(m.Agenda, "fr") : null,
                ReportSymbol = m.ReportSymbol, ReportSummary = m.ReportSummary.Local(),
            };
        }
        else
        {
            var b = body is int bid ? await db.Bodies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == bid, ct) : null;
            if (b is null) return NotFound();
            Body = b;
            Input.BodyId = b.Id;
        }
        if (!await BodyAccess.CanManageAsync(db, Actor, Body.Id, ct)) return Refuse();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var bodyId = Input.BodyId;
        if (id is int mid)
        {
            var current = await db.Meetings.AsNoTracking().Where(x => x.Id == mid).Select(x => (int?)x.BodyId).FirstOrDefaultAsync(ct);
            if (current is null) return NotFound();
            bodyId = current.Value;
        }
        var b = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == bodyId, ct);
        if (b is null) return NotFound();
        Body = b;
        ClearBinderErrors();
        try
        {
            ThrowIfUnreadable();
            var v = new Validation();
            var agenda = GovernanceInput.ParseAgendaText(Input.Agenda, "en", v, "Input.Agenda");
            var agendaFr = GovernanceInput.ParseAgendaText(Input.AgendaFr, "fr", v, "Input.AgendaFr");
            // French titles are matched to the English items by their label.
            var merged = agenda.Select(a =>
            {
                var fr = agendaFr.FirstOrDefault(f => f.Label == a.Label);
                return fr is null ? a : a with { Title = new Dictionary<string, string?> { ["en"] = a.Title["en"], ["fr"] = fr.Title["fr"] } };
            }).ToList();
            v.ThrowIfAny();
            var summaryLang = Localization.CurrentLanguage;
            var meeting = await save.HandleAsync(new SaveMeeting.Request(
                id, Input.Version, bodyId,
                new Dictionary<string, string?> { ["en"] = Input.TitleEn, ["fr"] = Input.TitleFr },
                Input.Start, Input.End, Input.TimeZone, Input.Mode, Input.Venue, Input.Platform, Input.JoinLink, Input.Languages, merged,
                Input.ReportSymbol, new Dictionary<string, string?> { [summaryLang] = Input.ReportSummary }), ct);
            Flash(G("Meeting.Saved"));
            return Redirect($"/Governance/Meetings/{meeting.Id}");
        }
        catch (CadreException ex)
        {
            if (ex is ValidationFailedException vf)
            {
                foreach (var (field, messages) in vf.Errors)
                {
                    foreach (var m in messages) ModelState.AddModelError(FieldName(field), m);
                }
                return Page();
            }
            return Fail(ex) ?? Page();
        }
    }

    /// <summary>The form field a handler's error belongs to.</summary>
    private static string FieldName(string field) => field switch
    {
        "title" or "title.en" => "Input.TitleEn",
        "title.fr" => "Input.TitleFr",
        "start" => "Input.Start",
        "end" => "Input.End",
        "timeZone" => "Input.TimeZone",
        "venue" => "Input.Venue",
        "platform" => "Input.Platform",
        "joinLink" => "Input.JoinLink",
        "interpretationLanguages" => "Input.Languages",
        "reportSymbol" => "Input.ReportSymbol",
        "reportSummary" => "Input.ReportSummary",
        _ when field.StartsWith("agenda", StringComparison.Ordinal) => "Input.Agenda",
        _ when field.StartsWith("Input.", StringComparison.Ordinal) => field,
        _ => string.Empty,
    };
}
