using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace Cadre.Web.Pages;

/// <summary>The home dashboard: the figures, the plans in force this year, and the coverage of the current strategic plan.</summary>
/// <remarks>
/// The figures are cached per year, language and visibility of drafts, and recomputed after any write in
/// this process (<see cref="CadreDbContext.DataVersion"/>) or after 30 seconds (writes on other nodes).
/// </remarks>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.OutputCachePolicies.PublicDashboard)]
public sealed class IndexModel(PlanningQueries queries, TimeProvider clock, IMemoryCache cache, ICurrentActor actor) : PageModel
{
    public sealed record CoverageRow(string VocabularyCode, string VocabularyName, int LinkedElements, int Elements, double ElementCoverage, int AddressedEntries, int Entries, double EntryCoverage);

    public int Year { get; private set; }
    public PlanningQueries.DashboardFigures Figures { get; private set; } = null!;
    public PlanSummary? StrategicPlan { get; private set; }
    public IReadOnlyList<CoverageRow> Coverage { get; private set; } = [];

    private sealed record Snapshot(PlanningQueries.DashboardFigures Figures, PlanSummary? StrategicPlan, IReadOnlyList<CoverageRow> Coverage);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = clock.GetUtcNow().Year;
        var key = ("dashboard", Year, Infrastructure.Localization.CurrentLanguage, PlanningPermissions.CanReadDrafts(actor), CadreDbContext.DataVersion);
        if (!cache.TryGetValue(key, out Snapshot? snapshot) || snapshot is null)
        {
            await ComputeAsync(ct);
            cache.Set(key, new Snapshot(Figures, StrategicPlan, Coverage), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30) });
            return;
        }
        (Figures, StrategicPlan, Coverage) = (snapshot.Figures, snapshot.StrategicPlan, snapshot.Coverage);
    }

    private async Task ComputeAsync(CancellationToken ct)
    {
        Figures = await queries.DashboardAsync(Year, ct);
        StrategicPlan = Figures.CurrentPlans
            .Where(p => p.Kind == PlanKind.Strategic)
            .OrderBy(p => p.Status == PlanStatus.Adopted ? 0 : 1)
            .ThenByDescending(p => p.StartYear)
            .FirstOrDefault();
        if (StrategicPlan is null) return;
        var rows = new List<CoverageRow>();
        foreach (var v in await queries.ListVocabulariesAsync(ct))
        {
            var m = await queries.GetTraceabilityAsync(StrategicPlan.Id, v.Code, ct);
            if (m is null) continue;
            rows.Add(new CoverageRow(v.Code, Infrastructure.Localization.Local(v.Name),
                m.Elements.Count - m.ElementsWithoutLinks.Count, m.Elements.Count, m.ElementCoverage,
                m.Entries.Count - m.EntriesNotAddressed.Count, m.Entries.Count, m.EntryCoverage));
        }
        Coverage = rows;
    }
}
