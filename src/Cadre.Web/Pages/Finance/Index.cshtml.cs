using Cadre.Core.Finance;

namespace Cadre.Web.Pages.Finance;

public sealed class IndexModel(FinanceQueries queries) : FinancePageModel
{
    public IReadOnlyList<(PlanRef Plan, bool HasFinancialPlan)> Strategic { get; private set; } = [];
    public IReadOnlyList<OperationalPlanView> Operational { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Strategic = await queries.ListStrategicPlansAsync(ct);
        Operational = await queries.ListOperationalPlansAsync(ct);
    }
}
