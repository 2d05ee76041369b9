using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
