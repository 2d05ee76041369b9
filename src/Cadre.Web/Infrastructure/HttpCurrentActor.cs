using System.Security.Claims;
using Cadre.Core.Common;

namespace Cadre.Web.Infrastructure;

/// <summary>The signed-in user of the current request (cookie or access token), as Core sees it.</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public const string MemberClaim = "cadre:member";

    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public string? UserId => IsAuthenticated ? User!.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string Name => IsAuthenticated ? User!.Identity!.Name ?? UserId ?? "user" : "anonymous";

    public string? MemberCode => IsAuthenticated ? User!.FindFirstValue(MemberClaim) : null;

    public bool IsAuthenticated => User?.Identity?.IsAuthenticated == true;

    public bool IsInRole(string role) => IsAuthenticated && User!.IsInRole(role);
}
