using Cadre.Core.Audit;
using Cadre.Core.Common;
using Cadre.Core.Planning;

namespace Cadre.Web.Api.Planning;

// The JSON shapes of /api/v1. Text in several languages is an object keyed by language:
// { "en": "Universal connectivity", "fr": "Connectivité universelle" } (ar, en, es, fr, ru, zh).
// Every changeable item carries its "version" (the concurrency token): send it back when changing
// or deleting the item; a stale one gets 409.

/// <summary>A new plan, created as a draft.</summary>
/// <param name="Kind">strategic or operational.</param>
/// <param name="Code">Unique code, e.g. ITU-SP-2024-2027 (letters, digits, '.', '_', '-').</param>
/// <param name="Title">Title per language, at least one.</param>
/// <param name="Description">Description per language.</param>
/// <param name="StartYear">First year of the period.</param>
/// <param name="EndYear">Last year of the period.</param>
/// <param name="OriginalLanguage">The language the plan is written in (the fallback for missing translations).</param>
/// <param name="Framework">The framework levels to start from: itu-strategic (default), operational, simple or empty.</param>
/// <param name="OwnerUnit">The unit an operational plan belongs to, e.g. ITU-D.</param>
public sealed record CreatePlanRequest(
    PlanKind Kind,
    string Code,
    Dictionary<string, string?> Title,
    Dictionary<string, string?>? Description,
    int StartYear,
    int EndYear,
    string? OriginalLanguage = null,
    string? Framework = null,
    string? OwnerUnit = null);

/// <summary>Changes to a plan; fields left out (null) keep their value, and text changes only the languages given.</summary>
/// <param name="Version">The version last read (required).</param>
/// <param name="Code">New code.</param>
/// <param name="Title">Title per language.</param>
/// <param name="Description">Description per language.</param>
/// <param name="StartYear">First year of the period.</param>
/// <param name="EndYear">Last year of the period.</param>
/// <param name="OwnerUnit">Owning unit; an empty string clears it.</param>
public sealed record UpdatePlanRequest(
    int? Version,
    string? Code = null,
    Dictionary<string, string?>? Title = null,
    Dictionary<string, string?>? Description = null,
    int? StartYear = null,
    int? EndYear = null,
    string? OwnerUnit = null);

/// <summary>A status change: draft → adopted → superseded (or adopted back to draft).</summary>
/// <param name="Version">The version last read (required).</param>
/// <param name="Status">The new status.</param>
/// <param name="AdoptedBy">The adopting instrument, required for adoption, e.g. "Resolution 71 (Rev. Bucharest, 2022)".</param>
public sealed record ChangePlanStatusRequest(int? Version, PlanStatus Status, string? AdoptedBy = null);

/// <summary>A draft copy of a plan (levels, tree and links) for a new period.</summary>
/// <param name="NewCode">Code of the copy.</param>
/// <param name="StartYear">First year of the new period.</param>
/// <param name="EndYear">Last year of the new period.</param>
/// <param name="Title">Title of the copy; the source's title when left out.</param>
public sealed record ClonePlanRequest(string NewCode, int StartYear, int EndYear, Dictionary<string, string?>? Title = null);

/// <summary>A framework level and where its elements may sit.</summary>
/// <param name="Version">For a change: the version last read (required).</param>
/// <param name="Code">Short key unique in the plan, e.g. outcome.</param>
/// <param name="Name">Name per language.</param>
/// <param name="AllowedAtRoot">True when elements of this level may be at the top of the tree.</param>
/// <param name="AllowedParents">Codes of the levels its elements may sit under.</param>
/// <param name="SortOrder">Position among the plan's levels.</param>
public sealed record SaveLevelRequest(
    int? Version,
    string Code,
    Dictionary<string, string?> Name,
    bool AllowedAtRoot,
    List<string>? AllowedParents = null,
    int? SortOrder = null);

/// <summary>A new element of a plan's tree.</summary>
/// <param name="ParentId">The parent element; null for the top of the tree.</param>
/// <param name="Level">The framework level's code, e.g. outcome.</param>
/// <param name="Code">Code unique in the plan, e.g. 1.2.</param>
/// <param name="Title">Title per language, at least one.</param>
/// <param name="Description">Description per language.</param>
/// <param name="Weight">Relative weight among its siblings (0 to 1000; default 1).</param>
/// <param name="Position">Position among its siblings (0-based); last when left out.</param>
public sealed record CreateElementRequest(
    int? ParentId,
    string Level,
    string Code,
    Dictionary<string, string?> Title,
    Dictionary<string, string?>? Description = null,
    decimal? Weight = null,
    int? Position = null);

/// <summary>Changes to an element; fields left out keep their value.</summary>
/// <param name="Version">The version last read (required).</param>
/// <param name="Code">New code.</param>
/// <param name="Title">Title per language.</param>
/// <param name="Description">Description per language.</param>
/// <param name="Weight">Relative weight among its siblings.</param>
/// <param name="Level">New level code (its parent and children must allow it).</param>
public sealed record UpdateElementRequest(
    int? Version,
    string? Code = null,
    Dictionary<string, string?>? Title = null,
    Dictionary<string, string?>? Description = null,
    decimal? Weight = null,
    string? Level = null);

/// <summary>Moves an element and its subtree.</summary>
/// <param name="Version">The version last read (required).</param>
/// <param name="NewParentId">The new parent; null for the top of the tree. Never the element itself or one of its descendants.</param>
/// <param name="Position">Position among the new siblings (0-based); last when left out.</param>
public sealed record MoveElementRequest(int? Version, int? NewParentId, int? Position = null);

/// <summary>A link from an element to a vocabulary entry or to an element of another plan (exactly one).</summary>
/// <param name="VocabularyEntryId">The vocabulary entry addressed.</param>
/// <param name="TargetElementId">The element of another plan contributed to.</param>
/// <param name="Note">A short note.</param>
public sealed record CreateLinkRequest(int? VocabularyEntryId, int? TargetElementId, string? Note = null);

/// <summary>A reference vocabulary (SDG targets, WSIS action lines...).</summary>
/// <param name="Version">For a change: the version last read (required).</param>
/// <param name="Code">Short code, e.g. wsis.</param>
/// <param name="Name">Name per language.</param>
public sealed record SaveVocabularyRequest(int? Version, string Code, Dictionary<string, string?> Name);

/// <summary>An entry of a vocabulary.</summary>
/// <param name="Version">For a change: the version last read (required).</param>
/// <param name="Code">Code unique in the vocabulary, e.g. C2 or 9.c.</param>
/// <param name="Title">Title per language.</param>
/// <param name="ParentCode">The broader entry's code (an SDG goal for a target).</param>
public sealed record SaveEntryRequest(int? Version, string Code, Dictionary<string, string?> Title, string? ParentCode = null);

public sealed record PlanSummaryResponse(int Id, string Code, PlanKind Kind, Dictionary<string, string> Title, string OriginalLanguage,
    int StartYear, int EndYear, PlanStatus Status, string? AdoptedBy, int ElementCount, int Version);

public sealed record PlanPageResponse(IReadOnlyList<PlanSummaryResponse> Items, int Page, int PageSize, int Total, int PageCount);

public sealed record LevelResponse(int Id, string Code, Dictionary<string, string> Name, int SortOrder, bool AllowedAtRoot, IReadOnlyList<string> AllowedParents, int Version);

public sealed record PlanResponse(
    int Id, string Code, PlanKind Kind, Dictionary<string, string> Title, Dictionary<string, string> Description, string OriginalLanguage,
    int StartYear, int EndYear, PlanStatus Status, string? AdoptedBy, DateTime? AdoptedAtUtc, int? PreviousPlanId, string? OwnerUnit,
    IReadOnlyList<LevelResponse> Levels, int ElementCount, int LinkCount, int Version);

/// <summary>A row of a plan's tree, in display order (depth first).</summary>
public sealed record TreeRowResponse(int Id, int? ParentId, int Depth, string Code, Dictionary<string, string> Title, string Level,
    decimal Weight, int SortOrder, int ChildCount, int LinkCount, int Version);

/// <summary>A link of an element; <c>incoming</c> links come from elements of other plans.</summary>
public sealed record LinkResponse(int Id, int? VocabularyEntryId, string? Vocabulary, string? Entry, Dictionary<string, string>? EntryTitle,
    int? TargetElementId, int? TargetPlanId, string? TargetPlan, string? TargetElement, Dictionary<string, string>? TargetTitle, string? Note, bool Incoming);

public sealed record ElementResponse(
    int Id, int PlanId, string PlanCode, int? ParentId, string? ParentCode, string Level, string Code,
    Dictionary<string, string> Title, Dictionary<string, string> Description, decimal Weight, int SortOrder, int Version,
    IReadOnlyList<TreeRowResponse> Children, IReadOnlyList<LinkResponse> Links);

public sealed record DeletedElementsResponse(int DeletedElements, int DeletedLinks);

public sealed record CreatedLinkResponse(int Id, int ElementId, int? VocabularyEntryId, int? TargetElementId, string? Note);

public sealed record VocabularySummaryResponse(int Id, string Code, Dictionary<string, string> Name, int EntryCount, int Version);

public sealed record EntryResponse(int Id, string Code, Dictionary<string, string> Title, int? ParentEntryId, int SortOrder, int Version);

public sealed record VocabularyResponse(int Id, string Code, Dictionary<string, string> Name, IReadOnlyList<EntryResponse> Entries, int Version);

public sealed record TraceabilityCell(int ElementId, int EntryId);

/// <summary>A plan's elements against one vocabulary: the links, and the gaps on both sides.</summary>
public sealed record TraceabilityResponse(
    int PlanId, string PlanCode, string Vocabulary, Dictionary<string, string> VocabularyName,
    IReadOnlyList<TreeRowResponse> Elements, IReadOnlyList<EntryResponse> Entries, IReadOnlyList<TraceabilityCell> Cells,
    IReadOnlyList<int> ElementsWithoutLinks, IReadOnlyList<int> EntriesNotAddressed, double ElementCoverage, double EntryCoverage);

public sealed record FieldChangeResponse(string Field, string? Before, string? After);

/// <summary>One recorded change: who, when (UTC), what, and each field before and after.</summary>
public sealed record HistoryEntryResponse(long Id, DateTime AtUtc, string Actor, string Action, string EntityType, string? EntityId,
    string? Summary, IReadOnlyList<FieldChangeResponse> Changes);

internal static class PlanningMapping
{
    public static Dictionary<string, string> Json(this LocalizedText? text) => text?.ToDictionary() ?? [];

    public static Dictionary<string, string>? JsonOrNull(this LocalizedText? text) => text?.ToDictionary();

    public static PlanSummaryResponse ToResponse(this PlanSummary p) =>
        new(p.Id, p.Code, p.Kind, p.Title.Json(), p.OriginalLanguage, p.StartYear, p.EndYear, p.Status, p.AdoptedBy, p.ElementCount, p.Version);

    public static LevelResponse ToResponse(this LevelInfo l) =>
        new(l.Id, l.Code, l.Name.Json(), l.SortOrder, l.AllowedAtRoot, l.AllowedParents, l.Version);

    public static PlanResponse ToResponse(this PlanDetail p) =>
        new(p.Id, p.Code, p.Kind, p.Title.Json(), p.Description.Json(), p.OriginalLanguage, p.StartYear, p.EndYear, p.Status, p.AdoptedBy,
            p.AdoptedAtUtc, p.PreviousPlanId, p.OwnerUnit, p.Levels.Select(ToResponse).ToList(), p.ElementCount, p.LinkCount, p.Version);

    public static TreeRowResponse ToResponse(this TreeRow r) =>
        new(r.Id, r.ParentId, r.Depth, r.Code, r.Title.Json(), r.LevelCode, r.Weight, r.SortOrder, r.ChildCount, r.LinkCount, r.Version);

    public static LinkResponse ToResponse(this LinkInfo l) =>
        new(l.Id, l.VocabularyEntryId, l.VocabularyCode, l.EntryCode, l.EntryTitle.JsonOrNull(), l.TargetElementId, l.TargetPlanId,
            l.TargetPlanCode, l.TargetElementCode, l.TargetTitle.JsonOrNull(), l.Note, l.Incoming);

    public static ElementResponse ToResponse(this ElementDetail e) =>
        new(e.Id, e.PlanId, e.PlanCode, e.ParentId, e.ParentCode, e.LevelCode, e.Code, e.Title.Json(), e.Description.Json(), e.Weight, e.SortOrder,
            e.Version, e.Children.Select(ToResponse).ToList(), e.Links.Select(ToResponse).ToList());

    public static VocabularySummaryResponse ToResponse(this VocabularySummary v) => new(v.Id, v.Code, v.Name.Json(), v.EntryCount, v.Version);

    public static EntryResponse ToResponse(this EntryInfo e) => new(e.Id, e.Code, e.Title.Json(), e.ParentEntryId, e.SortOrder, e.Version);

    public static VocabularyResponse ToResponse(this VocabularyDetail v) => new(v.Id, v.Code, v.Name.Json(), v.Entries.Select(ToResponse).ToList(), v.Version);

    public static TraceabilityResponse ToResponse(this TraceabilityMatrix m) =>
        new(m.PlanId, m.PlanCode, m.VocabularyCode, m.VocabularyName.Json(), m.Elements.Select(ToResponse).ToList(), m.Entries.Select(ToResponse).ToList(),
            m.Cells.OrderBy(c => c.ElementId).ThenBy(c => c.EntryId).Select(c => new TraceabilityCell(c.ElementId, c.EntryId)).ToList(),
            m.ElementsWithoutLinks, m.EntriesNotAddressed, m.ElementCoverage, m.EntryCoverage);

    public static HistoryEntryResponse ToResponse(this HistoryEntry h) =>
        new(h.Id, h.AtUtc, h.Actor, h.Action, h.EntityType, h.EntityId, h.Summary, h.Changes.Select(c => new FieldChangeResponse(c.Field, c.Before, c.After)).ToList());
}
