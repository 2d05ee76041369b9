using Cadre.Core.Common;

namespace Cadre.Core.Planning;

public enum PlanKind
{
    Strategic,
    Operational,
}

public enum PlanStatus
{
    Draft,
    Adopted,
    Superseded,
}

public sealed class Plan : IVersioned, IAudited
{
    public int Id { get; set; }
    public PlanKind Kind { get; set; }
    /// <summary>Unique short code, e.g. <c>ITU-SP-2024-2027</c>.</summary>
    public string Code { get; set; } = "";
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    public string OriginalLanguage { get; set; } = "en";
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public PlanStatus Status { get; set; }
    /// <summary>The instrument that adopted the plan, e.g. "Resolution 71 (Rev. Bucharest, 2022)".</summary>
    public string? AdoptedBy { get; set; }
    public DateTime? AdoptedAtUtc { get; set; }
    /// <summary>The plan this one was cloned from, if any.</summary>
    public int? PreviousPlanId { get; set; }
    /// <summary>The organizational unit an operational plan belongs to (e.g. ITU-D).</summary>
    public string? OwnerUnit { get; set; }
    public int Version { get; set; }

    public List<FrameworkLevel> Levels { get; set; } = [];
    public List<PlanElement> Elements { get; set; } = [];

    public bool IsPublished => Status is PlanStatus.Adopted or PlanStatus.Superseded;
}

/// <summary>
/// A level of a plan's results framework (strategic goal, target, thematic priority, outcome...).
/// <see cref="AllowedParentCodes"/> lists the levels an element of this level may sit under.
/// </summary>
public sealed class FrameworkLevel : IVersioned, IAudited
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    /// <summary>Short key, unique within the plan, e.g. <c>goal</c>, <c>outcome</c>.</summary>
    public string Code { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    public int SortOrder { get; set; }
    /// <summary>True when elements of this level may be at the top of the tree.</summary>
    public bool AllowedAtRoot { get; set; }
    /// <summary>Codes of the levels this level may sit under, separated by commas.</summary>
    public string AllowedParentCodes { get; set; } = "";
    public int Version { get; set; }

    public IReadOnlyList<string> ParentCodes =>
        AllowedParentCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed class PlanElement : IVersioned, IAudited
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int? ParentId { get; set; }
    public PlanElement? Parent { get; set; }
    public int LevelId { get; set; }
    public FrameworkLevel? Level { get; set; }
    /// <summary>Code unique within the plan, e.g. <c>1</c>, <c>1.2</c>, <c>D.4</c>.</summary>
    public string Code { get; set; } = "";
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    /// <summary>Relative weight among siblings, used by roll-ups. Defaults to 1.</summary>
    public decimal Weight { get; set; } = 1m;
    public int SortOrder { get; set; }
    public int Version { get; set; }

    public List<ElementLink> Links { get; set; } = [];
}
