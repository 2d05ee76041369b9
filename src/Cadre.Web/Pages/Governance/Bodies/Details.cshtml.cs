using Cadre.Core.Governance;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Governance.Bodies;

/// <summary>A body: mandate, officers, membership, working methods, meetings, work programme, liaisons and recommendations.</summary>
public sealed class DetailsModel(GovernanceQueries queries, Cadre.Core.Governance.Handlers.DeleteBody delete) : GovernancePageModel
{
    /// <summary>True when the user may delete the body (the secretariat, or the chair of its parent body).</summary>
    public bool CanDelete { get; private set; }

    public BodyView View { get; private set; } = null!;
    public IReadOnlyList<string> Methods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var view = await queries.GetBodyAsync(code, ct);
        if (view is null) return NotFound();
        View = view;
        var b = view.Body;
        var methods = new List<string>();
        if (b.WorksByCorrespondence) methods.Add(G("Method.Correspondence"));
        if (b.MeetsVirtually) methods.Add(G("Method.Virtual"));
        if (b.MeetsPhysically) methods.Add(G("Method.Physical"));
        Methods = methods;
        CanDelete = await delete.CanDeleteAsync(b, ct);
        return Page();
    }
}
