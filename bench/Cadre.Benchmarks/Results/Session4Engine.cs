using Cadre.Core.Results;

namespace Cadre.Benchmarks.ResultsProgress;

/// <summary>
/// Session 4's full recomputation (<c>ProgressService.Compute</c> until session 5), kept verbatim as the reference the
/// benchmark times in the same run: every indicator through <see cref="ProgressEngine.Evaluate"/> (a record per
/// indicator), a new <see cref="Rollup"/> built from the element list, evaluation split over all cores from 8,192 indicators.
/// </summary>
internal static class Session4Engine
{
    public const int ParallelFrom = 8192;

    private static readonly List<Observation> NoObservations = [];

    public static IndicatorProgress[] Compute(
        IReadOnlyList<RollupNode> elements, IReadOnlyList<IndicatorSpec> specs, IReadOnlyDictionary<int, List<Observation>> observations,
        int asOfYear, Thresholds thresholds, out Rollup rollup, bool parallel = true)
    {
        var results = new IndicatorProgress[specs.Count];
        var weights = new double[specs.Count];
        void Evaluate(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                var s = specs[i];
                weights[i] = (double)s.Weight;
                results[i] = ProgressEngine.Evaluate(s, observations.TryGetValue(s.Id, out var list) ? list : NoObservations, asOfYear, thresholds);
            }
        }
        var parts = parallel && specs.Count >= ParallelFrom ? Math.Min(Environment.ProcessorCount, 16) : 1;
        if (parts <= 1) Evaluate(0, specs.Count);
        else Parallel.For(0, parts, k => Evaluate(specs.Count * k / parts, specs.Count * (k + 1) / parts));
        rollup = new Rollup(elements);
        for (var i = 0; i < specs.Count; i++) rollup.Load(specs[i].Id, specs[i].ElementId, weights[i], results[i].Achievement);
        rollup.RecomputeAll();
        return results;
    }
}
