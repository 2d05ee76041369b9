using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Localization;

namespace Cadre.Web.Api;

/// <summary>
/// Messages of the API plumbing (invalid JSON, body too large, sign-in required), in ApiText.resx
/// and ApiText.fr.resx. Read with the request's culture, because some are written outside the
/// localization middleware (after it has returned).
/// </summary>
public static class ApiText
{
    private static readonly ResourceManager Resources = new("Cadre.Web.Api.ApiText", typeof(ApiText).Assembly);

    public static string Get(HttpContext? http, string key) =>
        Resources.GetString(key, CultureOf(http)) ?? key;

    public static string Format(HttpContext? http, string key, params object?[] args) =>
        string.Format(CultureOf(http), Get(http, key), args);

    private static CultureInfo CultureOf(HttpContext? http) =>
        http?.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;
}
