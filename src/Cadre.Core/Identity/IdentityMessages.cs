using System.Globalization;
using System.Resources;

namespace Cadre.Core.Identity;

/// <summary>Messages of the identity rules (password policy, user administration), in English and French.</summary>
public static class IdentityMessages
{
    private static readonly ResourceManager Resources = new("Cadre.Core.Identity.Resources.IdentityMessages", typeof(IdentityMessages).Assembly);

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), args);

    internal static ResourceManager Manager => Resources;
}
