using System.Globalization;
using Cadre.Core.Common;
using Cadre.Core.Results;
using Cadre.Core.Results.Handlers;
using Cadre.Web.Infrastructure;
using Cadre.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cadre.Web.Pages.Results.Indicators;

/// <summary>
/// An indicator: its definition and targets, its series as a chart with the table of its numbers, the values
/// by dimension, every revision of every value, and the workflow: a Reporter submits, a Validator approves
/// (rejecting and correcting have their own pages, for the reason).
/// </summary>
public sealed class DetailsModel(ProgressService progress, TimeProvider clock, IStringLocalizer<ResultsText> text) : ResultsPageModel
{
    public sealed class ValueInput
    {
        public string? Period { get; set; }
        public string? DimensionValue { get; set; }
        public string? Value { get; set; }
        public string? Text { get; set; }
        public string? Comment { get; set; }
        public string? EvidenceUrl { get; set; }
        public IFormFile? EvidenceFile { get; set; }
    }

    [BindProperty]
    public ValueInput Input { get; set; } = new();

    public Indicator Indicator { get; private set; } = null!;
    public List<ReportedValue> Values { get; private set; } = [];
    public IndicatorProgressRow? Progress { get; private set; }
    public Thresholds Thresholds { get; private set; } = Thresholds.Default;
    public int AsOf { get; private set; }
    public IReadOnlyList<SeriesYear> Years { get; private set; } = [];
    public Chart? SeriesChart { get; private set; }
    public IReadOnlyList<(string Dimension, IReadOnlyList<(string Name, decimal Value)> Rows, int Year, Chart Chart)> ByDimension { get; private set; } = [];
    public IReadOnlyList<string> Periods { get; private set; } = [];
    public string? OwnerName { get; private set; }
    public string? ValidatorName { get; private set; }

    public bool CanSubmit => ResultsPermissions.CanSubmit(Actor, Indicator);
    public bool CanDecide => ResultsPermissions.CanDecide(Actor, Indicator);

    /// <summary>True when the current user may approve or reject this value (a Validator who did not submit it).</summary>
    public bool CanDecideOn(ReportedValue v) => CanDecide && v.Status == ValueStatus.Provisional && v.SubmittedById != Actor.UserId;

    /// <summary>True when this validated value is the latest revision of its series and the user may correct it.</summary>
    public bool CanCorrect(ReportedValue v) => CanSubmit && v.Status == ValueStatus.Validated
        && !Values.Any(x => x.SeriesKey == v.SeriesKey && x.Revision > v.Revision);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var indicator = await Reads.IndicatorAsync(id, ct);
        if (indicator is null) return false;
        Indicator = indicator;
        var plan = indicator.Plan!;
        AsOf = Math.Clamp(clock.GetUtcNow().Year, plan.StartYear, plan.EndYear);
        Values = await Reads.ValuesAsync(id, ct);
        var snapshot = await progress.GetAsync(plan.Id, AsOf, ct);
        Progress = snapshot?.Indicators.GetValueOrDefault(id);
        Thresholds = snapshot?.Thresholds ?? Thresholds.Default;
        OwnerName = await Reads.PersonNameAsync(indicator.OwnerUserId, ct);
        ValidatorName = await Reads.PersonNameAsync(indicator.ValidatorUserId, ct);
        Periods = ResultsReads.PeriodsUpTo(indicator, plan.EndYear).ToList();

        var culture = CultureInfo.CurrentCulture;
        var validated = Values.Where(v => v.Status == ValueStatus.Validated)
            .Select(v => new ValuePoint(v.SeriesKey, v.Year, v.SubPeriod, v.Revision, v.Value, v.DimensionValueId)).ToList();
        var actuals = ResultsCharts.YearlyActuals(indicator.Measure, indicator.Frequency, indicator.Cumulative, validated);
        var targets = indicator.Targets.Where(t => t.DimensionValueId is null && t.Period is not null)
            .GroupBy(t => t.Year).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Period, StringComparer.Ordinal).Last().Value);
        var final = indicator.Targets.FirstOrDefault(t => t.DimensionValueId is null && t.Period is null)?.Value ?? indicator.EndTarget;
        if (final is decimal f && !targets.ContainsKey(plan.EndYear)) targets[plan.EndYear] = f;
        Years = ResultsCharts.Years(actuals, targets);
        if (indicator.Measure is not Measure.Qualitative)
        {
            SeriesChart = ResultsCharts.IndicatorChart("chart-series", $"{indicator.Code} {indicator.Name.Local()}", indicator.Unit,
                indicator.BaselineValue, indicator.BaselineYear, final, Years, text, culture);
        }
        var byDimension = new List<(string, IReadOnlyList<(string, decimal)>, int, Chart)>();
        foreach (var d in indicator.Dimensions.Select(x => x.Dimension!).OrderBy(d => d.SortOrder))
        {
            var ids = d.Values.Select(v => v.Id).ToHashSet();
            if (ResultsCharts.Disaggregated(validated.Where(v => v.DimensionValueId is int dv && ids.Contains(dv)), plan.EndYear) is not { } found) continue;
            var (year, map) = found;
            var rows = d.Values.OrderBy(v => v.SortOrder).Where(v => map.ContainsKey(v.Id)).Select(v => (v.Name.Local(), map[v.Id])).ToList();
            var chart = Charts.Bars(new BarChartSpec(text["Chart.ByDimension", d.Name.Local(), year], d.Name.Local(), indicator.Unit ?? text["Chart.Value"],
                rows.Select(r => new ChartBar(r.Item1, (double)r.Item2)).ToList(), []), culture, "chart-dim-" + d.Code);
            byDimension.Add((d.Name.Local(), rows, year, chart));
        }
        ByDimension = byDimension;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.Period = Periods.LastOrDefault(p => string.CompareOrdinal(p, AsOf.ToString(CultureInfo.InvariantCulture)) <= 0 || p.StartsWith(AsOf.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
            ?? (Periods.Count > 0 ? Periods[0] : null);
        return Page();
    }

    /// <summary>Submits a value (the indicator's Reporter).</summary>
    public async Task<IActionResult> OnPostSubmitAsync(int id, [FromServices] SubmitValue submit, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanSubmit) return Refuse();
        decimal? number = null;
        if (!string.IsNullOrWhiteSpace(Input.Value))
        {
            if (ResultsInput.TryParseValue(Indicator.Measure, Input.Value, out var d)) number = d;
            else ModelState.AddModelError("Input.Value", RText("Form.NotANumber", Input.Value.Trim()));
        }
        Evidence? evidence = null;
        if (Input.EvidenceFile is { Length: > 0 } file)
        {
            if (file.Length > ResultsInput.MaxEvidenceBytes)
            {
                ModelState.AddModelError("Input.EvidenceFile", RText("Form.EvidenceTooLarge", ResultsInput.MaxEvidenceBytes / 1024));
            }
            else
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                evidence = new Evidence(Input.EvidenceUrl, Path.GetFileName(file.FileName), file.ContentType, buffer.ToArray());
            }
        }
        else if (!string.IsNullOrWhiteSpace(Input.EvidenceUrl))
        {
            evidence = new Evidence(Input.EvidenceUrl);
        }
        if (!ModelState.IsValid) return Page();
        var existing = Values.Where(v => v.Period == Input.Period?.Trim() && v.Status == ValueStatus.Provisional).MaxBy(v => v.Revision);
        try
        {
            await submit.HandleAsync(new SubmitValue.Request(id, Input.Period ?? "", number, string.IsNullOrWhiteSpace(Input.DimensionValue) ? null : Input.DimensionValue,
                Input.Text, Input.Comment, evidence, existing?.Version), ct);
            Flash(RText("Value.Submitted", Input.Period ?? ""));
            return Redirect($"/Results/Indicators/{id}#values");
        }
        catch (CadreException ex)
        {
            return Fail(ex, nameof(Input)) ?? Page();
        }
    }

    /// <summary>Approves a provisional value (a Validator who did not submit it).</summary>
    public async Task<IActionResult> OnPostApproveAsync(int id, int valueId, int? version, [FromServices] ApproveValue approve, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanDecide) return Refuse();
        try
        {
            var v = await approve.HandleAsync(new ApproveValue.Request(valueId, version), ct);
            Flash(RText("Value.Approved", v.Period));
            return Redirect($"/Results/Indicators/{id}#values");
        }
        catch (CadreException ex)
        {
            return FailAtTop(ex) ?? Page();
        }
    }

    /// <summary>The evidence file of a value, as a download.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(int id, int valueId, CancellationToken ct)
    {
        var value = await Reads.ValueAsync(valueId, ct);
        if (value is null || value.IndicatorId != id) return NotFound();
        var (_, name, content) = await Reads.EvidenceAsync(valueId, ct);
        if (content is null) return NotFound();
        // Always a download, never shown inline: the type was given by whoever uploaded it.
        return File(content, "application/octet-stream", name ?? "evidence");
    }

    public string DimensionLabel(ReportedValue v) =>
        v.DimensionValue is { } dv ? $"{dv.Dimension?.Name.Local()}: {dv.Name.Local()}" : text["Value.Whole"];
}
