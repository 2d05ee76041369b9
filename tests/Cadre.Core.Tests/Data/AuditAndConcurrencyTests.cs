using System.Text.Json;
using Cadre.Core.Audit;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Cadre.Core.Tests.Data;

public static class Providers
{
    /// <summary>SQLite always; PostgreSQL when ./test.sh (or you) started a server.</summary>
    public static TheoryData<DatabaseProvider> Available()
    {
        var data = new TheoryData<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (TestDatabase.PostgresServer is not null) data.Add(DatabaseProvider.Postgres);
        return data;
    }
}

public sealed class AuditAndConcurrencyTests
{
    private static readonly Dictionary<string, string?> Title = new() { ["en"] = "Strategic plan", ["fr"] = "Plan stratégique" };

    private static Task<Plan> CreatePlanAsync(CadreDbContext db, string code = "SP") =>
        new CreatePlan(db).HandleAsync(new CreatePlan.Request(PlanKind.Strategic, code, Title, null, 2024, 2027));

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task Every_create_update_and_delete_is_recorded_with_before_and_after_values(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        int planId;
        await using (var db = database.Context())
        {
            planId = (await CreatePlanAsync(db)).Id;
        }
        await using (var db = database.Context())
        {
            await new UpdatePlan(db).HandleAsync(new UpdatePlan.Request(planId, 0, null, new Dictionary<string, string?> { ["en"] = "Renamed plan" }, null, null, 2028));
        }
        await using (var db = database.Context())
        {
            await new DeletePlan(db).HandleAsync(new DeletePlan.Request(planId, 1));
        }

        await using var read = database.Context();
        var history = await new AuditQueries(read).HistoryAsync(nameof(Plan), planId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([AuditActions.Delete, AuditActions.Update, AuditActions.Create], history.Select(h => h.Action));
        Assert.All(history, h => Assert.Equal("planner@test", h.Actor));
        var update = history[1];
        Assert.Contains(update.Changes, c => c.Field == "Title.En" && c.Before == "Strategic plan" && c.After == "Renamed plan");
        Assert.Contains(update.Changes, c => c.Field == "EndYear" && c.Before == "2027" && c.After == "2028");
        Assert.DoesNotContain(update.Changes, c => c.Field == "Title.Fr");
        Assert.Contains(history[2].Changes, c => c.Field == "Code" && c.Before is null && c.After == "SP");
        Assert.Contains(history[0].Changes, c => c.Field == "Code" && c.Before == "SP" && c.After is null);
        // The levels created with the plan were deleted with it, and recorded too.
        Assert.True(await read.AuditEntries.CountAsync(a => a.EntityType == nameof(FrameworkLevel) && a.Action == AuditActions.Delete) >= 6);
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task The_audit_trail_cannot_be_changed_or_deleted_even_with_raw_SQL(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Context()) await CreatePlanAsync(db);
        await using var ctx = database.Context();
        var before = await ctx.AuditEntries.CountAsync();
        Assert.True(before > 0);
        await Assert.ThrowsAnyAsync<Exception>(() => ctx.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Actor\" = 'someone else'"));
        await Assert.ThrowsAnyAsync<Exception>(() => ctx.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));
        await using var check = database.Context();
        Assert.Equal(before, await check.AuditEntries.CountAsync());
        Assert.DoesNotContain(await check.AuditEntries.Select(a => a.Actor).ToListAsync(), a => a == "someone else");
    }

    [Fact]
    public async Task The_context_refuses_to_save_a_changed_audit_entry()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.Context()) await CreatePlanAsync(db);
        await using var ctx = database.Context();
        var entry = await ctx.AuditEntries.FirstAsync();
        entry.Actor = "tampered";
        await Assert.ThrowsAsync<InvalidOperationException>(() => ctx.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task A_second_writer_with_a_stale_version_gets_a_conflict_and_the_first_write_stands(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        int planId;
        await using (var db = database.Context()) planId = (await CreatePlanAsync(db)).Id;

        // Both read version 0; the first saves; the second must not overwrite it.
        await using var first = database.Context();
        await using var second = database.Context();
        var a = await first.Plans.SingleAsync(p => p.Id == planId);
        var b = await second.Plans.SingleAsync(p => p.Id == planId);
        a.Title = new LocalizedText("First writer", "Premier");
        await first.SaveChangesAsync();
        b.Title = new LocalizedText("Second writer", "Second");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveChangesAsync());

        await using var check = database.Context();
        var plan = await check.Plans.SingleAsync(p => p.Id == planId);
        Assert.Equal("First writer", plan.Title.En);
        Assert.Equal(1, plan.Version);
    }

    [Fact]
    public async Task A_handler_given_a_stale_version_reports_a_conflict_and_stores_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        int planId;
        await using (var db = database.Context()) planId = (await CreatePlanAsync(db)).Id;
        await using (var db = database.Context())
        {
            await new UpdatePlan(db).HandleAsync(new UpdatePlan.Request(planId, 0, null, null, null, null, 2030));
        }
        await using (var db = database.Context())
        {
            await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
                new UpdatePlan(db).HandleAsync(new UpdatePlan.Request(planId, 0, null, null, null, null, 2031)));
        }
        await using var check = database.Context();
        Assert.Equal(2030, (await check.Plans.SingleAsync()).EndYear);
    }

    [Fact]
    public async Task SQLite_runs_in_WAL_mode_with_synchronous_FULL()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Context();
        await db.Database.OpenConnectionAsync();
        var conn = db.Database.GetDbConnection();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await cmd.ExecuteScalarAsync());
        cmd.CommandText = "PRAGMA synchronous;";
        Assert.Equal(2L, (long?)await cmd.ExecuteScalarAsync()); // 2 = FULL
        cmd.CommandText = "PRAGMA foreign_keys;";
        Assert.Equal(1L, (long?)await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Audit_changes_are_stored_as_json_of_before_and_after_pairs()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.Context()) await CreatePlanAsync(db);
        await using var ctx = database.Context();
        var row = await ctx.AuditEntries.FirstAsync(a => a.EntityType == nameof(Plan));
        var parsed = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(row.ChangesJson)!;
        Assert.Equal([null, "Strategic plan"], parsed["Title.En"]);
        Assert.Equal(DateTimeKind.Utc, DateTime.SpecifyKind(row.AtUtc, DateTimeKind.Utc).Kind);
    }
}
