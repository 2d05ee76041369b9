using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Cadre.Core.Common;
using Cadre.Core.Identity;
using Cadre.Web.Infrastructure;
using Cadre.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cadre.Web.Pages.Account;

/// <summary>
/// The signed-in user's account: password, two-factor authentication with an authenticator app
/// (shared key and otpauth URI as text, recovery codes shown once) and personal access tokens (shown once).
/// </summary>
[Authorize]
public sealed class ManageModel(
    UserManager<CadreUser> users,
    SignInManager<CadreUser> signIn,
    AccessTokens accessTokens,
    IOptionsSnapshot<SecurityOptions> security,
    IStringLocalizer<AccountText> text) : PageModel
{
    public const string Issuer = "Cadre";
    public static readonly int[] TokenLifetimes = [30, 90, 365, 0];

    public sealed class PasswordInput
    {
        public string? Current { get; set; }
        public string? New { get; set; }
        public string? Confirm { get; set; }
    }

    public sealed class TokenInput
    {
        public string? Name { get; set; }
        public int ExpiresInDays { get; set; } = 90;
    }

    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    [BindProperty]
    public string? VerificationCode { get; set; }

    [BindProperty]
    public TokenInput Token { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "mfa")]
    public string? Mfa { get; set; }

    public string Email { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<string> UserRoles { get; private set; } = [];
    public bool MfaRequired { get; private set; }
    public bool TwoFactorEnabled { get; private set; }
    public string? SharedKey { get; private set; }
    public string? AuthenticatorUri { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }
    public IReadOnlyList<AccessTokens.TokenInfo> Tokens { get; private set; } = [];
    public AccessTokens.Created? NewToken { get; private set; }
    public DateTime NowUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostChangePasswordAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (string.IsNullOrEmpty(Password.Current)) ModelState.AddModelError("Password.Current", text["Manage.Password.CurrentRequired"]);
        if (string.IsNullOrEmpty(Password.New)) ModelState.AddModelError("Password.New", text["Manage.Password.NewRequired"]);
        else if (Password.New != Password.Confirm) ModelState.AddModelError("Password.Confirm", text["Manage.Password.Mismatch"]);
        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, Password.Current!, Password.New!);
            if (result.Succeeded)
            {
                // The security stamp changed: other sessions end within a minute, this one is renewed.
                await signIn.RefreshSignInAsync(user);
                TempData["Message"] = text["Manage.Password.Changed"].Value;
                return RedirectToPage();
            }
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Password.Current" : "Password.New", e.Description);
            }
        }
        Password = new PasswordInput();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSetupAuthenticatorAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
        }
        return RedirectToPage(null, null, new { mfa = Mfa }, "two-factor");
    }

    public async Task<IActionResult> OnPostEnableAuthenticatorAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var code = (VerificationCode ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var valid = code.Length is > 0 and <= 10 && await users.GetAuthenticatorKeyAsync(user) is not null
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError(nameof(VerificationCode), text["Manage.TwoFactor.InvalidCode"]);
            VerificationCode = null;
            await LoadAsync();
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await signIn.RefreshSignInAsync(user);
        await LoadAsync();
        NewRecoveryCodes = codes?.ToList() ?? [];
        TempData["Message"] = null;
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToPage();
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await LoadAsync();
        NewRecoveryCodes = codes?.ToList() ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = text["Manage.TwoFactor.Disabled"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCreateTokenAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!TokenLifetimes.Contains(Token.ExpiresInDays)) ModelState.AddModelError("Token.ExpiresInDays", text["Manage.Tokens.InvalidLifetime"]);
        if (ModelState.IsValid)
        {
            try
            {
                var created = await accessTokens.CreateAsync(user.Id, Token.Name ?? "", Token.ExpiresInDays == 0 ? null : TimeSpan.FromDays(Token.ExpiresInDays), HttpContext.RequestAborted);
                await LoadAsync();
                NewToken = created;
                Token = new TokenInput();
                ModelState.Clear();
                return Page();
            }
            catch (CadreException ex)
            {
                ex.AddTo(ModelState, "Token");
            }
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(int id)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        try
        {
            await accessTokens.RevokeAsync(user.Id, id, HttpContext.RequestAborted);
            TempData["Message"] = text["Manage.Tokens.Revoked"].Value;
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return RedirectToPage(null, null, null, "tokens");
    }

    private async Task<bool> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return false;
        Email = user.Email ?? "";
        DisplayName = user.DisplayName;
        UserRoles = [.. await users.GetRolesAsync(user)];
        TwoFactorEnabled = user.TwoFactorEnabled;
        MfaRequired = !TwoFactorEnabled && security.Value.RequireMfaForPrivilegedRoles && UserRoles.Any(Roles.RequiringMfa.Contains);
        if (TwoFactorEnabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        }
        else if (await users.GetAuthenticatorKeyAsync(user) is { } key)
        {
            SharedKey = FormatKey(key);
            AuthenticatorUri = AuthenticatorUriFor(Email, key);
        }
        Tokens = await accessTokens.ListAsync(user.Id, HttpContext.RequestAborted);
        NowUtc = HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        return true;
    }

    /// <summary>The key in groups of four lower-case characters, easier to type into an app.</summary>
    public static string FormatKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return sb.ToString().ToLowerInvariant();
    }

    public static string AuthenticatorUriFor(string email, string key) =>
        string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{UrlEncoder.Default.Encode(Issuer)}:{UrlEncoder.Default.Encode(email)}?secret={key}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits=6");
}
