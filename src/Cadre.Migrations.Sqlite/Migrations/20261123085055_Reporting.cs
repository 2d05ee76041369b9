using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Reporting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rep_reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CorrectsReportId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConsideredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CouncilDecision = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CouncilDecisionBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rep_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rep_reports_plan_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plan_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rep_reports_rep_reports_CorrectsReportId",
                        column: x => x.CorrectsReportId,
                        principalTable: "rep_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rep_artefacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ModelJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rep_artefacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rep_artefacts_rep_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "rep_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rep_narratives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rep_narratives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rep_narratives_rep_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "rep_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rep_jobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProgressPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    QueuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ArtefactId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rep_jobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rep_jobs_rep_artefacts_ArtefactId",
                        column: x => x.ArtefactId,
                        principalTable: "rep_artefacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_rep_jobs_rep_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "rep_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rep_artefacts_ReportId",
                table: "rep_artefacts",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_rep_jobs_ArtefactId",
                table: "rep_jobs",
                column: "ArtefactId");

            migrationBuilder.CreateIndex(
                name: "IX_rep_jobs_ReportId",
                table: "rep_jobs",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_rep_jobs_Status_Id",
                table: "rep_jobs",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_rep_narratives_ReportId_SectionKey_Language",
                table: "rep_narratives",
                columns: new[] { "ReportId", "SectionKey", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rep_reports_CorrectsReportId",
                table: "rep_reports",
                column: "CorrectsReportId");

            migrationBuilder.CreateIndex(
                name: "IX_rep_reports_PlanId_Kind_Year_VersionNumber",
                table: "rep_reports",
                columns: new[] { "PlanId", "Kind", "Year", "VersionNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rep_jobs");

            migrationBuilder.DropTable(
                name: "rep_narratives");

            migrationBuilder.DropTable(
                name: "rep_artefacts");

            migrationBuilder.DropTable(
                name: "rep_reports");
        }
    }
}
