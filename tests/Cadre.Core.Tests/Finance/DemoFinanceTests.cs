using Cadre.Core.Demo;
using Cadre.Core.Finance;
using Cadre.Core.Finance.Handlers;
using Cadre.Core.Planning.Handlers;
using Cadre.Core.Tests.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Tests.Finance;

public sealed class DemoFinanceTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> StrategicIdAsync()
    {
        await using var db = demo.NewContext();
        return await db.Plans.Where(p => p.Code == DemoData.StrategicPlanCode).Select(p => p.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task The_demo_financial_plan_is_about_333_million_a_biennium_and_every_franc_of_a_unit_with_keys_is_attributed()
    {
        var id = await StrategicIdAsync();
        await using var db = demo.NewContext();
        var queries = new FinanceQueries(db);
        var fp = await queries.GetFinancialPlanAsync(id, Ct);
        Assert.NotNull(fp);
        Assert.All(fp.Balances, b => Assert.InRange(b.Revenue, 330_000_000m, 340_000_000m));
        var attribution = await queries.GetAttributionAsync(id, Ct);
        Assert.NotNull(attribution);
        Assert.All(attribution.Units, u => Assert.Equal(u.Planned, u.Attributed));
        Assert.Equal(attribution.TotalPlanned, attribution.ByTopElement.Values.Sum());
    }

    [Fact]
    public async Task The_coherence_checks_find_the_deliberate_incoherences_of_the_demo()
    {
        var id = await StrategicIdAsync();
        await using var db = demo.NewContext();
        var finance = new FinanceQueries(db);
        var report = await new CoherenceQueries(db, finance, new NoIndicatorCoverage()).CheckAsync(id, Ct);
        Assert.NotNull(report);
        Assert.False(report.IndicatorChecksRun);
        Assert.Equal(4, report.OperationalPlans.Count);
        var f = report.Findings;
        Assert.Contains(f, x => x.Check == CoherenceCheck.OutputNotLinked && x.ElementCode == "O5");
        Assert.Equal(["E2.O2", "TP-D5.O2", "TP-T2.O1"], f.Where(x => x.Check == CoherenceCheck.OutcomeNotSupported).Select(x => x.ElementCode!).Order(StringComparer.Ordinal));
        Assert.Contains(f, x => x.Check == CoherenceCheck.AttributionDiffersFromBudget && x.Unit == "ITU-D");
        Assert.Contains(f, x => x.Check == CoherenceCheck.OverFinancialLimit && x.Unit == "ITU-D");
        Assert.Contains(f, x => x.Check == CoherenceCheck.FinancialPlanUnbalanced && x.Year == 2026);
        Assert.DoesNotContain(f, x => x.Check == CoherenceCheck.BudgetUnbalanced);
        Assert.All(f, x => Assert.False(string.IsNullOrWhiteSpace(CoherenceQueries.Describe(x))));
    }

    [Fact]
    public async Task Rolling_an_operational_plan_forward_copies_its_outputs_links_and_resources_one_year_on()
    {
        await using var db = demo.NewContext();
        var source = await db.Plans.SingleAsync(p => p.Code == DemoFinance.ItuTPlanCode, Ct);
        var next = await new RollForwardOperationalPlan(db, new ClonePlan(db)).HandleAsync(new RollForwardOperationalPlan.Request(source.Id), Ct);
        Assert.Equal("ITU-T-OP-2026-2029", next.Code);
        Assert.Equal((2026, 2029), (next.StartYear, next.EndYear));
        var resources = await db.OutputResources.Where(r => r.Element!.PlanId == next.Id).OrderBy(r => r.Element!.Code).Select(r => new { r.Element!.Code, r.Amount, r.ResponsibleUnit }).ToListAsync(Ct);
        Assert.Equal(["T1", "T2"], resources.Select(r => r.Code));
        Assert.All(resources, r => Assert.Equal("ITU-T", r.ResponsibleUnit));
        Assert.Equal(2, await db.ElementLinks.CountAsync(l => l.Element!.PlanId == next.Id && l.TargetElementId != null, Ct));
        await Assert.ThrowsAsync<Cadre.Core.Common.ValidationFailedException>(() =>
            new RollForwardOperationalPlan(db, new ClonePlan(db)).HandleAsync(new RollForwardOperationalPlan.Request(source.Id), Ct));
    }
}
