using Cadre.Core.Data;
using Cadre.Core.Finance;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Results;

/// <summary>The elements of a plan that carry at least one indicator, for the Finance coherence checks.</summary>
public sealed class IndicatorCoverage(CadreDbContext db) : IIndicatorCoverage
{
    public async Task<IReadOnlySet<int>> ElementsWithIndicatorsAsync(int planId, CancellationToken ct) =>
        (await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId).Select(i => i.ElementId).Distinct().ToListAsync(ct)).ToHashSet();
}
