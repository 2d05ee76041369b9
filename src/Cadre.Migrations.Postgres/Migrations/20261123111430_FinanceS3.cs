using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cadre.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FinanceS3 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fin_goal_shares",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FinancialPlanId = table.Column<int>(type: "integer", nullable: false),
                    ElementId = table.Column<int>(type: "integer", nullable: false),
                    GoalId = table.Column<int>(type: "integer", nullable: false),
                    Percent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fin_goal_shares");
        }
    }
}
