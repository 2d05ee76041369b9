using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Finance;
using Cadre.Core.Planning;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Demo;

/// <summary>
/// The demo data of the Finance area, loaded by <see cref="DemoData.LoadAsync"/> in its transaction, after the plans:
/// the financial plan 2024-2027 in the shape of Council Decision 5 (figures plausible, not ITU's), its two
/// biennial budgets and some expenditure, attribution keys for every unit, the rolling operational plans
/// 2025-2028 of the General Secretariat and the three Sectors, and a risk register.
/// Deliberate incoherences for the checks to find: ITU-D's 2027 expenses exceed the revenue of 2026-2027 and
/// ITU-D's financial limit, so its attribution differs from its budget; operational output ITU-D O5 links to
/// nothing; outcomes TP-T2.O1, TP-D5.O2 and E2.O2 are supported by no operational output.
/// </summary>
internal static class DemoFinance
{
    public const string GsPlanCode = "GS-OP-2025-2028";
    public const string ItuRPlanCode = "ITU-R-OP-2025-2028";
    public const string ItuTPlanCode = "ITU-T-OP-2025-2028";

    // CHF thousands per year (Decision 5 shows thousands).
    private static readonly (RevenueSource Source, decimal PerYear)[] Revenue =
    [
        (RevenueSource.MemberStates, 108_800m),
        (RevenueSource.SectorMembers, 17_400m),
        (RevenueSource.CostRecovery, 31_200m),
        (RevenueSource.Other, 9_100m),
    ];

    private static readonly (string Unit, decimal PerYear, decimal StaffShare)[] Expenses =
    [
        (FinanceUnits.GeneralSecretariat, 84_000m, 0.75m),
        (FinanceUnits.Radiocommunication, 36_500m, 0.75m),
        (FinanceUnits.Standardization, 15_500m, 0.75m),
        (FinanceUnits.Development, 30_500m, 0.70m),
    ];

    public static async Task LoadAsync(CadreDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var strategic = await db.Plans.FirstOrDefaultAsync(p => p.Code == DemoPlans.StrategicPlanCode, ct);
        if (strategic is null) return;
        var elements = await db.PlanElements.Where(e => e.PlanId == strategic.Id).ToDictionaryAsync(e => e.Code, StringComparer.Ordinal, ct);

        // ---------------------------------------------------------------- financial plan
        var fp = new FinancialPlan { PlanId = strategic.Id, AdoptedBy = "Decision 5 (Rev. Bucharest, 2022)" };
        for (var year = 2024; year <= 2027; year++)
        {
            foreach (var (source, perYear) in Revenue)
            {
                fp.Lines.Add(new FinancialPlanLine { Kind = LineKind.Revenue, Category = source.ToString(), Year = year, Amount = perYear * 1000m });
            }
            foreach (var (unit, perYear, _) in Expenses)
            {
                // Deliberate: ITU-D's 2027 expenses are CHF 1.2 million above what the revenue covers.
                var amount = unit == FinanceUnits.Development && year == 2027 ? perYear + 1_200m : perYear;
                fp.Lines.Add(new FinancialPlanLine { Kind = LineKind.Expense, Category = unit, Year = year, Amount = amount * 1000m });
            }
        }
        fp.Limits.Add(new FinancialLimit { Unit = null, Amount = 670_000_000m });
        fp.Limits.Add(new FinancialLimit { Unit = FinanceUnits.Development, Amount = 122_000_000m });
        db.FinancialPlans.Add(fp);
        await db.SaveChangesAsync(ct);

        // ---------------------------------------------------------------- budgets and expenditure
        var closed = Budget(fp, 2024, closed: true);
        var open = Budget(fp, 2026, closed: false);
        db.Budgets.AddRange(closed, open);
        await db.SaveChangesAsync(ct);
        var imported = new DateTime(2026, 10, 31, 0, 0, 0, DateTimeKind.Utc);
        // Execution: 2024 and 2025 nearly complete, 2026 to the end of October.
        (int Year, Budget Budget, decimal Rate)[] execution = [(2024, closed, 0.48m), (2025, closed, 0.495m), (2026, open, 0.41m)];
        foreach (var (year, budget, rate) in execution)
        {
            foreach (var (unit, perYear, staffShare) in Expenses)
            {
                var biennium = perYear * 2m * 1000m;
                db.Expenditures.Add(new Expenditure { BudgetId = budget.Id, Year = year, Unit = unit, Category = CostCategory.Staff,
                    Amount = decimal.Round(biennium * staffShare * rate, 2), Description = "Salaries and common staff costs", ImportedAtUtc = imported });
                db.Expenditures.Add(new Expenditure { BudgetId = budget.Id, Year = year, Unit = unit, Category = CostCategory.NonStaff,
                    Amount = decimal.Round(biennium * (1 - staffShare) * (rate - 0.02m), 2), Description = "Meetings, missions, contracts", ImportedAtUtc = imported });
            }
        }

        // ---------------------------------------------------------------- attribution keys
        Keys(db, fp, FinanceUnits.GeneralSecretariat, AttributionMethod.Percentage, elements, ("E1.O1", 30m), ("E2.O1", 45m), ("E2.O2", 25m));
        Keys(db, fp, FinanceUnits.Radiocommunication, AttributionMethod.Percentage, elements, ("TP-R1.O1", 55m), ("TP-R2.O1", 40m), ("E1.O1", 5m));
        Keys(db, fp, FinanceUnits.Standardization, AttributionMethod.Percentage, elements, ("TP-T1.O1", 70m), ("TP-T2.O1", 25m), ("E1.O1", 5m));
        // ITU-D attributes by staff time (person-days per outcome over the period).
        Keys(db, fp, FinanceUnits.Development, AttributionMethod.Driver, elements,
            ("TP-D1.O1", 1200m), ("TP-D1.O2", 800m), ("TP-D2.O1", 600m), ("TP-D2.O2", 700m), ("TP-D3.O1", 900m),
            ("TP-D4.O1", 300m), ("TP-D5.O1", 650m), ("TP-D5.O2", 400m), ("TP-D5.O3", 450m));
        await db.SaveChangesAsync(ct);

        // ---------------------------------------------------------------- goal shares
        // How each thematic priority and enabler serves the two strategic goals (goal 1: universal connectivity,
        // goal 2: sustainable digital transformation), so that the attribution is totalled per goal. Plausible, not ITU's.
        (string Element, decimal Goal1)[] goalShares =
        [
            ("TP-R1", 70m), ("TP-R2", 70m), ("TP-T1", 50m), ("TP-T2", 40m),
            ("TP-D1", 85m), ("TP-D2", 20m), ("TP-D3", 50m), ("TP-D4", 50m), ("TP-D5", 30m),
            ("E1", 50m), ("E2", 50m),
        ];
        foreach (var (code, goal1) in goalShares)
        {
            if (!elements.TryGetValue(code, out var element)) continue;
            db.GoalShares.Add(new GoalShare { FinancialPlanId = fp.Id, ElementId = element.Id, GoalId = elements["1"].Id, Percent = goal1 });
            db.GoalShares.Add(new GoalShare { FinancialPlanId = fp.Id, ElementId = element.Id, GoalId = elements["2"].Id, Percent = 100m - goal1 });
        }
        await db.SaveChangesAsync(ct);

        // ---------------------------------------------------------------- operational plans
        await ExtendItuDPlanAsync(db, ct);
        var gs = Operational(GsPlanCode, "General Secretariat", "Secrétariat général", FinanceUnits.GeneralSecretariat, elements)
            .Add("output", "G1", "Conferences, meetings and documents of the governing bodies", "Conférences, réunions et documents des organes directeurs", "E1.O1")
            .Add("output", "G2", "Regional presence and membership services", "Présence régionale et services aux membres", "E1.O1")
            .Add("output", "G3", "Strategic planning, budget and results-based management", "Planification stratégique, budget et gestion axée sur les résultats", "E2.O1");
        var r = Operational(ItuRPlanCode, "Radiocommunication Sector", "Secteur des radiocommunications", FinanceUnits.Radiocommunication, elements)
            .Add("output", "R1", "Radio Regulations and world radiocommunication conferences", "Règlement des radiocommunications et conférences mondiales des radiocommunications", "TP-R1.O1")
            .Add("output", "R2", "Processing of space network filings", "Traitement des fiches de notification des réseaux spatiaux", "TP-R2.O1")
            .Add("output", "R3", "World and regional radiocommunication seminars", "Séminaires mondiaux et régionaux des radiocommunications", "TP-R1.O1.P1");
        var t = Operational(ItuTPlanCode, "Telecommunication Standardization Sector", "Secteur de la normalisation des télécommunications", FinanceUnits.Standardization, elements)
            .Add("output", "T1", "ITU-T Recommendations developed by the study groups", "Recommandations UIT-T élaborées par les commissions d'études", "TP-T1.O1")
            .Add("output", "T2", "World Telecommunication Standardization Assembly", "Assemblée mondiale de normalisation des télécommunications", "TP-T1.O1");
        foreach (var plan in new[] { gs, r, t }) db.Plans.Add(plan.Plan);
        await db.SaveChangesAsync(ct);
        Resources(db, gs.Plan, FinanceUnits.GeneralSecretariat, [("G1", 120_000_000m, 52_000m), ("G2", 95_000_000m, 40_000m), ("G3", 60_000_000m, 21_000m)]);
        Resources(db, r.Plan, FinanceUnits.Radiocommunication, [("R1", 70_000_000m, 30_000m), ("R2", 60_000_000m, 26_000m), ("R3", 14_000_000m, 5_000m)]);
        Resources(db, t.Plan, FinanceUnits.Standardization, [("T1", 52_000_000m, 24_000m), ("T2", 10_000_000m, 3_000m)]);
        await db.SaveChangesAsync(ct);

        // ---------------------------------------------------------------- risks
        RiskOf(db, strategic, elements["TP-D1.O2"], "R-01", new("Funding for rural connectivity projects falls short", "Le financement des projets de connectivité rurale est insuffisant"),
            RiskCategory.Financial,
            new("Voluntary contributions and partner funding decline.", "Les contributions volontaires et les financements des partenaires diminuent."),
            new("Fewer rural connectivity projects are delivered; target 1.1 slips.", "Moins de projets de connectivité rurale sont menés à bien ; la cible 1.1 prend du retard."),
            4, 4, "Chief, Projects and Knowledge Management Department", RiskResponse.Reduce,
            new("Broaden the donor base through Partner2Connect; phase projects.", "Élargir la base des donateurs grâce à Partner2Connect ; échelonner les projets."),
            RiskStatus.Open, [(2025, 3, 4, 3), (2025, 9, 4, 4)]);
        RiskOf(db, strategic, elements["TP-D5.O1"], "R-02", new("A major cyberattack on the Union's systems", "Une cyberattaque majeure contre les systèmes de l'Union"),
            RiskCategory.Technology,
            new("Targeted attacks on international organizations.", "Des attaques ciblent les organisations internationales."),
            new("Meetings and services are interrupted; data is exposed.", "Les réunions et les services sont interrompus ; des données sont exposées."),
            3, 5, "Chief Information Security Officer", RiskResponse.Reduce,
            new("Security operations centre; tested recovery plans; staff awareness.", "Centre des opérations de sécurité ; plans de reprise testés ; sensibilisation du personnel."),
            RiskStatus.Monitored, [(2025, 3, 3, 5)]);
        RiskOf(db, strategic, elements["E2.O2"], "R-03", new("Key staff retire without successors", "Des fonctionnaires clés partent à la retraite sans successeur"),
            RiskCategory.Operational,
            new("Retirements concentrated in 2025-2027.", "Des départs à la retraite concentrés sur 2025-2027."),
            new("Loss of expertise in spectrum management and finance.", "Perte de compétences en gestion du spectre et en finances."),
            3, 3, "Chief, Human Resources Management Department", RiskResponse.Reduce,
            new("Succession planning; knowledge transfer; young professionals programme.", "Planification de la relève ; transfert des connaissances ; programme des jeunes cadres."),
            RiskStatus.Open, [(2025, 6, 3, 3)]);
        RiskOf(db, strategic, elements["TP-R2.O1"], "R-04", new("Backlog in the processing of satellite filings", "Retard dans le traitement des fiches de notification de satellites"),
            RiskCategory.Operational,
            new("A surge of filings for large non-geostationary constellations.", "Un afflux de fiches pour de grandes constellations non géostationnaires."),
            new("Regulatory deadlines are missed; cost-recovery revenue is delayed.", "Des délais réglementaires ne sont pas tenus ; les recettes du recouvrement des coûts sont retardées."),
            4, 3, "Director, Radiocommunication Bureau", RiskResponse.Reduce,
            new("Automate examination; temporary staff funded by cost recovery.", "Automatiser l'examen ; personnel temporaire financé par le recouvrement des coûts."),
            RiskStatus.Open, [(2025, 3, 3, 3), (2025, 10, 4, 3)]);
        RiskOf(db, strategic, elements["E1.O1"], "R-05", new("Late payment of assessed contributions", "Retard dans le paiement des contributions mises en recouvrement"),
            RiskCategory.Financial,
            new("Economic difficulties of some Member States.", "Les difficultés économiques de certains États Membres."),
            new("Cash shortfalls; activities postponed.", "Manque de liquidités ; activités reportées."),
            2, 4, "Chief, Financial Resources Management Department", RiskResponse.Accept,
            new("Reserve account; payment plans with Member States in arrears.", "Compte de réserve ; plans de paiement avec les États Membres en retard de paiement."),
            RiskStatus.Monitored, [(2025, 3, 2, 4)]);
        RiskOf(db, strategic, elements["TP-T1.O1"], "R-06", new("Standards developed elsewhere displace ITU-T work", "Des normes élaborées ailleurs supplantent les travaux de l'UIT-T"),
            RiskCategory.Strategic,
            new("Faster industry fora and consortia.", "Des forums et consortiums industriels plus rapides."),
            new("Lower participation; Recommendations less used.", "Une participation moindre ; des Recommandations moins utilisées."),
            2, 3, "Director, Telecommunication Standardization Bureau", RiskResponse.Reduce,
            new("Cooperation agreements; faster approval procedures.", "Accords de coopération ; procédures d'approbation plus rapides."),
            RiskStatus.Open, [(2025, 3, 2, 3)]);
        await db.SaveChangesAsync(ct);
    }

    private static Budget Budget(FinancialPlan fp, int start, bool closed)
    {
        var budget = new Budget { FinancialPlanId = fp.Id, StartYear = start, EndYear = start + 1, Closed = closed };
        foreach (var (unit, perYear, staffShare) in Expenses)
        {
            var total = perYear * 2m * 1000m;
            var staff = decimal.Round(total * staffShare, 2);
            budget.Lines.Add(new BudgetLine { Unit = unit, Category = CostCategory.Staff, Amount = staff });
            budget.Lines.Add(new BudgetLine { Unit = unit, Category = CostCategory.NonStaff, Amount = total - staff });
        }
        return budget;
    }

    private static void Keys(CadreDbContext db, FinancialPlan fp, string unit, AttributionMethod method, Dictionary<string, PlanElement> elements, params (string Code, decimal Value)[] shares)
    {
        var u = new UnitAttribution { FinancialPlanId = fp.Id, Unit = unit, Method = method };
        foreach (var (code, value) in shares) u.Shares.Add(new AttributionShare { ElementId = elements[code].Id, Value = value });
        db.UnitAttributions.Add(u);
    }

    private sealed class OperationalBuilder(Plan plan, Dictionary<string, PlanElement> strategic)
    {
        private readonly Dictionary<string, FrameworkLevel> _levels = plan.Levels.ToDictionary(l => l.Code, StringComparer.Ordinal);

        public Plan Plan { get; } = plan;

        public OperationalBuilder Add(string level, string code, string en, string fr, params string[] contributesTo)
        {
            var element = new PlanElement { Plan = Plan, Level = _levels[level], Code = code, Title = new LocalizedText(en, fr), SortOrder = Plan.Elements.Count };
            foreach (var target in contributesTo) element.Links.Add(new ElementLink { Element = element, TargetElement = strategic[target] });
            Plan.Elements.Add(element);
            return this;
        }
    }

    private static OperationalBuilder Operational(string code, string unitEn, string unitFr, string unit, Dictionary<string, PlanElement> strategic) => new(new Plan
    {
        Kind = PlanKind.Operational,
        Code = code,
        Title = new LocalizedText($"{unitEn}: rolling operational plan 2025-2028", $"{unitFr}: plan opérationnel quadriennal glissant pour la période 2025-2028"),
        Description = new LocalizedText(
            "A draft four-year rolling operational plan; its outputs contribute to outcomes of the ITU Strategic Plan 2024-2027.",
            "Projet de plan opérationnel quadriennal glissant; ses produits contribuent à des résultats du Plan stratégique de l'UIT pour la période 2024-2027."),
        OriginalLanguage = "en",
        StartYear = 2025,
        EndYear = 2028,
        Status = PlanStatus.Draft,
        OwnerUnit = unit,
        Levels = FrameworkTemplates.Create(FrameworkTemplates.Operational)!,
    }, strategic);

    /// <summary>ITU-D's plan gets its resources, and an output deliberately linked to nothing in the strategic plan.</summary>
    private static async Task ExtendItuDPlanAsync(CadreDbContext db, CancellationToken ct)
    {
        var plan = await db.Plans.Include(p => p.Levels).FirstOrDefaultAsync(p => p.Code == DemoPlans.OperationalPlanCode, ct);
        if (plan is null) return;
        var output = plan.Levels.First(l => l.Code == "output");
        var count = await db.PlanElements.CountAsync(e => e.PlanId == plan.Id && e.ParentId == null, ct);
        db.PlanElements.Add(new PlanElement
        {
            PlanId = plan.Id,
            LevelId = output.Id,
            Code = "O5",
            Title = new LocalizedText("Knowledge management and internal tools", "Gestion des connaissances et outils internes"),
            SortOrder = count,
        });
        await db.SaveChangesAsync(ct);
        Resources(db, plan, FinanceUnits.Development, [("O1", 38_000_000m, 14_000m), ("O2", 27_000_000m, 10_000m), ("O3", 24_000_000m, 9_000m),
            ("O4", 22_000_000m, 8_000m), ("O5", 6_000_000m, 2_500m)]);
        await db.SaveChangesAsync(ct);
    }

    private static void Resources(CadreDbContext db, Plan plan, string unit, (string Code, decimal Amount, decimal StaffDays)[] rows)
    {
        var ids = db.PlanElements.Local.Where(e => e.PlanId == plan.Id).ToDictionary(e => e.Code, e => e.Id, StringComparer.Ordinal);
        foreach (var (code, amount, days) in rows)
        {
            if (ids.TryGetValue(code, out var id)) db.OutputResources.Add(new OutputResource { ElementId = id, ResponsibleUnit = unit, Amount = amount, StaffDays = days });
        }
    }

    private static void RiskOf(CadreDbContext db, Plan plan, PlanElement element, string code, LocalizedText title, RiskCategory category, LocalizedText cause,
        LocalizedText consequence, int likelihood, int impact, string owner, RiskResponse response, LocalizedText actions, RiskStatus status,
        (int Year, int Month, int Likelihood, int Impact)[] history)
    {
        var risk = new Risk
        {
            PlanId = plan.Id, ElementId = element.Id, Code = code, Title = title, Category = category, Cause = cause, Consequence = consequence,
            Likelihood = likelihood, Impact = impact, Owner = owner, Response = response, Actions = actions, Status = status,
            NextReviewUtc = new DateTime(2027, 3, 31, 0, 0, 0, DateTimeKind.Utc),
        };
        foreach (var (year, month, l, i) in history)
        {
            risk.Assessments.Add(new RiskAssessment { AtUtc = new DateTime(year, month, 15, 0, 0, 0, DateTimeKind.Utc), AssessedBy = "Corporate Risk Committee", Likelihood = l, Impact = i, Status = status });
        }
        db.Risks.Add(risk);
    }
}
