using Cadre.Core.Data;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Cadre.Core.Results;
using Cadre.Core.Results.Handlers;
using Cadre.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Tests.Results;

/// <summary>
/// The lean loader (<see cref="ProgressLoader"/>, plain data readers) against the LINQ loader it replaced (kept here,
/// verbatim, as <see cref="LinqLoadAsync"/>), on both databases, over a plan with every kind of indicator and value.
/// </summary>
public sealed class ProgressLoaderTests
{
    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task The_lean_loader_gives_exactly_what_the_LINQ_loader_gave(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        await SeedAsync(f);

        await using var db = f.As(ResultsFixture.PlannerActor);
        var ids = await db.Indicators.Where(i => i.PlanId == f.PlanId).Select(i => i.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.True(ids.Count >= 8);
        var lean = await ProgressLoader.LoadAsync(db, f.PlanId, null, TestContext.Current.CancellationToken);
        var linq = await LinqLoadAsync(db, f.PlanId, null, TestContext.Current.CancellationToken);
        AssertSame(linq, lean);
        Assert.True(lean.Observations.Count >= 6, "the plan's values were loaded");
        foreach (var id in ids)
        {
            AssertSame(await LinqLoadAsync(db, f.PlanId, id, TestContext.Current.CancellationToken), await ProgressLoader.LoadAsync(db, f.PlanId, id, TestContext.Current.CancellationToken));
        }
    }

    private static void AssertSame(ProgressService.PlanData expected, ProgressService.PlanData actual)
    {
        Assert.Equal(expected.Specs.Count, actual.Specs.Count);
        for (var k = 0; k < expected.Specs.Count; k++)
        {
            var (e, a) = (expected.Specs[k], actual.Specs[k]);
            Assert.Equal(e with { Targets = a.Targets }, a);
            Assert.Equal(e.Targets.OrderBy(t => t.Key), a.Targets.OrderBy(t => t.Key));
            Assert.Equal(expected.Info[e.Id], actual.Info[a.Id] with { Name = expected.Info[e.Id].Name });
            Assert.Equal(expected.Info[e.Id].Name.ToDictionary(), actual.Info[a.Id].Name.ToDictionary());
        }
        Assert.Equal(expected.Observations.Keys.Order(), actual.Observations.Keys.Order());
        foreach (var (id, list) in expected.Observations)
        {
            Assert.Equal(list.OrderBy(o => o.Year), actual.Observations[id].OrderBy(o => o.Year));
        }
    }

    /// <summary>Annual, quarterly (summed and cumulative), custom, milestone and disaggregated indicators; corrections, rejections, provisional values; and another plan's values.</summary>
    private static async Task SeedAsync(ResultsFixture f)
    {
        var annual = await f.IndicatorAsync("a.annual", dimensions: ["sex"]);
        var milestone = await f.IndicatorAsync("a.milestone", measure: Measure.Milestone, baseline: null, endTarget: 1);
        int quarterly, cumulative, custom, noValues, decrease, band;
        await using (var db = f.As(ResultsFixture.PlannerActor))
        {
            var save = new SaveIndicator(db);
            quarterly = (await save.HandleAsync(new SaveIndicator.Request(null, f.PlanId, f.Target2Id, "q.sum", new Dictionary<string, string?> { ["en"] = "Q", ["fr"] = "T" },
                Measure: Measure.Number, Frequency: Frequency.Quarterly, BaselineValue: 10, BaselineYear: 2023, OwnerUserId: ResultsFixture.Reporter,
                Targets: [new TargetInput("2025-Q1", null, 5), new TargetInput("2025-Q2", null, 6), new TargetInput("2026-Q4", null, 9), new TargetInput(null, null, 40)]))).Id;
            cumulative = (await save.HandleAsync(new SaveIndicator.Request(null, f.PlanId, f.Target2Id, "q.cum", new Dictionary<string, string?> { ["en"] = "C" },
                Measure: Measure.Number, Frequency: Frequency.Quarterly, Cumulative: true, BaselineValue: 0, BaselineYear: 2023, EndTarget: 100, Unit: "people",
                Targets: [new TargetInput("2025-Q2", null, 20), new TargetInput("2025-Q4", null, 30)], Weight: 2.5m))).Id;
            custom = (await save.HandleAsync(new SaveIndicator.Request(null, f.PlanId, f.GoalId, "c.half", new Dictionary<string, string?> { ["fr"] = "Semestre" },
                Measure: Measure.Percentage, Frequency: Frequency.Custom, CustomPeriods: ["2025-H1", "2025-H2", "2026-H1"], BaselineValue: 30, BaselineYear: 2022, EndTarget: 50))).Id;
            noValues = (await save.HandleAsync(new SaveIndicator.Request(null, f.PlanId, f.Target1Id, "n.none", new Dictionary<string, string?> { ["en"] = "None" }))).Id;
            decrease = (await save.HandleAsync(new SaveIndicator.Request(null, f.PlanId, f.Target1Id, "d.dec", new Dictionary<string, string?> { ["en"] = "Dec" },
                Direction: Direction.Decrease, BaselineValue: 90, BaselineYear: 2023, EndTarget: 40, Dimensions: ["itu-region"],
                Targets: [new TargetInput("2025", null, 70), new TargetInput("2025", "itu-region:africa", 60)]))).Id;
            band = (await save.HandleAsync(new SaveIndicator.Request(null, f.PlanId, f.Target1Id, "b.band", new Dictionary<string, string?> { ["en"] = "Band" },
                Direction: Direction.Band, BandLow: 4, BandHigh: 6, BaselineValue: 5, BaselineYear: 2023))).Id;
            // Another plan's indicator with values: never loaded with this plan.
            var other = await new CreatePlan(db).HandleAsync(new CreatePlan.Request(PlanKind.Strategic, "SP-OTHER", new Dictionary<string, string?> { ["en"] = "Other" }, null, 2024, 2027));
            var element = await new CreateElement(db).HandleAsync(new CreateElement.Request(other.Id, null, "goal", "9", new Dictionary<string, string?> { ["en"] = "G" }));
            var foreign = await save.HandleAsync(new SaveIndicator.Request(null, other.Id, element.Id, "x.other", new Dictionary<string, string?> { ["en"] = "X" }, BaselineValue: 1, BaselineYear: 2023, EndTarget: 2));
            await f.ApproveAsync((await f.SubmitAsync(foreign.Id, "2025", 7)).Id);
        }
        _ = noValues;

        // Annual: 2024 validated then corrected (the correction validated), 2025 validated then corrected (still provisional),
        // 2026 rejected, 2027 provisional; and values per sex, which never count for the whole.
        var v2024 = await f.ApproveAsync((await f.SubmitAsync(annual, "2024", 70)).Id);
        await f.ApproveAsync((await CorrectAsync(f, v2024.Id, 71)).Id);
        var v2025 = await f.ApproveAsync((await f.SubmitAsync(annual, "2025", 74)).Id);
        await CorrectAsync(f, v2025.Id, 99);
        await using (var db = f.As(ResultsFixture.ValidatorActor))
        {
            await new RejectValue(db).HandleAsync(new RejectValue.Request((await f.SubmitAsync(annual, "2026", 75)).Id, "wrong"));
        }
        await f.SubmitAsync(annual, "2027", 76);
        await f.ApproveAsync((await f.SubmitAsync(annual, "2025", 60, dimension: "sex:female")).Id);

        await f.ApproveAsync((await f.SubmitAsync(milestone, "2026", 1)).Id);
        foreach (var (period, value) in new[] { ("2024-Q1", 1m), ("2024-Q3", 2m), ("2025-Q1", 3m), ("2025-Q2", 4m), ("2025-Q4", 5m) })
        {
            await f.ApproveAsync((await f.SubmitAsync(quarterly, period, value)).Id);
            await f.ApproveAsync((await f.SubmitAsync(cumulative, period, value * 10)).Id);
        }
        await f.SubmitAsync(quarterly, "2026-Q1", 8); // provisional: not counted
        await f.ApproveAsync((await f.SubmitAsync(custom, "2025-H2", 41)).Id);
        await f.ApproveAsync((await f.SubmitAsync(custom, "2025-H1", 38)).Id);
        await f.ApproveAsync((await f.SubmitAsync(custom, "2026-H1", 45.125m)).Id);
        await f.ApproveAsync((await f.SubmitAsync(decrease, "2025", 80)).Id);
        await f.ApproveAsync((await f.SubmitAsync(decrease, "2025", 50, dimension: "itu-region:africa")).Id);
        await f.ApproveAsync((await f.SubmitAsync(band, "2024", 5.5m)).Id);
    }

    private static async Task<ReportedValue> CorrectAsync(ResultsFixture f, int valueId, decimal value)
    {
        await using var db = f.As(ResultsFixture.ReporterActor);
        return await new CorrectValue(db).HandleAsync(new CorrectValue.Request(valueId, value, "revised"));
    }

    /// <summary>Session 3's loader (LINQ with EF projections), verbatim but for the service's field: the reference.</summary>
    private static async Task<ProgressService.PlanData> LinqLoadAsync(CadreDbContext db, int planId, int? indicatorId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.StartYear, p.EndYear }).FirstAsync(ct);
        var indicators = db.Indicators.AsNoTracking().Where(i => i.PlanId == planId);
        if (indicatorId is int one) indicators = indicators.Where(i => i.Id == one);
        var rows = await indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Code)
            .Select(i => new
            {
                i.Id, i.ElementId, i.Code, i.Name, i.Unit, i.Measure, i.Direction, i.BaselineValue, i.BaselineYear, i.EndTarget,
                i.Frequency, i.Cumulative, i.Weight, i.BandLow, i.BandHigh,
            }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var targetQuery = db.IndicatorTargets.AsNoTracking().Where(t => t.DimensionValueId == null && t.Indicator!.PlanId == planId);
        var valueQuery = db.ReportedValues.AsNoTracking().Where(v => v.DimensionValueId == null && v.Status == ValueStatus.Validated && v.Indicator!.PlanId == planId);
        if (indicatorId is int only)
        {
            targetQuery = targetQuery.Where(t => t.IndicatorId == only);
            valueQuery = valueQuery.Where(v => v.IndicatorId == only);
        }
        var targets = (await targetQuery.Select(t => new { t.IndicatorId, t.Period, t.Year, t.Value }).ToListAsync(ct))
            .ToLookup(t => t.IndicatorId);
        var values = (await valueQuery.Select(v => new { v.IndicatorId, v.SeriesKey, v.Year, v.SubPeriod, v.Revision, v.Value }).ToListAsync(ct))
            .ToLookup(v => v.IndicatorId);

        var specs = new List<IndicatorSpec>(rows.Count);
        var observations = new Dictionary<int, List<Observation>>(rows.Count);
        var info = new Dictionary<int, ProgressService.IndicatorInfo>(rows.Count);
        foreach (var r in rows)
        {
            var sums = r.Frequency != Frequency.Annual && !r.Cumulative && r.Measure is Measure.Number or Measure.Currency;
            var t = new Dictionary<int, decimal>();
            foreach (var g in targets[r.Id].Where(x => x.Period is not null).GroupBy(x => x.Year))
            {
                t[g.Key] = sums ? g.Sum(x => x.Value) : g.OrderBy(x => x.Period, StringComparer.Ordinal).Last().Value;
            }
            var endTarget = targets[r.Id].FirstOrDefault(x => x.Period is null)?.Value ?? r.EndTarget;
            if (endTarget is decimal et && !t.ContainsKey(plan.EndYear)) t[plan.EndYear] = et;
            specs.Add(new IndicatorSpec(r.Id, r.ElementId, r.Measure, r.Direction, r.BaselineValue, r.BaselineYear ?? plan.StartYear - 1, t, r.Weight, r.BandLow, r.BandHigh));
            // The value that counts per period is its latest validated revision.
            var latest = values[r.Id].Where(v => v.Value is not null).GroupBy(v => v.SeriesKey).Select(g => g.MaxBy(v => v.Revision)!);
            var obs = new List<Observation>();
            foreach (var y in latest.GroupBy(v => v.Year))
            {
                var value = sums ? y.Sum(v => v.Value!.Value) : y.MaxBy(v => v.SubPeriod)!.Value!.Value;
                obs.Add(new Observation(r.Id, y.Key, value));
            }
            if (obs.Count > 0) observations[r.Id] = obs;
            info[r.Id] = new ProgressService.IndicatorInfo(r.Code, r.Name, r.Unit, r.BaselineYear);
        }
        return new ProgressService.PlanData(specs, observations, info);
    }
}
