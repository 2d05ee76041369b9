using Cadre.Core.Common;
using Cadre.Core.Governance;

namespace Cadre.Web.Pages.Governance.Meetings;

/// <summary>Upcoming and past meetings of every body, with search, sort and paging.</summary>
public sealed class IndexModel(GovernanceQueries queries) : GovernancePageModel
{
    private const string Path = "/Governance/Meetings";
    private static readonly string[] Sorts = ["start", "-start", "body", "-body"];

    public string? Q { get; private set; }
    public string? Sort { get; private set; }
    public MeetingWhen When { get; private set; }
    public Paged<Meeting> Meetings { get; private set; } = new([], 1, 25, 0);

    public async Task OnGetAsync(string? q, string? when, string? sort, int? page, CancellationToken ct)
    {
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        When = Enum.TryParse<MeetingWhen>(when, true, out var w) && Enum.IsDefined(w) ? w : MeetingWhen.All;
        Sort = Sorts.Contains(sort) ? sort : null;
        Meetings = await queries.ListMeetingsAsync(null, When, Q, Sort, page, 25, ct);
    }

    private string WhenValue => When.ToString().ToLowerInvariant();

    public string PageUrl(int page) => Link(Path, ("q", Q), ("when", WhenValue), ("sort", Sort), ("page", page > 1 ? page : null));

    public string SortUrl(string column) => Link(Path, ("q", Q), ("when", WhenValue), ("sort", Sort == column ? "-" + column : column));

    public string? AriaSort(string column) => Sort == column ? "ascending" : Sort == "-" + column ? "descending" : null;
}
