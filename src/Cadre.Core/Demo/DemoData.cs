using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Cadre.Core.Planning;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Demo;

/// <summary>
/// The demo data set: the reference vocabularies, the ITU Strategic Plan 2024-2027, the ITU-D objectives
/// 2020-2023, a draft ITU-D operational plan, the links between them, and a few Members.
/// </summary>
public static class DemoData
{
    public const string StrategicPlanCode = DemoPlans.StrategicPlanCode;

    /// <summary>
    /// Loads the demo data set in one transaction. Returns false, and changes nothing, when the ITU Strategic
    /// Plan 2024-2027 is already there. Vocabularies, entries and Members that already exist under the same
    /// codes are kept as they are and reused.
    /// </summary>
    public static async Task<bool> LoadAsync(CadreDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Plans.AnyAsync(p => p.Code == StrategicPlanCode, ct)) return false;

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var entries = await LoadVocabulariesAsync(db, ct);
            await LoadMembersAsync(db, ct);

            var existingPlans = await db.Plans.Select(p => p.Code).ToListAsync(ct);
            var strategic = DemoPlans.StrategicPlan(entries);
            db.Plans.Add(strategic.Plan);
            await db.SaveChangesAsync(ct);

            if (!existingPlans.Contains(DemoPlans.ItuDPlanCode))
            {
                db.Plans.Add(DemoPlans.ItuDObjectives(entries).Plan);
                await db.SaveChangesAsync(ct);
            }
            if (!existingPlans.Contains(DemoPlans.OperationalPlanCode))
            {
                db.Plans.Add(DemoPlans.OperationalPlan(entries, strategic).Plan);
                await db.SaveChangesAsync(ct);
            }

            // The other areas, in the order they depend on each other.
            await DemoGovernance.LoadAsync(db, ct);
            await DemoGovernanceDocuments.LoadAsync(db, ct);
            await DemoConsultation.LoadAsync(db, ct);
            await DemoDrafting.LoadAsync(db, ct);
            await DemoResults.LoadAsync(db, ct);
            await DemoFinance.LoadAsync(db, ct);
            await DemoReporting.LoadAsync(db, ct);

            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return true;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>Creates the vocabularies and entries that are missing; returns every demo entry by (vocabulary, code).</summary>
    private static async Task<Dictionary<(string Vocabulary, string Code), VocabularyEntry>> LoadVocabulariesAsync(CadreDbContext db, CancellationToken ct)
    {
        var codes = DemoVocabularies.All.Select(v => v.Code).ToList();
        var existing = await db.Vocabularies.Include(v => v.Entries).Where(v => codes.Contains(v.Code)).ToDictionaryAsync(v => v.Code, StringComparer.Ordinal, ct);
        var result = new Dictionary<(string, string), VocabularyEntry>();
        var children = new List<(Vocabulary Vocabulary, DemoEntry Entry, int SortOrder)>();

        // Broader entries first: a narrower entry needs its parent's identity, and the entry has no navigation to it.
        for (var i = 0; i < DemoVocabularies.All.Count; i++)
        {
            var demo = DemoVocabularies.All[i];
            if (!existing.TryGetValue(demo.Code, out var vocabulary))
            {
                vocabulary = new Vocabulary { Code = demo.Code, Name = new LocalizedText(demo.En, demo.Fr), SortOrder = i };
                db.Vocabularies.Add(vocabulary);
                existing[demo.Code] = vocabulary;
            }
            for (var j = 0; j < demo.Entries.Count; j++)
            {
                var e = demo.Entries[j];
                var found = vocabulary.Entries.FirstOrDefault(x => x.Code == e.Code);
                if (found is not null) result[(demo.Code, e.Code)] = found;
                else if (e.Parent is not null) children.Add((vocabulary, e, j));
                else
                {
                    var entry = new VocabularyEntry { Code = e.Code, Title = new LocalizedText(e.En, e.Fr), SortOrder = j };
                    vocabulary.Entries.Add(entry);
                    result[(demo.Code, e.Code)] = entry;
                }
            }
        }
        await db.SaveChangesAsync(ct);

        foreach (var (vocabulary, e, sortOrder) in children)
        {
            var parent = result[(vocabulary.Code, e.Parent!)];
            var entry = new VocabularyEntry { Code = e.Code, Title = new LocalizedText(e.En, e.Fr), ParentEntryId = parent.Id, SortOrder = sortOrder };
            vocabulary.Entries.Add(entry);
            result[(vocabulary.Code, e.Code)] = entry;
        }
        await db.SaveChangesAsync(ct);
        return result;
    }

    private static async Task LoadMembersAsync(CadreDbContext db, CancellationToken ct)
    {
        var codes = DemoMembers.All.Select(m => m.Code).ToList();
        var existing = (await db.Members.Where(m => codes.Contains(m.Code)).Select(m => m.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var m in DemoMembers.All.Where(m => !existing.Contains(m.Code)))
        {
            db.Members.Add(new Member { Code = m.Code, Name = new LocalizedText(m.En, m.Fr), Kind = m.Kind, Region = m.Region });
        }
        await db.SaveChangesAsync(ct);
    }
}
