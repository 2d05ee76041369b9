using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cadre.Migrations.Postgres.Migrations;

/// <summary>
/// The access flag in the search index (ADR 0004, session 4): a partial GIN index over the search vector of the
/// public documents only. The search of a reader who may not see members-only documents says
/// <c>"Access" = 'Public'</c> literally, so PostgreSQL can use it and never visits the others.
/// Hand-written like DocumentSearch (the model has no tsvector); its timestamp sorts after it.
/// </summary>
[DbContext(typeof(CadreDbContext))]
[Migration("20261123235900_S4Governance")]
public sealed class S4Governance : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE INDEX "IX_gov_documents_SearchVector_Public" ON gov_documents USING GIN ("SearchVector") WHERE "Access" = 'Public';
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_gov_documents_SearchVector_Public\";");
    }
}
