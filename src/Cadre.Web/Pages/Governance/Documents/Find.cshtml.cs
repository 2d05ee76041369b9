using Cadre.Core.Governance.Documents;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Governance.Documents;

/// <summary>
/// Follows a symbol (from an agenda item, a liaison statement or a recommendation) to its document; when the
/// caller cannot see a document of that symbol, to the registry searched for it.
/// </summary>
public sealed class FindModel(DocumentQueries queries) : DocumentsPageModel
{
    public async Task<IActionResult> OnGetAsync(string? symbol, CancellationToken ct)
    {
        var text = symbol?.Trim() ?? "";
        if (text.Length > 0 && await queries.FindIdAsync(text, ct) is int id) return Redirect($"/Governance/Documents/{id}");
        return Redirect(Link(IndexModel.Path, ("q", text.Length > 0 ? text : null)));
    }
}
