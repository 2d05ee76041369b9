using Cadre.Core.Consultation.Handlers;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Core.Consultation;

/// <summary>The services of the Consultation area (handlers and queries), for the web app and the CLI.</summary>
public static class ConsultationModule
{
    public static IServiceCollection AddConsultation(this IServiceCollection services)
    {
        services.AddScoped<ConsultationQueries>();
        services.AddScoped<SaveSurvey>();
        services.AddScoped<ChangeSurveyStatus>();
        services.AddScoped<DeleteSurvey>();
        services.AddScoped<SubmitResponse>();
        return services;
    }
}

/// <summary>The tables of the Consultation area (called by CadreDbContext.OnModelCreating).</summary>
internal static class ConsultationModel
{
    public static void Configure(ModelBuilder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        b.Entity<Survey>(e =>
        {
            e.ToTable("con_surveys");
            e.Property(s => s.Code).HasMaxLength(40);
            e.HasIndex(s => s.Code).IsUnique();
            e.MapText(s => s.Title, 400);
            e.MapText(s => s.Description, 4000);
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.CreatedByUserId).HasMaxLength(450);
            e.HasOne<Governance.Body>().WithMany().HasForeignKey(s => s.BodyId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(s => s.Questions).WithOne(q => q.Survey).HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SurveyQuestion>(e =>
        {
            e.ToTable("con_questions");
            e.MapText(q => q.Text, 1000);
            e.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(q => new { q.SurveyId, q.Position }).IsUnique();
            e.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SurveyOption>(e =>
        {
            e.ToTable("con_options");
            e.Property(o => o.Code).HasMaxLength(20);
            e.MapText(o => o.Label, 400);
            e.HasIndex(o => new { o.QuestionId, o.Position }).IsUnique();
        });
        b.Entity<SurveyResponse>(e =>
        {
            e.ToTable("con_responses");
            // One response per Member: parallel submissions cannot create a second one.
            e.HasIndex(r => new { r.SurveyId, r.MemberId }).IsUnique();
            e.Property(r => r.SubmittedByUserId).HasMaxLength(450);
            e.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(r => r.Member).WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SurveyAnswer>(e =>
        {
            e.ToTable("con_answers");
            e.Property(a => a.Choices).HasMaxLength(1000);
            e.Property(a => a.Text).HasMaxLength(4000);
            e.HasIndex(a => new { a.ResponseId, a.QuestionId }).IsUnique();
            e.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
