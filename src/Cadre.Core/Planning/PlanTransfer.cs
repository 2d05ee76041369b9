using System.Text.Json;
using System.Text.Json.Serialization;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Planning;

/// <summary>The JSON form of a plan, for <c>cadre planning export</c> and <c>import</c>. Exporting an import gives the same bytes.</summary>
public sealed record PlanDocument
{
    public const string FormatName = "cadre.plan";
    public string Format { get; init; } = FormatName;
    public int FormatVersion { get; init; } = 1;
    public required PlanData Plan { get; init; }
    /// <summary>The vocabulary entries the plan links to, so that an import can create any that are missing.</summary>
    public List<VocabularyData> Vocabularies { get; init; } = [];

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        MaxDepth = 32,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

public sealed record PlanData
{
    public required string Code { get; init; }
    public PlanKind Kind { get; init; }
    public Dictionary<string, string> Title { get; init; } = [];
    public Dictionary<string, string> Description { get; init; } = [];
    public string OriginalLanguage { get; init; } = "en";
    public int StartYear { get; init; }
    public int EndYear { get; init; }
    public PlanStatus Status { get; init; }
    public string? AdoptedBy { get; init; }
    public DateTime? AdoptedAtUtc { get; init; }
    public string? OwnerUnit { get; init; }
    public List<LevelData> Levels { get; init; } = [];
    public List<ElementData> Elements { get; init; } = [];
}

public sealed record LevelData(string Code, Dictionary<string, string> Name, int SortOrder, bool AllowedAtRoot, List<string> AllowedParents);

public sealed record ElementData
{
    public required string Code { get; init; }
    public string? Parent { get; init; }
    public required string Level { get; init; }
    public Dictionary<string, string> Title { get; init; } = [];
    public Dictionary<string, string> Description { get; init; } = [];
    public decimal Weight { get; init; } = 1m;
    public int SortOrder { get; init; }
    public List<LinkData> Links { get; init; } = [];
}

/// <summary>A link: either <see cref="Vocabulary"/> and <see cref="Entry"/>, or <see cref="Plan"/> and <see cref="Element"/>.</summary>
public sealed record LinkData(string? Vocabulary, string? Entry, string? Plan, string? Element, string? Note);

public sealed record VocabularyData(string Code, Dictionary<string, string> Name, List<EntryData> Entries);

public sealed record EntryData(string Code, Dictionary<string, string> Title, string? Parent, int SortOrder = 0);

public sealed class ExportPlan(CadreDbContext db)
{
    /// <summary>1.0000 (PostgreSQL numeric) and 1.0 (SQLite) both export as 1, so that exports agree across engines.</summary>
    private static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    public async Task<PlanDocument> HandleAsync(string planCode, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Levels).FirstOrDefaultAsync(p => p.Code == planCode, ct);
        if (plan is null || !PlanningPermissions.CanRead(db.Actor, plan)) throw new NotFoundException(Messages.Format("Error.NotFound.Plan", planCode));
        var elements = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == plan.Id).ToListAsync(ct);
        var byId = elements.ToDictionary(e => e.Id);
        var levelCode = plan.Levels.ToDictionary(l => l.Id, l => l.Code);
        var ids = elements.Select(e => e.Id).ToList();
        var links = await db.ElementLinks.AsNoTracking().Where(l => ids.Contains(l.ElementId))
            .Select(l => new
            {
                l.ElementId,
                VocabularyId = (int?)l.VocabularyEntry!.VocabularyId,
                Vocabulary = l.VocabularyEntry.Vocabulary!.Code,
                Entry = l.VocabularyEntry.Code,
                EntryId = l.VocabularyEntryId,
                Plan = l.TargetElement!.Plan!.Code,
                Element = l.TargetElement.Code,
                l.Note,
            })
            .ToListAsync(ct);
        var linksByElement = links.ToLookup(l => l.ElementId);

        var ordered = TreeRules.Flatten(elements.Select(e => new TreeNode(e.Id, e.ParentId, levelCode[e.LevelId], e.SortOrder, e.Code)));
        var data = new PlanData
        {
            Code = plan.Code,
            Kind = plan.Kind,
            Title = plan.Title.ToDictionary(),
            Description = plan.Description.ToDictionary(),
            OriginalLanguage = plan.OriginalLanguage,
            StartYear = plan.StartYear,
            EndYear = plan.EndYear,
            Status = plan.Status,
            AdoptedBy = plan.AdoptedBy,
            AdoptedAtUtc = plan.AdoptedAtUtc is DateTime at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
            OwnerUnit = plan.OwnerUnit,
            Levels = plan.Levels.OrderBy(l => l.SortOrder).ThenBy(l => l.Code, StringComparer.Ordinal)
                .Select(l => new LevelData(l.Code, l.Name.ToDictionary(), l.SortOrder, l.AllowedAtRoot, l.ParentCodes.ToList())).ToList(),
            Elements = ordered.Select(x =>
            {
                var e = byId[x.Node.Id];
                return new ElementData
                {
                    Code = e.Code,
                    Parent = e.ParentId is int p ? byId[p].Code : null,
                    Level = levelCode[e.LevelId],
                    Title = e.Title.ToDictionary(),
                    Description = e.Description.ToDictionary(),
                    Weight = Normalize(e.Weight),
                    SortOrder = e.SortOrder,
                    Links = linksByElement[e.Id]
                        .Select(l => l.EntryId is not null ? new LinkData(l.Vocabulary, l.Entry, null, null, l.Note) : new LinkData(null, null, l.Plan, l.Element, l.Note))
                        .OrderBy(l => l.Vocabulary, StringComparer.Ordinal).ThenBy(l => l.Entry, StringComparer.Ordinal)
                        .ThenBy(l => l.Plan, StringComparer.Ordinal).ThenBy(l => l.Element, StringComparer.Ordinal)
                        .ToList(),
                };
            }).ToList(),
        };

        var usedEntryIds = links.Where(l => l.EntryId is not null).Select(l => l.EntryId!.Value).ToHashSet();
        var usedVocabularyIds = links.Where(l => l.VocabularyId is not null).Select(l => l.VocabularyId!.Value).ToHashSet();
        var vocabularies = await db.Vocabularies.AsNoTracking().Where(v => usedVocabularyIds.Contains(v.Id)).OrderBy(v => v.Code).ToListAsync(ct);
        var entries = await db.VocabularyEntries.AsNoTracking().Where(e => usedVocabularyIds.Contains(e.VocabularyId)).ToListAsync(ct);
        var entryById = entries.ToDictionary(e => e.Id);
        // Keep the used entries and their broader entries, so the hierarchy survives.
        var keep = new HashSet<int>();
        foreach (var id in usedEntryIds)
        {
            int? cur = id;
            while (cur is int c && keep.Add(c)) cur = entryById[c].ParentEntryId;
        }
        return new PlanDocument
        {
            Plan = data,
            Vocabularies = vocabularies.Select(v => new VocabularyData(v.Code, v.Name.ToDictionary(),
                entries.Where(e => e.VocabularyId == v.Id && keep.Contains(e.Id)).OrderBy(e => e.SortOrder).ThenBy(e => e.Code, StringComparer.Ordinal)
                    .Select(e => new EntryData(e.Code, e.Title.ToDictionary(), e.ParentEntryId is int p ? entryById[p].Code : null, e.SortOrder)).ToList())).ToList(),
        };
    }
}

/// <summary>
/// Creates a plan from its JSON form. Everything is checked before anything is stored; the import is
/// one transaction, so a bad file leaves the database as it was.
/// </summary>
public sealed class ImportPlan(CadreDbContext db)
{
    public const long MaxBytes = 50L * 1024 * 1024;

    public static PlanDocument Parse(Stream json)
    {
        try
        {
            var doc = JsonSerializer.Deserialize<PlanDocument>(json, PlanDocument.Json);
            if (doc is null || doc.Format != PlanDocument.FormatName || doc.FormatVersion != 1 || doc.Plan is null)
            {
                throw new ValidationFailedException("file", Messages.Format("Error.ImportInvalid", "format"));
            }
            return doc;
        }
        catch (JsonException ex)
        {
            throw new ValidationFailedException("file", Messages.Format("Error.ImportInvalid", ex.Message));
        }
    }

    public async Task<Plan> HandleAsync(PlanDocument document, CancellationToken ct = default)
    {
        PlanningPermissions.EnsureCanEdit(db.Actor);
        var d = document.Plan;
        var v = new Validation();
        PlanningInput.Code(v, "plan.code", d.Code);
        PlanningInput.Years(v, d.StartYear, d.EndYear);
        PlanningInput.Language(v, "plan.originalLanguage", d.OriginalLanguage);
        var title = PlanningInput.Text(v, "plan.title", Nullable(d.Title), 400, required: true);
        var description = PlanningInput.Text(v, "plan.description", Nullable(d.Description), 4000, required: false);
        if (d.Status == PlanStatus.Adopted && string.IsNullOrWhiteSpace(d.AdoptedBy)) v.Add("plan.adoptedBy", Messages.Get("Error.AdoptedByRequired"));
        if (await db.Plans.AnyAsync(p => p.Code == d.Code, ct)) v.Add("plan.code", Messages.Format("Error.DuplicatePlanCode", d.Code));

        var plan = new Plan
        {
            Code = d.Code, Kind = d.Kind, Title = title, Description = description, OriginalLanguage = d.OriginalLanguage,
            StartYear = d.StartYear, EndYear = d.EndYear, Status = d.Status, AdoptedBy = d.AdoptedBy, AdoptedAtUtc = d.AdoptedAtUtc, OwnerUnit = d.OwnerUnit,
        };
        var levels = new Dictionary<string, FrameworkLevel>(StringComparer.Ordinal);
        foreach (var (l, i) in d.Levels.Select((l, i) => (l, i)))
        {
            PlanningInput.Code(v, $"plan.levels[{i}].code", l.Code);
            var name = PlanningInput.Text(v, $"plan.levels[{i}].name", Nullable(l.Name), 200, required: true);
            if (l.Code is null || !levels.TryAdd(l.Code, new FrameworkLevel { Code = l.Code, Name = name, SortOrder = l.SortOrder, AllowedAtRoot = l.AllowedAtRoot, AllowedParentCodes = string.Join(",", l.AllowedParents ?? []) }))
            {
                v.Add($"plan.levels[{i}].code", Messages.Format("Error.DuplicateLevelCode", l.Code));
            }
        }
        foreach (var l in levels.Values)
        {
            foreach (var p in l.ParentCodes.Where(p => !levels.ContainsKey(p))) v.Add("plan.levels", Messages.Format("Error.UnknownParentLevel", p));
            plan.Levels.Add(l);
        }
        v.ThrowIfAny();

        // Vocabulary entries: reuse existing ones by code, create the missing ones from the file.
        var vocabByCode = await db.Vocabularies.Include(x => x.Entries).ToDictionaryAsync(x => x.Code, StringComparer.Ordinal, ct);
        foreach (var vd in document.Vocabularies)
        {
            if (!vocabByCode.TryGetValue(vd.Code, out var vocabulary))
            {
                vocabulary = new Vocabulary { Code = vd.Code, Name = LocalizedText.FromDictionary(vd.Name), SortOrder = vocabByCode.Count };
                if (vocabulary.Name.IsEmpty) vocabulary.Name.En = vd.Code;
                db.Vocabularies.Add(vocabulary);
                vocabByCode[vd.Code] = vocabulary;
            }
            var added = new List<(VocabularyEntry Entry, string? Parent)>();
            foreach (var ed in vd.Entries)
            {
                if (vocabulary.Entries.Any(e => e.Code == ed.Code)) continue;
                var entry = new VocabularyEntry { Code = ed.Code, Title = LocalizedText.FromDictionary(ed.Title), SortOrder = ed.SortOrder };
                vocabulary.Entries.Add(entry);
                added.Add((entry, ed.Parent));
            }
            foreach (var (entry, parent) in added.Where(a => a.Parent is not null))
            {
                entry.ParentEntry = vocabulary.Entries.FirstOrDefault(e => e.Code == parent)
                    ?? throw new ValidationFailedException("vocabularies", Messages.Format("Error.NotFound.Entry", $"{vd.Code}/{parent}"));
            }
        }

        var elements = new Dictionary<string, PlanElement>(StringComparer.Ordinal);
        foreach (var (e, i) in d.Elements.Select((e, i) => (e, i)))
        {
            PlanningInput.Code(v, $"plan.elements[{i}].code", e.Code);
            var et = PlanningInput.Text(v, $"plan.elements[{i}].title", Nullable(e.Title), 400, required: true);
            var ed = PlanningInput.Text(v, $"plan.elements[{i}].description", Nullable(e.Description), 4000, required: false);
            if (e.Weight is < 0 or > 1000) v.Add($"plan.elements[{i}].weight", Messages.Get("Error.WeightRange"));
            if (!levels.TryGetValue(e.Level ?? "", out var level)) { v.Add($"plan.elements[{i}].level", Messages.Format("Error.NotFound.Level", e.Level)); continue; }
            var element = new PlanElement { Code = e.Code, Title = et, Description = ed, Weight = e.Weight, SortOrder = e.SortOrder, Level = level };
            if (e.Code is null || !elements.TryAdd(e.Code, element)) v.Add($"plan.elements[{i}].code", Messages.Format("Error.DuplicateElementCode", e.Code));
        }
        v.ThrowIfAny();

        // Parents, nesting rules and cycles.
        var ids = elements.Keys.Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i + 1, StringComparer.Ordinal);
        var nodes = new Dictionary<int, TreeNode>();
        foreach (var e in d.Elements)
        {
            int? parentId = null;
            if (e.Parent is not null)
            {
                if (!ids.TryGetValue(e.Parent, out var pid)) { v.Add("plan.elements", Messages.Format("Error.NotFound.Element", e.Parent)); continue; }
                parentId = pid;
            }
            nodes[ids[e.Code]] = new TreeNode(ids[e.Code], parentId, e.Level, e.SortOrder, e.Code);
        }
        v.ThrowIfAny();
        var rules = levels.Values.ToDictionary(l => l.Code, PlanningInput.ToRule, StringComparer.Ordinal);
        foreach (var n in nodes.Values)
        {
            if (n.ParentId is int p)
            {
                if (p == n.Id || IsInCycle(nodes, n.Id)) { v.Add("plan.elements", Messages.Format("Error.MoveUnderDescendant", n.Code, nodes[p].Code)); continue; }
                if (!TreeRules.CanSitUnder(rules[n.LevelCode], nodes[p].LevelCode)) v.Add("plan.elements", Messages.Format("Error.LevelNotAllowedUnder", n.LevelCode, nodes[p].LevelCode) + $" ({n.Code})");
                elements[n.Code].Parent = elements[nodes[p].Code];
            }
            else if (!rules[n.LevelCode].AllowedAtRoot)
            {
                v.Add("plan.elements", Messages.Format("Error.LevelNotAllowedAtRoot", n.LevelCode) + $" ({n.Code})");
            }
        }
        v.ThrowIfAny();

        // Links.
        var targetPlans = d.Elements.SelectMany(e => e.Links).Where(l => l.Plan is not null).Select(l => l.Plan!).Distinct().ToList();
        var targets = await db.PlanElements.AsNoTracking().Where(e => targetPlans.Contains(e.Plan!.Code))
            .Select(e => new { Plan = e.Plan!.Code, e.Code, e.Id }).ToListAsync(ct);
        var targetIds = targets.ToDictionary(t => (t.Plan, t.Code), t => t.Id);
        foreach (var e in d.Elements)
        {
            var element = elements[e.Code];
            foreach (var l in e.Links)
            {
                if (l.Vocabulary is not null && l.Entry is not null && l.Plan is null && l.Element is null)
                {
                    var entry = vocabByCode.GetValueOrDefault(l.Vocabulary)?.Entries.FirstOrDefault(x => x.Code == l.Entry);
                    if (entry is null) { v.Add("plan.elements", Messages.Format("Error.NotFound.Entry", $"{l.Vocabulary}/{l.Entry}")); continue; }
                    element.Links.Add(new ElementLink { VocabularyEntry = entry, Note = l.Note });
                }
                else if (l.Plan is not null && l.Element is not null && l.Vocabulary is null && l.Entry is null)
                {
                    if (l.Plan == d.Code) { v.Add("plan.elements", Messages.Get("Error.LinkSamePlan")); continue; }
                    if (!targetIds.TryGetValue((l.Plan, l.Element), out var tid)) { v.Add("plan.elements", Messages.Format("Error.ImportUnknownTarget", e.Code, l.Element, l.Plan)); continue; }
                    element.Links.Add(new ElementLink { TargetElementId = tid, Note = l.Note });
                }
                else
                {
                    v.Add("plan.elements", Messages.Get("Error.LinkTarget"));
                }
            }
        }
        v.ThrowIfAny();

        foreach (var e in elements.Values) plan.Elements.Add(e);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    private static bool IsInCycle(Dictionary<int, TreeNode> nodes, int start)
    {
        var seen = new HashSet<int>();
        int? cur = start;
        while (cur is int c)
        {
            if (!seen.Add(c)) return true;
            cur = nodes.TryGetValue(c, out var n) ? n.ParentId : null;
        }
        return false;
    }

    private static Dictionary<string, string?> Nullable(Dictionary<string, string>? d) =>
        d?.ToDictionary(x => x.Key, x => (string?)x.Value) ?? [];
}
