using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Results : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "res_dimensions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsStandard = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name_Ar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_Es = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_Fr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_Ru = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_Zh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_dimensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_res_dimensions_plan_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plan_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "res_indicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    ElementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BandLow = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    BandHigh = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    BaselineValue = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    BaselineYear = table.Column<int>(type: "INTEGER", nullable: true),
                    EndTarget = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CustomPeriods = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Cumulative = table.Column<bool>(type: "INTEGER", nullable: false),
                    DataSource = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ResponsibleUnit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ValidatorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Definition_Ar = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Definition_En = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Definition_Es = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Definition_Fr = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Definition_Ru = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Definition_Zh = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Name_Ar = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Name_Es = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Name_Fr = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Name_Ru = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Name_Zh = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_res_indicators_plan_elements_ElementId",
                        column: x => x.ElementId,
                        principalTable: "plan_elements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_res_indicators_plan_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plan_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "res_settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    OnTrackThreshold = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    AtRiskThreshold = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_settings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_res_settings_plan_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plan_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "res_dimension_values",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DimensionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name_Ar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_Es = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_Fr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_Ru = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_Zh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_dimension_values", x => x.Id);
                    table.ForeignKey(
                        name: "FK_res_dimension_values_res_dimensions_DimensionId",
                        column: x => x.DimensionId,
                        principalTable: "res_dimensions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "res_indicator_dimensions",
                columns: table => new
                {
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    DimensionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_indicator_dimensions", x => new { x.IndicatorId, x.DimensionId });
                    table.ForeignKey(
                        name: "FK_res_indicator_dimensions_res_dimensions_DimensionId",
                        column: x => x.DimensionId,
                        principalTable: "res_dimensions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_res_indicator_dimensions_res_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "res_indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "res_targets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    DimensionValueId = table.Column<int>(type: "INTEGER", nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_targets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_res_targets_res_dimension_values_DimensionValueId",
                        column: x => x.DimensionValueId,
                        principalTable: "res_dimension_values",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_res_targets_res_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "res_indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "res_values",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SubPeriod = table.Column<int>(type: "INTEGER", nullable: false),
                    DimensionValueId = table.Column<int>(type: "INTEGER", nullable: true),
                    SeriesKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EvidenceUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EvidenceFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EvidenceContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EvidenceContent = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    CorrectsId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_values", x => x.Id);
                    table.ForeignKey(
                        name: "FK_res_values_res_dimension_values_DimensionValueId",
                        column: x => x.DimensionValueId,
                        principalTable: "res_dimension_values",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_res_values_res_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "res_indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_res_values_res_values_CorrectsId",
                        column: x => x.CorrectsId,
                        principalTable: "res_values",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_res_dimension_values_DimensionId_Code",
                table: "res_dimension_values",
                columns: new[] { "DimensionId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_res_dimensions_PlanId_Code",
                table: "res_dimensions",
                columns: new[] { "PlanId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_res_indicator_dimensions_DimensionId",
                table: "res_indicator_dimensions",
                column: "DimensionId");

            migrationBuilder.CreateIndex(
                name: "IX_res_indicators_ElementId_SortOrder",
                table: "res_indicators",
                columns: new[] { "ElementId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_res_indicators_PlanId_Code",
                table: "res_indicators",
                columns: new[] { "PlanId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_res_indicators_PlanId_ResponsibleUnit",
                table: "res_indicators",
                columns: new[] { "PlanId", "ResponsibleUnit" });

            migrationBuilder.CreateIndex(
                name: "IX_res_settings_PlanId",
                table: "res_settings",
                column: "PlanId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_res_targets_DimensionValueId",
                table: "res_targets",
                column: "DimensionValueId");

            migrationBuilder.CreateIndex(
                name: "IX_res_targets_IndicatorId_Year",
                table: "res_targets",
                columns: new[] { "IndicatorId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_res_values_CorrectsId",
                table: "res_values",
                column: "CorrectsId");

            migrationBuilder.CreateIndex(
                name: "IX_res_values_DimensionValueId",
                table: "res_values",
                column: "DimensionValueId");

            migrationBuilder.CreateIndex(
                name: "IX_res_values_IndicatorId_SeriesKey_Revision",
                table: "res_values",
                columns: new[] { "IndicatorId", "SeriesKey", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_res_values_IndicatorId_Status_Year",
                table: "res_values",
                columns: new[] { "IndicatorId", "Status", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "res_indicator_dimensions");

            migrationBuilder.DropTable(
                name: "res_settings");

            migrationBuilder.DropTable(
                name: "res_targets");

            migrationBuilder.DropTable(
                name: "res_values");

            migrationBuilder.DropTable(
                name: "res_dimension_values");

            migrationBuilder.DropTable(
                name: "res_indicators");

            migrationBuilder.DropTable(
                name: "res_dimensions");
        }
    }
}
