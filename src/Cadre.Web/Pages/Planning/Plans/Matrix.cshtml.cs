using Cadre.Core.Planning;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Planning.Plans;

/// <summary>
/// The traceability matrix of a plan against one vocabulary (Annex 1, question 1 of the TDAG report:
/// how far the plan's objectives are tied to the WSIS action lines, resolutions, Questions...), with coverage and gaps.
/// One query set; the cells are looked up in the <see cref="TraceabilityMatrix.Cells"/> set.
/// </summary>
public sealed class MatrixModel(PlanningQueries queries) : PlanningPageModel
{
    /// <summary>Above this many cells the full grid is not drawn unless asked for: the gaps answer the question.</summary>
    public const int FullGridCellLimit = 150_000;

    public PlanDetail Plan { get; private set; } = null!;
    public IReadOnlyList<VocabularySummary> Vocabularies { get; private set; } = [];
    public TraceabilityMatrix? Matrix { get; private set; }
    public bool GapsOnly { get; private set; }
    public bool TooLarge { get; private set; }
    public IReadOnlyDictionary<string, string> LevelNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(int id, string? vocabulary, string? view, CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        LevelNames = plan.Levels.ToDictionary(l => l.Code, l => Infrastructure.Localization.Local(l.Name), StringComparer.Ordinal);
        Vocabularies = await queries.ListVocabulariesAsync(ct);
        if (Vocabularies.Count == 0) return Page();
        var code = vocabulary is not null && Vocabularies.Any(v => v.Code == vocabulary) ? vocabulary : null;
        if (vocabulary is not null && code is null) return NotFound();
        Matrix = await queries.GetTraceabilityAsync(id, code ?? Vocabularies[0].Code, ct);
        if (Matrix is null) return NotFound();
        TooLarge = (long)Matrix.Elements.Count * Matrix.Entries.Count > FullGridCellLimit;
        GapsOnly = view switch
        {
            "gaps" => true,
            "full" => false,
            _ => TooLarge,
        };
        return Page();
    }
}
