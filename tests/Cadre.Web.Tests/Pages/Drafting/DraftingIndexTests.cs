using System.Net;
using Cadre.Core.Identity;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests.Pages.Drafting;

/// <summary>/Drafting (what a user types, or the breadcrumb's parent) lands on the instruments list instead of a 404.</summary>
public sealed class DraftingIndexTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    [Theory]
    [InlineData("/Drafting")]
    [InlineData("/Drafting/")]
    [InlineData("/Drafting/Index")]
    public async Task Drafting_without_a_page_leads_to_the_instruments_list(string url)
    {
        foreach (var client in new[] { App.AnonymousClient(), await App.ClientAsAsync(Roles.Delegate) })
        {
            using var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Drafting/Instruments", response.Headers.Location?.OriginalString);
            using var list = await client.GetAsync(response.Headers.Location, Ct);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }
    }
}
