using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Identity;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Results.Handlers;

/// <summary>A target as given by a form, the API or a file: a period (null for the end of the plan), an optional dimension value ("itu-region:africa"), a value.</summary>
public sealed record TargetInput(string? Period, string? DimensionValue, decimal Value);

/// <summary>Creates (no id) or updates an indicator. Planner only. Targets and dimensions given replace the previous ones.</summary>
public sealed class SaveIndicator(CadreDbContext db)
{
    public sealed record Request(
        int? Id,
        int PlanId,
        int ElementId,
        string Code,
        IReadOnlyDictionary<string, string?> Name,
        IReadOnlyDictionary<string, string?>? Definition = null,
        Measure Measure = Measure.Number,
        string? Unit = null,
        string? Currency = null,
        Direction Direction = Direction.Increase,
        decimal? BandLow = null,
        decimal? BandHigh = null,
        decimal? BaselineValue = null,
        int? BaselineYear = null,
        decimal? EndTarget = null,
        Frequency Frequency = Frequency.Annual,
        IReadOnlyList<string>? CustomPeriods = null,
        bool Cumulative = false,
        string? DataSource = null,
        string? ResponsibleUnit = null,
        string? OwnerUserId = null,
        string? ValidatorUserId = null,
        decimal Weight = 1m,
        IReadOnlyList<string>? Dimensions = null,
        IReadOnlyList<TargetInput>? Targets = null,
        int? Version = null);

    public async Task<Indicator> HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Indicator? indicator = null;
        if (request.Id is int id)
        {
            indicator = await db.Indicators.Include(i => i.Targets).Include(i => i.Dimensions).FirstOrDefaultAsync(i => i.Id == id, ct)
                ?? throw new NotFoundException(Messages.Format("Error.NotFound.Indicator", id));
            if (indicator.PlanId != request.PlanId) throw new NotFoundException(Messages.Format("Error.NotFound.Indicator", id));
        }
        var plan = await PlanningInput.PlanForEditAsync(db, request.PlanId, ct);
        if (indicator is not null) db.ExpectVersion(indicator, request.Version);

        var v = new Validation();
        var code = PlanningInput.NormalizeCode(request.Code);
        PlanningInput.Code(v, "code", code);
        var name = PlanningInput.Text(v, "name", request.Name, 400, required: true);
        var definition = PlanningInput.Text(v, "definition", request.Definition, 4000, required: false);
        if (!await db.PlanElements.AnyAsync(e => e.Id == request.ElementId && e.PlanId == plan.Id, ct))
        {
            v.Add("elementId", Messages.Format("Error.NotFound.Element", request.ElementId));
        }
        if (!v.HasErrors && await db.Indicators.AnyAsync(i => i.PlanId == plan.Id && i.Code == code && i.Id != (request.Id ?? 0), ct))
        {
            v.Add("code", Messages.Format("Error.Results.DuplicateIndicatorCode", code));
        }
        v.MaxLength("unit", request.Unit, 40).MaxLength("dataSource", request.DataSource, 1000).MaxLength("responsibleUnit", request.ResponsibleUnit, 40);
        if (request.Measure == Measure.Currency && (request.Currency is null || request.Currency.Trim().Length != 3))
        {
            v.Add("currency", Messages.Get("Error.Results.Currency"));
        }
        if (request.Direction == Direction.Band)
        {
            if (request.BandLow is not decimal lo || request.BandHigh is not decimal hi) v.Add("bandLow", Messages.Get("Error.Results.BandRequired"));
            else if (hi < lo) v.Add("bandHigh", Messages.Get("Error.Results.BandOrder"));
        }
        if (request.BaselineYear is int by && (by < plan.StartYear - 20 || by > plan.EndYear))
        {
            v.Add("baselineYear", Messages.Format("Error.YearRange", plan.StartYear - 20, plan.EndYear));
        }
        if (request.BaselineValue is not null && request.BaselineYear is null) v.Add("baselineYear", Messages.Get("Error.Required"));
        CheckNumber(v, "baselineValue", request.Measure, request.BaselineValue);
        CheckNumber(v, "endTarget", request.Measure, request.EndTarget);
        CheckNumber(v, "bandLow", request.Measure, request.BandLow);
        CheckNumber(v, "bandHigh", request.Measure, request.BandHigh);
        if (request.Weight is < 0 or > 1000) v.Add("weight", Messages.Get("Error.WeightRange"));
        var periods = (request.CustomPeriods ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (request.Frequency == Frequency.Custom)
        {
            if (periods.Count == 0) v.Add("customPeriods", Messages.Get("Error.Results.CustomPeriodsRequired"));
            foreach (var p in periods.Where(p => !ResultsInput.IsValidCustomPeriod(p))) v.Add("customPeriods", Messages.Format("Error.Results.CustomPeriodFormat", p));
            if (periods.Distinct(StringComparer.OrdinalIgnoreCase).Count() != periods.Count) v.Add("customPeriods", Messages.Get("Error.Results.CustomPeriodsDuplicate"));
            if (string.Join(",", periods).Length > 1000) v.Add("customPeriods", Messages.Format("Error.TooLong", 1000));
        }
        await CheckUserAsync(v, "ownerUserId", request.OwnerUserId, Roles.Reporter, ct);
        await CheckUserAsync(v, "validatorUserId", request.ValidatorUserId, Roles.Validator, ct);
        if (request.OwnerUserId is not null && request.OwnerUserId == request.ValidatorUserId)
        {
            v.Add("validatorUserId", Messages.Get("Error.Results.ValidatorIsOwner"));
        }

        var dimensions = await StandardDimensions.EnsureAsync(db, plan.Id, ct);
        var chosen = new List<Dimension>();
        foreach (var d in request.Dimensions ?? [])
        {
            var dim = dimensions.FirstOrDefault(x => string.Equals(x.Code, d.Trim(), StringComparison.OrdinalIgnoreCase));
            if (dim is null) v.Add("dimensions", Messages.Format("Error.Results.UnknownDimension", d));
            else if (!chosen.Contains(dim)) chosen.Add(dim);
        }

        var probe = new Indicator { Frequency = request.Frequency, CustomPeriods = string.Join(",", periods) };
        var targets = new List<IndicatorTarget>();
        var index = 0;
        foreach (var t in request.Targets ?? [])
        {
            var field = $"targets[{index++}]";
            var target = new IndicatorTarget { Value = t.Value, Year = plan.EndYear };
            if (t.Period is not null)
            {
                var error = ResultsInput.ParsePeriod(probe, plan, t.Period, out var period);
                if (error is not null) { v.Add(field, error); continue; }
                target.Period = period.Code;
                target.Year = period.Year;
            }
            if (!string.IsNullOrWhiteSpace(t.DimensionValue))
            {
                var dv = FindDimensionValue(chosen, t.DimensionValue);
                if (dv is null) { v.Add(field, Messages.Format("Error.Results.DimensionValueNotOnIndicator", t.DimensionValue)); continue; }
                target.DimensionValue = dv;
            }
            var numberError = request.Measure is Measure.Milestone or Measure.Qualitative ? ResultsInput.CheckValue(request.Measure, t.Value) : CheckNumberMessage(request.Measure, t.Value);
            if (numberError is not null) { v.Add(field, numberError); continue; }
            if (targets.Any(x => x.Period == target.Period && x.DimensionValue == target.DimensionValue))
            {
                v.Add(field, Messages.Format("Error.Results.DuplicateTarget", t.Period ?? "—"));
                continue;
            }
            targets.Add(target);
        }
        v.ThrowIfAny();

        if (indicator is null)
        {
            indicator = new Indicator { PlanId = plan.Id };
            indicator.SortOrder = await db.Indicators.Where(i => i.ElementId == request.ElementId).Select(i => (int?)i.SortOrder).MaxAsync(ct) + 1 ?? 0;
            db.Indicators.Add(indicator);
        }
        indicator.ElementId = request.ElementId;
        indicator.Code = code!;
        indicator.Name = name;
        indicator.Definition = definition;
        indicator.Measure = request.Measure;
        indicator.Unit = Trim(request.Unit);
        indicator.Currency = request.Measure == Measure.Currency ? request.Currency!.Trim().ToUpperInvariant() : null;
        indicator.Direction = request.Direction;
        indicator.BandLow = request.Direction == Direction.Band ? request.BandLow : null;
        indicator.BandHigh = request.Direction == Direction.Band ? request.BandHigh : null;
        indicator.BaselineValue = request.BaselineValue;
        indicator.BaselineYear = request.BaselineYear;
        indicator.EndTarget = request.EndTarget;
        indicator.Frequency = request.Frequency;
        indicator.CustomPeriods = request.Frequency == Frequency.Custom ? string.Join(",", periods) : null;
        indicator.Cumulative = request.Cumulative;
        indicator.DataSource = Trim(request.DataSource);
        indicator.ResponsibleUnit = Trim(request.ResponsibleUnit);
        indicator.OwnerUserId = request.OwnerUserId;
        indicator.ValidatorUserId = request.ValidatorUserId;
        indicator.Weight = request.Weight;
        if (request.Dimensions is not null)
        {
            indicator.Dimensions.Clear();
            indicator.Dimensions.AddRange(chosen.Select(d => new IndicatorDimension { Dimension = d }));
        }
        if (request.Targets is not null)
        {
            indicator.Targets.Clear();
            indicator.Targets.AddRange(targets);
        }
        await db.SaveChangesAsync(ct);
        return indicator;
    }

    internal static DimensionValue? FindDimensionValue(IEnumerable<Dimension> dimensions, string key)
    {
        var parts = key.Split(':', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2) return null;
        return dimensions.FirstOrDefault(d => string.Equals(d.Code, parts[0], StringComparison.OrdinalIgnoreCase))?
            .Values.FirstOrDefault(x => string.Equals(x.Code, parts[1], StringComparison.OrdinalIgnoreCase));
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static void CheckNumber(Validation v, string field, Measure measure, decimal? value)
    {
        if (value is decimal d && CheckNumberMessage(measure, d) is string error) v.Add(field, error);
    }

    private static string? CheckNumberMessage(Measure measure, decimal value) => measure switch
    {
        Measure.Milestone or Measure.Qualitative => ResultsInput.CheckValue(measure, value),
        _ => ResultsInput.CheckValue(measure, value),
    };

    private async Task CheckUserAsync(Validation v, string field, string? userId, string role, CancellationToken ct)
    {
        if (userId is null) return;
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var ok = roleId is not null && await db.UserRoles.AnyAsync(ur => ur.UserId == userId && ur.RoleId == roleId, ct);
        if (!ok) v.Add(field, Messages.Format("Error.Results.UserNotInRole", role));
    }
}

/// <summary>Deletes an indicator with its targets and values. Planner only.</summary>
public sealed class DeleteIndicator(CadreDbContext db)
{
    public sealed record Request(int Id, int? Version);

    public async Task HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.Id == request.Id, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Indicator", request.Id));
        await PlanningInput.PlanForEditAsync(db, indicator.PlanId, ct);
        db.ExpectVersion(indicator, request.Version);
        db.Indicators.Remove(indicator);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Creates or updates a custom dimension of a plan with its values (values are added or renamed, never removed here). Planner only.</summary>
public sealed class SaveDimension(CadreDbContext db)
{
    public sealed record ValueInput(string Code, IReadOnlyDictionary<string, string?> Name);

    public sealed record Request(int PlanId, string Code, IReadOnlyDictionary<string, string?> Name, IReadOnlyList<ValueInput> Values);

    public async Task<Dimension> HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await PlanningInput.PlanForEditAsync(db, request.PlanId, ct);
        var dimensions = await StandardDimensions.EnsureAsync(db, plan.Id, ct);
        var v = new Validation();
        var code = PlanningInput.NormalizeCode(request.Code)?.ToLowerInvariant();
        PlanningInput.Code(v, "code", code);
        var name = PlanningInput.Text(v, "name", request.Name, 200, required: true);
        var dim = dimensions.FirstOrDefault(d => d.Code == code);
        if (dim is { IsStandard: true }) v.Add("code", Messages.Format("Error.Results.StandardDimension", code));
        var values = new List<(string Code, LocalizedText Name)>();
        for (var i = 0; i < request.Values.Count; i++)
        {
            var c = PlanningInput.NormalizeCode(request.Values[i].Code)?.ToLowerInvariant();
            PlanningInput.Code(v, $"values[{i}].code", c);
            var n = PlanningInput.Text(v, $"values[{i}].name", request.Values[i].Name, 200, required: true);
            if (values.Any(x => x.Code == c)) v.Add($"values[{i}].code", Messages.Format("Error.Results.DuplicateDimensionValue", c));
            values.Add((c ?? "", n));
        }
        v.ThrowIfAny();
        if (dim is null)
        {
            dim = new Dimension { PlanId = plan.Id, Code = code!, SortOrder = dimensions.Count == 0 ? 0 : dimensions.Max(d => d.SortOrder) + 1 };
            db.Dimensions.Add(dim);
        }
        dim.Name = name;
        foreach (var (c, n) in values)
        {
            var existing = dim.Values.FirstOrDefault(x => x.Code == c);
            if (existing is null) dim.Values.Add(new DimensionValue { Code = c, Name = n, SortOrder = dim.Values.Count });
            else existing.Name = n;
        }
        await db.SaveChangesAsync(ct);
        return dim;
    }
}

/// <summary>Sets a plan's status thresholds. Planner only.</summary>
public sealed class SaveResultsSettings(CadreDbContext db)
{
    public sealed record Request(int PlanId, decimal OnTrackThreshold, decimal AtRiskThreshold, int? Version = null);

    public async Task<ResultsSettings> HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await PlanningInput.PlanForEditAsync(db, request.PlanId, ct);
        var v = new Validation();
        if (request.OnTrackThreshold is <= 0 or > 1) v.Add("onTrackThreshold", Messages.Get("Error.Results.ThresholdRange"));
        if (request.AtRiskThreshold is < 0 or > 1) v.Add("atRiskThreshold", Messages.Get("Error.Results.ThresholdRange"));
        if (request.AtRiskThreshold > request.OnTrackThreshold) v.Add("atRiskThreshold", Messages.Get("Error.Results.ThresholdOrder"));
        v.ThrowIfAny();
        var settings = await db.ResultsSettings.FirstOrDefaultAsync(s => s.PlanId == plan.Id, ct);
        if (settings is null)
        {
            settings = new ResultsSettings { PlanId = plan.Id };
            db.ResultsSettings.Add(settings);
        }
        else
        {
            db.ExpectVersion(settings, request.Version);
        }
        settings.OnTrackThreshold = request.OnTrackThreshold;
        settings.AtRiskThreshold = request.AtRiskThreshold;
        await db.SaveChangesAsync(ct);
        return settings;
    }
}
