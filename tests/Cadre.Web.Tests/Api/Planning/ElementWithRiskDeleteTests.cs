using System.Net;
using Cadre.Core.Demo;
using Cadre.Core.Identity;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Api.Planning;

/// <summary>An element a risk of the register is linked to cannot be deleted: a 400 naming the risk (it used to be a 500), and nothing is deleted.</summary>
public sealed class ElementWithRiskDeleteTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    [Fact]
    public async Task Deleting_an_element_under_which_a_risk_sits_is_refused_with_the_risks_code()
    {
        await using (var db = App.NewDbContext()) await DemoData.LoadAsync(db, Ct);
        int element, version, links;
        string risk;
        await using (var db = App.NewDbContext())
        {
            var r = await db.Risks.Include(x => x.Element).OrderBy(x => x.Id).FirstAsync(Ct);
            // The risk's element's parent: the risk sits in the subtree that would go with it.
            (risk, element) = (r.Code, r.Element!.ParentId ?? r.ElementId);
            version = await db.PlanElements.Where(e => e.Id == element).Select(e => e.Version).SingleAsync(Ct);
            links = await db.ElementLinks.CountAsync(Ct);
        }
        var planner = await App.ClientAsAsync(Roles.Planner);
        var problem = await Rest.ProblemAsync(await planner.DeleteAsync($"/api/v1/elements/{element}?version={version}", Ct), HttpStatusCode.BadRequest);
        Assert.Contains(risk, Assert.Single(problem.Errors["elementId"]), StringComparison.Ordinal);
        await using var after = App.NewDbContext();
        Assert.True(await after.PlanElements.AnyAsync(e => e.Id == element, Ct));
        Assert.Equal(links, await after.ElementLinks.CountAsync(Ct));
    }
}
