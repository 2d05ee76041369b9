using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Demo;

/// <summary>
/// The demo data of the Results area, loaded by <see cref="DemoData.LoadAsync"/> in its transaction, after the plans:
/// indicators on strategic targets and ITU-D thematic priorities of ITU-SP-2024-2027, with figures from ITU Facts and
/// Figures (approximate, rounded as published), some validated, some provisional, some missing, so that every status
/// appears (as of 2025 and 2026). The figures are real; the 2027 targets are demo choices, not those of Resolution 71.
/// No reporter or validator is assigned (the demo accounts are created after the data), so any Reporter may report
/// and any Validator validate.
/// </summary>
internal static class DemoResults
{
    private const string FactsAndFigures = "ITU, Facts and Figures 2024 and 2025 (approximate figures, as rounded in the publication).";
    private const string Reporter = "Rosa Martínez (demo)";
    private const string Validator = "Viktor Petrov (demo)";

    public static async Task LoadAsync(CadreDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Code == DemoPlans.StrategicPlanCode, ct);
        if (plan is null || await db.Indicators.AnyAsync(i => i.PlanId == plan.Id, ct)) return;
        var elements = await db.PlanElements.Where(e => e.PlanId == plan.Id).ToDictionaryAsync(e => e.Code, e => e.Id, ct);
        var dimensions = await StandardDimensions.EnsureAsync(db, plan.Id, ct);
        db.ResultsSettings.Add(new ResultsSettings { PlanId = plan.Id });
        await db.SaveChangesAsync(ct); // the dimension values get their ids, used in the values' series keys
        var sex = dimensions.Single(d => d.Code == StandardDimensions.Sex);
        var region = dimensions.Single(d => d.Code == StandardDimensions.Region);
        DimensionValue Dv(Dimension d, string code) => d.Values.Single(v => v.Code == code);
        var submitted = new DateTime(2025, 12, 1, 9, 0, 0, DateTimeKind.Utc);
        var decided = new DateTime(2025, 12, 8, 9, 0, 0, DateTimeKind.Utc);
        var sort = 0;

        Indicator Add(string element, string code, string en, string fr, Measure measure, decimal? baseline, int? baselineYear, decimal? endTarget,
            string? unit = null, Direction direction = Direction.Increase, decimal? bandLow = null, decimal? bandHigh = null, string? source = FactsAndFigures,
            string unitResponsible = "BDT", params Dimension[] dims)
        {
            var i = new Indicator
            {
                PlanId = plan.Id,
                ElementId = elements[element],
                Code = code,
                Name = new LocalizedText(en, fr),
                Measure = measure,
                Unit = unit,
                Direction = direction,
                BandLow = bandLow,
                BandHigh = bandHigh,
                BaselineValue = baseline,
                BaselineYear = baselineYear,
                EndTarget = endTarget,
                Frequency = Frequency.Annual,
                DataSource = source,
                ResponsibleUnit = unitResponsible,
                SortOrder = sort++,
                Dimensions = dims.Select(d => new IndicatorDimension { Dimension = d }).ToList(),
            };
            db.Indicators.Add(i);
            return i;
        }

        void Value(Indicator i, int year, decimal value, ValueStatus status = ValueStatus.Validated, DimensionValue? dv = null, string? comment = null, string? text = null)
        {
            db.ReportedValues.Add(new ReportedValue
            {
                Indicator = i,
                Period = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Year = year,
                DimensionValue = dv,
                SeriesKey = ReportedValue.KeyOf(year.ToString(System.Globalization.CultureInfo.InvariantCulture), dv?.Id),
                Value = value,
                Text = text,
                Comment = comment,
                Status = status,
                SubmittedById = "demo-reporter",
                SubmittedBy = Reporter,
                SubmittedAtUtc = submitted,
                DecidedById = status == ValueStatus.Provisional ? null : "demo-validator",
                DecidedBy = status == ValueStatus.Provisional ? null : Validator,
                DecidedAtUtc = status == ValueStatus.Provisional ? null : decided,
            });
        }

        // Target 1.3: individuals using the Internet. About 53% in 2019, 63% in 2021, 67% in 2023, 68% in 2024 and
        // about 74% (some 6 billion people) in 2025. On track as of 2025 and 2026 against a demo target of 76% in 2027.
        var internet = Add("1.3", "1.3.a", "Individuals using the Internet (% of the population)", "Personnes utilisant l'Internet (% de la population)",
            Measure.Percentage, 67, 2023, 76, "%", dims: [sex, region]);
        Value(internet, 2024, 68);
        Value(internet, 2025, 74, comment: "About 6 billion people.");
        // 2024, by sex (about 70% of men and 65% of women) and by ITU region.
        Value(internet, 2024, 65, dv: Dv(sex, "female"));
        Value(internet, 2024, 70, dv: Dv(sex, "male"));
        foreach (var (r, v) in new[] { ("africa", 38m), ("americas", 87m), ("arab-states", 70m), ("asia-pacific", 66m), ("cis", 92m), ("europe", 91m) })
        {
            Value(internet, 2024, v, dv: Dv(region, r));
        }

        // Target 1.4: gender parity score of Internet use (women's share over men's), kept within 0.98-1.02. About 0.92: off track.
        var parity = Add("1.4", "1.4.a", "Gender parity score of Internet use", "Indice de parité hommes/femmes de l'utilisation de l'Internet",
            Measure.Number, 0.92m, 2023, 1.00m, "ratio", Direction.Band, 0.98m, 1.02m);
        Value(parity, 2024, 0.92m);

        // Target 1.1: population covered by at least a 4G mobile-broadband network (about 92% in 2024): reported, not yet validated, so "no data".
        var coverage = Add("1.1", "1.1.a", "Population covered by at least a 4G mobile network (%)", "Population couverte par au moins un réseau mobile 4G (%)",
            Measure.Percentage, 90, 2023, 95, "%");
        Value(coverage, 2024, 92, ValueStatus.Provisional);

        // Target 1.2: affordability, defined but not reported yet: "no data".
        Add("1.2", "1.2.a", "Economies where entry-level mobile broadband costs less than 2% of GNI per capita (%)",
            "Économies où le large bande mobile d'entrée de gamme coûte moins de 2 % du RNB par habitant (%)", Measure.Percentage, null, null, 70, "%");

        // Target 2.3: the fifth edition of the Global Cybersecurity Index was published in 2024: achieved.
        var gci = Add("2.3", "2.3.a", "Global Cybersecurity Index 2024 published", "Publication de l'Indice mondial de cybersécurité 2024",
            Measure.Milestone, null, null, 1, source: "ITU, Global Cybersecurity Index 2024.", unitResponsible: "BDT");
        Value(gci, 2024, 1);

        // ITU-D priorities.
        var gsr = Add("TP-D3.O1", "D3.a", "Global Symposium for Regulators held (GSR-24, Kampala, Uganda)",
            "Colloque mondial des régulateurs tenu (GSR-24, Kampala, Ouganda)", Measure.Milestone, null, null, 1, source: "ITU-D, GSR-24.");
        Value(gsr, 2024, 1);
        var cyber = Add("TP-D5.O1", "D5.a", "Progress of national cybersecurity capacity building (assessment)",
            "Progrès du renforcement des capacités nationales en matière de cybersécurité (appréciation)", Measure.Qualitative, null, null, 3,
            source: "BDT assessment (demo).");
        Value(cyber, 2025, (int)QualitativeRating.AtRisk, text: "Assessments are behind plan in two regions (demo narrative).");
        var skills = Add("TP-D2.O2", "D2.a", "Progress of digital skills programmes (assessment)", "Progrès des programmes de compétences numériques (appréciation)",
            Measure.Qualitative, null, null, 3, source: "BDT assessment (demo).");
        Value(skills, 2025, (int)QualitativeRating.OnTrack, ValueStatus.Provisional, text: "Awaiting validation (demo narrative).");
        Add("TP-D4.O1", "D4.a", "Partner2Connect pledges (USD billion)", "Engagements Partner2Connect (milliards USD)", Measure.Number, null, null, 100, "USD billion",
            source: "ITU Partner2Connect Digital Coalition.");

        await db.SaveChangesAsync(ct);
    }
}
