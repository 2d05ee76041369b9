using Cadre.Core.Common;
using Cadre.Core.Drafting;
using Microsoft.AspNetCore.WebUtilities;

namespace Cadre.Web.Pages.Drafting.Instruments;

public sealed class IndexModel(DraftingQueries queries) : DraftingPageModel
{
    public string? Q { get; private set; }
    public InstrumentSort Sort { get; private set; } = InstrumentSort.Number;
    public bool Descending { get; private set; }
    public Paged<InstrumentSummary> Instruments { get; private set; } = new([], 1, 25, 0);

    public async Task OnGetAsync(string? q, string? sort, string? dir, int? page, CancellationToken ct)
    {
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (Enum.TryParse<InstrumentSort>(sort, ignoreCase: true, out var s) && Enum.IsDefined(s))
        {
            Sort = s;
            Descending = string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase);
        }
        Instruments = await queries.ListInstrumentsAsync(Q, Sort, Descending, page, null, ct);
    }

    public string UrlFor(InstrumentSort sort, bool descending, int page = 1)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["sort"] = sort.ToString().ToLowerInvariant(),
            ["dir"] = descending ? "desc" : "asc",
        };
        if (page > 1) query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("/Drafting/Instruments", query.Where(p => p.Value is not null));
    }

    public string SortUrl(InstrumentSort column) => UrlFor(column, column == Sort && !Descending);

    public string? AriaSort(InstrumentSort column) => column == Sort ? (Descending ? "descending" : "ascending") : null;
}
