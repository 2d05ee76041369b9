using Cadre.Core.Common;
using Cadre.Core.Consultation;
using Microsoft.AspNetCore.WebUtilities;

namespace Cadre.Web.Pages.Consultation.Surveys;

public sealed class IndexModel(ConsultationQueries queries) : ConsultationPageModel
{
    public string? Q { get; private set; }
    public SurveySort Sort { get; private set; } = SurveySort.Closes;
    public bool Descending { get; private set; } = true;
    public Paged<SurveySummary> Surveys { get; private set; } = new([], 1, 25, 0);

    public async Task OnGetAsync(string? q, string? sort, string? dir, int? page, CancellationToken ct)
    {
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (Enum.TryParse<SurveySort>(sort, ignoreCase: true, out var s) && Enum.IsDefined(s))
        {
            Sort = s;
            Descending = string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase);
        }
        Surveys = await queries.ListSurveysAsync(Q, Sort, Descending, page, null, ct);
    }

    public string UrlFor(SurveySort sort, bool descending, int page = 1)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["sort"] = sort.ToString().ToLowerInvariant(),
            ["dir"] = descending ? "desc" : "asc",
        };
        if (page > 1) query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("/Consultation/Surveys", query.Where(p => p.Value is not null));
    }

    public string SortUrl(SurveySort column) => UrlFor(column, column == Sort && !Descending);

    public string? AriaSort(SurveySort column) => column == Sort ? (Descending ? "descending" : "ascending") : null;
}
