using Cadre.Core.Results;
using CsCheck;
using Xunit;

namespace Cadre.Core.Tests.Results;

/// <summary>
/// The engine computes ratios in double arithmetic (exact decimal near a threshold) since session 3; these properties check
/// that it gives the same actual, expected value and status as the all-decimal engine it replaced, and the same
/// achievement to far beyond display precision.
/// </summary>
public sealed class EngineEquivalenceTests
{
    // Round numbers hit the thresholds exactly (e.g. 59 of a 50 → 60 trajectory is 90%); others have many digits.
    private static readonly Gen<decimal> Number = Gen.OneOf(
        Gen.Int[0, 200].Select(i => (decimal)i),
        Gen.Int[0, 2000].Select(i => i / 10m),
        Gen.Decimal[0, 200]);

    private static readonly Gen<IndicatorSpec> Specs =
        Gen.Select(Gen.Enum<Measure>(), Gen.Enum<Direction>(), Number, Gen.Int[2018, 2024], Number.Array[0, 3], Gen.Int[2024, 2032].Array[3], Number, Number)
            .Select((measure, direction, baseline, baselineYear, targets, targetYears, bandA, bandB) => new IndicatorSpec(
                1, 10, measure, direction, baseline, baselineYear,
                targets.Select((t, k) => (Year: targetYears[k], Value: t)).DistinctBy(t => t.Year).ToDictionary(t => t.Year, t => t.Value),
                1m, Math.Min(bandA, bandB), Math.Max(bandA, bandB)));

    private static readonly Gen<Thresholds> ThresholdsGen =
        Gen.OneOf(Gen.Const(Thresholds.Default), Gen.Int[50, 100].SelectMany(on => Gen.Int[0, on].Select(risk => new Thresholds(on / 100.0, risk / 100.0))));

    [Fact]
    public void The_engine_gives_the_same_figures_and_statuses_as_the_all_decimal_engine()
    {
        Gen.Select(Specs, Gen.Select(Gen.Int[2018, 2032], Number).Array[0, 4], Gen.Int[2019, 2033], ThresholdsGen)
            .Sample((spec, values, asOf, thresholds) =>
            {
                var observations = values.Select(v => new Observation(1, v.Item1, spec.Measure == Measure.Qualitative ? Math.Min(3, Math.Round(v.Item2 / 60)) : v.Item2)).ToList();
                var now = ProgressEngine.Evaluate(spec, observations, asOf, thresholds);
                var before = ReferenceProgressEngine.Evaluate(spec, observations, asOf, thresholds);
                return now.Actual == before.Actual && now.ActualYear == before.ActualYear && now.Expected == before.Expected
                    && now.Status == before.Status
                    && (now.Achievement, before.Achievement) switch
                    {
                        (null, null) => true,
                        (double a, double b) => Math.Abs(a - b) < 1e-12,
                        _ => false,
                    };
            }, iter: 20_000);
    }

    [Fact]
    public void A_ratio_exactly_on_a_threshold_keeps_its_status()
    {
        // 0.1 steps are not exact in binary: 0.37 on a 0.1 → 0.4 trajectory is 90% exactly, but 0.8999999999999999 in double.
        var spec = new IndicatorSpec(1, 10, Measure.Number, Direction.Increase, 0.1m, 2020, new Dictionary<int, decimal> { [2025] = 0.4m });
        var p = ProgressEngine.Evaluate(spec, [new Observation(1, 2025, 0.37m)], 2025, Thresholds.Default);
        Assert.Equal(ProgressStatus.OnTrack, p.Status);
        Assert.Equal(ReferenceProgressEngine.Evaluate(spec, [new Observation(1, 2025, 0.37m)], 2025, Thresholds.Default).Status, p.Status);
    }
}
