using Cadre.Core.Governance;

namespace Cadre.Core.Demo;

internal sealed record DemoMember(string Code, string En, string Fr, MemberKind Kind, string? Region);

/// <summary>Members for Delegates to act for: Member States under their ISO 3166 alpha-3 codes, and two invented Sector Members.</summary>
internal static class DemoMembers
{
    public const string Africa = "Africa";
    public const string Americas = "Americas";
    public const string ArabStates = "Arab States";
    public const string AsiaPacific = "Asia-Pacific";
    public const string Cis = "CIS";
    public const string Europe = "Europe";

    public static IReadOnlyList<DemoMember> All { get; } =
    [
        new("MEX", "Mexico", "Mexique", MemberKind.MemberState, Americas),
        new("USA", "United States", "États-Unis", MemberKind.MemberState, Americas),
        new("CAN", "Canada", "Canada", MemberKind.MemberState, Americas),
        new("RUS", "Russian Federation", "Fédération de Russie", MemberKind.MemberState, Cis),
        new("FRA", "France", "France", MemberKind.MemberState, Europe),
        new("CHE", "Switzerland", "Suisse", MemberKind.MemberState, Europe),
        new("KEN", "Kenya", "Kenya", MemberKind.MemberState, Africa),
        new("RWA", "Rwanda", "Rwanda", MemberKind.MemberState, Africa),
        new("ARE", "United Arab Emirates", "Émirats arabes unis", MemberKind.MemberState, ArabStates),
        new("EGY", "Egypt", "Égypte", MemberKind.MemberState, ArabStates),
        new("IND", "India", "Inde", MemberKind.MemberState, AsiaPacific),
        new("JPN", "Japan", "Japon", MemberKind.MemberState, AsiaPacific),
        // Invented organizations: the demo needs one of each kind, not a real company or university.
        new("EXTEL", "Example Telecom Ltd", "Example Telecom Ltd", MemberKind.SectorMember, null),
        new("UNIEX", "University of Exampleton", "Université d'Exampleton", MemberKind.Academia, null),
    ];
}
