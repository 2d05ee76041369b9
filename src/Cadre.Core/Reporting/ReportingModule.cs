using Cadre.Core.Data;
using Cadre.Core.Reporting.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Core.Reporting;

/// <summary>
/// The services of the Reporting area (handlers and queries), for the web app and the CLI: the report's data
/// source on the real tables (<see cref="Sources.PlanReportSource"/> as <see cref="Model.IReportSource"/>), the
/// ScottPlot chart renderer (<see cref="Sources.ScottPlotChartRenderer"/> as <see cref="Model.IReportChartRenderer"/>)
/// and the IATI export (<see cref="Sources.IatiExport"/>). Results and Finance must be registered too.
/// </summary>
public static class ReportingModule
{
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddScoped<ReportingQueries>();
        services.AddScoped<CreateReport>();
        services.AddScoped<CorrectReport>();
        services.AddScoped<SaveReportNarrative>();
        services.AddScoped<SubmitReport>();
        services.AddScoped<RecordCouncilDecision>();
        services.AddScoped<PublishReport>();
        services.AddScoped<QueueReportGeneration>();
        services.AddScoped<QueueReportGenerationSet>();
        services.AddScoped<RunReportGeneration>();
        services.AddScoped<RecoverReportJobs>();
        services.AddScoped<CreateNextPlanFromEvaluation>();
        services.AddScoped<Notifications.NotificationQueries>();
        services.AddScoped<Notifications.MarkNotificationsRead>();
        services.AddScoped<Model.IReportSource, Sources.PlanReportSource>();
        services.AddSingleton<Model.IReportChartRenderer, Sources.ScottPlotChartRenderer>();
        services.AddScoped<Sources.IatiExport>();
        return services;
    }
}

/// <summary>The tables of the Reporting area (called by CadreDbContext.OnModelCreating).</summary>
internal static class ReportingModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Report>(e =>
        {
            e.ToTable("rep_reports");
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.CreatedBy).HasMaxLength(256);
            e.Property(r => r.CouncilDecision).HasMaxLength(Reporting.ReportingLimits.MaxDecisionChars);
            e.Property(r => r.CouncilDecisionBy).HasMaxLength(256);
            e.HasIndex(r => new { r.PlanId, r.Kind, r.Year, r.VersionNumber }).IsUnique();
            e.HasOne(r => r.Plan).WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Report>().WithMany().HasForeignKey(r => r.CorrectsReportId).OnDelete(DeleteBehavior.Restrict);
            // The next plan drafted from an evaluation: deleting that draft plan only unlinks it.
            e.HasOne<Planning.Plan>().WithMany().HasForeignKey(r => r.NextPlanId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(r => r.Narratives).WithOne(n => n.Report).HasForeignKey(n => n.ReportId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ReportNarrativeText>(e =>
        {
            e.ToTable("rep_narratives");
            e.Property(n => n.SectionKey).HasMaxLength(60);
            e.Property(n => n.Language).HasMaxLength(8);
            e.Property(n => n.Text).HasMaxLength(Reporting.ReportingLimits.MaxNarrativeChars);
            e.Property(n => n.UpdatedBy).HasMaxLength(256);
            e.HasIndex(n => new { n.ReportId, n.SectionKey, n.Language }).IsUnique();
        });
        b.Entity<ReportArtefact>(e =>
        {
            e.ToTable("rep_artefacts");
            e.Property(a => a.Format).HasConversion<string>().HasMaxLength(10);
            e.Property(a => a.Language).HasMaxLength(8);
            e.Property(a => a.FileName).HasMaxLength(200);
            e.Property(a => a.ContentType).HasMaxLength(120);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.Property(a => a.CreatedBy).HasMaxLength(256);
            e.HasIndex(a => a.ReportId);
            e.HasOne(a => a.Report).WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ReportGenerationJob>(e =>
        {
            e.ToTable("rep_jobs");
            e.Property(j => j.Format).HasConversion<string>().HasMaxLength(10);
            e.Property(j => j.Language).HasMaxLength(8);
            e.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(j => j.Stage).HasConversion<string>().HasMaxLength(20);
            e.Property(j => j.Error).HasMaxLength(1000);
            e.Property(j => j.RequestedBy).HasMaxLength(256);
            e.HasIndex(j => new { j.Status, j.Id });
            e.HasOne(j => j.Report).WithMany().HasForeignKey(j => j.ReportId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(j => j.Artefact).WithMany().HasForeignKey(j => j.ArtefactId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}
