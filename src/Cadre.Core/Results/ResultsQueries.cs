using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Results;

public sealed record IndicatorSummary(
    int Id, int PlanId, int ElementId, string ElementCode, string Code, LocalizedText Name, Measure Measure, string? Unit, Direction Direction,
    Frequency Frequency, decimal? BaselineValue, int? BaselineYear, decimal? EndTarget, string? ResponsibleUnit,
    string? OwnerUserId, string? ValidatorUserId, decimal Weight, int Version);

public sealed record TargetInfo(int Id, string? Period, int Year, string? DimensionValue, decimal Value);

public sealed record DimensionValueInfo(int Id, string Code, LocalizedText Name, string Key);

public sealed record DimensionInfo(int Id, string Code, LocalizedText Name, bool IsStandard, IReadOnlyList<DimensionValueInfo> Values);

public sealed record IndicatorDetail(
    int Id, int PlanId, string PlanCode, int PlanStartYear, int PlanEndYear, string OriginalLanguage,
    int ElementId, string ElementCode, LocalizedText ElementTitle,
    string Code, LocalizedText Name, LocalizedText Definition, Measure Measure, string? Unit, string? Currency,
    Direction Direction, decimal? BandLow, decimal? BandHigh, decimal? BaselineValue, int? BaselineYear, decimal? EndTarget,
    Frequency Frequency, IReadOnlyList<string> CustomPeriods, bool Cumulative, string? DataSource, string? ResponsibleUnit,
    string? OwnerUserId, string? ValidatorUserId, decimal Weight, int Version,
    IReadOnlyList<DimensionInfo> Dimensions, IReadOnlyList<TargetInfo> Targets);

public sealed record ValueRow(
    int Id, int IndicatorId, string IndicatorCode, LocalizedText IndicatorName, Measure Measure, string Period, int Year, int SubPeriod,
    string? DimensionValue, decimal? Value, string? Text, string? Comment, string? EvidenceUrl, string? EvidenceFileName,
    ValueStatus Status, string? Reason, string? RejectionReason, string SubmittedBy, DateTime SubmittedAtUtc, string? DecidedBy, DateTime? DecidedAtUtc,
    int Revision, int? CorrectsId, bool IsLatest, int Version);

public sealed record EvidenceFile(string FileName, string ContentType, byte[] Content);

/// <summary>A point of an indicator's series: the value that counts (latest validated revision) per period and dimension value.</summary>
public sealed record SeriesPoint(string Period, int Year, int SubPeriod, string? DimensionValue, decimal Value);

public enum IndicatorSort
{
    Code,
    Name,
    Element,
    Unit,
}

public enum ValueSort
{
    Submitted,
    Indicator,
    Period,
    Status,
}

/// <summary>Reads of the Results area for pages, API and CLI. Visibility: drafts and unvalidated values for the secretariat only.</summary>
public sealed class ResultsQueries(CadreDbContext db)
{
    private IQueryable<Plan> VisiblePlans() =>
        PlanningPermissions.CanReadDrafts(db.Actor) ? db.Plans : db.Plans.Where(p => p.Status != PlanStatus.Draft);

    private IQueryable<Indicator> VisibleIndicators() =>
        PlanningPermissions.CanReadDrafts(db.Actor) ? db.Indicators : db.Indicators.Where(i => i.Plan!.Status != PlanStatus.Draft);

    public Task<bool> PlanVisibleAsync(int planId, CancellationToken ct = default) => VisiblePlans().AnyAsync(p => p.Id == planId, ct);

    /// <summary>Indicators of a plan (null when the plan is not visible), with search on code and name, sorting and paging.</summary>
    public async Task<Paged<IndicatorSummary>?> ListIndicatorsAsync(int planId, string? search = null, IndicatorSort sort = IndicatorSort.Code, bool descending = false,
        int? page = null, int? pageSize = null, int? elementId = null, string? responsibleUnit = null, CancellationToken ct = default)
    {
        if (!await PlanVisibleAsync(planId, ct)) return null;
        var (p, size) = Paged<IndicatorSummary>.Clamp(page, pageSize);
        var q = db.Indicators.AsNoTracking().Where(i => i.PlanId == planId);
        if (elementId is int e) q = q.Where(i => i.ElementId == e);
        if (!string.IsNullOrWhiteSpace(responsibleUnit)) q = q.Where(i => i.ResponsibleUnit == responsibleUnit);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToLower();
            q = q.Where(x => x.Code.ToLower().Contains(s) || (x.Name.En != null && x.Name.En.ToLower().Contains(s)) || (x.Name.Fr != null && x.Name.Fr.ToLower().Contains(s)));
        }
        q = (sort, descending) switch
        {
            (IndicatorSort.Name, false) => q.OrderBy(x => x.Name.En).ThenBy(x => x.Code),
            (IndicatorSort.Name, true) => q.OrderByDescending(x => x.Name.En).ThenBy(x => x.Code),
            (IndicatorSort.Element, false) => q.OrderBy(x => x.Element!.Code).ThenBy(x => x.SortOrder).ThenBy(x => x.Code),
            (IndicatorSort.Element, true) => q.OrderByDescending(x => x.Element!.Code).ThenBy(x => x.SortOrder).ThenBy(x => x.Code),
            (IndicatorSort.Unit, false) => q.OrderBy(x => x.ResponsibleUnit).ThenBy(x => x.Code),
            (IndicatorSort.Unit, true) => q.OrderByDescending(x => x.ResponsibleUnit).ThenBy(x => x.Code),
            (_, false) => q.OrderBy(x => x.Code),
            _ => q.OrderByDescending(x => x.Code),
        };
        var total = await q.CountAsync(ct);
        var items = await q.Skip((p - 1) * size).Take(size)
            .Select(x => new IndicatorSummary(x.Id, x.PlanId, x.ElementId, x.Element!.Code, x.Code, x.Name, x.Measure, x.Unit, x.Direction, x.Frequency,
                x.BaselineValue, x.BaselineYear, x.EndTarget, x.ResponsibleUnit, x.OwnerUserId, x.ValidatorUserId, x.Weight, x.Version))
            .ToListAsync(ct);
        return new Paged<IndicatorSummary>(items, p, size, total);
    }

    public async Task<int?> FindIndicatorIdAsync(int planId, string code, CancellationToken ct = default) =>
        await VisibleIndicators().Where(i => i.PlanId == planId && i.Code == code).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);

    public async Task<IndicatorDetail?> GetIndicatorAsync(int id, CancellationToken ct = default)
    {
        var i = await VisibleIndicators().AsNoTracking()
            .Include(x => x.Plan).Include(x => x.Element)
            .Include(x => x.Targets).ThenInclude(t => t.DimensionValue!).ThenInclude(v => v.Dimension)
            .Include(x => x.Dimensions).ThenInclude(d => d.Dimension!).ThenInclude(d => d.Values)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return null;
        return new IndicatorDetail(i.Id, i.PlanId, i.Plan!.Code, i.Plan.StartYear, i.Plan.EndYear, i.Plan.OriginalLanguage,
            i.ElementId, i.Element!.Code, i.Element.Title,
            i.Code, i.Name, i.Definition, i.Measure, i.Unit, i.Currency, i.Direction, i.BandLow, i.BandHigh, i.BaselineValue, i.BaselineYear, i.EndTarget,
            i.Frequency, Handlers.ResultsInput.CustomPeriodList(i.CustomPeriods), i.Cumulative, i.DataSource, i.ResponsibleUnit,
            i.OwnerUserId, i.ValidatorUserId, i.Weight, i.Version,
            i.Dimensions.Select(d => d.Dimension!).OrderBy(d => d.SortOrder).Select(ToInfo).ToList(),
            i.Targets.OrderBy(t => t.Period is null).ThenBy(t => t.Year).ThenBy(t => t.Period, StringComparer.Ordinal)
                .Select(t => new TargetInfo(t.Id, t.Period, t.Year, t.DimensionValue is null ? null : KeyOf(t.DimensionValue), t.Value)).ToList());
    }

    /// <summary>The plan's dimensions (standard and custom) with their values; empty until the plan's first indicator.</summary>
    /// <summary>A plan's Results settings (the defaults, with Id 0, when none are stored), or null when the plan is not visible.</summary>
    public async Task<ResultsSettings?> GetSettingsAsync(int planId, CancellationToken ct = default)
    {
        if (!await PlanVisibleAsync(planId, ct)) return null;
        return await db.ResultsSettings.AsNoTracking().FirstOrDefaultAsync(s => s.PlanId == planId, ct) ?? new ResultsSettings { PlanId = planId };
    }

    public async Task<IReadOnlyList<DimensionInfo>?> ListDimensionsAsync(int planId, CancellationToken ct = default)
    {
        if (!await PlanVisibleAsync(planId, ct)) return null;
        var dims = await db.Dimensions.AsNoTracking().Include(d => d.Values).Where(d => d.PlanId == planId).OrderBy(d => d.SortOrder).ToListAsync(ct);
        return dims.Select(ToInfo).ToList();
    }

    private static DimensionInfo ToInfo(Dimension d) => new(d.Id, d.Code, d.Name, d.IsStandard,
        d.Values.OrderBy(v => v.SortOrder).Select(v => new DimensionValueInfo(v.Id, v.Code, v.Name, d.Code + ":" + v.Code)).ToList());

    private static string KeyOf(DimensionValue v) => v.Dimension!.Code + ":" + v.Code;

    /// <summary>
    /// Values of a plan (or one indicator), newest first by default. Anonymous users and roles outside the
    /// secretariat see validated values only. <paramref name="awaitingMe"/>: provisional values the current
    /// Validator may decide (assigned to them or unassigned, not submitted by them).
    /// </summary>
    public async Task<Paged<ValueRow>?> ListValuesAsync(int planId, int? indicatorId = null, ValueStatus? status = null, string? search = null,
        ValueSort sort = ValueSort.Submitted, bool descending = true, int? page = null, int? pageSize = null, bool awaitingMe = false, bool latestOnly = false,
        CancellationToken ct = default)
    {
        if (!await PlanVisibleAsync(planId, ct)) return null;
        var (p, size) = Paged<ValueRow>.Clamp(page, pageSize);
        var q = db.ReportedValues.AsNoTracking().Where(v => v.Indicator!.PlanId == planId);
        if (!ResultsPermissions.CanSeeUnvalidated(db.Actor)) q = q.Where(v => v.Status == ValueStatus.Validated);
        if (indicatorId is int id) q = q.Where(v => v.IndicatorId == id);
        if (status is ValueStatus s) q = q.Where(v => v.Status == s);
        if (awaitingMe)
        {
            var me = db.Actor.UserId ?? "";
            q = q.Where(v => v.Status == ValueStatus.Provisional && v.SubmittedById != me && (v.Indicator!.ValidatorUserId == null || v.Indicator.ValidatorUserId == me));
        }
        if (latestOnly)
        {
            q = q.Where(v => !db.ReportedValues.Any(o => o.IndicatorId == v.IndicatorId && o.SeriesKey == v.SeriesKey && o.Revision > v.Revision));
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var t = search.Trim().ToLower();
            q = q.Where(v => v.Indicator!.Code.ToLower().Contains(t) || v.Period.ToLower().Contains(t)
                || (v.Indicator.Name.En != null && v.Indicator.Name.En.ToLower().Contains(t)) || (v.Indicator.Name.Fr != null && v.Indicator.Name.Fr.ToLower().Contains(t)));
        }
        q = (sort, descending) switch
        {
            (ValueSort.Indicator, false) => q.OrderBy(v => v.Indicator!.Code).ThenBy(v => v.Year).ThenBy(v => v.SubPeriod).ThenBy(v => v.Revision),
            (ValueSort.Indicator, true) => q.OrderByDescending(v => v.Indicator!.Code).ThenBy(v => v.Year).ThenBy(v => v.SubPeriod).ThenBy(v => v.Revision),
            (ValueSort.Period, false) => q.OrderBy(v => v.Year).ThenBy(v => v.SubPeriod).ThenBy(v => v.Indicator!.Code).ThenBy(v => v.Revision),
            (ValueSort.Period, true) => q.OrderByDescending(v => v.Year).ThenByDescending(v => v.SubPeriod).ThenBy(v => v.Indicator!.Code).ThenBy(v => v.Revision),
            (ValueSort.Status, false) => q.OrderBy(v => v.Status).ThenBy(v => v.Id),
            (ValueSort.Status, true) => q.OrderByDescending(v => v.Status).ThenBy(v => v.Id),
            (_, false) => q.OrderBy(v => v.Id),
            _ => q.OrderByDescending(v => v.Id),
        };
        var total = await q.CountAsync(ct);
        var rows = await Project(q.Skip((p - 1) * size).Take(size)).ToListAsync(ct);
        return new Paged<ValueRow>(await MarkLatestAsync(rows, ct), p, size, total);
    }

    /// <summary>Every revision of every value of an indicator, by period, dimension value and revision: the history.</summary>
    public async Task<IReadOnlyList<ValueRow>?> HistoryAsync(int indicatorId, CancellationToken ct = default)
    {
        if (!await VisibleIndicators().AnyAsync(i => i.Id == indicatorId, ct)) return null;
        var q = db.ReportedValues.AsNoTracking().Where(v => v.IndicatorId == indicatorId);
        if (!ResultsPermissions.CanSeeUnvalidated(db.Actor)) q = q.Where(v => v.Status == ValueStatus.Validated);
        var rows = await Project(q.OrderBy(v => v.Year).ThenBy(v => v.SubPeriod).ThenBy(v => v.SeriesKey).ThenBy(v => v.Revision)).ToListAsync(ct);
        return await MarkLatestAsync(rows, ct);
    }

    public async Task<ValueRow?> GetValueAsync(int id, CancellationToken ct = default)
    {
        var q = db.ReportedValues.AsNoTracking().Where(v => v.Id == id && VisibleIndicators().Any(i => i.Id == v.IndicatorId));
        if (!ResultsPermissions.CanSeeUnvalidated(db.Actor)) q = q.Where(v => v.Status == ValueStatus.Validated);
        var rows = await Project(q).ToListAsync(ct);
        return rows.Count == 0 ? null : (await MarkLatestAsync(rows, ct))[0];
    }

    public async Task<EvidenceFile?> GetEvidenceAsync(int valueId, CancellationToken ct = default)
    {
        if (await GetValueAsync(valueId, ct) is null) return null;
        var f = await db.ReportedValues.AsNoTracking().Where(v => v.Id == valueId && v.EvidenceContent != null)
            .Select(v => new { v.EvidenceFileName, v.EvidenceContentType, v.EvidenceContent }).FirstOrDefaultAsync(ct);
        return f is null ? null : new EvidenceFile(f.EvidenceFileName ?? "evidence", f.EvidenceContentType ?? "application/octet-stream", f.EvidenceContent!);
    }

    /// <summary>The values that count (latest validated revision) of an indicator, for its chart: whole and per dimension value.</summary>
    public async Task<IReadOnlyList<SeriesPoint>?> SeriesAsync(int indicatorId, CancellationToken ct = default)
    {
        if (!await VisibleIndicators().AnyAsync(i => i.Id == indicatorId, ct)) return null;
        var rows = await db.ReportedValues.AsNoTracking()
            .Where(v => v.IndicatorId == indicatorId && v.Status == ValueStatus.Validated && v.Value != null)
            .Select(v => new { v.Period, v.Year, v.SubPeriod, v.SeriesKey, v.Revision, v.Value, Dim = v.DimensionValue == null ? null : v.DimensionValue.Dimension!.Code + ":" + v.DimensionValue.Code })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.SeriesKey).Select(g => g.MaxBy(r => r.Revision)!)
            .OrderBy(r => r.Dim).ThenBy(r => r.Year).ThenBy(r => r.SubPeriod)
            .Select(r => new SeriesPoint(r.Period, r.Year, r.SubPeriod, r.Dim, r.Value!.Value)).ToList();
    }

    private static IQueryable<ValueRow> Project(IQueryable<ReportedValue> q) => q.Select(v => new ValueRow(
        v.Id, v.IndicatorId, v.Indicator!.Code, v.Indicator.Name, v.Indicator.Measure, v.Period, v.Year, v.SubPeriod,
        v.DimensionValue == null ? null : v.DimensionValue.Dimension!.Code + ":" + v.DimensionValue.Code,
        v.Value, v.Text, v.Comment, v.EvidenceUrl, v.EvidenceFileName, v.Status, v.Reason, v.RejectionReason, v.SubmittedBy, v.SubmittedAtUtc,
        v.DecidedBy, v.DecidedAtUtc, v.Revision, v.CorrectsId, false, v.Version));

    private async Task<List<ValueRow>> MarkLatestAsync(List<ValueRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return rows;
        var ids = rows.Select(r => r.IndicatorId).Distinct().ToList();
        var latest = await db.ReportedValues.AsNoTracking().Where(v => ids.Contains(v.IndicatorId))
            .GroupBy(v => new { v.IndicatorId, v.SeriesKey }).Select(g => g.Max(v => v.Id)).ToListAsync(ct);
        var set = latest.ToHashSet();
        return rows.Select(r => set.Contains(r.Id) ? r with { IsLatest = true } : r).ToList();
    }
}
