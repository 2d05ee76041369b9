using Cadre.Core.Common;
using Cadre.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Pages.Admin.Users;

[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(UserAdministration admin) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public Paged<UserAdministration.UserRow> Users { get; private set; } = new([], 1, 25, 0);

    public async Task OnGetAsync()
    {
        if (Search is { Length: > 200 }) Search = Search[..200];
        if (Sort is not null && !UserAdministration.SortKeys.Contains(Sort)) Sort = null;
        Users = await admin.SearchAsync(Search, Sort, PageNumber, 25, HttpContext.RequestAborted);
    }

    public string UrlFor(int page, string? sort = null) =>
        Url.Page("/Admin/Users/Index", new { q = string.IsNullOrEmpty(Search) ? null : Search, sort = sort ?? Sort, page = page == 1 ? (int?)null : page })!;

    /// <summary>The sort a column header links to: ascending first, descending when already ascending.</summary>
    public string SortLink(string key) => UrlFor(1, Sort == key ? "-" + key : key);

    public string? AriaSort(string key) => Sort == key ? "ascending" : Sort == "-" + key ? "descending" : (Sort is null && key == "email" ? "ascending" : null);
}
