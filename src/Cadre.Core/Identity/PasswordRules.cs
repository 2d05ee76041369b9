using System.Resources;
using Microsoft.AspNetCore.Identity;

namespace Cadre.Core.Identity;

/// <summary>
/// Rejects passwords longer than <see cref="IdentityCore.MaximumPasswordLength"/>, passwords found in the
/// list of well-known weak passwords (compared without case), and passwords that contain the part of the
/// user's email address before the @ (ASVS 6.2: context-specific words).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<CadreUser>
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    /// <summary>How many passwords the shipped list holds.</summary>
    public static int Count => List.Value.Count;

    public static bool IsCommon(string password) => List.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<CadreUser> manager, CadreUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (password is null) return Task.FromResult(IdentityResult.Success);
        var errors = new List<IdentityError>();
        if (password.Length > IdentityCore.MaximumPasswordLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = IdentityMessages.Format("Password.TooLong", IdentityCore.MaximumPasswordLength) });
        }
        else if (IsCommon(password))
        {
            errors.Add(new IdentityError { Code = "PasswordCommon", Description = IdentityMessages.Get("Password.Common") });
        }
        var local = LocalPart(user.Email ?? user.UserName);
        if (local is { Length: >= 3 } && password.Contains(local, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsEmail", Description = IdentityMessages.Get("Password.ContainsEmail") });
        }
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static string? LocalPart(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return (at > 0 ? email[..at] : email).Trim();
    }

    private static HashSet<string> Load()
    {
        // The list is an embedded resource (Resources/CommonPasswords.resx, written by make_common_passwords.py).
        var resources = new ResourceManager("Cadre.Core.Identity.Resources.CommonPasswords", typeof(CommonPasswordValidator).Assembly);
        var text = resources.GetString("List", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return new HashSet<string>(text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>The Identity error messages in the user's language (the stock ones are English only).</summary>
public sealed class CadreIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), IdentityMessages.Get("Identity.DefaultError"));
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), IdentityMessages.Get("Identity.ConcurrencyFailure"));
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), IdentityMessages.Get("Password.Mismatch"));
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), IdentityMessages.Get("Identity.InvalidToken"));
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), IdentityMessages.Format("Identity.InvalidUserName", userName));
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), IdentityMessages.Format("Identity.InvalidEmail", email));
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), IdentityMessages.Format("Identity.DuplicateUserName", userName));
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), IdentityMessages.Format("Identity.DuplicateEmail", email));
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), IdentityMessages.Format("Identity.UserAlreadyInRole", role));
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), IdentityMessages.Format("Identity.UserNotInRole", role));
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), IdentityMessages.Format("Password.TooShort", length));

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
