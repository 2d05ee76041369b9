using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ChangesJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gov_members",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name_Ar = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_Es = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_Fr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_Ru = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_Zh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gov_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "id_data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_id_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "id_roles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_id_roles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OriginalLanguage = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    EndYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AdoptedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AdoptedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PreviousPlanId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerUnit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Description_Ar = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Description_En = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Description_Es = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Description_Fr = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Description_Ru = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Description_Zh = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Title_Ar = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_En = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_Es = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_Fr = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_Ru = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_Zh = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_vocabularies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
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
                    table.PrimaryKey("PK_plan_vocabularies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "id_users",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    PreferredLanguage = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_id_users", x => x.Id);
                    table.ForeignKey(
                        name: "FK_id_users_gov_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "gov_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "id_role_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_id_role_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_id_role_claims_id_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "id_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_levels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    AllowedAtRoot = table.Column<bool>(type: "INTEGER", nullable: false),
                    AllowedParentCodes = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
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
                    table.PrimaryKey("PK_plan_levels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_levels_plan_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plan_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_vocabulary_entries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VocabularyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ParentEntryId = table.Column<int>(type: "INTEGER", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Title_Ar = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    Title_En = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    Title_Es = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    Title_Fr = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    Title_Ru = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    Title_Zh = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_vocabulary_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_vocabulary_entries_plan_vocabularies_VocabularyId",
                        column: x => x.VocabularyId,
                        principalTable: "plan_vocabularies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_plan_vocabulary_entries_plan_vocabulary_entries_ParentEntryId",
                        column: x => x.ParentEntryId,
                        principalTable: "plan_vocabulary_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "id_access_tokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hint = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastUsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_id_access_tokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_id_access_tokens_id_users_UserId",
                        column: x => x.UserId,
                        principalTable: "id_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "id_user_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_id_user_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_id_user_claims_id_users_UserId",
                        column: x => x.UserId,
                        principalTable: "id_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "id_user_logins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_id_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_id_user_logins_id_users_UserId",
                        column: x => x.UserId,
                        principalTable: "id_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "id_user_roles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_id_user_roles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_id_user_roles_id_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "id_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_id_user_roles_id_users_UserId",
                        column: x => x.UserId,
                        principalTable: "id_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "id_user_tokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_id_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_id_user_tokens_id_users_UserId",
                        column: x => x.UserId,
                        principalTable: "id_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_elements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    LevelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Description_Ar = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Description_En = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Description_Es = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Description_Fr = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Description_Ru = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Description_Zh = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Title_Ar = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_En = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_Es = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_Fr = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_Ru = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_Zh = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_elements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_elements_plan_elements_ParentId",
                        column: x => x.ParentId,
                        principalTable: "plan_elements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_elements_plan_levels_LevelId",
                        column: x => x.LevelId,
                        principalTable: "plan_levels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_elements_plan_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plan_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_links",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ElementId = table.Column<int>(type: "INTEGER", nullable: false),
                    VocabularyEntryId = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetElementId = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_links", x => x.Id);
                    table.CheckConstraint("ck_plan_links_one_target", "(\"VocabularyEntryId\" IS NULL) <> (\"TargetElementId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_plan_links_plan_elements_ElementId",
                        column: x => x.ElementId,
                        principalTable: "plan_elements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_plan_links_plan_elements_TargetElementId",
                        column: x => x.TargetElementId,
                        principalTable: "plan_elements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_plan_links_plan_vocabulary_entries_VocabularyEntryId",
                        column: x => x.VocabularyEntryId,
                        principalTable: "plan_vocabulary_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_AtUtc",
                table: "audit_entries",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_EntityType_EntityId",
                table: "audit_entries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_gov_members_Code",
                table: "gov_members",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_id_access_tokens_TokenHash",
                table: "id_access_tokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_id_access_tokens_UserId",
                table: "id_access_tokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_id_role_claims_RoleId",
                table: "id_role_claims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "id_roles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_id_user_claims_UserId",
                table: "id_user_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_id_user_logins_UserId",
                table: "id_user_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_id_user_roles_RoleId",
                table: "id_user_roles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "id_users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_id_users_MemberId",
                table: "id_users",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "id_users",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_elements_LevelId",
                table: "plan_elements",
                column: "LevelId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_elements_ParentId",
                table: "plan_elements",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_elements_PlanId_Code",
                table: "plan_elements",
                columns: new[] { "PlanId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_elements_PlanId_ParentId_SortOrder",
                table: "plan_elements",
                columns: new[] { "PlanId", "ParentId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_levels_PlanId_Code",
                table: "plan_levels",
                columns: new[] { "PlanId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_links_ElementId_TargetElementId",
                table: "plan_links",
                columns: new[] { "ElementId", "TargetElementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_links_ElementId_VocabularyEntryId",
                table: "plan_links",
                columns: new[] { "ElementId", "VocabularyEntryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_links_TargetElementId",
                table: "plan_links",
                column: "TargetElementId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_links_VocabularyEntryId",
                table: "plan_links",
                column: "VocabularyEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_plans_Code",
                table: "plan_plans",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_vocabularies_Code",
                table: "plan_vocabularies",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_vocabulary_entries_ParentEntryId",
                table: "plan_vocabulary_entries",
                column: "ParentEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_vocabulary_entries_VocabularyId_Code",
                table: "plan_vocabulary_entries",
                columns: new[] { "VocabularyId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "id_access_tokens");

            migrationBuilder.DropTable(
                name: "id_data_protection_keys");

            migrationBuilder.DropTable(
                name: "id_role_claims");

            migrationBuilder.DropTable(
                name: "id_user_claims");

            migrationBuilder.DropTable(
                name: "id_user_logins");

            migrationBuilder.DropTable(
                name: "id_user_roles");

            migrationBuilder.DropTable(
                name: "id_user_tokens");

            migrationBuilder.DropTable(
                name: "plan_links");

            migrationBuilder.DropTable(
                name: "id_roles");

            migrationBuilder.DropTable(
                name: "id_users");

            migrationBuilder.DropTable(
                name: "plan_elements");

            migrationBuilder.DropTable(
                name: "plan_vocabulary_entries");

            migrationBuilder.DropTable(
                name: "gov_members");

            migrationBuilder.DropTable(
                name: "plan_levels");

            migrationBuilder.DropTable(
                name: "plan_vocabularies");

            migrationBuilder.DropTable(
                name: "plan_plans");
        }
    }
}
