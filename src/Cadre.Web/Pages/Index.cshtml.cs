using Cadre.Core.Planning;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Pages;

/// <summary>The home dashboard: the figures, the plans in force this year, and the coverage of the current strategic plan.</summary>
public sealed class IndexModel(PlanningQueries queries, TimeProvider clock) : PageModel
{
    public sealed record CoverageRow(string VocabularyCode, string VocabularyName, int LinkedElements, int Elements, double ElementCoverage, int AddressedEntries, int Entries, double EntryCoverage);

    public int Year { get; private set; }
    public PlanningQueries.DashboardFigures Figures { get; private set; } = null!;
    public PlanSummary? StrategicPlan { get; private set; }
    public IReadOnlyList<CoverageRow> Coverage { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = clock.GetUtcNow().Year;
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
