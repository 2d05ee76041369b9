using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cadre.Migrations.Sqlite.Migrations;

/// <summary>
/// The access flag in the search index (ADR 0004, session 4): a second FTS5 index, gov_document_fts_public, over the
/// public documents only, kept in step by triggers that look at gov_documents.Access. A reader who may not see
/// members-only documents searches it alone, without joining gov_documents to filter them out.
/// Hand-written like DocumentSearch (the model has no FTS tables); its timestamp sorts after it.
/// </summary>
[DbContext(typeof(CadreDbContext))]
[Migration("20261123235900_S4Governance")]
public sealed class S4Governance : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE gov_document_fts_public USING fts5(
                "SearchText",
                content='gov_documents', content_rowid='Id',
                tokenize='porter unicode61 remove_diacritics 2');
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER gov_documents_fts_public_insert AFTER INSERT ON gov_documents WHEN new."Access" = 'Public' BEGIN
                INSERT INTO gov_document_fts_public(rowid, "SearchText") VALUES (new."Id", new."SearchText");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER gov_documents_fts_public_delete AFTER DELETE ON gov_documents WHEN old."Access" = 'Public' BEGIN
                INSERT INTO gov_document_fts_public(gov_document_fts_public, rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER gov_documents_fts_public_update AFTER UPDATE OF "SearchText", "Access" ON gov_documents BEGIN
                INSERT INTO gov_document_fts_public(gov_document_fts_public, rowid, "SearchText")
                    SELECT 'delete', old."Id", old."SearchText" WHERE old."Access" = 'Public';
                INSERT INTO gov_document_fts_public(rowid, "SearchText")
                    SELECT new."Id", new."SearchText" WHERE new."Access" = 'Public';
            END;
            """);
        migrationBuilder.Sql("""
            INSERT INTO gov_document_fts_public(rowid, "SearchText") SELECT "Id", "SearchText" FROM gov_documents WHERE "Access" = 'Public';
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS gov_documents_fts_public_update;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS gov_documents_fts_public_delete;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS gov_documents_fts_public_insert;");
        migrationBuilder.Sql("DROP TABLE IF EXISTS gov_document_fts_public;");
    }
}
