using System.Globalization;
using Cadre.Core.Governance;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Governance.Bodies;

/// <summary>A month of a body's meetings and work-programme deadlines, as a table of weeks (Monday first).</summary>
public sealed class CalendarModel(GovernanceQueries queries) : GovernancePageModel
{
    public Body Body { get; private set; } = null!;
    public DateOnly First { get; private set; }
    public IReadOnlyList<IReadOnlyList<CalendarDay?>> Weeks { get; private set; } = [];
    public int Count { get; private set; }
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? month, CancellationToken ct)
    {
        var view = await queries.GetBodyAsync(code, ct);
        if (view is null) return NotFound();
        Body = view.Body;
        CanManage = view.CanManage;
        if (month is not null && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
        {
            First = m;
        }
        else
        {
            // Open on the next meeting or deadline, else the last one, else this month.
            var today = DateOnly.FromDateTime(HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var dates = view.Upcoming.Select(x => DateOnly.FromDateTime(x.StartUtc))
                .Concat(view.WorkProgramme.Where(w => w.DueOn >= today).Select(w => w.DueOn)).Order().ToList();
            var pastDates = view.Past.Select(x => DateOnly.FromDateTime(x.StartUtc)).Concat(view.WorkProgramme.Select(w => w.DueOn)).ToList();
            var pick = dates.Count > 0 ? dates[0] : pastDates.Count > 0 ? pastDates.Max() : today;
            First = new DateOnly(pick.Year, pick.Month, 1);
        }
        var days = await queries.MonthAsync(Body.Id, First.Year, First.Month, ct);
        Count = days.Sum(d => d.Meetings.Count + d.WorkItems.Count);
        var weeks = new List<IReadOnlyList<CalendarDay?>>();
        var week = new List<CalendarDay?>();
        var lead = ((int)First.DayOfWeek + 6) % 7;
        for (var i = 0; i < lead; i++) week.Add(null);
        foreach (var d in days)
        {
            week.Add(d);
            if (week.Count == 7) { weeks.Add(week); week = []; }
        }
        if (week.Count > 0)
        {
            while (week.Count < 7) week.Add(null);
            weeks.Add(week);
        }
        Weeks = weeks;
        return Page();
    }

    public string MonthUrl(DateOnly month) =>
        Link($"/Governance/Bodies/{Body.Code}/Calendar", ("month", month.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
}
