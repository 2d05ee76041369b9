using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cadre.Core.Audit;
using Cadre.Core.Identity;
using Cadre.Web.Infrastructure;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using TestApi = Cadre.Web.Tests.Infrastructure.Api;
using static Cadre.Web.Tests.Identity.IdentityTestSupport;

namespace Cadre.Web.Tests.Identity;

public sealed class SignInTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    [Fact]
    public async Task Signing_in_with_the_right_password_sets_the_cookie_and_is_audited()
    {
        var user = await App.CreateUserWithPasswordAsync(Roles.Reporter);
        var client = App.AnonymousClient();
        var response = await PostLoginAsync(client, user.Email!, Password, "/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Manage", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cadre-auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));

        var manage = await client.GetAsync("/Account/Manage", Ct);
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);

        await using var db = App.NewDbContext();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditActions.LoginSucceeded && a.UserId == user.Id, Ct);
        Assert.Equal(user.Email, entry.Actor);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_clear_message_and_audited_without_the_password()
    {
        var user = await App.CreateUserWithPasswordAsync(Roles.Reporter);
        var client = App.AnonymousClient();
        var response = await PostLoginAsync(client, user.Email!, "not the right one at all");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("The email address or the password is not correct.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cadre-auth=", string.Join(";", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []), StringComparison.Ordinal);

        var unknown = await PostLoginAsync(client, "nobody@test.cadre.example", "whatever it may be");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);

        await using var db = App.NewDbContext();
        var failed = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.LoginFailed).ToListAsync(Ct);
        Assert.Contains(failed, a => a.Actor == user.Email && a.UserId == user.Id);
        Assert.Contains(failed, a => a.Actor == "nobody@test.cadre.example" && a.UserId == null);
        Assert.All(await db.AuditEntries.AsNoTracking().ToListAsync(Ct), a =>
        {
            Assert.DoesNotContain("not the right one", a.Summary ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain("not the right one", a.ChangesJson, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        ExpectLog("locked out");
        var user = await App.CreateUserWithPasswordAsync(Roles.Reporter);
        var client = App.AnonymousClient();
        for (var i = 0; i < 5; i++) await PostLoginAsync(client, user.Email!, "wrong password number " + i);
        var response = await PostLoginAsync(client, user.Email!, Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("this account is locked", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        await using var db = App.NewDbContext();
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id, Ct);
        Assert.True(stored.LockoutEnd > TimeProvider.System.GetUtcNow().AddMinutes(14));
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.LoginFailed && a.UserId == user.Id).ToListAsync(Ct),
            a => a.Summary == "locked out");
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        var user = await App.CreateUserWithPasswordAsync(Roles.Reporter);
        await using (var db = App.NewDbContext())
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id, Ct);
            stored.IsDisabled = true;
            await db.SaveChangesAsync(Ct);
        }
        var response = await PostLoginAsync(App.AnonymousClient(), user.Email!, Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email address or the password is not correct.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_external_return_url_is_not_followed()
    {
        var user = await App.CreateUserWithPasswordAsync(Roles.Reporter);
        var response = await PostLoginAsync(App.AnonymousClient(), user.Email!, Password, "//evil.example/x");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_access_token_works_as_bearer_and_stops_working_when_revoked()
    {
        var user = await App.CreateUserAsync(Roles.Planner);
        await using var scope = App.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<AccessTokens>();
        var created = await tokens.CreateAsync(user.Id, "script", ct: Ct);
        var client = App.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/plans", Ct)).StatusCode);

        // A Bearer write needs no antiforgery token: browsers never send the header on their own.
        var post = await client.PostAsJsonAsync("/api/v1/plans", PlanRequest("PAT-1"), TestApi.Json, Ct);
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);

        await tokens.RevokeAsync(user.Id, created.Id, Ct);
        var refused = await client.GetAsync("/api/v1/plans", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await using var db = App.NewDbContext();
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.AccessDenied).ToListAsync(Ct),
            a => a.Summary == "401 GET /api/v1/plans");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/plans", Ct)).StatusCode);
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        var response = await App.AnonymousClient().GetAsync("/Account/Login", Ct);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("script-src 'self'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);

        var missing = await App.AnonymousClient().GetAsync("/no/such/page", Ct);
        Assert.True(missing.Headers.Contains("Content-Security-Policy"), "error pages carry the headers too");
    }

    [Fact]
    public async Task Pages_for_a_signed_in_user_are_not_cached()
    {
        var user = await App.CreateUserWithPasswordAsync(Roles.Reporter);
        var client = await App.SignedInClientAsync(user);
        var response = await client.GetAsync("/Account/Manage", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
    }

    [Fact]
    public async Task An_api_write_with_the_cookie_needs_the_antiforgery_header()
    {
        var user = await App.CreateUserWithPasswordAsync(Roles.Planner);
        var client = await App.SignedInClientAsync(user);
        var body = PlanRequest("CSRF-1");

        var refused = await client.PostAsJsonAsync("/api/v1/plans", body, TestApi.Json, Ct);
        var problem = await TestApi.ProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("X-CSRF-TOKEN", problem.Detail, StringComparison.Ordinal);
        await using (var db = App.NewDbContext())
        {
            Assert.False(await db.Plans.AnyAsync(p => p.Code == "CSRF-1", Ct));
        }

        var token = await client.GetFromJsonAsync<AntiforgeryAnswer>("/Account/Antiforgery", Ct);
        Assert.Equal("X-CSRF-TOKEN", token!.HeaderName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans") { Content = JsonContent.Create(body, options: TestApi.Json) };
        request.Headers.Add("X-CSRF-TOKEN", token.Token);
        var accepted = await client.SendAsync(request, Ct);
        // The antiforgery check passes; whether the cookie may then write is the endpoint's policy (API writes need a token).
        Assert.NotEqual(HttpStatusCode.BadRequest, accepted.StatusCode);
    }

    private sealed record AntiforgeryAnswer(string HeaderName, string Token);

    private static Cadre.Web.Api.Planning.CreatePlanRequest PlanRequest(string code) =>
        new(Cadre.Core.Planning.PlanKind.Strategic, code, new() { ["en"] = "Plan " + code }, null, 2024, 2027, "en", "itu-strategic");

    [Fact]
    public async Task Sign_out_is_a_post_and_ends_the_session()
    {
        var user = await App.CreateUserWithPasswordAsync(Roles.Reporter);
        var client = await App.SignedInClientAsync(user);
        var get = await client.GetAsync("/Account/Logout", Ct);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage", Ct)).StatusCode);

        var post = await PostFormAsync(client, "/Account/Logout", "/Account/Logout", []);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var after = await client.GetAsync("/Account/Manage", Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location?.PathAndQuery ?? after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_factor_can_be_set_up_and_is_then_asked_at_sign_in()
    {
        var user = await App.CreateUserWithPasswordAsync(Roles.Planner);
        var client = await App.SignedInClientAsync(user);
        var setup = await PostFormAsync(client, "/Account/Manage", "/Account/Manage?handler=SetupAuthenticator", []);
        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);
        var page = await client.GetStringAsync("/Account/Manage", Ct);
        Assert.Contains("otpauth://totp/Cadre:", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        string key;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(user.Id))!))!;
        }
        Assert.Contains(Cadre.Web.Pages.Account.ManageModel.FormatKey(key), page, StringComparison.Ordinal);

        var wrong = await PostFormAsync(client, "/Account/Manage", "/Account/Manage?handler=EnableAuthenticator", new() { ["VerificationCode"] = "000000" == TotpCode(key, TimeProvider.System.GetUtcNow()) ? "111111" : "000000" });
        Assert.Contains("The code is not valid", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var enabled = await PostFormAsync(client, "/Account/Manage", "/Account/Manage?handler=EnableAuthenticator", new() { ["VerificationCode"] = TotpCode(key, TimeProvider.System.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Contains("Your recovery codes", await enabled.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var fresh = App.AnonymousClient();
        var first = await PostLoginAsync(fresh, user.Email!, Password);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/Account/LoginWith2fa", first.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var second = await PostFormAsync(fresh, first.Headers.Location!.OriginalString, "/Account/LoginWith2fa", new() { ["Code"] = TotpCode(key, TimeProvider.System.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/Account/Manage", Ct)).StatusCode);
    }

    [Fact]
    public async Task Personal_access_tokens_are_created_shown_once_and_revoked_on_the_account_page()
    {
        var user = await App.CreateUserWithPasswordAsync(Roles.Reporter);
        var client = await App.SignedInClientAsync(user);
        var created = await PostFormAsync(client, "/Account/Manage", "/Account/Manage?handler=CreateToken", new() { ["Token.Name"] = "my script", ["Token.ExpiresInDays"] = "30" });
        var html = await created.Content.ReadAsStringAsync(Ct);
        var token = System.Text.RegularExpressions.Regex.Match(html, "id=\"new-token\">(cadre_pat_[^<]+)<").Groups[1].Value;
        Assert.StartsWith("cadre_pat_", token, StringComparison.Ordinal);
        Assert.DoesNotContain(token, await client.GetStringAsync("/Account/Manage", Ct), StringComparison.Ordinal);

        var api = App.AnonymousClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/plans", Ct)).StatusCode);

        int id;
        await using (var db = App.NewDbContext())
        {
            id = await db.PersonalAccessTokens.Where(t => t.UserId == user.Id).Select(t => t.Id).SingleAsync(Ct);
        }
        var revoked = await PostFormAsync(client, "/Account/Manage", $"/Account/Manage?handler=RevokeToken&id={id}", []);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/plans", Ct)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_applies_the_policy()
    {
        var user = await App.CreateUserWithPasswordAsync(Roles.Reporter);
        var client = await App.SignedInClientAsync(user);
        var common = await PostFormAsync(client, "/Account/Manage", "/Account/Manage?handler=ChangePassword",
            new() { ["Password.Current"] = Password, ["Password.New"] = "password1234", ["Password.Confirm"] = "password1234" });
        Assert.Contains("most commonly used", await common.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var changed = await PostFormAsync(client, "/Account/Manage", "/Account/Manage?handler=ChangePassword",
            new() { ["Password.Current"] = Password, ["Password.New"] = "another calm harbour", ["Password.Confirm"] = "another calm harbour" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoginAsync(App.AnonymousClient(), user.Email!, "another calm harbour")).StatusCode);
    }
}
