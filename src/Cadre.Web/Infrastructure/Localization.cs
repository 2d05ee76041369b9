using System.Globalization;
using Cadre.Core.Common;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Infrastructure;

/// <summary>
/// The interface is in English and French (resource files); content is held in the six UN languages.
/// Any of the six can be chosen: missing interface strings fall back to English, and Arabic turns the layout right to left.
/// </summary>
public static class Localization
{
    /// <summary>The six UN languages of content, offered in the language switch.</summary>
    public static readonly string[] Cultures = [.. LocalizedText.Languages];

    public static readonly IReadOnlyDictionary<string, string> NativeNames = new Dictionary<string, string>
    {
        ["en"] = "English",
        ["fr"] = "Français",
        ["es"] = "Español",
        ["ar"] = "العربية",
        ["zh"] = "中文",
        ["ru"] = "Русский",
    };

    public static IServiceCollection AddCadreLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Cultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        // The model binder's own messages ("The value 'abc' is not valid for StartYear.") are English whatever the
        // language, and name the C# property: they are replaced by texts in the request's language that quote what was
        // typed (the message is shown on its field, so the field needs no name).
        services.AddOptions<MvcOptions>().Configure<Microsoft.Extensions.Localization.IStringLocalizerFactory>((o, factory) =>
        {
            var text = factory.Create(typeof(Resources.SharedText));
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, _) => text["Binder.Invalid", value].Value);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Binder.Invalid", value].Value);
            m.SetValueIsInvalidAccessor(value => text["Binder.Invalid", value].Value);
            m.SetValueMustNotBeNullAccessor(value => text["Binder.Invalid", value].Value);
            m.SetUnknownValueIsInvalidAccessor(_ => text["Binder.Unknown"].Value);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Binder.Unknown"].Value);
            m.SetValueMustBeANumberAccessor(_ => text["Binder.Number"].Value);
            m.SetNonPropertyValueMustBeANumberAccessor(() => text["Binder.Number"].Value);
        });
        return services;
    }

    public const string CookieName = "cadre-culture";

    /// <summary>The two-letter language of the current request, one of <see cref="Cultures"/>.</summary>
    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var l && Cultures.Contains(l) ? l : "en";

    public static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    /// <summary>The content text in the current language, with the fallback rule of <see cref="LocalizedText.Get"/>.</summary>
    public static string Local(this LocalizedText? text, string? originalLanguage = null) => text?.Get(CurrentLanguage, originalLanguage) ?? "";

    /// <summary>The language a content text is actually shown in (for the lang attribute of fallbacks).</summary>
    public static string ShownLanguage(this LocalizedText? text, string? originalLanguage = null)
    {
        if (text is null) return CurrentLanguage;
        var lang = CurrentLanguage;
        if (!string.IsNullOrWhiteSpace(text[lang])) return lang;
        if (originalLanguage is not null && !string.IsNullOrWhiteSpace(text[originalLanguage])) return originalLanguage;
        if (!string.IsNullOrWhiteSpace(text.En)) return "en";
        return LocalizedText.Languages.FirstOrDefault(l => !string.IsNullOrWhiteSpace(text[l])) ?? lang;
    }

    /// <summary>
    /// Sets the language cookie and goes back. A GET, because the choice is the browser's own state (a
    /// cookie), not data on the server, like <c>?culture=</c>; this keeps pages free of per-user tokens,
    /// so that public pages can be served from the output cache. The switch is a plain form: no JavaScript.
    /// </summary>
    public static void MapCultureSwitch(this WebApplication app)
    {
        app.MapGet("/culture", (HttpContext http, [FromQuery] string? culture, [FromQuery] string? returnUrl) =>
        {
            if (culture is null || !Cultures.Contains(culture)) return Results.BadRequest();
            http.Response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.MaxValue.AddDays(-1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) ? "/" : returnUrl);
        }).ExcludeFromDescription();
    }
}
