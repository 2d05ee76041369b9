using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Drafting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dft_instruments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Title_Ar = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_En = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_Es = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_Fr = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_Ru = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_Zh = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dft_instruments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dft_versions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstrumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Provenance = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CompilationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dft_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dft_versions_dft_instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "dft_instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dft_compilations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BaseVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProposalIds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ResolutionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResultVersionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dft_compilations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dft_compilations_dft_versions_BaseVersionId",
                        column: x => x.BaseVersionId,
                        principalTable: "dft_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dft_proposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BaseVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CoSigners = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dft_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dft_proposals_dft_versions_BaseVersionId",
                        column: x => x.BaseVersionId,
                        principalTable: "dft_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dft_proposal_revisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangesJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dft_proposal_revisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dft_proposal_revisions_dft_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "dft_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dft_compilations_BaseVersionId",
                table: "dft_compilations",
                column: "BaseVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_dft_instruments_Kind_Body_Number",
                table: "dft_instruments",
                columns: new[] { "Kind", "Body", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dft_proposal_revisions_ProposalId_Number",
                table: "dft_proposal_revisions",
                columns: new[] { "ProposalId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dft_proposals_BaseVersionId_MemberCode",
                table: "dft_proposals",
                columns: new[] { "BaseVersionId", "MemberCode" });

            migrationBuilder.CreateIndex(
                name: "IX_dft_versions_InstrumentId_Label_Language",
                table: "dft_versions",
                columns: new[] { "InstrumentId", "Label", "Language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dft_compilations");

            migrationBuilder.DropTable(
                name: "dft_proposal_revisions");

            migrationBuilder.DropTable(
                name: "dft_proposals");

            migrationBuilder.DropTable(
                name: "dft_versions");

            migrationBuilder.DropTable(
                name: "dft_instruments");
        }
    }
}
