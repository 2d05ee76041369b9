using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Identity;
using Cadre.Core.Planning;
using Cadre.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Pages.Results;

public enum IndicatorListSort
{
    Code,
    Name,
    Element,
    Measure,
}

/// <summary>A row of a plan's indicator list.</summary>
public sealed record IndicatorRow(int Id, string Code, LocalizedText Name, int ElementId, string ElementCode, Measure Measure, Frequency Frequency, string? Unit, int ValueCount);

/// <summary>A user offered as owner or validator.</summary>
public sealed record PersonOption(string Id, string Name);

/// <summary>
/// The reads of the Results pages that only the pages need (lists with paging, one indicator with its
/// values, the people to pick). Plans the caller may not read (drafts, for the public and Delegates) are
/// not found; unvalidated values are seen only by those who may see them (<see cref="ResultsPermissions"/>).
/// </summary>
public sealed class ResultsReads(CadreDbContext db)
{
    public ICurrentActor Actor => db.Actor;

    public async Task<Plan?> PlanAsync(int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        return plan is not null && PlanningPermissions.CanRead(db.Actor, plan) ? plan : null;
    }

    public async Task<PlanElement?> ElementAsync(int elementId, CancellationToken ct)
    {
        var element = await db.PlanElements.AsNoTracking().Include(e => e.Plan).FirstOrDefaultAsync(e => e.Id == elementId, ct);
        return element?.Plan is { } plan && PlanningPermissions.CanRead(db.Actor, plan) ? element : null;
    }

    public async Task<Paged<IndicatorRow>> ListAsync(int planId, string? search, IndicatorListSort sort, bool descending, int? page, CancellationToken ct)
    {
        var (p, size) = Paged<IndicatorRow>.Clamp(page, null);
        var q = db.Indicators.AsNoTracking().Where(i => i.PlanId == planId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToLower();
            q = q.Where(x => x.Code.ToLower().Contains(s) || (x.Name.En != null && x.Name.En.ToLower().Contains(s)) || (x.Name.Fr != null && x.Name.Fr.ToLower().Contains(s)));
        }
        q = (sort, descending) switch
        {
            (IndicatorListSort.Name, false) => q.OrderBy(x => x.Name.En).ThenBy(x => x.Code),
            (IndicatorListSort.Name, true) => q.OrderByDescending(x => x.Name.En).ThenBy(x => x.Code),
            (IndicatorListSort.Element, false) => q.OrderBy(x => x.Element!.Code).ThenBy(x => x.Code),
            (IndicatorListSort.Element, true) => q.OrderByDescending(x => x.Element!.Code).ThenBy(x => x.Code),
            (IndicatorListSort.Measure, false) => q.OrderBy(x => x.Measure).ThenBy(x => x.Code),
            (IndicatorListSort.Measure, true) => q.OrderByDescending(x => x.Measure).ThenBy(x => x.Code),
            (_, true) => q.OrderByDescending(x => x.Code),
            _ => q.OrderBy(x => x.Code),
        };
        var seeAll = ResultsPermissions.CanSeeUnvalidated(db.Actor);
        var total = await q.CountAsync(ct);
        var items = await q.Skip((p - 1) * size).Take(size)
            .Select(x => new IndicatorRow(x.Id, x.Code, x.Name, x.ElementId, x.Element!.Code, x.Measure, x.Frequency, x.Unit,
                db.ReportedValues.Count(v => v.IndicatorId == x.Id && (seeAll || v.Status == ValueStatus.Validated))))
            .ToListAsync(ct);
        return new Paged<IndicatorRow>(items, p, size, total);
    }

    /// <summary>An indicator with its plan, element, targets and dimensions; null when missing or not readable.</summary>
    public async Task<Indicator?> IndicatorAsync(int id, CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking()
            .Include(i => i.Plan)
            .Include(i => i.Element)
            .Include(i => i.Targets).ThenInclude(t => t.DimensionValue!).ThenInclude(v => v.Dimension)
            .Include(i => i.Dimensions).ThenInclude(d => d.Dimension!).ThenInclude(d => d.Values)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, ct);
        return indicator?.Plan is { } plan && PlanningPermissions.CanRead(db.Actor, plan) ? indicator : null;
    }

    /// <summary>Every revision of every value of an indicator the caller may see, oldest period first, revisions in order.</summary>
    public async Task<List<ReportedValue>> ValuesAsync(int indicatorId, CancellationToken ct)
    {
        var q = db.ReportedValues.AsNoTracking().Include(v => v.DimensionValue!).ThenInclude(d => d.Dimension).Where(v => v.IndicatorId == indicatorId);
        if (!ResultsPermissions.CanSeeUnvalidated(db.Actor)) q = q.Where(v => v.Status == ValueStatus.Validated);
        var values = await q.ToListAsync(ct);
        return values.OrderBy(v => v.Year).ThenBy(v => v.SubPeriod).ThenBy(v => v.DimensionValue?.Dimension?.SortOrder ?? -1)
            .ThenBy(v => v.DimensionValue?.SortOrder ?? -1).ThenBy(v => v.Revision).ToList();
    }

    public async Task<ReportedValue?> ValueAsync(int valueId, CancellationToken ct) =>
        await db.ReportedValues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == valueId, ct);

    public async Task<(string? ContentType, string? FileName, byte[]? Content)> EvidenceAsync(int valueId, CancellationToken ct)
    {
        var v = await db.ReportedValues.AsNoTracking().Where(x => x.Id == valueId)
            .Select(x => new { x.Status, x.EvidenceContentType, x.EvidenceFileName, x.EvidenceContent, x.Indicator!.Plan })
            .FirstOrDefaultAsync(ct);
        if (v?.Plan is null || !PlanningPermissions.CanRead(db.Actor, v.Plan)) return default;
        if (v.Status != ValueStatus.Validated && !ResultsPermissions.CanSeeUnvalidated(db.Actor)) return default;
        return (v.EvidenceContentType, v.EvidenceFileName, v.EvidenceContent);
    }

    /// <summary>The users in a role, for the owner and validator pickers.</summary>
    public async Task<List<PersonOption>> PeopleInRoleAsync(string role, CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(ct);
        if (roleId is null) return [];
        return await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new PersonOption(u.Id, u.DisplayName == "" ? u.Email ?? u.Id : u.DisplayName + " (" + u.Email + ")"))
            .ToListAsync(ct);
    }

    public async Task<string?> PersonNameAsync(string? userId, CancellationToken ct) =>
        userId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName == "" ? u.Email : u.DisplayName).FirstOrDefaultAsync(ct);

    /// <summary>The elements of a plan in tree order (code order within a parent), for the element picker.</summary>
    public async Task<List<(int Id, string Code, LocalizedText Title)>> ElementsAsync(int planId, CancellationToken ct)
    {
        var rows = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == planId)
            .Select(e => new { e.Id, e.Code, e.Title }).ToListAsync(ct);
        return rows.OrderBy(e => e.Code, CodeComparer.Instance).Select(e => (e.Id, e.Code, e.Title)).ToList();
    }

    /// <summary>The dimensions of a plan (the standard ones appear once any indicator is saved).</summary>
    public async Task<List<Dimension>> DimensionsAsync(int planId, CancellationToken ct) =>
        await db.Dimensions.AsNoTracking().Include(d => d.Values).Where(d => d.PlanId == planId).OrderBy(d => d.SortOrder).ToListAsync(ct);

    /// <summary>Values waiting for the caller: to report (a Reporter's indicators without a value for a past period) and to validate.</summary>
    public async Task<List<(Indicator Indicator, ReportedValue Value)>> AwaitingValidationAsync(CancellationToken ct)
    {
        if (!db.Actor.IsInRole(Roles.Validator) || db.Actor.UserId is not string me) return [];
        var rows = await db.ReportedValues.AsNoTracking()
            .Include(v => v.Indicator!).ThenInclude(i => i.Plan)
            .Include(v => v.DimensionValue)
            .Where(v => v.Status == ValueStatus.Provisional && v.SubmittedById != me
                && (v.Indicator!.ValidatorUserId == null || v.Indicator.ValidatorUserId == me))
            .OrderBy(v => v.SubmittedAtUtc)
            .Take(500)
            .ToListAsync(ct);
        return rows.Select(v => (v.Indicator!, v)).ToList();
    }

    /// <summary>The indicators a Reporter reports on (theirs, or unassigned), with the periods up to this year that have no value yet and their rejected values.</summary>
    public async Task<List<(Indicator Indicator, IReadOnlyList<string> MissingPeriods, IReadOnlyList<ReportedValue> Rejected)>> ToReportAsync(int year, CancellationToken ct)
    {
        if (!db.Actor.IsInRole(Roles.Reporter) || db.Actor.UserId is not string me) return [];
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Plan)
            .Where(i => i.OwnerUserId == me || i.OwnerUserId == null)
            .Where(i => i.Plan!.Status != PlanStatus.Superseded)
            .OrderBy(i => i.PlanId).ThenBy(i => i.Code)
            .Take(500)
            .ToListAsync(ct);
        var ids = indicators.Select(i => i.Id).ToList();
        var values = await db.ReportedValues.AsNoTracking().Where(v => ids.Contains(v.IndicatorId))
            .Select(v => new { v.Id, v.IndicatorId, v.Period, v.SeriesKey, v.Revision, v.Status, v.RejectionReason, v.Value, v.Year, v.DimensionValueId })
            .ToListAsync(ct);
        var result = new List<(Indicator, IReadOnlyList<string>, IReadOnlyList<ReportedValue>)>();
        foreach (var i in indicators)
        {
            var mine = values.Where(v => v.IndicatorId == i.Id).ToList();
            var latest = mine.GroupBy(v => v.SeriesKey).Select(g => g.MaxBy(v => v.Revision)!).ToList();
            var reported = mine.Where(v => v.DimensionValueId == null).Select(v => v.Period).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var missing = PeriodsUpTo(i, year).Where(p => !reported.Contains(p)).ToList();
            var rejected = latest.Where(v => v.Status == ValueStatus.Rejected)
                .Select(v => new ReportedValue { Id = v.Id, Period = v.Period, Value = v.Value, RejectionReason = v.RejectionReason, Status = v.Status, Year = v.Year })
                .ToList();
            if (missing.Count > 0 || rejected.Count > 0) result.Add((i, missing, rejected));
        }
        return result;
    }

    /// <summary>The reporting periods of an indicator from the plan's start to <paramref name="year"/>.</summary>
    public static IEnumerable<string> PeriodsUpTo(Indicator indicator, int year)
    {
        var plan = indicator.Plan!;
        var last = Math.Min(year, plan.EndYear);
        switch (indicator.Frequency)
        {
            case Frequency.Annual:
                for (var y = plan.StartYear; y <= last; y++) yield return y.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case Frequency.Quarterly:
                for (var y = plan.StartYear; y <= last; y++)
                {
                    for (var q = 1; q <= 4; q++) yield return FormattableString.Invariant($"{y}-Q{q}");
                }
                break;
            default:
                foreach (var p in Core.Results.Handlers.ResultsInput.CustomPeriodList(indicator.CustomPeriods))
                {
                    if (int.TryParse(p[..4], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y <= last) yield return p;
                }
                break;
        }
    }

    /// <summary>Indicators with their targets and dimensions, and their validated values, for the dashboards' charts.</summary>
    public async Task<(List<Indicator> Indicators, ILookup<int, ValuePoint> Values)> ChartDataAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return ([], Array.Empty<ValuePoint>().ToLookup(v => 0));
        var indicators = await db.Indicators.AsNoTracking()
            .Include(i => i.Targets)
            .Include(i => i.Dimensions).ThenInclude(d => d.Dimension!).ThenInclude(d => d.Values)
            .AsSplitQuery()
            .Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        var values = await db.ReportedValues.AsNoTracking()
            .Where(v => ids.Contains(v.IndicatorId) && v.Status == ValueStatus.Validated)
            .Select(v => new { v.IndicatorId, v.SeriesKey, v.Year, v.SubPeriod, v.Revision, v.Value, v.DimensionValueId })
            .ToListAsync(ct);
        return (indicators, values.ToLookup(v => v.IndicatorId, v => new ValuePoint(v.SeriesKey, v.Year, v.SubPeriod, v.Revision, v.Value, v.DimensionValueId)));
    }

    /// <summary>The settings of a plan (thresholds), or the defaults.</summary>
    public async Task<ResultsSettings> SettingsAsync(int planId, CancellationToken ct) =>
        await db.ResultsSettings.AsNoTracking().FirstOrDefaultAsync(s => s.PlanId == planId, ct) ?? new ResultsSettings { PlanId = planId };
}

/// <summary>Orders codes like "1.10" after "1.9": numeric parts as numbers.</summary>
public sealed class CodeComparer : IComparer<string>
{
    public static readonly CodeComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('.');
        var b = (y ?? "").Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = int.TryParse(a[i], out var na) && int.TryParse(b[i], out var nb) ? na.CompareTo(nb) : string.CompareOrdinal(a[i], b[i]);
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }
}
