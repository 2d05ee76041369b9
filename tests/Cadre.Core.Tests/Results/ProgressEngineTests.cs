using Cadre.Core.Results;
using CsCheck;
using Xunit;

namespace Cadre.Core.Tests.Results;

public sealed class ProgressEngineTests
{
    private static IndicatorSpec Spec(Direction direction = Direction.Increase, decimal baseline = 50, decimal target = 70, Measure measure = Measure.Percentage) =>
        new(1, 10, measure, direction, baseline, 2023, new Dictionary<int, decimal> { [2027] = target });

    private static Observation Value(int year, decimal value) => new(1, year, value);

    [Fact]
    public void The_expected_value_lies_on_the_line_from_baseline_to_target()
    {
        var spec = Spec();
        Assert.Equal(50m, ProgressEngine.ExpectedValue(spec, 2023));
        Assert.Equal(55m, ProgressEngine.ExpectedValue(spec, 2024));
        Assert.Equal(65m, ProgressEngine.ExpectedValue(spec, 2026));
        Assert.Equal(70m, ProgressEngine.ExpectedValue(spec, 2030));
    }

    [Fact]
    public void An_indicator_without_a_value_has_no_data_not_zero()
    {
        var p = ProgressEngine.Evaluate(Spec(), [], 2025, Thresholds.Default);
        Assert.Equal(ProgressStatus.NoData, p.Status);
        Assert.Null(p.Achievement);
    }

    [Fact]
    public void Statuses_follow_the_thresholds()
    {
        // Expected in 2025: 60. Achievement = (actual - 50) / 10.
        Assert.Equal(ProgressStatus.OnTrack, ProgressEngine.Evaluate(Spec(), [Value(2025, 61)], 2025, Thresholds.Default).Status);
        Assert.Equal(ProgressStatus.OnTrack, ProgressEngine.Evaluate(Spec(), [Value(2025, 59.5m)], 2025, Thresholds.Default).Status);
        Assert.Equal(ProgressStatus.AtRisk, ProgressEngine.Evaluate(Spec(), [Value(2025, 57)], 2025, Thresholds.Default).Status);
        Assert.Equal(ProgressStatus.OffTrack, ProgressEngine.Evaluate(Spec(), [Value(2025, 52)], 2025, Thresholds.Default).Status);
        Assert.Equal(ProgressStatus.Achieved, ProgressEngine.Evaluate(Spec(), [Value(2025, 71)], 2025, Thresholds.Default).Status);
        Assert.Equal(ProgressStatus.OnTrack, ProgressEngine.Evaluate(Spec(), [Value(2025, 57)], 2025, new Thresholds(0.7, 0.5)).Status);
    }

    [Fact]
    public void A_decreasing_indicator_is_on_track_when_the_value_falls_as_planned()
    {
        var spec = Spec(Direction.Decrease, baseline: 40, target: 20);
        var p = ProgressEngine.Evaluate(spec, [Value(2025, 30)], 2025, Thresholds.Default);
        Assert.Equal(1.0, p.Achievement);
        Assert.Equal(ProgressStatus.OnTrack, p.Status);
        Assert.Equal(ProgressStatus.OffTrack, ProgressEngine.Evaluate(spec, [Value(2025, 41)], 2025, Thresholds.Default).Status);
    }

    [Fact]
    public void A_target_equal_to_the_baseline_means_keeping_it()
    {
        var spec = Spec(baseline: 80, target: 80);
        Assert.Equal(1.0, ProgressEngine.Evaluate(spec, [Value(2025, 80)], 2025, Thresholds.Default).Achievement);
        Assert.Equal(0.5, ProgressEngine.Evaluate(spec, [Value(2025, 40)], 2025, Thresholds.Default).Achievement);
    }

    [Fact]
    public void A_band_indicator_is_achieved_inside_the_band_and_falls_off_outside()
    {
        var spec = Spec(Direction.Band) with { BandLow = 10, BandHigh = 20 };
        Assert.Equal(1.0, ProgressEngine.Evaluate(spec, [Value(2025, 15)], 2025, Thresholds.Default).Achievement);
        Assert.Equal(0.5, ProgressEngine.Evaluate(spec, [Value(2025, 25)], 2025, Thresholds.Default).Achievement);
        Assert.Equal(0.0, ProgressEngine.Evaluate(spec, [Value(2025, 40)], 2025, Thresholds.Default).Achievement);
    }

    [Fact]
    public void A_milestone_not_yet_due_is_on_track_without_a_figure_and_off_track_once_due()
    {
        var spec = Spec(measure: Measure.Milestone, baseline: 0, target: 1);
        var early = ProgressEngine.Evaluate(spec, [Value(2025, 0)], 2025, Thresholds.Default);
        Assert.Equal(ProgressStatus.OnTrack, early.Status);
        Assert.Null(early.Achievement);
        Assert.Equal(ProgressStatus.OffTrack, ProgressEngine.Evaluate(spec, [Value(2027, 0)], 2027, Thresholds.Default).Status);
        Assert.Equal(ProgressStatus.Achieved, ProgressEngine.Evaluate(spec, [Value(2026, 1)], 2026, Thresholds.Default).Status);
    }

    [Fact]
    public void Values_after_the_as_of_year_are_ignored()
    {
        var p = ProgressEngine.Evaluate(Spec(), [Value(2024, 55), Value(2026, 69)], 2025, Thresholds.Default);
        Assert.Equal(55m, p.Actual);
        Assert.Equal(2024, p.ActualYear);
    }

    [Fact]
    public void Achievement_is_monotonic_in_the_actual_for_increasing_indicators()
    {
        Gen.Select(Gen.Decimal[0, 100], Gen.Decimal[0, 100], Gen.Decimal[0, 200], Gen.Decimal[0, 200], Gen.Int[2024, 2030])
            .Sample((baseline, target, a, b, year) =>
            {
                var spec = Spec(Direction.Increase, baseline, target);
                var (lo, hi) = a <= b ? (a, b) : (b, a);
                var x = ProgressEngine.Evaluate(spec, [Value(year, lo)], year, Thresholds.Default).Achievement!.Value;
                var y = ProgressEngine.Evaluate(spec, [Value(year, hi)], year, Thresholds.Default).Achievement!.Value;
                return x <= y && x is >= 0 and <= 1 && y is >= 0 and <= 1;
            });
    }

    [Fact]
    public void Achievement_is_monotonic_the_other_way_for_decreasing_indicators()
    {
        Gen.Select(Gen.Decimal[0, 100], Gen.Decimal[0, 100], Gen.Decimal[0, 200], Gen.Decimal[0, 200])
            .Sample((baseline, target, a, b) =>
            {
                var spec = Spec(Direction.Decrease, baseline, target);
                var (lo, hi) = a <= b ? (a, b) : (b, a);
                var x = ProgressEngine.Evaluate(spec, [Value(2025, lo)], 2025, Thresholds.Default).Achievement!.Value;
                var y = ProgressEngine.Evaluate(spec, [Value(2025, hi)], 2025, Thresholds.Default).Achievement!.Value;
                return x >= y;
            });
    }
}
