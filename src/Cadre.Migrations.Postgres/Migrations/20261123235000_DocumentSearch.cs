using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cadre.Migrations.Postgres.Migrations;

/// <summary>
/// Full-text search over the document registry (ADR 0004): a stored tsvector of gov_documents.SearchText
/// (symbol, titles in every language, file text, folded by the application) with the 'simple', 'english'
/// and 'french' configurations together, and a GIN index over it. Hand-written: the model has no tsvector.
/// Its timestamp sorts after the generated Governance migration.
/// </summary>
[DbContext(typeof(CadreDbContext))]
[Migration("20261123235000_DocumentSearch")]
public sealed class DocumentSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE gov_documents ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                to_tsvector('simple'::regconfig, "SearchText")
                || to_tsvector('english'::regconfig, "SearchText")
                || to_tsvector('french'::regconfig, "SearchText")) STORED;
            """);
        migrationBuilder.Sql("CREATE INDEX \"IX_gov_documents_SearchVector\" ON gov_documents USING GIN (\"SearchVector\");");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_gov_documents_SearchVector\";");
        migrationBuilder.Sql("ALTER TABLE gov_documents DROP COLUMN IF EXISTS \"SearchVector\";");
    }
}
