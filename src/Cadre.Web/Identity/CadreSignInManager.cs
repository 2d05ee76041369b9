using Cadre.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cadre.Web.Identity;

/// <summary>A disabled account cannot sign in (its open sessions end through the security stamp).</summary>
public sealed class CadreSignInManager(
    UserManager<CadreUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<CadreUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<CadreUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<CadreUser> confirmation)
    : SignInManager<CadreUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(CadreUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await base.CanSignInAsync(user);
    }
}
