using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Finance.Handlers;

/// <summary>Checks shared by the Finance handlers.</summary>
internal static class FinanceInput
{
    /// <summary>A strategic plan the current user may give a financial plan, budgets, keys or risks: a Planner, the plan not superseded.</summary>
    public static async Task<Plan> StrategicPlanForEditAsync(CadreDbContext db, int planId, CancellationToken ct)
    {
        FinancePermissions.EnsureCanEdit(db.Actor);
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Plan", planId));
        if (plan.Kind != PlanKind.Strategic) throw new ValidationFailedException("plan", Messages.Format("Finance.Error.NotStrategic", plan.Code));
        if (plan.Status == PlanStatus.Superseded) throw new ValidationFailedException("plan", Messages.Format("Error.PlanReadOnly", plan.Code));
        return plan;
    }

    public static async Task<FinancialPlan> FinancialPlanAsync(CadreDbContext db, Plan plan, CancellationToken ct) =>
        await db.FinancialPlans.FirstOrDefaultAsync(f => f.PlanId == plan.Id, ct)
            ?? throw new ValidationFailedException("plan", Messages.Format("Finance.Error.NoFinancialPlan", plan.Code));

    public static string? Unit(Validation v, string field, string? unit, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            if (required) v.Add(field, Messages.Get("Error.Required"));
            return null;
        }
        var known = FinanceUnits.Normalize(unit);
        if (known is null) v.Add(field, Messages.Format("Finance.Error.UnknownUnit", unit, string.Join(", ", FinanceUnits.All)));
        return known;
    }

    public static string Trim(string? s) => s?.Trim() ?? "";
}
