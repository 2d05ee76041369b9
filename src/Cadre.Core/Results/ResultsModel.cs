using Cadre.Core.Data;
using Cadre.Core.Planning;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Results;

/// <summary>The tables of the Results area (called by CadreDbContext.OnModelCreating).</summary>
internal static class ResultsModel
{
    public static void Configure(ModelBuilder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        b.Entity<Indicator>(e =>
        {
            e.ToTable("res_indicators");
            e.Property(x => x.Code).HasMaxLength(40);
            e.HasIndex(x => new { x.PlanId, x.Code }).IsUnique();
            e.HasIndex(x => new { x.ElementId, x.SortOrder });
            e.MapText(x => x.Name, 400);
            e.MapText(x => x.Definition, 4000);
            e.Property(x => x.Measure).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Direction).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Frequency).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Unit).HasMaxLength(40);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.CustomPeriods).HasMaxLength(1000);
            e.Property(x => x.DataSource).HasMaxLength(1000);
            e.Property(x => x.ResponsibleUnit).HasMaxLength(40);
            e.HasIndex(x => new { x.PlanId, x.ResponsibleUnit });
            e.Property(x => x.OwnerUserId).HasMaxLength(450);
            e.Property(x => x.ValidatorUserId).HasMaxLength(450);
            e.Property(x => x.BandLow).HasPrecision(20, 6);
            e.Property(x => x.BandHigh).HasPrecision(20, 6);
            e.Property(x => x.BaselineValue).HasPrecision(20, 6);
            e.Property(x => x.EndTarget).HasPrecision(20, 6);
            e.Property(x => x.Weight).HasPrecision(9, 4);
            e.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Element).WithMany().HasForeignKey(x => x.ElementId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Targets).WithOne(t => t.Indicator).HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Dimensions).WithOne(t => t.Indicator).HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<IndicatorTarget>(e =>
        {
            e.ToTable("res_targets");
            e.Property(x => x.Period).HasMaxLength(20);
            e.Property(x => x.Value).HasPrecision(20, 6);
            e.HasIndex(x => new { x.IndicatorId, x.Year });
            e.HasOne(x => x.DimensionValue).WithMany().HasForeignKey(x => x.DimensionValueId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<IndicatorDimension>(e =>
        {
            e.ToTable("res_indicator_dimensions");
            e.HasKey(x => new { x.IndicatorId, x.DimensionId });
            e.HasOne(x => x.Dimension).WithMany().HasForeignKey(x => x.DimensionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Dimension>(e =>
        {
            e.ToTable("res_dimensions");
            e.Property(x => x.Code).HasMaxLength(40);
            e.HasIndex(x => new { x.PlanId, x.Code }).IsUnique();
            e.MapText(x => x.Name, 200);
            e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Values).WithOne(v => v.Dimension).HasForeignKey(v => v.DimensionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DimensionValue>(e =>
        {
            e.ToTable("res_dimension_values");
            e.Property(x => x.Code).HasMaxLength(40);
            e.HasIndex(x => new { x.DimensionId, x.Code }).IsUnique();
            e.MapText(x => x.Name, 200);
        });
        b.Entity<ReportedValue>(e =>
        {
            e.ToTable("res_values");
            e.Property(x => x.Period).HasMaxLength(20);
            e.Property(x => x.SeriesKey).HasMaxLength(40);
            e.HasIndex(x => new { x.IndicatorId, x.SeriesKey, x.Revision }).IsUnique();
            e.HasIndex(x => new { x.IndicatorId, x.Status, x.Year });
            e.Property(x => x.Value).HasPrecision(20, 6);
            e.Property(x => x.Text).HasMaxLength(4000);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.Property(x => x.EvidenceUrl).HasMaxLength(1000);
            e.Property(x => x.EvidenceFileName).HasMaxLength(200);
            e.Property(x => x.EvidenceContentType).HasMaxLength(100);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.RejectionReason).HasMaxLength(2000);
            e.Property(x => x.SubmittedById).HasMaxLength(450);
            e.Property(x => x.SubmittedBy).HasMaxLength(256);
            e.Property(x => x.DecidedById).HasMaxLength(450);
            e.Property(x => x.DecidedBy).HasMaxLength(256);
            e.HasOne(x => x.Indicator).WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.DimensionValue).WithMany().HasForeignKey(x => x.DimensionValueId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ReportedValue>().WithMany().HasForeignKey(x => x.CorrectsId).OnDelete(DeleteBehavior.NoAction);
        });
        b.Entity<ResultsSettings>(e =>
        {
            e.ToTable("res_settings");
            e.HasIndex(x => x.PlanId).IsUnique();
            e.Property(x => x.OnTrackThreshold).HasPrecision(5, 4);
            e.Property(x => x.AtRiskThreshold).HasPrecision(5, 4);
            e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
