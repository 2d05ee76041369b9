using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class S5Reporting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.AddColumn<string>(
                name: "Actions_Ar",
                table: "fin_risks",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Actions_En",
                table: "fin_risks",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Actions_Es",
                table: "fin_risks",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Actions_Fr",
                table: "fin_risks",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Actions_Ru",
                table: "fin_risks",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Actions_Zh",
                table: "fin_risks",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Cause_Ar",
                table: "fin_risks",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Cause_En",
                table: "fin_risks",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Cause_Es",
                table: "fin_risks",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Cause_Fr",
                table: "fin_risks",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Cause_Ru",
                table: "fin_risks",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Cause_Zh",
                table: "fin_risks",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Consequence_Ar",
                table: "fin_risks",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Consequence_En",
                table: "fin_risks",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Consequence_Es",
                table: "fin_risks",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Consequence_Fr",
                table: "fin_risks",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Consequence_Ru",
                table: "fin_risks",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Consequence_Zh",
                table: "fin_risks",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            // Hand-written (brief of session 5): the single-language texts become the English ones before their columns go.
            migrationBuilder.Sql("UPDATE fin_risks SET \"Cause_En\" = NULLIF(TRIM(\"Cause\"), ''), \"Consequence_En\" = NULLIF(TRIM(\"Consequence\"), ''), \"Actions_En\" = NULLIF(TRIM(\"Actions\"), '');");

            migrationBuilder.DropColumn(
                name: "Actions",
                table: "fin_risks");

            migrationBuilder.DropColumn(
                name: "Cause",
                table: "fin_risks");

            migrationBuilder.DropColumn(
                name: "Consequence",
                table: "fin_risks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.AddColumn<string>(
                name: "Actions",
                table: "fin_risks",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Cause",
                table: "fin_risks",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Consequence",
                table: "fin_risks",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            // Hand-written: back to one text each, from English (else French).
            migrationBuilder.Sql("UPDATE fin_risks SET \"Cause\" = COALESCE(\"Cause_En\", \"Cause_Fr\", ''), \"Consequence\" = COALESCE(\"Consequence_En\", \"Consequence_Fr\", ''), \"Actions\" = COALESCE(\"Actions_En\", \"Actions_Fr\", '');");

            migrationBuilder.DropColumn(
                name: "Actions_Ar",
                table: "fin_risks");

            migrationBuilder.DropColumn(
                name: "Actions_En",
                table: "fin_risks");

            migrationBuilder.DropColumn(
                name: "Actions_Es",
                table: "fin_risks");

            migrationBuilder.DropColumn(
                name: "Actions_Fr",
                table: "fin_risks");

            migrationBuilder.DropColumn(
                name: "Actions_Ru",
                table: "fin_risks");

            migrationBuilder.DropColumn(
                name: "Actions_Zh",
                table: "fin_risks");

            migrationBuilder.DropColumn(
                name: "Cause_Ar",
                table: "fin_risks");

            migrationBuilder.DropColumn(
                name: "Cause_En",
                table: "fin_risks");

            migrationBuilder.DropColumn(
                name: "Cause_Es",
                table: "fin_risks");

            migrationBuilder.DropColumn(
                name: "Cause_Fr",
                table: "fin_risks");

            migrationBuilder.DropColumn(
                name: "Cause_Ru",
                table: "fin_risks");

            migrationBuilder.DropColumn(
                name: "Cause_Zh",
                table: "fin_risks");

            migrationBuilder.DropColumn(
                name: "Consequence_Ar",
                table: "fin_risks");

            migrationBuilder.DropColumn(
                name: "Consequence_En",
                table: "fin_risks");

            migrationBuilder.DropColumn(
                name: "Consequence_Es",
                table: "fin_risks");

            migrationBuilder.DropColumn(
                name: "Consequence_Fr",
                table: "fin_risks");

            migrationBuilder.DropColumn(
                name: "Consequence_Ru",
                table: "fin_risks");

            migrationBuilder.DropColumn(
                name: "Consequence_Zh",
                table: "fin_risks");
        }
    }
}
