using System.Text.Json;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Audit;

public sealed record FieldChange(string Field, string? Before, string? After);

public sealed record HistoryEntry(long Id, DateTime AtUtc, string Actor, string Action, string EntityType, string? EntityId, string? Summary, IReadOnlyList<FieldChange> Changes);

public sealed class AuditQueries(CadreDbContext db)
{
    /// <summary>Every recorded change of one item, newest first, field by field.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string entityType, string entityId, CancellationToken ct = default)
    {
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderByDescending(a => a.Id)
            .ToListAsync(ct);
        return rows.Select(ToHistory).ToList();
    }

    /// <summary>
    /// The links added to or removed from an element. Link rows are audited as their own items; their
    /// element is found in the recorded values (<c>"ElementId":[null,"12"]</c> when created, the reverse when deleted).
    /// </summary>
    public async Task<IReadOnlyList<HistoryEntry>> LinkHistoryAsync(int elementId, CancellationToken ct = default)
    {
        var id = elementId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = $"%\"ElementId\":[null,\"{id}\"]%";
        var deleted = $"%\"ElementId\":[\"{id}\",null]%";
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "ElementLink" && (EF.Functions.Like(a.ChangesJson, created) || EF.Functions.Like(a.ChangesJson, deleted)))
            .OrderByDescending(a => a.Id)
            .ToListAsync(ct);
        return rows.Select(ToHistory).ToList();
    }

    public async Task<IReadOnlyList<HistoryEntry>> RecentAsync(int take = 100, string? action = null, CancellationToken ct = default)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(action)) q = q.Where(a => a.Action == action);
        var rows = await q.OrderByDescending(a => a.Id).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
        return rows.Select(ToHistory).ToList();
    }

    public static HistoryEntry ToHistory(AuditEntry a)
    {
        var changes = new List<FieldChange>();
        try
        {
            var parsed = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(a.ChangesJson) ?? [];
            changes.AddRange(parsed.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new FieldChange(p.Key, p.Value.ElementAtOrDefault(0), p.Value.ElementAtOrDefault(1))));
        }
        catch (JsonException)
        {
            changes.Add(new FieldChange("?", null, a.ChangesJson));
        }
        return new HistoryEntry(a.Id, a.AtUtc, a.Actor, a.Action, a.EntityType, a.EntityId, a.Summary, changes);
    }
}
