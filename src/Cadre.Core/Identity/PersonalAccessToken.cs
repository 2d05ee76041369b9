using System.Security.Cryptography;
using System.Text;

namespace Cadre.Core.Identity;

/// <summary>
/// A token for the API and scripts. Only its SHA-256 hash is stored; the token itself is shown once.
/// Tokens are high-entropy random strings, so a fast hash is enough (no password stretching needed).
/// </summary>
public sealed class PersonalAccessToken : Common.IAudited
{
    public const string Prefix = "cadre_pat_";

    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public CadreUser? User { get; set; }
    public string Name { get; set; } = "";
    public string TokenHash { get; set; } = "";
    /// <summary>The first characters of the token, to tell tokens apart in lists.</summary>
    public string Hint { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ExpiresAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }

    public bool IsActive(DateTime nowUtc) => RevokedAtUtc is null && (ExpiresAtUtc is null || ExpiresAtUtc > nowUtc);

    public static string NewToken() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
