using Cadre.Core.Results;
using Cadre.Web.Infrastructure;

namespace Cadre.Web.Pages.Results.Values;

/// <summary>A page about one value (reject, correct): the value and its indicator.</summary>
public abstract class ValuePageModel : ResultsPageModel
{
    public ReportedValue Value { get; protected set; } = null!;
    public Indicator Indicator { get; protected set; } = null!;

    protected async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var value = await Reads.ValueAsync(id, ct);
        if (value is null) return false;
        var indicator = await Reads.IndicatorAsync(value.IndicatorId, ct);
        if (indicator is null) return false;
        if (value.Status != ValueStatus.Validated && !ResultsPermissions.CanSeeUnvalidated(Actor)) return false;
        (Value, Indicator) = (value, indicator);
        return true;
    }

    public string DimensionLabel => Value.DimensionValueId is int dv
        && Indicator.Dimensions.SelectMany(d => d.Dimension!.Values.Select(v => (d.Dimension, v))).FirstOrDefault(x => x.v.Id == dv) is { Dimension: not null } found
        ? $"{found.Dimension.Name.Local()}: {found.v.Name.Local()}" : "";
}
