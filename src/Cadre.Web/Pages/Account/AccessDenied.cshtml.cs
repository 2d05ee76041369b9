using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Pages.Account;

/// <summary>
/// Where the cookie handler sends a refused page request (already audited there). The refusal itself was
/// the redirect; this page is an ordinary 200, as the access matrix expects.
/// </summary>
[AllowAnonymous]
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
