using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Pages.Drafting;

/// <summary>/Drafting has no page of its own: Drafting starts at its instruments, for everyone who may read them.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Drafting/Instruments/Index");
}
