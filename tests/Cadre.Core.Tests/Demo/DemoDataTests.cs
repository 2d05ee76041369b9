using Cadre.Core.Data;
using Cadre.Core.Demo;
using Cadre.Core.Planning;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Cadre.Core.Tests.Demo;

/// <summary>A fresh SQLite file, migrated, with the demo loaded once; shared by the tests of the class.</summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cadre-demo-" + Guid.NewGuid().ToString("N"));

    public bool FirstLoad { get; private set; }

    public CadreDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "demo.db")}");
        return new CadreDbContext(options.Options);
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await using var db = NewContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        FirstLoad = await DemoData.LoadAsync(db, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover file in the temp folder is harmless.
        }
        return ValueTask.CompletedTask;
    }
}

public sealed class DemoDataTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_loads_into_an_empty_database()
    {
        Assert.True(demo.FirstLoad);
        await using var db = demo.NewContext();
        var plans = await db.Plans.Select(p => p.Code).ToListAsync(Ct);
        Assert.Equivalent(new[] { "ITU-SP-2024-2027", "ITU-D-2020-2023", "ITU-D-OP-2025-2028", "GS-OP-2025-2028", "ITU-R-OP-2025-2028", "ITU-T-OP-2025-2028" }, plans, strict: true);
        var vocabularies = await db.Vocabularies.Select(v => v.Code).ToListAsync(Ct);
        Assert.Equivalent(new[] { "sdg", "wsis", "resolutions", "questions", "regional-initiatives" }, vocabularies, strict: true);

        var sp = await db.Plans.SingleAsync(p => p.Code == DemoData.StrategicPlanCode, Ct);
        Assert.Equal(PlanStatus.Adopted, sp.Status);
        Assert.Equal("Resolution 71 (Rev. Bucharest, 2022)", sp.AdoptedBy);
        Assert.Contains("An information society, empowered by the interconnected world", sp.Description.En, StringComparison.Ordinal);
        Assert.Equal(17, await db.VocabularyEntries.CountAsync(e => e.Vocabulary!.Code == "sdg" && e.ParentEntryId == null, Ct));
        Assert.Equal(11, await db.VocabularyEntries.CountAsync(e => e.Vocabulary!.Code == "wsis" && e.ParentEntryId == null, Ct));
        Assert.True(await db.Members.CountAsync(Ct) >= 14);
        Assert.True(await db.AuditEntries.AnyAsync(Ct), "The demo is written through the audited path.");
    }

    [Fact]
    public async Task Loading_the_demo_twice_changes_nothing()
    {
        await using var db = demo.NewContext();
        var before = await CountsAsync(db);
        Assert.False(await DemoData.LoadAsync(db, Ct));
        await using var fresh = demo.NewContext();
        Assert.Equal(before, await CountsAsync(fresh));
    }

    [Fact]
    public async Task Every_element_sits_under_a_level_its_parent_allows()
    {
        await using var db = demo.NewContext();
        var levels = await db.FrameworkLevels.AsNoTracking().ToListAsync(Ct);
        var rules = levels.ToDictionary(l => l.Id, l => new LevelRule(l.Code, l.AllowedAtRoot, l.ParentCodes.ToList()));
        var elements = await db.PlanElements.AsNoTracking().ToListAsync(Ct);
        var byId = elements.ToDictionary(e => e.Id);
        Assert.NotEmpty(elements);
        foreach (var e in elements)
        {
            var parentLevel = e.ParentId is int p ? rules[byId[p].LevelId].Code : null;
            Assert.True(TreeRules.CanSitUnder(rules[e.LevelId], parentLevel), $"{e.Code} ({rules[e.LevelId].Code}) may not sit under {parentLevel ?? "the root"}");
            Assert.Equal(e.PlanId, levels.Single(l => l.Id == e.LevelId).PlanId);
        }
    }

    [Fact]
    public async Task Every_element_entry_and_member_has_an_English_and_a_French_title()
    {
        await using var db = demo.NewContext();
        foreach (var e in await db.PlanElements.AsNoTracking().ToListAsync(Ct))
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Title.En), $"{e.Code} has no English title");
            Assert.False(string.IsNullOrWhiteSpace(e.Title.Fr), $"{e.Code} has no French title");
        }
        foreach (var e in await db.VocabularyEntries.AsNoTracking().ToListAsync(Ct))
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Title.En), $"{e.Code} has no English title");
            Assert.False(string.IsNullOrWhiteSpace(e.Title.Fr), $"{e.Code} has no French title");
        }
        foreach (var m in await db.Members.AsNoTracking().ToListAsync(Ct))
        {
            Assert.False(string.IsNullOrWhiteSpace(m.Name.En), $"{m.Code} has no English name");
            Assert.False(string.IsNullOrWhiteSpace(m.Name.Fr), $"{m.Code} has no French name");
        }
    }

    [Fact]
    public async Task The_strategic_plan_against_WSIS_has_gaps_on_both_sides()
    {
        await using var db = demo.NewContext();
        var queries = new PlanningQueries(db);
        var planId = await queries.FindPlanIdAsync(DemoData.StrategicPlanCode, Ct);
        Assert.NotNull(planId);
        var matrix = await queries.GetTraceabilityAsync(planId.Value, "wsis", Ct);
        Assert.NotNull(matrix);
        Assert.NotEmpty(matrix.Cells);
        Assert.NotEmpty(matrix.ElementsWithoutLinks);
        Assert.NotEmpty(matrix.EntriesNotAddressed);
    }

    [Fact]
    public async Task Every_SDG_target_sits_under_its_goal()
    {
        await using var db = demo.NewContext();
        var entries = await db.VocabularyEntries.AsNoTracking().Where(e => e.Vocabulary!.Code == "sdg").ToListAsync(Ct);
        var byId = entries.ToDictionary(e => e.Id);
        foreach (var target in entries.Where(e => e.Code.Contains('.', StringComparison.Ordinal)))
        {
            Assert.NotNull(target.ParentEntryId);
            Assert.Equal(target.Code.Split('.')[0], byId[target.ParentEntryId.Value].Code);
        }
    }

    [Fact]
    public async Task Operational_outputs_contribute_to_outcomes_of_the_strategic_plan()
    {
        await using var db = demo.NewContext();
        var links = await db.ElementLinks.AsNoTracking()
            .Where(l => l.Element!.Plan!.Code == "ITU-D-OP-2025-2028" && l.TargetElementId != null)
            .Select(l => new { Plan = l.TargetElement!.Plan!.Code, Level = l.TargetElement.Level!.Code })
            .ToListAsync(Ct);
        Assert.NotEmpty(links);
        Assert.All(links, l =>
        {
            Assert.Equal(DemoData.StrategicPlanCode, l.Plan);
            Assert.Equal("outcome", l.Level);
        });
    }

    private static async Task<(int Plans, int Levels, int Elements, int Links, int Vocabularies, int Entries, int Members, int Audit)> CountsAsync(CadreDbContext db) =>
        (await db.Plans.CountAsync(Ct), await db.FrameworkLevels.CountAsync(Ct), await db.PlanElements.CountAsync(Ct), await db.ElementLinks.CountAsync(Ct),
            await db.Vocabularies.CountAsync(Ct), await db.VocabularyEntries.CountAsync(Ct), await db.Members.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct));
}
