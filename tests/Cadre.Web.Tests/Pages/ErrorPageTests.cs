using System.Net;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests.Pages;

/// <summary>The error page says what happened whatever the method of the failed request (a failed DELETE used to show an empty heading).</summary>
public sealed class ErrorPageTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    [Theory]
    [InlineData("DELETE")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task The_error_page_has_its_heading_for_every_method(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/Error?status=404");
        using var response = await App.AnonymousClient().SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<h1>Page not found</h1>", html, StringComparison.Ordinal);
    }
}
