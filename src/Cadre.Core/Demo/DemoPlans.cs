using Cadre.Core.Common;
using Cadre.Core.Planning;
using static Cadre.Core.Demo.DemoVocabularies;

namespace Cadre.Core.Demo;

/// <summary>
/// The demo plans. Their links leave gaps on purpose (elements with no link, entries that nothing addresses),
/// so that the traceability matrix has something to show.
/// </summary>
internal static class DemoPlans
{
    public const string StrategicPlanCode = "ITU-SP-2024-2027";
    public const string ItuDPlanCode = "ITU-D-2020-2023";
    public const string OperationalPlanCode = "ITU-D-OP-2025-2028";

    private const string Vision =
        "An information society, empowered by the interconnected world, where telecommunication/ICTs enable and accelerate socially, economically and environmentally sustainable growth and development for everyone.";
    private const string VisionFr =
        "Une société de l'information, sous-tendue par un monde interconnecté, où les télécommunications/TIC favorisent et accélèrent une croissance et un développement socio-économiques et écologiquement durables pour tous.";
    private const string Mission =
        "To promote, facilitate and foster affordable and universal access to telecommunication/ICT networks, services and applications and their use for social, economic and environmentally sustainable growth and development.";
    private const string MissionFr =
        "Promouvoir, faciliter et favoriser l'accès universel et financièrement abordable aux réseaux, services et applications de télécommunication/TIC ainsi que leur utilisation au service d'une croissance et d'un développement socio-économiques et écologiquement durables.";

    public static DemoPlanBuilder StrategicPlan(IReadOnlyDictionary<(string, string), VocabularyEntry> entries)
    {
        var plan = new Plan
        {
            Kind = PlanKind.Strategic,
            Code = StrategicPlanCode,
            Title = new LocalizedText("ITU Strategic Plan 2024-2027", "Plan stratégique de l'UIT pour la période 2024-2027"),
            Description = new LocalizedText($"Vision: {Vision}\n\nMission: {Mission}", $"Vision: {VisionFr}\n\nMission: {MissionFr}"),
            OriginalLanguage = "en",
            StartYear = 2024,
            EndYear = 2027,
            Status = PlanStatus.Adopted,
            AdoptedBy = "Resolution 71 (Rev. Bucharest, 2022)",
            // The last day of the Plenipotentiary Conference (Bucharest, 26 September to 14 October 2022).
            AdoptedAtUtc = new DateTime(2022, 10, 14, 0, 0, 0, DateTimeKind.Utc),
            Levels = FrameworkTemplates.Create(FrameworkTemplates.ItuStrategic)!,
        };
        var b = new DemoPlanBuilder(plan, entries);

        // Strategic goals, with the statement of each goal as its description.
        b.Add("goal", "1", null, "Universal connectivity", "Connectivité universelle",
                "Enable and foster universal access to affordable, high-quality and secure telecommunications/ICTs.",
                "Permettre et favoriser l'accès universel à des télécommunications/TIC financièrement abordables, de qualité et sûres.")
            .Add("goal", "2", null, "Sustainable digital transformation", "Transformation numérique durable",
                "Foster equitable and inclusive use of telecommunications/ICTs to empower people and societies for sustainable development.",
                "Favoriser une utilisation équitable et inclusive des télécommunications/TIC pour autonomiser les personnes et les sociétés au service du développement durable.");

        // SUMMARISED: the 2030 targets of the plan in short form, without their figures; read Annex 1 of
        // Resolution 71 (Rev. Bucharest, 2022) for the exact wording and values.
        b.Add("target", "1.1", "1", "Universal broadband coverage", "Couverture universelle par le large bande",
                "Broadband networks cover the whole population by 2030.", "Les réseaux large bande couvrent l'ensemble de la population d'ici à 2030.")
            .Add("target", "1.2", "1", "Affordable broadband", "Large bande financièrement abordable",
                "Entry-level broadband services are affordable in every country by 2030.",
                "Les services large bande d'entrée de gamme sont financièrement abordables dans tous les pays d'ici à 2030.")
            .Add("target", "1.3", "1", "Universal Internet use", "Utilisation universelle de l'Internet",
                "Individuals and households everywhere use the Internet by 2030.", "Les particuliers et les ménages utilisent partout l'Internet d'ici à 2030.")
            .Add("target", "1.4", "1", "Gender parity in Internet use", "Parité hommes/femmes dans l'utilisation de l'Internet")
            .Add("target", "2.1", "2", "Digital skills", "Compétences numériques",
                "More youth and adults have basic and advanced digital skills.", "Davantage de jeunes et d'adultes possèdent des compétences numériques de base et avancées.")
            .Add("target", "2.2", "2", "Accessible telecommunications/ICTs", "Accessibilité des télécommunications/TIC",
                "Every country has an environment that makes telecommunications/ICTs accessible to persons with disabilities.",
                "Tous les pays disposent d'un environnement qui rend les télécommunications/TIC accessibles aux personnes handicapées.")
            .Add("target", "2.3", "2", "Cybersecurity", "Cybersécurité",
                "Every country strengthens its cybersecurity capacity, including a national computer incident response team.",
                "Tous les pays renforcent leurs capacités en matière de cybersécurité, notamment au moyen d'une équipe nationale d'intervention en cas d'incident informatique.")
            .Add("target", "2.4", "2", "Electronic waste", "Déchets d'équipements électriques et électroniques",
                "More e-waste is collected and recycled in an environmentally sound way.",
                "Davantage de déchets d'équipements électriques et électroniques sont collectés et recyclés de manière écologiquement rationnelle.")
            .Add("target", "2.5", "2", "Greenhouse gas emissions of the telecommunication/ICT sector", "Émissions de gaz à effet de serre du secteur des télécommunications/TIC",
                "The sector lowers its greenhouse gas emissions.", "Le secteur réduit ses émissions de gaz à effet de serre.");

        // Thematic priorities: the two of each of ITU-R and ITU-T are summarised; ITU-D's five are the
        // priorities of the Kigali Action Plan (WTDC-22).
        b.Add("priority", "TP-R1", null, "Radiocommunication: terrestrial services", "Radiocommunications: services de Terre")
            .Add("priority", "TP-R2", null, "Radiocommunication: space services", "Radiocommunications: services spatiaux")
            .Add("priority", "TP-T1", null, "Standardization", "Normalisation")
            .Add("priority", "TP-T2", null, "Bridging the standardization gap", "Réduction de l'écart en matière de normalisation")
            .Add("priority", "TP-D1", null, "Affordable connectivity", "Connectivité financièrement abordable")
            .Add("priority", "TP-D2", null, "Digital transformation", "Transformation numérique")
            .Add("priority", "TP-D3", null, "Enabling policy and regulatory environment", "Environnement politique et réglementaire propice")
            .Add("priority", "TP-D4", null, "Resource mobilization and international cooperation", "Mobilisation de ressources et coopération internationale")
            .Add("priority", "TP-D5", null, "Inclusive and secure telecommunications/ICTs for sustainable development",
                "Télécommunications/TIC inclusives et sûres au service du développement durable");

        // SUMMARISED: outcomes and outputs written short for the demo.
        b.Add("outcome", "TP-R1.O1", "TP-R1", "Efficient and equitable use of the radio-frequency spectrum by terrestrial services",
                "Utilisation efficace et équitable du spectre des fréquences radioélectriques par les services de Terre")
            .Add("output", "TP-R1.O1.P1", "TP-R1.O1", "World and regional radiocommunication seminars", "Séminaires mondiaux et régionaux des radiocommunications")
            .Add("outcome", "TP-R2.O1", "TP-R2", "Efficient and equitable use of satellite orbits and their associated spectrum",
                "Utilisation efficace et équitable des orbites de satellites et des fréquences associées")
            .Add("outcome", "TP-T1.O1", "TP-T1", "International standards (ITU-T Recommendations) developed and approved in a timely manner",
                "Normes internationales (Recommandations UIT-T) élaborées et approuvées en temps voulu")
            .Add("outcome", "TP-T2.O1", "TP-T2", "Greater participation of developing countries in standardization",
                "Participation accrue des pays en développement aux travaux de normalisation")
            .Add("outcome", "TP-D1.O1", "TP-D1", "Enhanced capacity of members to deploy resilient broadband infrastructure and services",
                "Capacité accrue des membres à déployer des infrastructures et des services large bande résilients")
            .Add("output", "TP-D1.O1.P1", "TP-D1.O1", "Technical assistance for national broadband plans", "Assistance technique pour les plans nationaux large bande")
            .Add("output", "TP-D1.O1.P2", "TP-D1.O1", "Partner2Connect Digital Coalition", "Coalition numérique Partner2Connect")
            .Add("outcome", "TP-D1.O2", "TP-D1", "Improved connectivity of rural, remote and underserved areas",
                "Connectivité améliorée des zones rurales, isolées et mal desservies")
            .Add("output", "TP-D1.O2.P1", "TP-D1.O2", "Rural connectivity projects and guidelines", "Projets et lignes directrices pour la connectivité rurale")
            .Add("outcome", "TP-D2.O1", "TP-D2", "Enhanced capacity of members to develop digital transformation strategies and digital services",
                "Capacité accrue des membres à élaborer des stratégies de transformation numérique et des services numériques")
            .Add("outcome", "TP-D2.O2", "TP-D2", "Improved digital skills", "Compétences numériques améliorées")
            .Add("output", "TP-D2.O2.P1", "TP-D2.O2", "ITU Academy training courses", "Cours de formation de l'Académie de l'UIT")
            .Add("outcome", "TP-D3.O1", "TP-D3", "Evidence-based policy and regulatory frameworks", "Cadres politiques et réglementaires fondés sur des données probantes")
            .Add("output", "TP-D3.O1.P1", "TP-D3.O1", "Global Symposium for Regulators", "Colloque mondial des régulateurs")
            .Add("output", "TP-D3.O1.P2", "TP-D3.O1", "Telecommunication/ICT statistics and indicators", "Statistiques et indicateurs des télécommunications/TIC")
            .Add("outcome", "TP-D4.O1", "TP-D4", "Partnerships and resources mobilized for telecommunication/ICT development",
                "Partenariats et ressources mobilisés pour le développement des télécommunications/TIC")
            .Add("outcome", "TP-D5.O1", "TP-D5", "Strengthened cybersecurity capacity of members", "Capacités des membres en matière de cybersécurité renforcées")
            .Add("output", "TP-D5.O1.P1", "TP-D5.O1", "Assessments and establishment of national computer incident response teams",
                "Évaluation et mise en place d'équipes nationales d'intervention en cas d'incident informatique")
            .Add("outcome", "TP-D5.O2", "TP-D5", "Digital inclusion of women and girls, persons with disabilities and people with specific needs",
                "Inclusion numérique des femmes et des jeunes filles, des personnes handicapées et des personnes ayant des besoins particuliers")
            .Add("outcome", "TP-D5.O3", "TP-D5", "Telecommunications/ICTs used for disaster risk reduction and climate action",
                "Télécommunications/TIC utilisées pour la réduction des risques de catastrophe et l'action climatique")
            .Add("output", "TP-D5.O3.P1", "TP-D5.O3", "National emergency telecommunication plans", "Plans nationaux de télécommunications d'urgence");

        // SUMMARISED: enablers and their outcomes.
        b.Add("enabler", "E1", null, "Stakeholder engagement", "Participation des parties prenantes")
            .Add("outcome", "E1.O1", "E1", "Effective participation of members in the work of the Union, supported by its regional presence",
                "Participation effective des membres aux travaux de l'Union, appuyée par sa présence régionale")
            .Add("enabler", "E2", null, "Resource optimization", "Optimisation des ressources")
            .Add("outcome", "E2.O1", "E2", "Results-based management and coordination among the three Sectors",
                "Gestion axée sur les résultats et coordination entre les trois Secteurs")
            .Add("outcome", "E2.O2", "E2", "Human resources managed in line with the mission of the Union and the United Nations common system",
                "Ressources humaines gérées conformément à la mission de l'Union et au régime commun des Nations Unies");

        // Links. Left unlinked on purpose: ITU-R and ITU-T priorities, most outputs, enabler E2 itself;
        // left unaddressed: WSIS C7.5, C7.7, C7.8, C8, C9, C10, several SDG goals, Question 7/2, AMS2, WTDC resolutions.
        b.Link("1", Sdg, "9").Link("1", Resolutions, "PP Res. 200")
            .Link("2", Sdg, "8", "11").Link("2", Resolutions, "PP Res. 200")
            .Link("1.1", Sdg, "9.1", "9.c").Link("1.1", Wsis, "C2")
            .Link("1.2", Sdg, "9.c", "1.4").Link("1.2", Wsis, "C2", "C6")
            .Link("1.3", Sdg, "9.c", "17.8").Link("1.3", Wsis, "C3")
            .Link("1.4", Sdg, "5.b").Link("1.4", Resolutions, "PP Res. 70")
            .Link("2.1", Sdg, "4.4").Link("2.1", Wsis, "C4")
            .Link("2.2", Questions, "7/1")
            .Link("2.3", Wsis, "C5")
            .Link("2.4", Sdg, "12.5").Link("2.4", Wsis, "C7.6")
            .Link("2.5", Sdg, "13.1").Link("2.5", Wsis, "C7.6");
        b.Link("TP-D1", Wsis, "C2")
            .Link("TP-D1.O1", Sdg, "9.1").Link("TP-D1.O1", Wsis, "C2").Link("TP-D1.O1", Questions, "1/1")
            .Link("TP-D1.O1", RegionalInitiatives, "AFR2", "AMS1", "CIS1", "EUR1")
            .Link("TP-D1.O2", Sdg, "9.c", "1.4").Link("TP-D1.O2", Wsis, "C2", "C3").Link("TP-D1.O2", Questions, "5/1")
            .Link("TP-D1.O2", RegionalInitiatives, "ASP1")
            .Link("TP-D2", Wsis, "C7")
            .Link("TP-D2.O1", Sdg, "8.2", "11.b", "3.d").Link("TP-D2.O1", Wsis, "C7.1", "C7.2", "C7.4")
            .Link("TP-D2.O1", RegionalInitiatives, "AFR1", "ARB1", "ASP2")
            .Link("TP-D2.O2", Sdg, "4.4").Link("TP-D2.O2", Wsis, "C4", "C7.3").Link("TP-D2.O2", RegionalInitiatives, "AFR3", "EUR2")
            .Link("TP-D3", Wsis, "C6")
            .Link("TP-D3.O1", Wsis, "C1", "C6").Link("TP-D3.O1", Questions, "4/1", "6/1")
            .Link("TP-D3.O1.P2", Sdg, "17.18")
            .Link("TP-D4", Wsis, "C11")
            .Link("TP-D4.O1", Sdg, "17.6").Link("TP-D4.O1", Wsis, "C11")
            .Link("TP-D5", Wsis, "C5")
            .Link("TP-D5.O1", Wsis, "C5").Link("TP-D5.O1", Questions, "3/2").Link("TP-D5.O1", RegionalInitiatives, "ARB2", "CIS2")
            .Link("TP-D5.O2", Sdg, "5.b").Link("TP-D5.O2", Questions, "7/1").Link("TP-D5.O2", Resolutions, "PP Res. 70")
            .Link("TP-D5.O3", Sdg, "13.1", "11.b").Link("TP-D5.O3", Wsis, "C7.6").Link("TP-D5.O3", Questions, "6/2")
            .Link("TP-D5.O3", RegionalInitiatives, "AMS3");
        b.Link("E1.O1", Wsis, "C11").Link("E1.O1", Resolutions, "PP Res. 25")
            .Link("E2.O1", Resolutions, "PP Res. 71", "PP Res. 72", "PP Res. 151", "PP Res. 191")
            .Link("E2.O2", Resolutions, "PP Res. 48");
        return b;
    }

    public static DemoPlanBuilder ItuDObjectives(IReadOnlyDictionary<(string, string), VocabularyEntry> entries)
    {
        // The simple template's levels, with objectives allowed at the root: the ITU-D part of the 2020-2023
        // plan is four objectives, not goals, and no goal sits above them in this plan.
        var levels = FrameworkTemplates.Create(FrameworkTemplates.Simple)!;
        levels.Single(l => l.Code == "objective").AllowedAtRoot = true;
        var plan = new Plan
        {
            Kind = PlanKind.Strategic,
            Code = ItuDPlanCode,
            Title = new LocalizedText("ITU-D objectives 2020-2023", "Objectifs de l'UIT-D pour la période 2020-2023"),
            Description = new LocalizedText(
                "The objectives of the Telecommunication Development Sector in the Strategic Plan of the Union for 2020-2023. In the 2020 survey of the TDAG Working Group on Strategic and Operational Planning, members ranked them D.4, D.3, D.2, then D.1.",
                "Les Objectifs du Secteur du développement des télécommunications dans le Plan stratégique de l'Union pour la période 2020-2023. Dans l'enquête menée en 2020 par le Groupe de travail du GCDT chargé de la planification stratégique et opérationnelle, les membres les ont classés dans l'ordre D.4, D.3, D.2, puis D.1."),
            OriginalLanguage = "en",
            StartYear = 2020,
            EndYear = 2023,
            Status = PlanStatus.Superseded,
            AdoptedBy = "Resolution 71 (Rev. Dubai, 2018)",
            // The last day of the Plenipotentiary Conference (Dubai, 29 October to 16 November 2018).
            AdoptedAtUtc = new DateTime(2018, 11, 16, 0, 0, 0, DateTimeKind.Utc),
            Levels = levels,
        };
        var b = new DemoPlanBuilder(plan, entries);

        b.Add("objective", "D.1", null, "Coordination", "Coordination",
                "Foster international cooperation and agreement on telecommunication/ICT development issues.",
                "Encourager la coopération internationale et la conclusion d'accords sur les questions de développement des télécommunications/TIC.")
            .Add("objective", "D.2", null, "Modern and secure telecommunication/ICT infrastructure", "Infrastructure moderne et sûre",
                "Foster the development of infrastructure and services, including building confidence and security in the use of telecommunications/ICTs.",
                "Favoriser le développement des infrastructures et des services, y compris l'instauration de la confiance et de la sécurité dans l'utilisation des télécommunications/TIC.")
            .Add("objective", "D.3", null, "Enabling environment", "Environnement favorable",
                "Foster an enabling policy and regulatory environment conducive to sustainable telecommunication/ICT development.",
                "Favoriser un environnement politique et réglementaire propice au développement durable des télécommunications/TIC.")
            .Add("objective", "D.4", null, "Inclusive digital society", "Société de l'information inclusive",
                "Foster the development and use of telecommunications/ICTs and applications to empower people and societies for sustainable development.",
                "Favoriser le développement et l'utilisation des télécommunications/TIC et des applications pour autonomiser les personnes et les sociétés au service du développement durable.");

        // SUMMARISED: the outputs, grouped and written short for the demo.
        b.Add("output", "D.1.1", "D.1", "World telecommunication development conference, regional preparatory meetings and their reports",
                "Conférence mondiale de développement des télécommunications, réunions préparatoires régionales et leurs rapports")
            .Add("output", "D.1.2", "D.1", "Telecommunication Development Advisory Group", "Groupe consultatif pour le développement des télécommunications")
            .Add("output", "D.1.3", "D.1", "ITU-D study groups", "Commissions d'études de l'UIT-D")
            .Add("output", "D.2.1", "D.2", "Products and services on telecommunication/ICT network infrastructure, including broadband",
                "Produits et services relatifs à l'infrastructure des réseaux de télécommunication/TIC, y compris le large bande")
            .Add("output", "D.2.2", "D.2", "Products and services on building confidence and security in the use of telecommunications/ICTs",
                "Produits et services relatifs à l'instauration de la confiance et de la sécurité dans l'utilisation des télécommunications/TIC")
            .Add("output", "D.2.3", "D.2", "Products and services on emergency telecommunications", "Produits et services relatifs aux télécommunications d'urgence")
            .Add("output", "D.3.1", "D.3", "Global Symposium for Regulators and regional regulatory events",
                "Colloque mondial des régulateurs et manifestations régionales sur la réglementation")
            .Add("output", "D.3.2", "D.3", "Telecommunication/ICT statistics", "Statistiques des télécommunications/TIC")
            .Add("output", "D.3.3", "D.3", "Capacity building in telecommunications/ICTs", "Renforcement des capacités dans le domaine des télécommunications/TIC")
            .Add("output", "D.4.1", "D.4", "Products and services on ICT applications and services", "Produits et services relatifs aux applications et services TIC")
            .Add("output", "D.4.2", "D.4", "Products and services on digital inclusion", "Produits et services relatifs à l'inclusion numérique")
            .Add("output", "D.4.3", "D.4", "Concentrated assistance to least developed countries, small island developing States and landlocked developing countries",
                "Assistance ciblée aux pays les moins avancés, aux petits États insulaires en développement et aux pays en développement sans littoral")
            .Add("output", "D.4.4", "D.4", "Products and services on telecommunications/ICTs and the environment",
                "Produits et services relatifs aux télécommunications/TIC et à l'environnement");

        b.Link("D.1", Wsis, "C1", "C11").Link("D.1", Resolutions, "PP Res. 191")
            .Link("D.1.1", Resolutions, "WTDC Res. 1")
            .Link("D.1.2", Resolutions, "WTDC Res. 24")
            .Link("D.2", Wsis, "C2", "C5").Link("D.2", Sdg, "9.1", "9.c")
            .Link("D.2.3", Sdg, "13.1", "11.b")
            .Link("D.3", Wsis, "C6", "C4")
            .Link("D.3.2", Sdg, "17.18")
            .Link("D.4", Wsis, "C3", "C7").Link("D.4", Sdg, "5.b", "4.4")
            .Link("D.4.4", Wsis, "C7.6").Link("D.4.4", Sdg, "12.5");
        return b;
    }

    public static DemoPlanBuilder OperationalPlan(IReadOnlyDictionary<(string, string), VocabularyEntry> entries, DemoPlanBuilder strategic)
    {
        var plan = new Plan
        {
            Kind = PlanKind.Operational,
            Code = OperationalPlanCode,
            Title = new LocalizedText("ITU-D rolling operational plan 2025-2028", "Plan opérationnel quadriennal glissant de l'UIT-D pour la période 2025-2028"),
            Description = new LocalizedText(
                "A draft of the Telecommunication Development Sector's four-year rolling operational plan; each output contributes to outcomes of the ITU Strategic Plan 2024-2027.",
                "Projet de plan opérationnel quadriennal glissant du Secteur du développement des télécommunications; chaque produit contribue à des résultats du Plan stratégique de l'UIT pour la période 2024-2027."),
            OriginalLanguage = "en",
            StartYear = 2025,
            EndYear = 2028,
            Status = PlanStatus.Draft,
            OwnerUnit = "ITU-D",
            Levels = FrameworkTemplates.Create(FrameworkTemplates.Operational)!,
        };
        var b = new DemoPlanBuilder(plan, entries);

        b.Add("output", "O1", null, "Broadband infrastructure and connectivity", "Infrastructures large bande et connectivité")
            .Add("activity", "O1.A1", "O1", "Assist Member States in preparing national broadband plans", "Aider les États Membres à élaborer leurs plans nationaux large bande")
            .Add("activity", "O1.A2", "O1", "Gather commitments under the Partner2Connect Digital Coalition", "Recueillir des engagements au titre de la Coalition numérique Partner2Connect")
            .Add("output", "O2", null, "Digital skills and digital transformation", "Compétences numériques et transformation numérique")
            .Add("activity", "O2.A1", "O2", "Deliver ITU Academy courses on digital skills", "Dispenser des cours de l'Académie de l'UIT sur les compétences numériques")
            .Add("activity", "O2.A2", "O2", "Support national digital transformation strategies", "Appuyer les stratégies nationales de transformation numérique")
            .Add("output", "O3", null, "Regulation and market data", "Réglementation et données sur les marchés")
            .Add("activity", "O3.A1", "O3", "Organize the Global Symposium for Regulators", "Organiser le Colloque mondial des régulateurs")
            .Add("activity", "O3.A2", "O3", "Collect and publish telecommunication/ICT indicators", "Collecter et publier les indicateurs des télécommunications/TIC")
            .Add("output", "O4", null, "Cybersecurity and emergency telecommunications", "Cybersécurité et télécommunications d'urgence")
            .Add("activity", "O4.A1", "O4", "Assess national cybersecurity readiness", "Évaluer l'état de préparation des pays en matière de cybersécurité")
            .Add("activity", "O4.A2", "O4", "Help countries prepare national emergency telecommunication plans",
                "Aider les pays à élaborer leurs plans nationaux de télécommunications d'urgence");

        // Cross-plan links: the operational outputs contribute to strategic outcomes.
        b.Contributes("O1", strategic["TP-D1.O1"]).Contributes("O1", strategic["TP-D1.O2"])
            .Contributes("O1.A2", strategic["TP-D4.O1"], "Partnerships mobilized through the coalition")
            .Contributes("O2", strategic["TP-D2.O1"]).Contributes("O2", strategic["TP-D2.O2"])
            .Contributes("O3", strategic["TP-D3.O1"])
            .Contributes("O4", strategic["TP-D5.O1"]).Contributes("O4", strategic["TP-D5.O3"]);
        b.Link("O1.A1", Questions, "1/1")
            .Link("O2.A1", Wsis, "C4")
            .Link("O4.A1", Wsis, "C5").Link("O4.A1", RegionalInitiatives, "ARB2", "CIS2")
            .Link("O4.A2", RegionalInitiatives, "AMS3");
        return b;
    }
}
