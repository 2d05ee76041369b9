using Microsoft.AspNetCore.Identity;

namespace Cadre.Core.Identity;

public sealed class CadreUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The Member a Delegate acts for; null for secretariat staff.</summary>
    public int? MemberId { get; set; }
    public Governance.Member? Member { get; set; }

    public string PreferredLanguage { get; set; } = "en";

    public DateTime CreatedAtUtc { get; set; }
    public bool IsDisabled { get; set; }
}
