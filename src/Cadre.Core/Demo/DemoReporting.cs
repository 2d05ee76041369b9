using Cadre.Core.Data;
using Cadre.Core.Reporting;
using Cadre.Core.Reporting.Model;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Demo;

/// <summary>
/// The demo data of the Reporting area, loaded by <see cref="DemoData.LoadAsync"/> in its transaction, after
/// Finance: the draft 2025 annual report of ITU-SP-2024-2027 with a narrative in English and in French for the
/// summary and for every element of the plan, so that generating it gives a complete report in both languages.
/// The report is a draft (it can be taken through Council in the demo). The narratives are demo text written for
/// Cadre: they describe the work, never retype a figure (the figures come from Results and Finance).
/// Key sections have their own text; outputs and the ITU-R and ITU-T outcomes have a shorter text by level.
/// </summary>
internal static class DemoReporting
{
    public const int Year = 2025;
    private const string Writer = "Strategic Planning and Membership Department (demo)";

    private static readonly Dictionary<string, (string En, string Fr)> Texts = new(StringComparer.Ordinal)
    {
        [ReportBuilder.SummaryKey] = (
            "This report presents the implementation of the ITU Strategic Plan 2024-2027 in 2025, its second year. It gives, for each strategic goal, target, thematic priority and enabler, the indicators with their baseline, target and latest validated value, the resources attributed and spent, and the main risks.\n\nProgress on connectivity continued, but the gaps between regions and between urban and rural areas remain wide. The figures are those validated in Cadre at the time of generation; provisional values are not counted.",
            "Le présent rapport rend compte de la mise en œuvre en 2025, deuxième année, du Plan stratégique de l'UIT pour la période 2024-2027. Il présente, pour chaque but stratégique, cible, priorité thématique et catalyseur, les indicateurs avec leur valeur de référence, leur cible et leur dernière valeur validée, les ressources attribuées et dépensées, et les principaux risques.\n\nLes progrès en matière de connectivité se sont poursuivis, mais les écarts entre régions et entre zones urbaines et rurales restent importants. Les chiffres sont ceux validés dans Cadre au moment de la production du rapport ; les valeurs provisoires ne sont pas prises en compte."),
        ["1"] = (
            "Work towards universal connectivity focused on coverage, affordability and use. The targets of this goal are measured with the ITU's own statistics, collected from administrations and household surveys.",
            "Les travaux en faveur de la connectivité universelle ont porté sur la couverture, l'accessibilité financière et l'utilisation. Les cibles de ce but sont mesurées au moyen des statistiques de l'UIT, recueillies auprès des administrations et par des enquêtes auprès des ménages."),
        ["1.1"] = (
            "Mobile broadband coverage kept growing, mostly through the upgrade of existing sites. The remaining gap is concentrated in low-density rural areas, where the business case is weakest.",
            "La couverture mobile large bande a continué de progresser, surtout grâce à la mise à niveau des sites existants. L'écart restant se concentre dans les zones rurales peu peuplées, où la rentabilité est la plus faible."),
        ["1.2"] = (
            "Prices of entry-level broadband baskets fell in most regions. Affordability remains the main barrier in least developed countries.",
            "Les prix des paniers large bande d'entrée de gamme ont baissé dans la plupart des régions. L'accessibilité financière reste le principal obstacle dans les pays les moins avancés."),
        ["1.3"] = (
            "Internet use increased again. The increase was slower than in the years of the pandemic, and the offline population is mostly in rural areas of low-income countries.",
            "L'utilisation de l'Internet a de nouveau progressé, plus lentement que pendant les années de la pandémie ; la population hors ligne vit surtout dans les zones rurales des pays à faible revenu."),
        ["1.4"] = (
            "The gender gap in Internet use narrowed slightly at the global level; it remains wide in least developed countries.",
            "L'écart entre les hommes et les femmes dans l'utilisation de l'Internet s'est légèrement réduit au niveau mondial ; il reste important dans les pays les moins avancés."),
        ["2"] = (
            "Work towards sustainable digital transformation covered digital skills, accessibility, cybersecurity, electronic waste and the sector's emissions, with the Development Sector in the lead on capacity building.",
            "Les travaux en faveur d'une transformation numérique durable ont porté sur les compétences numériques, l'accessibilité, la cybersécurité, les déchets électroniques et les émissions du secteur, le Secteur du développement étant chef de file pour le renforcement des capacités."),
        ["2.3"] = (
            "More countries assessed their cybersecurity readiness and established or strengthened a national computer incident response team with the support of the Union.",
            "Davantage de pays ont évalué leur état de préparation en matière de cybersécurité et créé ou renforcé une équipe nationale d'intervention en cas d'incident informatique avec l'appui de l'Union."),
        ["TP-D1"] = (
            "Affordable connectivity remained the largest thematic priority of the Development Sector, with technical assistance for national broadband plans and rural connectivity projects.",
            "La connectivité financièrement abordable est restée la principale priorité thématique du Secteur du développement, avec une assistance technique pour les plans nationaux large bande et des projets de connectivité rurale."),
        ["TP-D2"] = (
            "Digital transformation work supported national strategies and the ITU Academy's training courses on digital skills.",
            "Les travaux sur la transformation numérique ont appuyé les stratégies nationales et les cours de formation de l'Académie de l'UIT sur les compétences numériques."),
        ["TP-D3"] = (
            "The Global Symposium for Regulators and the statistics programme supported evidence-based policy and regulation.",
            "Le Colloque mondial des régulateurs et le programme de statistiques ont appuyé l'élaboration de politiques et de réglementations fondées sur des données probantes."),
        ["TP-D4"] = (
            "Resource mobilization relied on the Partner2Connect Digital Coalition and on partnerships with regional development banks.",
            "La mobilisation de ressources s'est appuyée sur la Coalition numérique Partner2Connect et sur des partenariats avec les banques régionales de développement."),
        ["TP-D5"] = (
            "Inclusive and secure ICTs: cybersecurity capacity, digital inclusion of women and girls and of persons with disabilities, and emergency telecommunications.",
            "TIC inclusives et sûres : capacités en matière de cybersécurité, inclusion numérique des femmes et des jeunes filles et des personnes handicapées, et télécommunications d'urgence."),
        ["E1"] = (
            "Members took part in the work of the Union through study groups, conferences and the regional offices.",
            "Les membres ont participé aux travaux de l'Union au moyen des commissions d'études, des conférences et des bureaux régionaux."),
        ["E2"] = (
            "Resource optimization continued with results-based management across the three Sectors and the General Secretariat.",
            "L'optimisation des ressources s'est poursuivie avec la gestion axée sur les résultats dans les trois Secteurs et au Secrétariat général."),
    };

    private static (string En, string Fr) ByLevel(string level, string titleEn, string titleFr) => level switch
    {
        "output" => (
            $"The output \"{titleEn}\" was delivered in 2025 as planned in the operational plan of the responsible Bureau.",
            $"Le produit « {titleFr} » a été réalisé en 2025 comme prévu dans le plan opérationnel du Bureau responsable."),
        "outcome" => (
            $"Work towards the outcome \"{titleEn}\" continued in 2025 through the outputs listed under it.",
            $"Les travaux en vue du résultat « {titleFr} » se sont poursuivis en 2025 au moyen des produits qui en relèvent."),
        "target" => (
            $"Work towards the target \"{titleEn}\" continued in 2025 through the thematic priorities of the three Sectors that contribute to it.",
            $"Les travaux en vue de la cible « {titleFr} » se sont poursuivis en 2025 au moyen des priorités thématiques des trois Secteurs qui y contribuent."),
        _ => (
            $"Work under \"{titleEn}\" continued in 2025 as planned.",
            $"Les travaux relevant de « {titleFr} » se sont poursuivis en 2025 comme prévu."),
    };

    public static async Task LoadAsync(CadreDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Code == DemoPlans.StrategicPlanCode, ct);
        if (plan is null || await db.Reports.AnyAsync(r => r.PlanId == plan.Id, ct)) return;
        var at = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        var report = new Report
        {
            PlanId = plan.Id,
            Kind = ReportKind.Annual,
            Year = Year,
            VersionNumber = 1,
            Status = ReportWorkflowStatus.Draft,
            CreatedAtUtc = at,
            CreatedBy = Writer,
        };
        void Add(string key, (string En, string Fr) text)
        {
            report.Narratives.Add(new ReportNarrativeText { SectionKey = key, Language = "en", Text = text.En, UpdatedAtUtc = at, UpdatedBy = Writer });
            report.Narratives.Add(new ReportNarrativeText { SectionKey = key, Language = "fr", Text = text.Fr, UpdatedAtUtc = at, UpdatedBy = Writer });
        }
        Add(ReportBuilder.SummaryKey, Texts[ReportBuilder.SummaryKey]);
        var elements = await db.PlanElements.Where(e => e.PlanId == plan.Id).Select(e => new { e.Code, e.Title, Level = e.Level!.Code }).ToListAsync(ct);
        foreach (var e in elements.OrderBy(e => e.Code, StringComparer.Ordinal))
        {
            Add(ReportBuilder.ElementKey(e.Code), Texts.TryGetValue(e.Code, out var t) ? t : ByLevel(e.Level, e.Title.En ?? e.Code, e.Title.Fr ?? e.Title.En ?? e.Code));
        }
        db.Reports.Add(report);
        await db.SaveChangesAsync(ct);
    }
}
