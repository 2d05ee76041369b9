using Cadre.Core.Audit;
using Cadre.Core.Common;
using Cadre.Core.Governance;
using Cadre.Core.Identity;
using Cadre.Core.Planning;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Core.Data;

internal static class LocalizedTextMapping
{
    /// <summary>Maps a <see cref="LocalizedText"/> to one column per language (Title_En, Title_Fr...).</summary>
    public static void MapText<T>(this EntityTypeBuilder<T> entity, System.Linq.Expressions.Expression<Func<T, LocalizedText?>> property, int maxLength)
        where T : class
    {
        entity.ComplexProperty(property, c =>
        {
            c.IsRequired();
            c.Property(t => t.En).HasMaxLength(maxLength);
            c.Property(t => t.Fr).HasMaxLength(maxLength);
            c.Property(t => t.Es).HasMaxLength(maxLength);
            c.Property(t => t.Ar).HasMaxLength(maxLength);
            c.Property(t => t.Zh).HasMaxLength(maxLength);
            c.Property(t => t.Ru).HasMaxLength(maxLength);
        });
    }
}

internal static class IdentityModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<CadreUser>(e =>
        {
            e.ToTable("id_users");
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.PreferredLanguage).HasMaxLength(8);
            e.HasOne(u => u.Member).WithMany().HasForeignKey(u => u.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<IdentityRole>().ToTable("id_roles");
        b.Entity<IdentityUserRole<string>>().ToTable("id_user_roles");
        b.Entity<IdentityUserClaim<string>>().ToTable("id_user_claims");
        b.Entity<IdentityUserLogin<string>>().ToTable("id_user_logins");
        b.Entity<IdentityUserToken<string>>().ToTable("id_user_tokens");
        b.Entity<IdentityRoleClaim<string>>().ToTable("id_role_claims");
        b.Entity<DataProtectionKey>().ToTable("id_data_protection_keys");
        b.Entity<PersonalAccessToken>(e =>
        {
            e.ToTable("id_access_tokens");
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.Property(t => t.Hint).HasMaxLength(20);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

internal static class AuditModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.Property(a => a.Actor).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(40);
            e.Property(a => a.EntityType).HasMaxLength(80);
            e.Property(a => a.EntityId).HasMaxLength(80);
            e.Property(a => a.Summary).HasMaxLength(1000);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.AtUtc);
        });
    }
}

internal static class PlanningModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Plan>(e =>
        {
            e.ToTable("plan_plans");
            e.Property(p => p.Code).HasMaxLength(40);
            e.HasIndex(p => p.Code).IsUnique();
            e.MapText(p => p.Title, 400);
            e.MapText(p => p.Description, 4000);
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.OriginalLanguage).HasMaxLength(8);
            e.Property(p => p.AdoptedBy).HasMaxLength(300);
            e.Property(p => p.OwnerUnit).HasMaxLength(40);
            e.HasMany(p => p.Levels).WithOne(l => l.Plan).HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Elements).WithOne(l => l.Plan).HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<FrameworkLevel>(e =>
        {
            e.ToTable("plan_levels");
            e.Property(l => l.Code).HasMaxLength(40);
            e.HasIndex(l => new { l.PlanId, l.Code }).IsUnique();
            e.MapText(l => l.Name, 200);
            e.Property(l => l.AllowedParentCodes).HasMaxLength(400);
            e.Ignore(l => l.ParentCodes);
        });
        b.Entity<PlanElement>(e =>
        {
            e.ToTable("plan_elements");
            e.Property(x => x.Code).HasMaxLength(40);
            e.HasIndex(x => new { x.PlanId, x.Code }).IsUnique();
            e.HasIndex(x => new { x.PlanId, x.ParentId, x.SortOrder });
            e.MapText(x => x.Title, 400);
            e.MapText(x => x.Description, 4000);
            e.Property(x => x.Weight).HasPrecision(9, 4);
            e.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Level).WithMany().HasForeignKey(x => x.LevelId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Vocabulary>(e =>
        {
            e.ToTable("plan_vocabularies");
            e.Property(v => v.Code).HasMaxLength(40);
            e.HasIndex(v => v.Code).IsUnique();
            e.MapText(v => v.Name, 200);
            e.HasMany(v => v.Entries).WithOne(x => x.Vocabulary).HasForeignKey(x => x.VocabularyId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<VocabularyEntry>(e =>
        {
            e.ToTable("plan_vocabulary_entries");
            e.Property(v => v.Code).HasMaxLength(40);
            e.HasIndex(v => new { v.VocabularyId, v.Code }).IsUnique();
            e.MapText(v => v.Title, 600);
            e.HasOne(v => v.ParentEntry).WithMany().HasForeignKey(v => v.ParentEntryId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ElementLink>(e =>
        {
            e.ToTable("plan_links");
            e.Property(l => l.Note).HasMaxLength(1000);
            e.HasOne(l => l.Element).WithMany(x => x.Links).HasForeignKey(l => l.ElementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(l => l.TargetElement).WithMany().HasForeignKey(l => l.TargetElementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(l => l.VocabularyEntry).WithMany().HasForeignKey(l => l.VocabularyEntryId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(l => new { l.ElementId, l.VocabularyEntryId }).IsUnique();
            e.HasIndex(l => new { l.ElementId, l.TargetElementId }).IsUnique();
            e.ToTable(t => t.HasCheckConstraint("ck_plan_links_one_target",
                "(\"VocabularyEntryId\" IS NULL) <> (\"TargetElementId\" IS NULL)"));
        });
    }
}
