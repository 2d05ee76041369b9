using Cadre.Core.Common;
using Cadre.Core.Planning;

namespace Cadre.Core.Demo;

/// <summary>Builds a plan's element tree and links in memory, for the DbContext to insert in one go.</summary>
internal sealed class DemoPlanBuilder(Plan plan, IReadOnlyDictionary<(string Vocabulary, string Code), VocabularyEntry> entries)
{
    private readonly Dictionary<string, FrameworkLevel> _levels = plan.Levels.ToDictionary(l => l.Code, StringComparer.Ordinal);
    private readonly Dictionary<string, PlanElement> _elements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _childCount = new(StringComparer.Ordinal);

    public Plan Plan { get; } = plan;

    public PlanElement this[string code] => _elements[code];

    /// <summary>Adds an element as the last child of <paramref name="parent"/> (null: at the root).</summary>
    public DemoPlanBuilder Add(string level, string code, string? parent, string en, string fr, string? descriptionEn = null, string? descriptionFr = null)
    {
        var key = parent ?? "";
        var sortOrder = _childCount.GetValueOrDefault(key);
        _childCount[key] = sortOrder + 1;
        var element = new PlanElement
        {
            Plan = Plan,
            Parent = parent is null ? null : _elements[parent],
            Level = _levels[level],
            Code = code,
            Title = new LocalizedText(en, fr),
            Description = descriptionEn is null ? new LocalizedText() : new LocalizedText(descriptionEn, descriptionFr),
            SortOrder = sortOrder,
        };
        Plan.Elements.Add(element);
        _elements.Add(code, element);
        return this;
    }

    /// <summary>Links the element to entries of one vocabulary.</summary>
    public DemoPlanBuilder Link(string code, string vocabulary, params string[] entryCodes)
    {
        var element = _elements[code];
        foreach (var entryCode in entryCodes)
        {
            element.Links.Add(new ElementLink { Element = element, VocabularyEntry = entries[(vocabulary, entryCode)] });
        }
        return this;
    }

    /// <summary>Records that the element contributes to an element of another plan.</summary>
    public DemoPlanBuilder Contributes(string code, PlanElement target, string? note = null)
    {
        var element = _elements[code];
        element.Links.Add(new ElementLink { Element = element, TargetElement = target, Note = note });
        return this;
    }
}
