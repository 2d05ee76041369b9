using Cadre.Core.Data;
using Cadre.Core.Finance.Handlers;
using Cadre.Core.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cadre.Core.Finance;

/// <summary>The services of the Finance area (handlers and queries), for the web app and the CLI.</summary>
public static class FinanceModule
{
    public static IServiceCollection AddFinance(this IServiceCollection services)
    {
        services.AddScoped<FinanceQueries>();
        services.AddScoped<CoherenceQueries>();
        services.AddScoped<SaveFinancialPlan>();
        services.AddScoped<DeleteFinancialPlan>();
        services.AddScoped<SaveBudget>();
        services.AddScoped<SaveAttributionKeys>();
        services.AddScoped<DeleteAttributionKeys>();
        services.AddScoped<SaveOutputResource>();
        services.AddScoped<RollForwardOperationalPlan>();
        services.AddScoped<SaveRisk>();
        services.AddScoped<DeleteRisk>();
        services.AddScoped<SaveGoalShares>();
        services.AddScoped<ImportExpenditure>();
        // Until the Results area is merged: no element is known to have indicators, and the coherence
        // checks that need indicators say they were not run. The lead replaces this registration.
        services.TryAddScoped<IIndicatorCoverage, NoIndicatorCoverage>();
        return services;
    }
}

/// <summary>The tables of the Finance area (called by CadreDbContext.OnModelCreating).</summary>
internal static class FinanceModel
{
    public static void Configure(ModelBuilder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        b.Entity<FinancialPlan>(e =>
        {
            e.ToTable("fin_financial_plans");
            e.HasIndex(x => x.PlanId).IsUnique();
            e.Property(x => x.AdoptedBy).HasMaxLength(300);
            e.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.FinancialPlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Limits).WithOne().HasForeignKey(x => x.FinancialPlanId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<FinancialPlanLine>(e =>
        {
            e.ToTable("fin_plan_lines");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Category).HasMaxLength(40);
            e.Property(x => x.Amount).HasPrecision(18, 2);
            e.HasIndex(x => new { x.FinancialPlanId, x.Kind, x.Category, x.Year }).IsUnique();
        });
        b.Entity<FinancialLimit>(e =>
        {
            e.ToTable("fin_limits");
            e.Property(x => x.Unit).HasMaxLength(40);
            e.Property(x => x.Amount).HasPrecision(18, 2);
            e.HasIndex(x => new { x.FinancialPlanId, x.Unit }).IsUnique();
        });
        b.Entity<Budget>(e =>
        {
            e.ToTable("fin_budgets");
            e.HasIndex(x => new { x.FinancialPlanId, x.StartYear }).IsUnique();
            e.HasOne(x => x.FinancialPlan).WithMany().HasForeignKey(x => x.FinancialPlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.BudgetId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<BudgetLine>(e =>
        {
            e.ToTable("fin_budget_lines");
            e.Property(x => x.Unit).HasMaxLength(40);
            e.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Amount).HasPrecision(18, 2);
            e.HasIndex(x => new { x.BudgetId, x.Unit, x.Category }).IsUnique();
        });
        b.Entity<Expenditure>(e =>
        {
            e.ToTable("fin_expenditure");
            e.Property(x => x.Unit).HasMaxLength(40);
            e.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Amount).HasPrecision(18, 2);
            e.Property(x => x.Description).HasMaxLength(400);
            e.HasOne<Budget>().WithMany().HasForeignKey(x => x.BudgetId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.BudgetId, x.Unit, x.Year });
        });
        b.Entity<UnitAttribution>(e =>
        {
            e.ToTable("fin_unit_attributions");
            e.Property(x => x.Unit).HasMaxLength(40);
            e.Property(x => x.Method).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.FinancialPlanId, x.Unit }).IsUnique();
            e.HasOne<FinancialPlan>().WithMany().HasForeignKey(x => x.FinancialPlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Shares).WithOne().HasForeignKey(x => x.UnitAttributionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AttributionShare>(e =>
        {
            e.ToTable("fin_attribution_shares");
            e.Property(x => x.Value).HasPrecision(18, 4);
            e.HasOne(x => x.Element).WithMany().HasForeignKey(x => x.ElementId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.UnitAttributionId, x.ElementId }).IsUnique();
        });
        b.Entity<GoalShare>(e =>
        {
            e.ToTable("fin_goal_shares");
            e.Property(x => x.Percent).HasPrecision(9, 4);
            e.HasOne<FinancialPlan>().WithMany().HasForeignKey(x => x.FinancialPlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<PlanElement>().WithMany().HasForeignKey(x => x.ElementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<PlanElement>().WithMany().HasForeignKey(x => x.GoalId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.FinancialPlanId, x.ElementId, x.GoalId }).IsUnique();
        });
        b.Entity<OutputResource>(e =>
        {
            e.ToTable("fin_output_resources");
            e.Property(x => x.ResponsibleUnit).HasMaxLength(40);
            e.Property(x => x.Amount).HasPrecision(18, 2);
            e.Property(x => x.StaffDays).HasPrecision(18, 2);
            e.HasOne(x => x.Element).WithMany().HasForeignKey(x => x.ElementId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.ElementId).IsUnique();
        });
        b.Entity<Risk>(e =>
        {
            e.ToTable("fin_risks");
            e.Property(x => x.Code).HasMaxLength(40);
            e.HasIndex(x => new { x.PlanId, x.Code }).IsUnique();
            e.MapText(x => x.Title, 400);
            e.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Response).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.MapText(x => x.Cause, 2000);
            e.MapText(x => x.Consequence, 2000);
            e.MapText(x => x.Actions, 4000);
            e.Property(x => x.Owner).HasMaxLength(200);
            e.Ignore(x => x.Score);
            e.HasOne<Planning.Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Element).WithMany().HasForeignKey(x => x.ElementId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Assessments).WithOne().HasForeignKey(x => x.RiskId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RiskAssessment>(e =>
        {
            e.ToTable("fin_risk_assessments");
            e.Property(x => x.AssessedBy).HasMaxLength(256);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.HasIndex(x => new { x.RiskId, x.AtUtc });
        });
    }
}
