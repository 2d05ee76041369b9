using Cadre.Core.Common;

namespace Cadre.Core.Planning;

/// <summary>Ready-made sets of framework levels that a new plan can start from.</summary>
public static class FrameworkTemplates
{
    /// <summary>
    /// The ITU Strategic Plan 2024-2027: strategic goals with their targets; thematic priorities and
    /// enablers, each with outcomes and outputs (products and services).
    /// </summary>
    public const string ItuStrategic = "itu-strategic";
    /// <summary>An operational plan: outputs and their activities.</summary>
    public const string Operational = "operational";
    /// <summary>Goal, objective, output.</summary>
    public const string Simple = "simple";
    /// <summary>No levels: the planner defines them.</summary>
    public const string Empty = "empty";

    public static readonly IReadOnlyList<string> All = [ItuStrategic, Operational, Simple, Empty];

    public static List<FrameworkLevel>? Create(string? template) => (template ?? ItuStrategic) switch
    {
        ItuStrategic =>
        [
            Level("goal", "Strategic goal", "But stratégique", 0, true, ""),
            Level("target", "Target", "Cible", 1, false, "goal"),
            Level("priority", "Thematic priority", "Priorité thématique", 2, true, ""),
            Level("enabler", "Enabler", "Catalyseur", 3, true, ""),
            Level("outcome", "Outcome", "Résultat", 4, false, "priority,enabler"),
            Level("output", "Output (product or service)", "Produit (produit ou service)", 5, false, "outcome"),
        ],
        Operational =>
        [
            Level("output", "Output (product or service)", "Produit (produit ou service)", 0, true, ""),
            Level("activity", "Activity", "Activité", 1, false, "output"),
        ],
        Simple =>
        [
            Level("goal", "Goal", "But", 0, true, ""),
            Level("objective", "Objective", "Objectif", 1, false, "goal"),
            Level("output", "Output", "Produit", 2, false, "objective"),
        ],
        Empty => [],
        _ => null,
    };

    private static FrameworkLevel Level(string code, string en, string fr, int order, bool root, string parents) => new()
    {
        Code = code,
        Name = new LocalizedText(en, fr),
        SortOrder = order,
        AllowedAtRoot = root,
        AllowedParentCodes = parents,
    };
}
