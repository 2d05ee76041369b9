using Cadre.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Pages.Account;

/// <summary>Signing out is a POST (GET never changes state); a GET shows the button.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<CadreUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Message"] = null;
        return LocalRedirect("/");
    }
}
