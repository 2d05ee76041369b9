using System.Globalization;
using System.Reflection;
using System.Resources;

namespace Cadre.Browser.Tests.Infrastructure;

/// <summary>
/// The interface strings, read from the app's own resources, so that the journeys find controls by the text a
/// user sees in English or French without copying every string into the tests. A missing French translation
/// fails the lookup.
/// </summary>
public static class UiText
{
    private static readonly Dictionary<string, ResourceManager> Managers = new(StringComparer.Ordinal);

    public static string Shared(string key, string language = "en") => Get("SharedText", key, language);

    public static string Planning(string key, string language = "en") => Get("PlanningText", key, language);

    public static string Account(string key, string language = "en") => Get("AccountText", key, language);

    /// <summary>A Core message (validation and rule failures), as the app shows it.</summary>
    public static string Core(string key, string language = "en") => Lookup("Cadre.Core.Resources.Messages", typeof(Cadre.Core.Common.Messages).Assembly, key, language);

    public static string Get(string area, string key, string language) =>
        Lookup($"Cadre.Web.Resources.{area}", typeof(Program).Assembly, key, language);

    /// <summary>A web string with its {0} placeholders filled, in the given language.</summary>
    public static string Format(string area, string key, string language, params object[] args) =>
        string.Format(CultureInfo.GetCultureInfo(language), Get(area, key, language), args);

    public static string Planning(string key, string language, params object[] args) => Format("PlanningText", key, language, args);

    private static string Lookup(string baseName, Assembly assembly, string key, string language)
    {
        ResourceManager manager;
        lock (Managers)
        {
            if (!Managers.TryGetValue(baseName, out manager!))
            {
                manager = new ResourceManager(baseName, assembly);
                Managers[baseName] = manager;
            }
        }
        var culture = CultureInfo.GetCultureInfo(language);
        string? value;
        try
        {
            value = manager.GetString(key, culture);
            if (language != "en" && manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(key) is null)
            {
                throw new InvalidOperationException($"The app's string {baseName} '{key}' has no {language} translation.");
            }
        }
        catch (MissingManifestResourceException)
        {
            throw new InvalidOperationException($"The app has no resources {baseName} (looking for '{key}').");
        }
        return string.IsNullOrEmpty(value) ? throw new InvalidOperationException($"The app has no string {baseName} '{key}' ({language}).") : value;
    }
}
