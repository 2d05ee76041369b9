using Cadre.Core.Common;

namespace Cadre.Core.Planning;

/// <summary>
/// A reference list that plan elements link to: SDG goals and targets, WSIS action lines,
/// conference resolutions, study Questions, regional initiatives.
/// </summary>
public sealed class Vocabulary : IVersioned, IAudited
{
    public int Id { get; set; }
    /// <summary>Short code, e.g. <c>sdg</c>, <c>wsis</c>, <c>resolutions</c>.</summary>
    public string Code { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    public int SortOrder { get; set; }
    public int Version { get; set; }
    public List<VocabularyEntry> Entries { get; set; } = [];
}

public sealed class VocabularyEntry : IVersioned, IAudited
{
    public int Id { get; set; }
    public int VocabularyId { get; set; }
    public Vocabulary? Vocabulary { get; set; }
    /// <summary>Code unique within the vocabulary, e.g. <c>9.c</c>, <c>C2</c>, <c>Res. 71</c>.</summary>
    public string Code { get; set; } = "";
    public LocalizedText Title { get; set; } = new();
    /// <summary>The broader entry (an SDG goal for an SDG target).</summary>
    public int? ParentEntryId { get; set; }
    public VocabularyEntry? ParentEntry { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A link from a plan element to a vocabulary entry, or to an element of another plan
/// (an operational output contributes to a strategic outcome). Exactly one target is set.
/// </summary>
public sealed class ElementLink : IAudited
{
    public int Id { get; set; }
    public int ElementId { get; set; }
    public PlanElement? Element { get; set; }
    public int? VocabularyEntryId { get; set; }
    public VocabularyEntry? VocabularyEntry { get; set; }
    public int? TargetElementId { get; set; }
    public PlanElement? TargetElement { get; set; }
    public string? Note { get; set; }
}
