using System.Globalization;
using System.Resources;

namespace Cadre.Core.Common;

/// <summary>
/// Messages shown to users by Core (validation and rule failures), in the current UI culture.
/// Kept in Resources/Messages.resx and Messages.fr.resx; a test checks both hold the same keys.
/// </summary>
public static class Messages
{
    private static readonly ResourceManager Resources = new("Cadre.Core.Resources.Messages", typeof(Messages).Assembly);

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), args);

    internal static ResourceManager Manager => Resources;
}
