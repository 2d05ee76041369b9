using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cadre.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReportingS3 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NextPlanId",
                table: "rep_reports",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "rep_jobs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Stage",
                table: "rep_jobs",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ntf_notifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    MessageKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Arguments = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Url = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ntf_notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ntf_notifications_id_users_UserId",
                        column: x => x.UserId,
                        principalTable: "id_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rep_reports_NextPlanId",
                table: "rep_reports",
                column: "NextPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ntf_notifications_UserId_ReadAtUtc",
                table: "ntf_notifications",
                columns: new[] { "UserId", "ReadAtUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_rep_reports_plan_plans_NextPlanId",
                table: "rep_reports",
                column: "NextPlanId",
                principalTable: "plan_plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_rep_reports_plan_plans_NextPlanId",
                table: "rep_reports");

            migrationBuilder.DropTable(
                name: "ntf_notifications");

            migrationBuilder.DropIndex(
                name: "IX_rep_reports_NextPlanId",
                table: "rep_reports");

            migrationBuilder.DropColumn(
                name: "NextPlanId",
                table: "rep_reports");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "rep_jobs");

            migrationBuilder.DropColumn(
                name: "Stage",
                table: "rep_jobs");
        }
    }
}
