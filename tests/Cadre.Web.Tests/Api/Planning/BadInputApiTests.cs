using System.Net;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Api.Planning;

public sealed class BadInputApiTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    [Theory]
    [InlineData("{\"kind\":\"strategic\",\"code\":")]
    [InlineData("not json at all")]
    [InlineData("{\"kind\":\"strategic\",\"code\":\"X\",\"startYear\":\"soon\"}")]
    [InlineData("{\"kind\":\"galactic\",\"code\":\"X\"}")]
    public async Task Invalid_JSON_gets_a_400_ProblemDetails_with_the_reason(string body)
    {
        var planner = await App.PlannerAsync();
        var response = await planner.PostAsync("/api/v1/plans", Rest.RawJson(body), Ct);
        var problem = await Rest.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.Title!, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.Plans.CountAsync(Ct));
    }

    [Fact]
    public async Task Invalid_JSON_is_explained_in_French_when_asked()
    {
        var planner = await App.PlannerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans") { Content = Rest.RawJson("{") };
        request.Headers.AcceptLanguage.ParseAdd("fr");
        var problem = await Rest.ProblemAsync(await planner.SendAsync(request, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("JSON valide", problem.Title!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_gets_413_ProblemDetails()
    {
        var planner = await App.PlannerAsync();
        var huge = "{\"code\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
        var problem = await Rest.ProblemAsync(await planner.PostAsync("/api/v1/plans", Rest.RawJson(huge), Ct), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1", problem.Detail!, StringComparison.Ordinal);
        // Oversized even for an anonymous caller: refused before anything reads it.
        await Rest.ProblemAsync(await App.AnonymousClient().PostAsync("/api/v1/plans", Rest.RawJson(huge), Ct), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_gets_415_ProblemDetails()
    {
        var planner = await App.PlannerAsync();
        var response = await planner.PostAsync("/api/v1/plans", new StringContent("code=X", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);
        await Rest.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Field_errors_name_the_fields()
    {
        var planner = await App.PlannerAsync();
        var problem = await Rest.ProblemAsync(await planner.PostAsync("/api/v1/plans",
            Rest.RawJson("""{"kind":"strategic","code":"bad code!","title":{},"startYear":2030,"endYear":2020}"""), Ct), HttpStatusCode.BadRequest);
        Assert.True(problem.Errors.ContainsKey("code"));
        Assert.True(problem.Errors.ContainsKey("title"));
        Assert.True(problem.Errors.ContainsKey("endYear"));
    }

    [Fact]
    public async Task An_invalid_import_file_is_refused_and_nothing_is_stored()
    {
        var planner = await App.PlannerAsync();
        await Rest.ProblemAsync(await planner.PostAsync("/api/v1/plans/import", Rest.RawJson("{\"format\":"), Ct), HttpStatusCode.BadRequest);
        // A cycle: each element under the other.
        var cyclic = """
            {"format":"cadre.plan","formatVersion":1,"plan":{"code":"CYCLE","kind":"strategic","title":{"en":"Cycle"},"startYear":2024,"endYear":2027,
             "levels":[{"code":"goal","name":{"en":"Goal"},"sortOrder":0,"allowedAtRoot":true,"allowedParents":["goal"]}],
             "elements":[{"code":"A","parent":"B","level":"goal","title":{"en":"A"}},{"code":"B","parent":"A","level":"goal","title":{"en":"B"}}]}}
            """;
        await Rest.ProblemAsync(await planner.PostAsync("/api/v1/plans/import", Rest.RawJson(cyclic), Ct), HttpStatusCode.BadRequest);
        await using var db = App.NewDbContext();
        Assert.False(await db.Plans.AnyAsync(p => p.Code == "CYCLE", Ct));
    }
}
