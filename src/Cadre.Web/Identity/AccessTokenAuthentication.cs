using System.Security.Claims;
using System.Text.Encodings.Web;
using Cadre.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cadre.Web.Identity;

/// <summary>
/// <c>Authorization: Bearer cadre_pat_...</c> for the API and scripts. The principal is built by the
/// same claims factory as a cookie sign-in, so roles and Member affiliation are the same.
/// </summary>
public sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokens tokens,
    IUserClaimsPrincipalFactory<CadreUser> claims)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var user = await tokens.VerifyAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (user is null) return AuthenticateResult.Fail("Invalid or revoked access token.");
        var principal = await claims.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}

/// <summary>Adds the Member affiliation to the signed-in user's claims.</summary>
public sealed class CadreClaimsFactory(
    UserManager<CadreUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    Cadre.Core.Data.CadreDbContext db)
    : UserClaimsPrincipalFactory<CadreUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CadreUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MemberId is int memberId)
        {
            var code = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
                db.Members.Where(m => m.Id == memberId).Select(m => m.Code));
            if (code is not null) identity.AddClaim(new Claim(Infrastructure.HttpCurrentActor.MemberClaim, code));
        }
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(Infrastructure.SecuritySetup.TwoFactorClaim, "1"));
        if (!string.IsNullOrEmpty(user.DisplayName)) identity.AddClaim(new Claim("cadre:display-name", user.DisplayName));
        return identity;
    }
}
