using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cadre.Migrations.Postgres.Migrations;

/// <summary>
/// The search's match column (ADR 0004, session 5): "SearchKeys", the same lexemes as "SearchVector" without their
/// positions (strip), stored in the row (STORAGE MAIN) rather than in TOAST. The search tests it row by row while it
/// walks the newest documents first, which with "SearchVector" (about 2 KB a document, stored out of line) meant one
/// TOAST fetch per row; "SearchVector" keeps the positions and is read only for ts_rank of the (at most 1,001)
/// candidates. The GIN indexes move to the new column: the full one and the partial one over the public documents,
/// which PostgreSQL now uses for a reader without members-only access (the query says "Access" = 'Public' literally).
/// Hand-written like DocumentSearch and S4Governance (the model has no tsvector); its timestamp sorts after them.
/// </summary>
[DbContext(typeof(CadreDbContext))]
[Migration("20261123235950_S5Governance")]
public sealed class S5Governance : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE gov_documents
                ADD COLUMN "SearchKeys" tsvector GENERATED ALWAYS AS (strip(
                    to_tsvector('simple'::regconfig, "SearchText")
                    || to_tsvector('english'::regconfig, "SearchText")
                    || to_tsvector('french'::regconfig, "SearchText"))) STORED,
                ALTER COLUMN "SearchKeys" SET STORAGE MAIN;
            """);
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_gov_documents_SearchVector_Public\";");
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_gov_documents_SearchVector\";");
        migrationBuilder.Sql("CREATE INDEX \"IX_gov_documents_SearchKeys\" ON gov_documents USING GIN (\"SearchKeys\");");
        migrationBuilder.Sql("""
            CREATE INDEX "IX_gov_documents_SearchKeys_Public" ON gov_documents USING GIN ("SearchKeys") WHERE "Access" = 'Public';
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_gov_documents_SearchKeys_Public\";");
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_gov_documents_SearchKeys\";");
        migrationBuilder.Sql("ALTER TABLE gov_documents DROP COLUMN IF EXISTS \"SearchKeys\";");
        migrationBuilder.Sql("CREATE INDEX \"IX_gov_documents_SearchVector\" ON gov_documents USING GIN (\"SearchVector\");");
        migrationBuilder.Sql("""
            CREATE INDEX "IX_gov_documents_SearchVector_Public" ON gov_documents USING GIN ("SearchVector") WHERE "Access" = 'Public';
            """);
    }
}
