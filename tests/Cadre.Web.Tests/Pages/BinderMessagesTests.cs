using System.Net;
using Cadre.Core.Identity;
using Cadre.Web.Tests.Identity;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests.Pages;

/// <summary>A form value the binder cannot read gets a message in the page's language that quotes it, not the framework's English one naming a C# property.</summary>
public sealed class BinderMessagesTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    [Theory]
    [InlineData("en", "“abc” is not a valid value here.")]
    [InlineData("fr", "« abc » n&#x27;est pas une valeur valide ici.")]
    public async Task A_year_that_is_not_a_number_is_refused_in_the_pages_language(string language, string expected)
    {
        var planner = await App.SignedInClientAsync(await App.CreateUserWithPasswordAsync(Roles.Planner));
        planner.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        using var response = await IdentityTestSupport.PostFormAsync(planner, "/Planning/Plans/Create", "/Planning/Plans/Create", new()
        {
            ["Input.Kind"] = "Strategic", ["Input.Code"] = "BIND-" + language, ["Input.TitleEn"] = "Plan", ["Input.StartYear"] = "abc",
            ["Input.EndYear"] = "2027", ["Input.Framework"] = "itu-strategic",
        });
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid for StartYear", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_StartYear\"", html, StringComparison.Ordinal);
    }
}
