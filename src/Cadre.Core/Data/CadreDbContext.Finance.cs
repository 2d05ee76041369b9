using Cadre.Core.Finance;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Data;

public sealed partial class CadreDbContext
{
    public DbSet<FinancialPlan> FinancialPlans => Set<FinancialPlan>();
    public DbSet<FinancialPlanLine> FinancialPlanLines => Set<FinancialPlanLine>();
    public DbSet<FinancialLimit> FinancialLimits => Set<FinancialLimit>();
    public DbSet<Budget> Budgets => Set<Budget>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<Expenditure> Expenditures => Set<Expenditure>();
    public DbSet<UnitAttribution> UnitAttributions => Set<UnitAttribution>();
    public DbSet<AttributionShare> AttributionShares => Set<AttributionShare>();
    public DbSet<GoalShare> GoalShares => Set<GoalShare>();
    public DbSet<OutputResource> OutputResources => Set<OutputResource>();
    public DbSet<Risk> Risks => Set<Risk>();
    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();
}
