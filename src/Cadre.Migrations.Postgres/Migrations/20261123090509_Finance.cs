using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cadre.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Finance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fin_financial_plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    AdoptedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_financial_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fin_financial_plans_plan_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plan_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fin_output_resources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ElementId = table.Column<int>(type: "integer", nullable: false),
                    ResponsibleUnit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    StaffDays = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_output_resources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fin_output_resources_plan_elements_ElementId",
                        column: x => x.ElementId,
                        principalTable: "plan_elements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fin_risks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    ElementId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Cause = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Consequence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Likelihood = table.Column<int>(type: "integer", nullable: false),
                    Impact = table.Column<int>(type: "integer", nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Response = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Actions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NextReviewUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Title_Ar = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Title_En = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Title_Es = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Title_Fr = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Title_Ru = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Title_Zh = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_risks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fin_risks_plan_elements_ElementId",
                        column: x => x.ElementId,
                        principalTable: "plan_elements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_fin_risks_plan_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plan_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fin_budgets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FinancialPlanId = table.Column<int>(type: "integer", nullable: false),
                    StartYear = table.Column<int>(type: "integer", nullable: false),
                    EndYear = table.Column<int>(type: "integer", nullable: false),
                    Closed = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_budgets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fin_budgets_fin_financial_plans_FinancialPlanId",
                        column: x => x.FinancialPlanId,
                        principalTable: "fin_financial_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fin_limits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FinancialPlanId = table.Column<int>(type: "integer", nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_limits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fin_limits_fin_financial_plans_FinancialPlanId",
                        column: x => x.FinancialPlanId,
                        principalTable: "fin_financial_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fin_plan_lines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FinancialPlanId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_plan_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fin_plan_lines_fin_financial_plans_FinancialPlanId",
                        column: x => x.FinancialPlanId,
                        principalTable: "fin_financial_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fin_unit_attributions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FinancialPlanId = table.Column<int>(type: "integer", nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_unit_attributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fin_unit_attributions_fin_financial_plans_FinancialPlanId",
                        column: x => x.FinancialPlanId,
                        principalTable: "fin_financial_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fin_risk_assessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RiskId = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AssessedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Likelihood = table.Column<int>(type: "integer", nullable: false),
                    Impact = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_risk_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fin_risk_assessments_fin_risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "fin_risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fin_budget_lines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BudgetId = table.Column<int>(type: "integer", nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_budget_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fin_budget_lines_fin_budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "fin_budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fin_expenditure",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BudgetId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Description = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ImportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_expenditure", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fin_expenditure_fin_budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "fin_budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fin_attribution_shares",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitAttributionId = table.Column<int>(type: "integer", nullable: false),
                    ElementId = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_attribution_shares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fin_attribution_shares_fin_unit_attributions_UnitAttributio~",
                        column: x => x.UnitAttributionId,
                        principalTable: "fin_unit_attributions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_fin_attribution_shares_plan_elements_ElementId",
                        column: x => x.ElementId,
                        principalTable: "plan_elements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fin_attribution_shares_ElementId",
                table: "fin_attribution_shares",
                column: "ElementId");

            migrationBuilder.CreateIndex(
                name: "IX_fin_attribution_shares_UnitAttributionId_ElementId",
                table: "fin_attribution_shares",
                columns: new[] { "UnitAttributionId", "ElementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_budget_lines_BudgetId_Unit_Category",
                table: "fin_budget_lines",
                columns: new[] { "BudgetId", "Unit", "Category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_budgets_FinancialPlanId_StartYear",
                table: "fin_budgets",
                columns: new[] { "FinancialPlanId", "StartYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_expenditure_BudgetId_Unit_Year",
                table: "fin_expenditure",
                columns: new[] { "BudgetId", "Unit", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_fin_financial_plans_PlanId",
                table: "fin_financial_plans",
                column: "PlanId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_limits_FinancialPlanId_Unit",
                table: "fin_limits",
                columns: new[] { "FinancialPlanId", "Unit" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_output_resources_ElementId",
                table: "fin_output_resources",
                column: "ElementId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_plan_lines_FinancialPlanId_Kind_Category_Year",
                table: "fin_plan_lines",
                columns: new[] { "FinancialPlanId", "Kind", "Category", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_risk_assessments_RiskId_AtUtc",
                table: "fin_risk_assessments",
                columns: new[] { "RiskId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_fin_risks_ElementId",
                table: "fin_risks",
                column: "ElementId");

            migrationBuilder.CreateIndex(
                name: "IX_fin_risks_PlanId_Code",
                table: "fin_risks",
                columns: new[] { "PlanId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_unit_attributions_FinancialPlanId_Unit",
                table: "fin_unit_attributions",
                columns: new[] { "FinancialPlanId", "Unit" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fin_attribution_shares");

            migrationBuilder.DropTable(
                name: "fin_budget_lines");

            migrationBuilder.DropTable(
                name: "fin_expenditure");

            migrationBuilder.DropTable(
                name: "fin_limits");

            migrationBuilder.DropTable(
                name: "fin_output_resources");

            migrationBuilder.DropTable(
                name: "fin_plan_lines");

            migrationBuilder.DropTable(
                name: "fin_risk_assessments");

            migrationBuilder.DropTable(
                name: "fin_unit_attributions");

            migrationBuilder.DropTable(
                name: "fin_budgets");

            migrationBuilder.DropTable(
                name: "fin_risks");

            migrationBuilder.DropTable(
                name: "fin_financial_plans");
        }
    }
}
