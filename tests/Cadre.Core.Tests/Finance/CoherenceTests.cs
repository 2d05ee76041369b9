using Cadre.Core.Finance;

namespace Cadre.Core.Tests.Finance;

public sealed class CoherenceTests
{
    // Strategic: priority 1 > outcome 10 > output 100; priority 2 > outcome 20. Operational: output 500 > activity 501; output 600.
    private static readonly CoherenceElement[] Strategic =
    [
        new(1, 1, null, "P1", "priority"), new(10, 1, 1, "P1.O1", "outcome"), new(100, 1, 10, "P1.O1.P1", "output"),
        new(2, 1, null, "P2", "priority"), new(20, 1, 2, "P2.O1", "outcome"),
    ];

    private static readonly CoherenceElement[] Operational =
    [
        new(500, 5, null, "O1", "output"), new(501, 5, 500, "O1.A1", "activity"), new(600, 5, null, "O2", "output"),
    ];

    private static CoherenceInput Input(
        (int, int)[]? links = null,
        IReadOnlySet<int>? indicators = null,
        Dictionary<string, decimal>? planned = null,
        Dictionary<string, decimal>? budgeted = null,
        Dictionary<string, long>? attributed = null,
        LimitFigures[]? limits = null,
        BienniumFigures[]? bienniums = null,
        Dictionary<int, long>? byElement = null,
        Dictionary<int, decimal>? resources = null) => new(
            1, Strategic, Operational, links ?? [], resources ?? [], byElement ?? [], attributed ?? [],
            planned ?? [], budgeted ?? [], limits ?? [], bienniums ?? [], indicators);

    [Fact]
    public void An_output_whose_activity_links_up_is_linked_and_the_outcome_above_the_target_is_supported()
    {
        var findings = Coherence.Check(Input(links: [(501, 100)]));
        Assert.DoesNotContain(findings, f => f.Check == CoherenceCheck.OutputNotLinked && f.ElementId == 500);
        Assert.Contains(findings, f => f.Check == CoherenceCheck.OutputNotLinked && f.ElementId == 600 && f.Fix == FixPage.Element && f.FixId == 600);
        Assert.DoesNotContain(findings, f => f.Check == CoherenceCheck.OutcomeNotSupported && f.ElementId == 10);
        Assert.Contains(findings, f => f.Check == CoherenceCheck.OutcomeNotSupported && f.ElementId == 20);
    }

    [Fact]
    public void Adding_the_missing_links_clears_the_link_findings()
    {
        var findings = Coherence.Check(Input(links: [(500, 10), (600, 20)]));
        Assert.DoesNotContain(findings, f => f.Check is CoherenceCheck.OutputNotLinked or CoherenceCheck.OutcomeNotSupported);
    }

    [Fact]
    public void Links_to_elements_outside_the_two_plans_count_for_nothing()
    {
        var findings = Coherence.Check(Input(links: [(500, 999), (999, 10)]));
        Assert.Contains(findings, f => f.Check == CoherenceCheck.OutputNotLinked && f.ElementId == 500);
        Assert.Contains(findings, f => f.Check == CoherenceCheck.OutcomeNotSupported && f.ElementId == 10);
    }

    [Fact]
    public void Indicator_checks_run_only_when_coverage_is_known()
    {
        var without = Coherence.Check(Input(byElement: new() { [100] = 5 }));
        Assert.DoesNotContain(without, f => f.Check is CoherenceCheck.ResourcesWithoutIndicators or CoherenceCheck.IndicatorsWithoutResources);

        var with = Coherence.Check(Input(byElement: new() { [100] = 5 }, resources: new() { [501] = 10m }, indicators: new HashSet<int> { 10, 20, 600 }));
        Assert.Contains(with, f => f.Check == CoherenceCheck.ResourcesWithoutIndicators && f.ElementId == 100);
        Assert.Contains(with, f => f.Check == CoherenceCheck.ResourcesWithoutIndicators && f.ElementId == 501);
        // Outcome 10 has indicators and money below it; outcome 20 and output 600 have indicators and none.
        Assert.DoesNotContain(with, f => f.ElementId == 10 && f.Check is CoherenceCheck.IndicatorsWithoutResources or CoherenceCheck.ResourcesWithoutIndicators);
        Assert.Contains(with, f => f.Check == CoherenceCheck.IndicatorsWithoutResources && f.ElementId == 20);
        Assert.Contains(with, f => f.Check == CoherenceCheck.IndicatorsWithoutResources && f.ElementId == 600);
    }

    [Fact]
    public void Money_findings_name_the_unit_the_limit_and_the_biennium()
    {
        var findings = Coherence.Check(Input(
            planned: new() { ["ITU-D"] = 123m, ["GS"] = 50m },
            budgeted: new() { ["ITU-D"] = 122m, ["GS"] = 50m, ["ITU-T"] = 7m },
            attributed: new() { ["ITU-D"] = 12_300, ["GS"] = 5_000 },
            limits: [new LimitFigures("ITU-D", 122m), new LimitFigures(null, 500m)],
            bienniums: [new BienniumFigures(2024, 2025, 100m, 100m, 100m), new BienniumFigures(2026, 2027, 100m, 101m, 99m)]));

        var attribution = findings.Where(f => f.Check == CoherenceCheck.AttributionDiffersFromBudget).ToList();
        Assert.Equal(["ITU-D", "ITU-T"], attribution.Select(f => f.Unit));
        Assert.Equal(122m, attribution[0].Expected);
        Assert.Equal(123m, attribution[0].Actual);
        var limit = Assert.Single(findings, f => f.Check == CoherenceCheck.OverFinancialLimit);
        Assert.Equal("ITU-D", limit.Unit);
        var unbalanced = Assert.Single(findings, f => f.Check == CoherenceCheck.FinancialPlanUnbalanced);
        Assert.Equal(2026, unbalanced.Year);
        var budget = Assert.Single(findings, f => f.Check == CoherenceCheck.BudgetUnbalanced);
        Assert.Equal((2026, FixPage.Budget), (budget.Year!.Value, budget.Fix));
    }

    [Fact]
    public void A_coherent_input_has_no_findings()
    {
        var findings = Coherence.Check(Input(
            links: [(500, 10), (600, 20)],
            planned: new() { ["GS"] = 50m },
            budgeted: new() { ["GS"] = 50m },
            attributed: new() { ["GS"] = 5_000 },
            limits: [new LimitFigures("GS", 50m)],
            bienniums: [new BienniumFigures(2024, 2025, 50m, 50m, 50m)]));
        Assert.Empty(findings);
    }
}
