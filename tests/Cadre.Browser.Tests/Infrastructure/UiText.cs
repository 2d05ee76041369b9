using System.Globalization;
using System.Resources;

namespace Cadre.Browser.Tests.Infrastructure;

/// <summary>
/// The interface strings, read from the web app's own resources, so that the journeys find controls by the
/// text a user sees in English or French without copying every string into the tests.
/// </summary>
public static class UiText
{
    private static readonly Dictionary<string, ResourceManager> Managers = new(StringComparer.Ordinal);

    public static string Shared(string key, string language = "en") => Get("SharedText", key, language);

    public static string Planning(string key, string language = "en") => Get("PlanningText", key, language);

    public static string Account(string key, string language = "en") => Get("AccountText", key, language);

    public static string Get(string area, string key, string language)
    {
        ResourceManager manager;
        lock (Managers)
        {
            if (!Managers.TryGetValue(area, out manager!))
            {
                manager = new ResourceManager($"Cadre.Web.Resources.{area}", typeof(Program).Assembly);
                Managers[area] = manager;
            }
        }
        var culture = CultureInfo.GetCultureInfo(language);
        var value = manager.GetString(key, culture);
        if (string.IsNullOrEmpty(value)) throw new InvalidOperationException($"The web app has no {area} string '{key}' ({language}).");
        if (language != "en")
        {
            // A French string identical to the English one is a missing translation, unless it is a real cognate.
            var local = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(key);
            if (local is null) throw new InvalidOperationException($"The web app's {area} string '{key}' has no {language} translation.");
        }
        return value;
    }

    /// <summary>A string with its {0} placeholders filled, in the given language.</summary>
    public static string Format(string area, string key, string language, params object[] args) =>
        string.Format(CultureInfo.GetCultureInfo(language), Get(area, key, language), args);
}
