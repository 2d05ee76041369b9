using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Session3Forms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NextPlanId",
                table: "rep_reports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "rep_jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Stage",
                table: "rep_jobs",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Documents",
                table: "gov_liaison_statements",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "fin_goal_shares",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FinancialPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    ElementId = table.Column<int>(type: "INTEGER", nullable: false),
                    GoalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Percent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_goal_shares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fin_goal_shares_fin_financial_plans_FinancialPlanId",
                        column: x => x.FinancialPlanId,
                        principalTable: "fin_financial_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_fin_goal_shares_plan_elements_ElementId",
                        column: x => x.ElementId,
                        principalTable: "plan_elements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_fin_goal_shares_plan_elements_GoalId",
                        column: x => x.GoalId,
                        principalTable: "plan_elements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ntf_notifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    MessageKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Arguments = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                name: "IX_fin_goal_shares_ElementId",
                table: "fin_goal_shares",
                column: "ElementId");

            migrationBuilder.CreateIndex(
                name: "IX_fin_goal_shares_FinancialPlanId_ElementId_GoalId",
                table: "fin_goal_shares",
                columns: new[] { "FinancialPlanId", "ElementId", "GoalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_goal_shares_GoalId",
                table: "fin_goal_shares",
                column: "GoalId");

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
                name: "fin_goal_shares");

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

            migrationBuilder.DropColumn(
                name: "Documents",
                table: "gov_liaison_statements");
        }
    }
}
