using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cadre.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Governance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "gov_bodies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Sector = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    MandateSymbol = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Membership = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    WorksByCorrespondence = table.Column<bool>(type: "boolean", nullable: false),
                    MeetsVirtually = table.Column<bool>(type: "boolean", nullable: false),
                    MeetsPhysically = table.Column<bool>(type: "boolean", nullable: false),
                    WorkingLanguage = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ActiveFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ActiveTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Mandate_Ar = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Mandate_En = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Mandate_Es = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Mandate_Fr = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Mandate_Ru = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Mandate_Zh = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Name_Ar = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Name_En = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Name_Es = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Name_Fr = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Name_Ru = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Name_Zh = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gov_bodies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_gov_bodies_gov_bodies_ParentId",
                        column: x => x.ParentId,
                        principalTable: "gov_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "con_surveys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BodyId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpensAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosesAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    ResultsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Description_Ar = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Description_En = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Description_Es = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Description_Fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Description_Ru = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Description_Zh = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Title_Ar = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Title_En = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Title_Es = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Title_Fr = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Title_Ru = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Title_Zh = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_con_surveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_con_surveys_gov_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "gov_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "gov_body_members",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gov_body_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_gov_body_members_gov_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "gov_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_gov_body_members_gov_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "gov_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "gov_body_officers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TermFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    TermTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gov_body_officers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_gov_body_officers_gov_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "gov_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_gov_body_officers_id_users_UserId",
                        column: x => x.UserId,
                        principalTable: "id_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "gov_liaison_statements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FromBodyId = table.Column<int>(type: "integer", nullable: false),
                    ToBodyId = table.Column<int>(type: "integer", nullable: false),
                    Symbol = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    InReplyToId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Text_Ar = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Text_En = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Text_Es = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Text_Fr = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Text_Ru = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Text_Zh = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Title_Ar = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Title_En = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Title_Es = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Title_Fr = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Title_Ru = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Title_Zh = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gov_liaison_statements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_gov_liaison_statements_gov_bodies_FromBodyId",
                        column: x => x.FromBodyId,
                        principalTable: "gov_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_gov_liaison_statements_gov_bodies_ToBodyId",
                        column: x => x.ToBodyId,
                        principalTable: "gov_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_gov_liaison_statements_gov_liaison_statements_InReplyToId",
                        column: x => x.InReplyToId,
                        principalTable: "gov_liaison_statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "gov_meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Venue = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Platform = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    JoinLink = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    InterpretationLanguages = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AgendaAdoptedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReportSymbol = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ReportSummary_Ar = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReportSummary_En = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReportSummary_Es = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReportSummary_Fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReportSummary_Ru = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReportSummary_Zh = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Title_Ar = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Title_En = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Title_Es = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Title_Fr = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Title_Ru = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Title_Zh = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gov_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_gov_meetings_gov_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "gov_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "gov_recommendations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    ToBodyId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceSymbol = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    ProposedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecisionSymbol = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Documents = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Decision_Ar = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Decision_En = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Decision_Es = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Decision_Fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Decision_Ru = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Decision_Zh = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Text_Ar = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Text_En = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Text_Es = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Text_Fr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Text_Ru = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Text_Zh = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gov_recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_gov_recommendations_gov_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "gov_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_gov_recommendations_gov_bodies_ToBodyId",
                        column: x => x.ToBodyId,
                        principalTable: "gov_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "con_questions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    TopK = table.Column<int>(type: "integer", nullable: true),
                    ScalePoints = table.Column<int>(type: "integer", nullable: true),
                    Text_Ar = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Text_En = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Text_Es = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Text_Fr = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Text_Ru = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Text_Zh = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_con_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_con_questions_con_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "con_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "con_responses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_con_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_con_responses_con_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "con_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_con_responses_gov_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "gov_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "gov_agenda_items",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    SubItem = table.Column<int>(type: "integer", nullable: false),
                    Documents = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Title_Ar = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Title_En = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Title_Es = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Title_Fr = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Title_Ru = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Title_Zh = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gov_agenda_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_gov_agenda_items_gov_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "gov_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "gov_documents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Symbol = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    BaseSymbol = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    SymbolBody = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    OriginalLanguage = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Access = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FromSecretariat = table.Column<bool>(type: "boolean", nullable: false),
                    DocumentDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RegisteredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BodyId = table.Column<int>(type: "integer", nullable: true),
                    MeetingId = table.Column<int>(type: "integer", nullable: true),
                    SearchText = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Title_Ar = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Title_En = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Title_Es = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Title_Fr = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Title_Ru = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Title_Zh = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gov_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_gov_documents_gov_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "gov_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_gov_documents_gov_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "gov_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "gov_work_items",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MeetingId = table.Column<int>(type: "integer", nullable: true),
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
                    table.PrimaryKey("PK_gov_work_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_gov_work_items_gov_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "gov_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_gov_work_items_gov_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "gov_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "gov_recommendation_elements",
                columns: table => new
                {
                    RecommendationId = table.Column<int>(type: "integer", nullable: false),
                    PlanElementId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gov_recommendation_elements", x => new { x.RecommendationId, x.PlanElementId });
                    table.ForeignKey(
                        name: "FK_gov_recommendation_elements_gov_recommendations_Recommendat~",
                        column: x => x.RecommendationId,
                        principalTable: "gov_recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_gov_recommendation_elements_plan_elements_PlanElementId",
                        column: x => x.PlanElementId,
                        principalTable: "plan_elements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "con_options",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Label_Ar = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Label_En = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Label_Es = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Label_Fr = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Label_Ru = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Label_Zh = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_con_options", x => x.Id);
                    table.ForeignKey(
                        name: "FK_con_options_con_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "con_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "con_answers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<int>(type: "integer", nullable: false),
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    Choices = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Scale = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_con_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_con_answers_con_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "con_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_con_answers_con_responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "con_responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "gov_contributions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    MeetingId = table.Column<int>(type: "integer", nullable: true),
                    LeadMemberId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DeadlineUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IsLate = table.Column<bool>(type: "boolean", nullable: false),
                    AcceptedLateBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DocumentId = table.Column<int>(type: "integer", nullable: true),
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
                    table.PrimaryKey("PK_gov_contributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_gov_contributions_gov_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "gov_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_gov_contributions_gov_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "gov_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_gov_contributions_gov_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "gov_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_gov_contributions_gov_members_LeadMemberId",
                        column: x => x.LeadMemberId,
                        principalTable: "gov_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "gov_document_files",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    ExtractedText = table.Column<string>(type: "text", nullable: true),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gov_document_files", x => x.Id);
                    table.ForeignKey(
                        name: "FK_gov_document_files_gov_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "gov_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "gov_document_references",
                columns: table => new
                {
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    ReferencedDocumentId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gov_document_references", x => new { x.DocumentId, x.ReferencedDocumentId });
                    table.ForeignKey(
                        name: "FK_gov_document_references_gov_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "gov_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_gov_document_references_gov_documents_ReferencedDocumentId",
                        column: x => x.ReferencedDocumentId,
                        principalTable: "gov_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "gov_document_sources",
                columns: table => new
                {
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gov_document_sources", x => new { x.DocumentId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_gov_document_sources_gov_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "gov_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_gov_document_sources_gov_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "gov_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "gov_contribution_proposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContributionId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ByConsensus = table.Column<bool>(type: "boolean", nullable: true),
                    OutcomeNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OutcomeAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OutcomeBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gov_contribution_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_gov_contribution_proposals_gov_contributions_ContributionId",
                        column: x => x.ContributionId,
                        principalTable: "gov_contributions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "gov_contribution_signers",
                columns: table => new
                {
                    ContributionId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gov_contribution_signers", x => new { x.ContributionId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_gov_contribution_signers_gov_contributions_ContributionId",
                        column: x => x.ContributionId,
                        principalTable: "gov_contributions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_gov_contribution_signers_gov_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "gov_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_con_answers_QuestionId",
                table: "con_answers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_con_answers_ResponseId_QuestionId",
                table: "con_answers",
                columns: new[] { "ResponseId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_con_options_QuestionId_Position",
                table: "con_options",
                columns: new[] { "QuestionId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_con_questions_SurveyId_Position",
                table: "con_questions",
                columns: new[] { "SurveyId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_con_responses_MemberId",
                table: "con_responses",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_con_responses_SurveyId_MemberId",
                table: "con_responses",
                columns: new[] { "SurveyId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_con_surveys_BodyId",
                table: "con_surveys",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_con_surveys_Code",
                table: "con_surveys",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_gov_agenda_items_MeetingId_Number_SubItem",
                table: "gov_agenda_items",
                columns: new[] { "MeetingId", "Number", "SubItem" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_gov_bodies_Code",
                table: "gov_bodies",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_gov_bodies_ParentId",
                table: "gov_bodies",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_gov_body_members_BodyId_MemberId",
                table: "gov_body_members",
                columns: new[] { "BodyId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_gov_body_members_MemberId",
                table: "gov_body_members",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_gov_body_officers_BodyId",
                table: "gov_body_officers",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_gov_body_officers_UserId",
                table: "gov_body_officers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_gov_contribution_proposals_ContributionId_Number",
                table: "gov_contribution_proposals",
                columns: new[] { "ContributionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_gov_contribution_signers_MemberId",
                table: "gov_contribution_signers",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_gov_contributions_BodyId_Status",
                table: "gov_contributions",
                columns: new[] { "BodyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_gov_contributions_DocumentId",
                table: "gov_contributions",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_gov_contributions_LeadMemberId",
                table: "gov_contributions",
                column: "LeadMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_gov_contributions_MeetingId",
                table: "gov_contributions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_gov_document_files_DocumentId_Language",
                table: "gov_document_files",
                columns: new[] { "DocumentId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_gov_document_references_ReferencedDocumentId",
                table: "gov_document_references",
                column: "ReferencedDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_gov_document_sources_MemberId",
                table: "gov_document_sources",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_gov_documents_BaseSymbol",
                table: "gov_documents",
                column: "BaseSymbol");

            migrationBuilder.CreateIndex(
                name: "IX_gov_documents_BodyId",
                table: "gov_documents",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_gov_documents_DocumentDate",
                table: "gov_documents",
                column: "DocumentDate");

            migrationBuilder.CreateIndex(
                name: "IX_gov_documents_MeetingId",
                table: "gov_documents",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_gov_documents_RegisteredAtUtc",
                table: "gov_documents",
                column: "RegisteredAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_gov_documents_Symbol",
                table: "gov_documents",
                column: "Symbol",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_gov_liaison_statements_FromBodyId",
                table: "gov_liaison_statements",
                column: "FromBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_gov_liaison_statements_InReplyToId",
                table: "gov_liaison_statements",
                column: "InReplyToId");

            migrationBuilder.CreateIndex(
                name: "IX_gov_liaison_statements_SentOn",
                table: "gov_liaison_statements",
                column: "SentOn");

            migrationBuilder.CreateIndex(
                name: "IX_gov_liaison_statements_ToBodyId",
                table: "gov_liaison_statements",
                column: "ToBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_gov_meetings_BodyId_StartUtc",
                table: "gov_meetings",
                columns: new[] { "BodyId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_gov_meetings_StartUtc",
                table: "gov_meetings",
                column: "StartUtc");

            migrationBuilder.CreateIndex(
                name: "IX_gov_recommendation_elements_PlanElementId",
                table: "gov_recommendation_elements",
                column: "PlanElementId");

            migrationBuilder.CreateIndex(
                name: "IX_gov_recommendations_BodyId_Number",
                table: "gov_recommendations",
                columns: new[] { "BodyId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_gov_recommendations_ToBodyId",
                table: "gov_recommendations",
                column: "ToBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_gov_work_items_BodyId_DueOn",
                table: "gov_work_items",
                columns: new[] { "BodyId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_gov_work_items_MeetingId",
                table: "gov_work_items",
                column: "MeetingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "con_answers");

            migrationBuilder.DropTable(
                name: "con_options");

            migrationBuilder.DropTable(
                name: "gov_agenda_items");

            migrationBuilder.DropTable(
                name: "gov_body_members");

            migrationBuilder.DropTable(
                name: "gov_body_officers");

            migrationBuilder.DropTable(
                name: "gov_contribution_proposals");

            migrationBuilder.DropTable(
                name: "gov_contribution_signers");

            migrationBuilder.DropTable(
                name: "gov_document_files");

            migrationBuilder.DropTable(
                name: "gov_document_references");

            migrationBuilder.DropTable(
                name: "gov_document_sources");

            migrationBuilder.DropTable(
                name: "gov_liaison_statements");

            migrationBuilder.DropTable(
                name: "gov_recommendation_elements");

            migrationBuilder.DropTable(
                name: "gov_work_items");

            migrationBuilder.DropTable(
                name: "con_responses");

            migrationBuilder.DropTable(
                name: "con_questions");

            migrationBuilder.DropTable(
                name: "gov_contributions");

            migrationBuilder.DropTable(
                name: "gov_recommendations");

            migrationBuilder.DropTable(
                name: "con_surveys");

            migrationBuilder.DropTable(
                name: "gov_documents");

            migrationBuilder.DropTable(
                name: "gov_meetings");

            migrationBuilder.DropTable(
                name: "gov_bodies");
        }
    }
}
