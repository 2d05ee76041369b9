using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Demo;
using Cadre.Core.Identity;
using Cadre.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cadre.Core.Tests.Migrations;

/// <summary>
/// Migration S5Reporting turns a risk's single-language cause, consequence and actions into per-language texts. Its
/// data conversion is hand-written in the generated migration (EF only drops and adds columns): this test fails if a
/// regenerated migration loses it.
/// </summary>
public sealed class RiskTextsMigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Single(CadreDbContext db, string sql) => db.Database.SqlQueryRaw<string>(sql).AsEnumerable().Single();

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task A_risks_earlier_single_language_texts_become_its_English_texts_and_back(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Context(new FixedActor("admin@test", "u-admin", [Roles.Admin, Roles.Planner])))
        {
            await DemoData.LoadAsync(db, Ct);
        }
        await using (var db = database.Context())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_S5Reporting", StringComparison.Ordinal));
            Assert.True(index > 0);
            var migrator = db.GetService<IMigrator>();

            // Down: one text each, from English.
            await migrator.MigrateAsync(migrations[index - 1], Ct);
            Assert.Equal("Broaden the donor base through Partner2Connect; phase projects.", Single(db, "SELECT \"Actions\" AS \"Value\" FROM fin_risks WHERE \"Code\" = 'R-01'"));
            Assert.Equal("Voluntary contributions and partner funding decline.", Single(db, "SELECT \"Cause\" AS \"Value\" FROM fin_risks WHERE \"Code\" = 'R-01'"));

            // A register written before the change, then up again.
            await db.Database.ExecuteSqlRawAsync("UPDATE fin_risks SET \"Actions\" = 'Earlier actions', \"Cause\" = 'Earlier cause', \"Consequence\" = '' WHERE \"Code\" = 'R-02'", Ct);
            await migrator.MigrateAsync(null, Ct);
        }
        await using (var db = database.Context())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
            var r02 = await db.Risks.AsNoTracking().SingleAsync(r => r.Code == "R-02", Ct);
            Assert.Equal("Earlier actions", r02.Actions.En);
            Assert.Null(r02.Actions.Fr);
            Assert.Equal("Earlier cause", r02.Cause.En);
            Assert.True(r02.Consequence.IsEmpty);
            var r01 = await db.Risks.AsNoTracking().SingleAsync(r => r.Code == "R-01", Ct);
            Assert.Equal("Broaden the donor base through Partner2Connect; phase projects.", r01.Actions.En);
            Assert.Equal("Le financement des projets de connectivité rurale est insuffisant", r01.Title.Fr);
        }
    }
}
