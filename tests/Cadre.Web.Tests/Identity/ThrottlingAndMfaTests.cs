using System.Net;
using System.Net.Http.Headers;
using Cadre.Core.Identity;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using TestApi = Cadre.Web.Tests.Infrastructure.Api;
using static Cadre.Web.Tests.Identity.IdentityTestSupport;

namespace Cadre.Web.Tests.Identity;

/// <summary>The app with the sign-in limit at 3 per minute (relaxed under tests by default).</summary>
public sealed class ThrottledFactory : CadreWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:Testing:SignInAttemptsPerMinute", "3");
        builder.UseSetting("Security:Testing:ApiRequestsPerMinute", "5");
    }
}

/// <summary>The app with the MFA requirement of privileged roles on (off under tests by default).</summary>
public sealed class MfaRequiredFactory : CadreWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:Testing:RequireMfaForPrivilegedRoles", "true");
    }
}

public sealed class ThrottlingTests(ThrottledFactory app) : ApiTest(app), IClassFixture<ThrottledFactory>
{
    [Fact]
    public async Task Too_many_sign_in_posts_get_429_with_a_clear_page()
    {
        var client = App.AnonymousClient();
        var token = await FormTokenAsync(client, "/Account/Login");
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "someone@test.cadre.example",
                ["Input.Password"] = "wrong password " + i,
                ["__RequestVerificationToken"] = token,
            }), Ct);
        }
        Assert.Equal((HttpStatusCode)429, last!.StatusCode);
        Assert.Contains("<h1>", await last.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // Reading the sign-in page is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login", Ct)).StatusCode);
    }


    [Fact]
    public async Task Too_many_api_calls_from_one_user_get_429_problem_details()
    {
        var client = await App.ClientAsAsync(Roles.Reporter);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/plans", Ct)).StatusCode);
        var refused = await client.GetAsync("/api/v1/plans", Ct);
        await TestApi.ProblemAsync(refused, (HttpStatusCode)429);
        Assert.True(refused.Headers.Contains("Retry-After"));
        // Another user has a budget of their own.
        var other = await App.ClientAsAsync(Roles.Reporter);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/plans", Ct)).StatusCode);
    }
}

public sealed class MfaRequirementTests(MfaRequiredFactory app) : ApiTest(app), IClassFixture<MfaRequiredFactory>
{
    [Fact]
    public async Task A_planner_without_two_factor_gets_403_from_the_api_with_the_reason()
    {
        var planner = await App.ClientAsAsync(Roles.Planner);
        var problem = await TestApi.ProblemAsync(await planner.GetAsync("/api/v1/plans", Ct), HttpStatusCode.Forbidden);
        Assert.Contains("two-factor", problem.Detail, StringComparison.OrdinalIgnoreCase);

        var reporter = await App.ClientAsAsync(Roles.Reporter);
        Assert.Equal(HttpStatusCode.OK, (await reporter.GetAsync("/api/v1/plans", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_councillor_without_two_factor_is_sent_to_set_it_up()
    {
        var user = await App.CreateUserWithPasswordAsync(Roles.Councillor);
        var client = await App.SignedInClientAsync(user);
        var home = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/Account/Manage?mfa=required", home.Headers.Location?.OriginalString);
        var manage = await client.GetAsync("/Account/Manage?mfa=required", Ct);
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
        Assert.Contains("Two-factor authentication required", await manage.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_planner_with_two_factor_enabled_uses_the_api()
    {
        var user = await App.CreateUserAsync(Roles.Planner);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            await users.ResetAuthenticatorKeyAsync(stored);
            await users.SetTwoFactorEnabledAsync(stored, true);
        }
        var client = App.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await App.CreateTokenAsync(user));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/plans", Ct)).StatusCode);
    }
}
