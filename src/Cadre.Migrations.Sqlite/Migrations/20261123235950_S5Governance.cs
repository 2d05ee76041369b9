using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cadre.Migrations.Sqlite.Migrations;

/// <summary>
/// Two narrow indexes over gov_documents for the registry search (ADR 0004, session 5), so that a filter is tested
/// in an index rather than in the document's row (about 1 KB with its search text, read page by page otherwise):
/// <list type="bullet">
/// <item>IX_gov_documents_DocumentDate_Filters (date, id, then the filtered columns): the list without search words,
/// newest first, filtered by language, dates, body, type or access, walks it in order and reads the rows of the
/// page only;</item>
/// <item>IX_gov_documents_Id_Filters (id, then the filtered columns and what a search returns): a search with
/// filters takes each FTS5 match's row from it (the query names it with INDEXED BY).</item>
/// </list>
/// Hand-written like DocumentSearch and S4Governance (the indexes start with the rowid, which the model cannot say);
/// its timestamp sorts after them.
/// </summary>
[DbContext(typeof(CadreDbContext))]
[Migration("20261123235950_S5Governance")]
public sealed class S5Governance : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE INDEX "IX_gov_documents_DocumentDate_Filters" ON gov_documents ("DocumentDate", "Id", "OriginalLanguage", "Access", "Type", "BodyId");
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_gov_documents_Id_Filters" ON gov_documents ("Id", "Type", "BodyId", "OriginalLanguage", "Access", "DocumentDate", "Symbol");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_gov_documents_Id_Filters\";");
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_gov_documents_DocumentDate_Filters\";");
    }
}
