using Cadre.Core.Common;
using Cadre.Core.Identity;

namespace Cadre.Web.Pages.Admin.Users;

/// <summary>What the create and edit forms post.</summary>
public sealed class UserForm
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public List<string> Roles { get; set; } = [];
    public string? MemberCode { get; set; }
    public string? Password { get; set; }
}

/// <summary>The choices the forms offer.</summary>
public sealed record UserFormChoices(IReadOnlyList<string> Roles, IReadOnlyList<(string Code, LocalizedText Name)> Members)
{
    public static async Task<UserFormChoices> LoadAsync(UserAdministration admin, CancellationToken ct) =>
        new(Cadre.Core.Identity.Roles.All, await admin.MembersAsync(ct));
}
