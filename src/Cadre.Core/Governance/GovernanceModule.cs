using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Core.Governance;

/// <summary>The services of the Governance area (handlers and queries), for the web app and the CLI.</summary>
public static class GovernanceModule
{
    public static IServiceCollection AddGovernance(this IServiceCollection services)
    {
        Documents.DocumentsModule.AddDocuments(services);
        services.AddScoped<GovernanceQueries>();
        services.AddScoped<Handlers.SaveMeeting>();
        services.AddScoped<Handlers.AdoptAgenda>();
        services.AddScoped<Handlers.DeleteMeeting>();
        services.AddScoped<Handlers.SaveLiaison>();
        services.AddScoped<Handlers.DeleteLiaison>();
        services.AddScoped<Handlers.SaveRecommendation>();
        services.AddScoped<Handlers.DeleteRecommendation>();
        services.AddScoped<Handlers.SaveWorkItem>();
        services.AddScoped<Handlers.DeleteWorkItem>();
        services.AddScoped<Handlers.SaveBody>();
        services.AddScoped<Handlers.AddOfficer>();
        services.AddScoped<Handlers.EndOfficerTerm>();
        services.AddScoped<Handlers.AddBodyMember>();
        services.AddScoped<Handlers.RemoveBodyMember>();
        services.AddScoped<Handlers.SettleRecommendation>();
        services.AddScoped<Handlers.DeleteBody>();
        services.AddScoped<Handlers.RemoveOfficer>();
        return services;
    }
}

/// <summary>The tables of the Governance area (called by CadreDbContext.OnModelCreating).</summary>
internal static class GovernanceModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Member>(e =>
        {
            e.ToTable("gov_members");
            e.Property(m => m.Code).HasMaxLength(20);
            e.HasIndex(m => m.Code).IsUnique();
            e.MapText(m => m.Name, 300);
            e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.Region).HasMaxLength(40);
        });
        b.Entity<Body>(e =>
        {
            e.ToTable("gov_bodies");
            e.Property(x => x.Code).HasMaxLength(40);
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.MapText(x => x.Name, 300);
            e.MapText(x => x.Mandate, 8000);
            e.Property(x => x.MandateSymbol).HasMaxLength(80);
            e.Property(x => x.Sector).HasMaxLength(20);
            e.Property(x => x.Membership).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.WorkingLanguage).HasMaxLength(8);
            e.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<BodyOfficer>(e =>
        {
            e.ToTable("gov_body_officers");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            e.HasOne(x => x.Body).WithMany(x => x.Officers).HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => x.UserId);
        });
        b.Entity<BodyMember>(e =>
        {
            e.ToTable("gov_body_members");
            e.HasOne(x => x.Body).WithMany(x => x.Members).HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.BodyId, x.MemberId }).IsUnique();
        });
        b.Entity<Meeting>(e =>
        {
            e.ToTable("gov_meetings");
            e.HasOne(x => x.Body).WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
            e.MapText(x => x.Title, 300);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.Property(x => x.Mode).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Venue).HasMaxLength(300);
            e.Property(x => x.Platform).HasMaxLength(100);
            e.Property(x => x.JoinLink).HasMaxLength(1000);
            e.Property(x => x.InterpretationLanguages).HasMaxLength(40);
            e.Property(x => x.ReportSymbol).HasMaxLength(80);
            e.MapText(x => x.ReportSummary, 4000);
            e.HasIndex(x => new { x.BodyId, x.StartUtc });
            e.HasIndex(x => x.StartUtc);
        });
        b.Entity<AgendaItem>(e =>
        {
            e.ToTable("gov_agenda_items");
            e.HasOne(x => x.Meeting).WithMany(x => x.Agenda).HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.MapText(x => x.Title, 500);
            e.Property(x => x.Documents).HasMaxLength(1000);
            e.HasIndex(x => new { x.MeetingId, x.Number, x.SubItem }).IsUnique();
        });
        b.Entity<LiaisonStatement>(e =>
        {
            e.ToTable("gov_liaison_statements");
            e.HasOne(x => x.FromBody).WithMany().HasForeignKey(x => x.FromBodyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.ToBody).WithMany().HasForeignKey(x => x.ToBodyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.InReplyTo).WithMany().HasForeignKey(x => x.InReplyToId).OnDelete(DeleteBehavior.SetNull);
            e.Property(x => x.Symbol).HasMaxLength(80);
            e.MapText(x => x.Title, 400);
            e.MapText(x => x.Text, 8000);
            e.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Documents).HasMaxLength(1000);
            e.HasIndex(x => x.SentOn);
        });
        b.Entity<Recommendation>(e =>
        {
            e.ToTable("gov_recommendations");
            e.HasOne(x => x.Body).WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.ToBody).WithMany().HasForeignKey(x => x.ToBodyId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Number).HasMaxLength(20);
            e.HasIndex(x => new { x.BodyId, x.Number }).IsUnique();
            e.MapText(x => x.Text, 4000);
            e.Property(x => x.SourceSymbol).HasMaxLength(80);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.MapText(x => x.Decision, 4000);
            e.Property(x => x.DecisionSymbol).HasMaxLength(80);
            e.Property(x => x.Documents).HasMaxLength(1000);
        });
        b.Entity<RecommendationElement>(e =>
        {
            e.ToTable("gov_recommendation_elements");
            e.HasKey(x => new { x.RecommendationId, x.PlanElementId });
            e.HasOne(x => x.Recommendation).WithMany(x => x.Elements).HasForeignKey(x => x.RecommendationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.PlanElement).WithMany().HasForeignKey(x => x.PlanElementId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<WorkItem>(e =>
        {
            e.ToTable("gov_work_items");
            e.HasOne(x => x.Body).WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Meeting).WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.SetNull);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            e.MapText(x => x.Title, 400);
            e.HasIndex(x => new { x.BodyId, x.DueOn });
        });
        Documents.DocumentsModel.Configure(b);
    }
}
