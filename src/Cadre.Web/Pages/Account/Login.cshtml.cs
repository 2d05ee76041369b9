using System.ComponentModel.DataAnnotations;
using Cadre.Core.Audit;
using Cadre.Core.Identity;
using Cadre.Web.Infrastructure;
using Cadre.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cadre.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<CadreUser> signIn, SecurityAudit audit, IStringLocalizer<AccountText> text) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Login.Email")]
        public string Email { get; set; } = "";

        [Display(Name = "Login.Password")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = (Input.Email ?? "").Trim();
        if (email.Length == 0) ModelState.AddModelError("Input.Email", text["Login.EmailRequired"]);
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", text["Login.PasswordRequired"]);
        if (email.Length > 256 || (Input.Password?.Length ?? 0) > IdentityCore.MaximumPasswordLength) ModelState.AddModelError(string.Empty, text["Login.Invalid"]);
        if (!ModelState.IsValid) return Page();

        var user = await signIn.UserManager.FindByEmailAsync(email);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        // The audit is written even when the client has gone: a sign-in attempt must not vanish from the trail.
        var ct = CancellationToken.None;
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.LoginSucceeded, user!.Id, email, "password", ct);
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginWith2fa", new { returnUrl = SafeReturnUrl(ReturnUrl) });
        }
        var reason = result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : user is null ? "unknown email" : "wrong password";
        await audit.RecordAsync(AuditActions.LoginFailed, user?.Id, email, reason, ct);
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? text["Login.LockedOut", (int)IdentityLockout.TotalMinutes]
            : text["Login.Invalid"]);
        Input.Password = "";
        return Page();
    }

    private static TimeSpan IdentityLockout => TimeSpan.FromMinutes(15);

    /// <summary>Redirects only to local paths (no scheme, no host, no protocol-relative URL).</summary>
    public static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase)
            ? url
            : "/";
}
