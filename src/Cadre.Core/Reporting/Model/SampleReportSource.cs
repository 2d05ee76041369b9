using System.Globalization;

namespace Cadre.Core.Reporting.Model;

/// <summary>
/// An in-memory <see cref="IReportSource"/> for tests and the benchmark, until the real one is implemented
/// on Results and Finance. <see cref="Small"/> is a hand-written plan (with a missing French narrative and an
/// element without indicators); <see cref="Synthetic"/> builds a plan of any size from a seed.
/// </summary>
public sealed class SampleReportSource(ReportSourceData data) : IReportSource
{
    public ReportSourceData Data { get; } = data;

    public Task<ReportSourceData?> LoadAsync(string planCode, ReportKind kind, int year, CancellationToken ct = default) =>
        Task.FromResult(string.Equals(planCode, Data.Plan.Code, StringComparison.OrdinalIgnoreCase) ? Data : null);

    private static Dictionary<string, string> T(string en, string fr) => new(StringComparer.Ordinal) { ["en"] = en, ["fr"] = fr };

    private static readonly Dictionary<string, string> Goal = T("Strategic goal", "But stratégique");
    private static readonly Dictionary<string, string> Target = T("Target", "Cible");
    private static readonly Dictionary<string, string> Priority = T("Thematic priority", "Priorité thématique");
    private static readonly Dictionary<string, string> Outcome = T("Outcome", "Résultat");

    /// <summary>A small plan in English and French: two goals, a target, a thematic priority with two outcomes.</summary>
    public static SampleReportSource Small()
    {
        var plan = new ReportPlanData("ITU-SP-2024-2027", T("Strategic plan of the Union for 2024-2027", "Plan stratégique de l'Union pour la période 2024-2027"), "en", 2024, 2027);
        ReportIndicatorPoint[] Series(decimal start, decimal step) =>
            [new(2024, start + step, start + step), new(2025, start + 2 * step, start + (1.5m * step))];
        var elements = new List<ReportElementData>
        {
            new("1", null, 0, "goal", Goal, T("Universal connectivity", "Connectivité universelle"),
                [
                    new("1.a", T("Population covered by a mobile broadband network", "Population couverte par un réseau mobile à large bande"), "%",
                        IndicatorDirection.Increase, 88m, 2023, 92m, 90.5m, ReportStatus.OnTrack, ReportTrend.Improving, Series(88m, 2m)),
                    new("1.b", T("Individuals using the Internet", "Personnes utilisant l'Internet"), "%",
                        IndicatorDirection.Increase, 67m, 2023, 75m, 68m, ReportStatus.AtRisk, ReportTrend.Stable, Series(67m, 2m)),
                ],
                new ReportResourcesData(48_250m, 45_100.5m),
                [new("R1", T("Funding shortfall for field projects", "Manque de financement des projets sur le terrain"), 3, 4,
                    T("Seek voluntary contributions early", "Rechercher tôt des contributions volontaires"))],
                T("Coverage grew in every region.\n\nAffordability remains the main barrier.",
                  "La couverture a progressé dans toutes les régions.\n\nLe coût reste le principal obstacle.")),
            new("1.1", "1", 1, "target", Target, T("Broadband coverage", "Couverture à large bande"),
                [
                    new("1.1.a", T("Gender gap in Internet use", "Écart entre les sexes dans l'utilisation de l'Internet"), "points",
                        IndicatorDirection.Decrease, 8m, 2023, 4m, null, ReportStatus.NoData, ReportTrend.Unknown, []),
                ],
                null, [],
                new Dictionary<string, string> { ["en"] = "Data for 2025 were not yet reported." }),
            new("2", null, 0, "goal", Goal, T("Sustainable digital transformation", "Transformation numérique durable"),
                [], new ReportResourcesData(12_000m, 0m), [], null),
            new("D.1", "2", 1, "priority", Priority, T("Cybersecurity", "Cybersécurité"), [], null, [], null),
            new("D.1.1", "D.1", 2, "outcome", Outcome, T("=Stronger national CIRTs", "=CIRT nationales renforcées"),
                [
                    new("D.1.1.a", T("Countries with a national CIRT", "Pays dotés d'une CIRT nationale"), "countries",
                        IndicatorDirection.Increase, 120m, 2023, 140m, 141m, ReportStatus.Achieved, ReportTrend.Improving, Series(120m, 10m)),
                ],
                null, [], T("+Capacity building reached 30 countries.", "+Le renforcement des capacités a touché 30 pays.")),
            new("D.1.2", "D.1", 2, "outcome", Outcome, T("Child online protection", "Protection en ligne des enfants"), [], null, [], null),
        };
        return new SampleReportSource(new ReportSourceData(plan, elements));
    }

    /// <summary>
    /// A plan of <paramref name="elements"/> elements (goals, targets, priorities, outcomes, a quarter of them at
    /// each level) and <paramref name="indicators"/> indicators spread over them, with resources, risks and
    /// narratives (some missing), deterministic for a seed.
    /// </summary>
    public static SampleReportSource Synthetic(int elements = 500, int indicators = 2000, int seed = 7)
    {
        var random = new Random(seed);
        var plan = new ReportPlanData("SYN-" + elements, T($"Synthetic plan of {elements} elements", $"Plan synthétique de {elements} éléments"), "en", 2024, 2027);
        var list = new List<ReportElementData>(elements);
        var levels = new[] { ("goal", Goal), ("target", Target), ("priority", Priority), ("outcome", Outcome) };
        var perLevel = Math.Max(1, elements / 4);
        var counters = new int[4];
        var parents = new List<string>[4] { [], [], [], [] };
        var indicatorCounts = new int[elements];
        for (var k = 0; k < indicators; k++) indicatorCounts[random.Next(elements)]++;
        var serial = 0;
        string Num(int depth) => depth == 0 ? (++counters[0]).ToString(CultureInfo.InvariantCulture)
            : parents[depth - 1][random.Next(parents[depth - 1].Count)] + "." + (++counters[depth]).ToString(CultureInfo.InvariantCulture);
        // Generate level by level, then order as a tree (each element after its parent).
        var byDepth = new List<(string Code, string? Parent, int Depth)>();
        for (var depth = 0; depth < 4; depth++)
        {
            var count = depth == 3 ? elements - (3 * perLevel) : perLevel;
            for (var k = 0; k < count; k++)
            {
                var code = Num(depth);
                var parent = depth == 0 ? null : code[..code.LastIndexOf('.')];
                parents[depth].Add(code);
                byDepth.Add((code, parent, depth));
            }
        }
        var children = byDepth.Where(e => e.Parent is not null).GroupBy(e => e.Parent!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var ordered = new List<(string Code, string? Parent, int Depth)>();
        void Walk((string Code, string? Parent, int Depth) e)
        {
            ordered.Add(e);
            foreach (var c in children.GetValueOrDefault(e.Code) ?? []) Walk(c);
        }
        foreach (var root in byDepth.Where(e => e.Depth == 0)) Walk(root);

        foreach (var (code, parent, depth) in ordered)
        {
            var n = indicatorCounts[serial++];
            var inds = new List<ReportIndicatorData>(n);
            for (var k = 0; k < n; k++)
            {
                var baseline = random.Next(0, 80);
                var target = baseline + random.Next(5, 40);
                decimal? actual = random.Next(10) == 0 ? null : baseline + (decimal)Math.Round(random.NextDouble() * (target - baseline) * 1.2, 1);
                var status = actual is null ? ReportStatus.NoData
                    : actual >= baseline + (0.8m * (target - baseline)) ? ReportStatus.OnTrack
                    : actual >= baseline + (0.5m * (target - baseline)) ? ReportStatus.AtRisk : ReportStatus.OffTrack;
                inds.Add(new ReportIndicatorData($"{code}.i{k + 1}",
                    T($"Indicator {k + 1} of element {code}", $"Indicateur {k + 1} de l'élément {code}"), "%", IndicatorDirection.Increase,
                    baseline, 2023, target, actual, status, (ReportTrend)random.Next(4),
                    [new(2024, baseline + ((target - baseline) / 2m), actual), new(2025, target, null)]));
            }
            var resources = depth <= 1 ? new ReportResourcesData(random.Next(1_000, 50_000), random.Next(500, 40_000)) : null;
            var risks = depth == 0
                ? new List<ReportRiskData> { new("R-" + code, T($"Main risk of {code}", $"Risque principal de {code}"), random.Next(1, 6), random.Next(1, 6), T("Mitigation plan", "Plan d'atténuation")) }
                : [];
            var narrative = random.Next(5) == 0 ? null
                : T($"Narrative of element {code}, first paragraph.\n\nSecond paragraph.", $"Texte de l'élément {code}, premier paragraphe.\n\nDeuxième paragraphe.");
            var (levelCode, levelName) = levels[depth];
            list.Add(new ReportElementData(code, parent, depth, levelCode, levelName,
                T($"Element {code} of level {levelCode}", $"Élément {code} du niveau {levelCode}"), inds, resources, risks, narrative));
        }
        return new SampleReportSource(new ReportSourceData(plan, list));
    }
}
