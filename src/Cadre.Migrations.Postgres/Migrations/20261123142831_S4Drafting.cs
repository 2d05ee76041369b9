using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class S4Drafting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ContributionId",
                table: "dft_proposals",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_dft_proposals_ContributionId",
                table: "dft_proposals",
                column: "ContributionId");

            migrationBuilder.AddForeignKey(
                name: "FK_dft_proposals_gov_contributions_ContributionId",
                table: "dft_proposals",
                column: "ContributionId",
                principalTable: "gov_contributions",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_dft_proposals_gov_contributions_ContributionId",
                table: "dft_proposals");

            migrationBuilder.DropIndex(
                name: "IX_dft_proposals_ContributionId",
                table: "dft_proposals");

            migrationBuilder.DropColumn(
                name: "ContributionId",
                table: "dft_proposals");
        }
    }
}
