using Cadre.Core.Results;
using CsCheck;
using Xunit;

namespace Cadre.Core.Tests.Results;

/// <summary>
/// <see cref="ProgressPlan"/> (flat arrays prepared once per load, since session 5) must give exactly what evaluating each
/// indicator with <see cref="ProgressEngine.Evaluate"/> and rolling up with <see cref="Rollup"/> gives: the same actual,
/// year, expected value, achievement (to the bit) and status for every indicator, and the same figure for every element.
/// </summary>
public sealed class ProgressPlanTests
{
    private static readonly Gen<decimal> Number = Gen.OneOf(
        Gen.Int[0, 200].Select(i => (decimal)i),
        Gen.Int[0, 2000].Select(i => i / 10m),
        Gen.Decimal[0, 200]);

    private static readonly Gen<IndicatorSpec> SpecCore =
        Gen.Select(Gen.Enum<Measure>(), Gen.Enum<Direction>(), Number, Gen.Int[2018, 2024], Number.Array[0, 3], Gen.Int[2024, 2032].Array[3], Number, Number)
            .Select((measure, direction, baseline, baselineYear, targets, targetYears, bandA, bandB) => new IndicatorSpec(
                0, 0, measure, direction, baseline, baselineYear,
                targets.Select((t, k) => (Year: targetYears[k], Value: t)).DistinctBy(t => t.Year).ToDictionary(t => t.Year, t => t.Value),
                1m, Math.Min(bandA, bandB), Math.Max(bandA, bandB)));

    private static readonly Gen<IndicatorSpec> Spec =
        Gen.Select(SpecCore, Gen.Int[1, 3], Gen.Bool, (s, weight, noBaseline) => s with { Weight = weight, BaselineValue = noBaseline ? null : s.BaselineValue });

    private static readonly Gen<Thresholds> ThresholdsGen =
        Gen.OneOf(Gen.Const(Thresholds.Default), Gen.Int[50, 100].SelectMany(on => Gen.Int[0, on].Select(risk => new Thresholds(on / 100.0, risk / 100.0))));

    /// <summary>A small tree, indicators on random elements, values in any order (repeated years too), an as-of year.</summary>
    private sealed record Case(List<RollupNode> Elements, List<IndicatorSpec> Specs, Dictionary<int, List<Observation>> Observations, int AsOf, Thresholds Thresholds);

    private static readonly Gen<Case> Cases =
        Gen.Select(Gen.Int[1, 12], Spec.Array[0, 25], Gen.Select(Gen.Int[2018, 2033], Number).Array[0, 6].Array[25], Gen.Int[2017, 2034], ThresholdsGen, Gen.Int[0, int.MaxValue])
            .Select((elementCount, specs, values, asOf, thresholds, seed) =>
            {
                var rng = new Random(seed);
                var elements = Enumerable.Range(1, elementCount).Select(e => new RollupNode(e, e == 1 ? null : rng.Next(1, e), rng.Next(0, 3))).ToList();
                var list = specs.Select((s, k) => s with { Id = 100 + k, ElementId = rng.Next(1, elementCount + 1) }).ToList();
                var observations = new Dictionary<int, List<Observation>>();
                foreach (var s in list)
                {
                    if (rng.Next(5) == 0) continue;
                    observations[s.Id] = values[s.Id - 100].Select(v => new Observation(s.Id,
                        v.Item1, s.Measure == Measure.Qualitative ? Math.Min(3, Math.Round(v.Item2 / 60)) : s.Measure == Measure.Milestone ? (v.Item2 > 100 ? 1 : 0) : v.Item2)).ToList();
                }
                return new Case(elements, list, observations, asOf, thresholds);
            });

    private static (IndicatorProgress[] Results, Rollup Rollup) OneByOne(Case c)
    {
        var results = c.Specs.Select(s => ProgressEngine.Evaluate(s, c.Observations.GetValueOrDefault(s.Id, []), c.AsOf, c.Thresholds)).ToArray();
        var rollup = new Rollup(c.Elements);
        for (var i = 0; i < c.Specs.Count; i++) rollup.Load(c.Specs[i].Id, c.Specs[i].ElementId, (double)c.Specs[i].Weight, results[i].Achievement);
        rollup.RecomputeAll();
        return (results, rollup);
    }

    [Fact]
    public void The_prepared_plan_gives_exactly_the_engines_figures_for_every_indicator_and_element()
    {
        Cases.Sample(c =>
        {
            var (expected, rollup) = OneByOne(c);
            var prepared = new ProgressPlan(c.Elements, c.Specs, c.Observations);
            foreach (var parallel in new[] { false, true })
            {
                var now = prepared.Compute(c.AsOf, c.Thresholds, parallel);
                for (var i = 0; i < expected.Length; i++)
                {
                    if (now.Get(i) != expected[i]) return false;
                    if (now.Achievement(i) != expected[i].Achievement || now.Status(i) != expected[i].Status) return false;
                }
                if (c.Elements.Any(e => now.Rollup.Get(e.Id) != rollup.Get(e.Id))) return false;
            }
            return true;
        }, iter: 3_000);
    }

    [Fact]
    public void A_large_plan_gives_the_same_figures_on_two_cores_as_on_one_and_as_the_engine()
    {
        var rng = new Random(5);
        var elements = Enumerable.Range(1, 200).Select(e => new RollupNode(e, e <= 10 ? null : rng.Next(1, Math.Min(e, 60)), 1 + (e % 3))).ToList();
        var specs = new List<IndicatorSpec>();
        var observations = new Dictionary<int, List<Observation>>();
        for (var i = 0; i < ProgressService.ParallelFrom + 1000; i++)
        {
            var baseline = rng.Next(0, 50);
            var target = baseline + rng.Next(-20, 50);
            var spec = new IndicatorSpec(1000 + i, rng.Next(1, 201), i % 50 == 0 ? Measure.Milestone : Measure.Percentage,
                target < baseline ? Direction.Decrease : Direction.Increase, baseline, 2020, new Dictionary<int, decimal> { [2030] = target }, 1 + (i % 2));
            specs.Add(spec);
            observations[spec.Id] = [.. Enumerable.Range(2021, 10).Where(_ => rng.Next(10) > 0).Select(y => new Observation(spec.Id, y, rng.Next(0, 100) / 2m))];
        }
        var prepared = new ProgressPlan(elements, specs, observations);
        foreach (var asOf in new[] { 2020, 2024, 2030 })
        {
            var c = new Case(elements, specs, observations, asOf, Thresholds.Default);
            var (expected, rollup) = OneByOne(c);
            var one = prepared.Compute(asOf, Thresholds.Default, parallel: false);
            var two = prepared.Compute(asOf, Thresholds.Default, parallel: true);
            for (var i = 0; i < specs.Count; i++)
            {
                Assert.Equal(expected[i], one.Get(i));
                Assert.Equal(expected[i], two.Get(i));
            }
            foreach (var e in elements)
            {
                Assert.Equal(rollup.Get(e.Id), one.Rollup.Get(e.Id));
                Assert.Equal(rollup.Get(e.Id), two.Rollup.Get(e.Id));
            }
        }
    }

    [Fact]
    public void A_roll_up_computed_from_a_prepared_plan_can_still_be_updated_one_value_at_a_time()
    {
        var elements = new List<RollupNode> { new(1, null, 1), new(2, 1, 1), new(3, 1, 1) };
        var specs = new List<IndicatorSpec>
        {
            new(10, 2, Measure.Number, Direction.Increase, 0, 2020, new Dictionary<int, decimal> { [2030] = 10 }),
            new(11, 3, Measure.Number, Direction.Increase, 0, 2020, new Dictionary<int, decimal> { [2030] = 10 }),
        };
        var observations = new Dictionary<int, List<Observation>> { [10] = [new(10, 2030, 5)] };
        var prepared = new ProgressPlan(elements, specs, observations);
        var first = prepared.Compute(2030, Thresholds.Default);
        Assert.Equal(0.5, first.Rollup.Get(1).Achievement);
        first.Rollup.Set(11, 1.0);
        Assert.Equal(0.75, first.Rollup.Get(1).Achievement);
        // Another computation from the same preparation is not affected by the first one's update.
        Assert.Equal(0.5, prepared.Compute(2030, Thresholds.Default).Rollup.Get(1).Achievement);
        Assert.Equal(0.5, first.Achievement(0));
    }
}
