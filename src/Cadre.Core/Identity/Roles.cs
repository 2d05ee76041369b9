namespace Cadre.Core.Identity;

/// <summary>The roles of ARCHITECTURE.md. A user may hold several.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Planner = "Planner";
    public const string Reporter = "Reporter";
    public const string Validator = "Validator";
    public const string Chair = "Chair";
    public const string Delegate = "Delegate";
    public const string Councillor = "Councillor";

    public static readonly IReadOnlyList<string> All = [Admin, Planner, Reporter, Validator, Chair, Delegate, Councillor];

    /// <summary>Roles that must use a second factor outside Development (QUALITY.md).</summary>
    public static readonly IReadOnlyList<string> RequiringMfa = [Admin, Planner, Chair, Councillor];

    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
