using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cadre.Migrations.Sqlite.Migrations;

/// <summary>
/// Full-text search over the document registry (ADR 0004): an FTS5 index over gov_documents.SearchText
/// (symbol, titles in every language, file text, folded by the application), kept in step by triggers.
/// Hand-written: the model has no FTS tables. Its timestamp sorts after the generated Governance migration.
/// </summary>
[DbContext(typeof(CadreDbContext))]
[Migration("20261123235000_DocumentSearch")]
public sealed class DocumentSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE gov_document_fts USING fts5(
                "SearchText",
                content='gov_documents', content_rowid='Id',
                tokenize='porter unicode61 remove_diacritics 2');
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER gov_documents_fts_insert AFTER INSERT ON gov_documents BEGIN
                INSERT INTO gov_document_fts(rowid, "SearchText") VALUES (new."Id", new."SearchText");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER gov_documents_fts_delete AFTER DELETE ON gov_documents BEGIN
                INSERT INTO gov_document_fts(gov_document_fts, rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER gov_documents_fts_update AFTER UPDATE OF "SearchText" ON gov_documents BEGIN
                INSERT INTO gov_document_fts(gov_document_fts, rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
                INSERT INTO gov_document_fts(rowid, "SearchText") VALUES (new."Id", new."SearchText");
            END;
            """);
        migrationBuilder.Sql("INSERT INTO gov_document_fts(gov_document_fts) VALUES ('rebuild');");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS gov_documents_fts_update;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS gov_documents_fts_delete;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS gov_documents_fts_insert;");
        migrationBuilder.Sql("DROP TABLE IF EXISTS gov_document_fts;");
    }
}
