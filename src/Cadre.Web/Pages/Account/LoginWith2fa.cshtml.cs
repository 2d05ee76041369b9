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

/// <summary>The second step of signing in: a code from the authenticator app, or a recovery code.</summary>
[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<CadreUser> signIn, SecurityAudit audit, IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty]
    [Display(Name = "TwoFactor.Code")]
    public string? Code { get; set; }

    [BindProperty]
    [Display(Name = "TwoFactor.RecoveryCode")]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("/Account/Login");
        return Page();
    }

    public Task<IActionResult> OnPostAsync() => VerifyAsync(recovery: false);

    public Task<IActionResult> OnPostRecoveryAsync() => VerifyAsync(recovery: true);

    private async Task<IActionResult> VerifyAsync(bool recovery)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/Login");
        var code = ((recovery ? RecoveryCode : Code) ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var field = recovery ? nameof(RecoveryCode) : nameof(Code);
        if (code.Length == 0 || code.Length > 20)
        {
            ModelState.AddModelError(field, text["TwoFactor.CodeRequired"]);
            return Page();
        }
        var result = recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        // The audit is written even when the client has gone: a sign-in attempt must not vanish from the trail.
        var ct = CancellationToken.None;
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.LoginSucceeded, user.Id, user.Email ?? user.Id, recovery ? "password and recovery code" : "password and authenticator code", ct);
            return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        }
        await audit.RecordAsync(AuditActions.LoginFailed, user.Id, user.Email ?? user.Id, result.IsLockedOut ? "locked out" : recovery ? "wrong recovery code" : "wrong authenticator code", ct);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, text["Login.LockedOut", 15]);
        }
        else
        {
            ModelState.AddModelError(field, text["TwoFactor.Invalid"]);
        }
        Code = null;
        RecoveryCode = null;
        return Page();
    }
}
