namespace Cadre.Core.Demo;

/// <summary>One vocabulary entry of the demo: code, English and French titles, and the code of its broader entry.</summary>
internal sealed record DemoEntry(string Code, string En, string Fr, string? Parent = null);

/// <summary>One reference vocabulary of the demo.</summary>
internal sealed record DemoVocabulary(string Code, string En, string Fr, IReadOnlyList<DemoEntry> Entries);

/// <summary>The reference vocabularies that plan elements link to.</summary>
internal static class DemoVocabularies
{
    public const string Sdg = "sdg";
    public const string Wsis = "wsis";
    public const string Resolutions = "resolutions";
    public const string Questions = "questions";
    public const string RegionalInitiatives = "regional-initiatives";

    public static IReadOnlyList<DemoVocabulary> All { get; } =
    [
        new(Sdg, "Sustainable Development Goals and targets", "Objectifs et cibles de développement durable", SdgEntries()),
        new(Wsis, "WSIS action lines", "Grandes orientations du SMSI", WsisEntries()),
        new(Resolutions, "Conference resolutions", "Résolutions des conférences", ResolutionEntries()),
        new(Questions, "ITU-D study Questions (2022-2025)", "Questions à l'étude de l'UIT-D (2022-2025)", QuestionEntries()),
        new(RegionalInitiatives, "Regional initiatives (Kigali, 2022)", "Initiatives régionales (Kigali, 2022)", RegionalInitiativeEntries()),
    ];

    // The 17 goals with their official short titles, then a subset of the targets where telecommunications/ICTs
    // matter most, with the official wording of the 2030 Agenda (General Assembly resolution 70/1).
    private static List<DemoEntry> SdgEntries() =>
    [
        new("1", "No poverty", "Pas de pauvreté"),
        new("2", "Zero hunger", "Faim « zéro »"),
        new("3", "Good health and well-being", "Bonne santé et bien-être"),
        new("4", "Quality education", "Éducation de qualité"),
        new("5", "Gender equality", "Égalité entre les sexes"),
        new("6", "Clean water and sanitation", "Eau propre et assainissement"),
        new("7", "Affordable and clean energy", "Énergie propre et d'un coût abordable"),
        new("8", "Decent work and economic growth", "Travail décent et croissance économique"),
        new("9", "Industry, innovation and infrastructure", "Industrie, innovation et infrastructure"),
        new("10", "Reduced inequalities", "Inégalités réduites"),
        new("11", "Sustainable cities and communities", "Villes et communautés durables"),
        new("12", "Responsible consumption and production", "Consommation et production responsables"),
        new("13", "Climate action", "Mesures relatives à la lutte contre les changements climatiques"),
        new("14", "Life below water", "Vie aquatique"),
        new("15", "Life on land", "Vie terrestre"),
        new("16", "Peace, justice and strong institutions", "Paix, justice et institutions efficaces"),
        new("17", "Partnerships for the goals", "Partenariats pour la réalisation des objectifs"),

        new("1.4",
            "By 2030, ensure that all men and women, in particular the poor and the vulnerable, have equal rights to economic resources, as well as access to basic services, ownership and control over land and other forms of property, inheritance, natural resources, appropriate new technology and financial services, including microfinance",
            "D'ici à 2030, faire en sorte que tous les hommes et les femmes, en particulier les pauvres et les personnes vulnérables, aient les mêmes droits aux ressources économiques et qu'ils aient accès aux services de base, à la propriété foncière, au contrôle des terres et à d'autres formes de propriété, à l'héritage, aux ressources naturelles et à des nouvelles technologies et des services financiers adaptés à leurs besoins, y compris la microfinance",
            "1"),
        new("3.d",
            "Strengthen the capacity of all countries, in particular developing countries, for early warning, risk reduction and management of national and global health risks",
            "Renforcer les moyens dont disposent tous les pays, en particulier les pays en développement, en matière d'alerte rapide, de réduction des risques et de gestion des risques sanitaires nationaux et mondiaux",
            "3"),
        new("4.4",
            "By 2030, substantially increase the number of youth and adults who have relevant skills, including technical and vocational skills, for employment, decent jobs and entrepreneurship",
            "D'ici à 2030, augmenter nettement le nombre de jeunes et d'adultes disposant des compétences, notamment techniques et professionnelles, nécessaires à l'emploi, à l'obtention d'un travail décent et à l'entrepreneuriat",
            "4"),
        new("5.b",
            "Enhance the use of enabling technology, in particular information and communications technology, to promote the empowerment of women",
            "Renforcer l'utilisation des technologies clefs, en particulier l'informatique et les communications, pour promouvoir l'autonomisation des femmes",
            "5"),
        new("8.2",
            "Achieve higher levels of economic productivity through diversification, technological upgrading and innovation, including through a focus on high-value added and labour-intensive sectors",
            "Parvenir à un niveau élevé de productivité économique par la diversification, la modernisation technologique et l'innovation, notamment en mettant l'accent sur les secteurs à forte valeur ajoutée et à forte intensité de main-d'œuvre",
            "8"),
        new("9.1",
            "Develop quality, reliable, sustainable and resilient infrastructure, including regional and transborder infrastructure, to support economic development and human well-being, with a focus on affordable and equitable access for all",
            "Mettre en place une infrastructure de qualité, fiable, durable et résiliente, y compris une infrastructure régionale et transfrontière, pour favoriser le développement économique et le bien-être de l'être humain, en privilégiant un accès universel, financièrement abordable et équitable",
            "9"),
        new("9.c",
            "Significantly increase access to information and communications technology and strive to provide universal and affordable access to the Internet in least developed countries by 2020",
            "Accroître nettement l'accès aux technologies de l'information et de la communication et faire en sorte que tous les habitants des pays les moins avancés aient accès à Internet à un coût abordable d'ici à 2020",
            "9"),
        new("11.b",
            "By 2020, substantially increase the number of cities and human settlements adopting and implementing integrated policies and plans towards inclusion, resource efficiency, mitigation and adaptation to climate change, resilience to disasters, and develop and implement, in line with the Sendai Framework for Disaster Risk Reduction 2015-2030, holistic disaster risk management at all levels",
            "D'ici à 2020, accroître considérablement le nombre de villes et d'établissements humains qui adoptent et mettent en œuvre des politiques et plans d'action intégrés en faveur de l'insertion de tous, de l'utilisation rationnelle des ressources, de l'adaptation aux effets des changements climatiques et de leur atténuation et de la résilience face aux catastrophes, et élaborer et mettre en œuvre, conformément au Cadre de Sendai pour la réduction des risques de catastrophe (2015-2030), une gestion globale des risques de catastrophe à tous les niveaux",
            "11"),
        new("12.5",
            "By 2030, substantially reduce waste generation through prevention, reduction, recycling and reuse",
            "D'ici à 2030, réduire nettement la production de déchets par la prévention, la réduction, le recyclage et la réutilisation",
            "12"),
        new("13.1",
            "Strengthen resilience and adaptive capacity to climate-related hazards and natural disasters in all countries",
            "Renforcer, dans tous les pays, la résilience et les capacités d'adaptation face aux aléas climatiques et aux catastrophes naturelles liées au climat",
            "13"),
        new("16.10",
            "Ensure public access to information and protect fundamental freedoms, in accordance with national legislation and international agreements",
            "Garantir l'accès public à l'information et protéger les libertés fondamentales, conformément à la législation nationale et aux accords internationaux",
            "16"),
        new("17.6",
            "Enhance North-South, South-South and triangular regional and international cooperation on and access to science, technology and innovation and enhance knowledge sharing on mutually agreed terms, including through improved coordination among existing mechanisms, in particular at the United Nations level, and through a global technology facilitation mechanism",
            "Renforcer l'accès à la science, à la technologie et à l'innovation et la coopération Nord-Sud et Sud-Sud et la coopération triangulaire régionale et internationale dans ces domaines et améliorer le partage des savoirs selon des modalités arrêtées d'un commun accord, notamment en coordonnant mieux les mécanismes existants, en particulier au niveau de l'Organisation des Nations Unies, et dans le cadre d'un mécanisme mondial de facilitation des technologies",
            "17"),
        new("17.8",
            "Fully operationalize the technology bank and science, technology and innovation capacity-building mechanism for least developed countries by 2017 and enhance the use of enabling technology, in particular information and communications technology",
            "Faire en sorte que la banque de technologies et le mécanisme de renforcement des capacités scientifiques et technologiques et des capacités d'innovation des pays les moins avancés soient pleinement opérationnels d'ici à 2017 et renforcer l'utilisation des technologies clefs, en particulier de l'informatique et des communications",
            "17"),
        new("17.18",
            "By 2020, enhance capacity-building support to developing countries, including for least developed countries and small island developing States, to increase significantly the availability of high-quality, timely and reliable data disaggregated by income, gender, age, race, ethnicity, migratory status, disability, geographic location and other characteristics relevant in national contexts",
            "D'ici à 2020, apporter un soutien accru au renforcement des capacités des pays en développement, notamment des pays les moins avancés et des petits États insulaires en développement, l'objectif étant de disposer d'un beaucoup plus grand nombre de données de qualité, actualisées et exactes, ventilées par niveau de revenu, sexe, âge, race, appartenance ethnique, statut migratoire, handicap et emplacement géographique, et selon d'autres caractéristiques propres à chaque pays",
            "17"),
    ];

    // The action lines of the Geneva Plan of Action (WSIS, 2003). C7's sub-lines follow the order of the
    // Plan of Action; their numbers C7.1 to C7.8 are ours, for sorting.
    private static List<DemoEntry> WsisEntries() =>
    [
        new("C1", "The role of public governance authorities and all stakeholders in the promotion of ICTs for development",
            "Rôle des pouvoirs publics et de toutes les parties prenantes dans la promotion des TIC pour le développement"),
        new("C2", "Information and communication infrastructure", "Infrastructure de l'information et de la communication"),
        new("C3", "Access to information and knowledge", "Accès à l'information et au savoir"),
        new("C4", "Capacity building", "Renforcement des capacités"),
        new("C5", "Building confidence and security in the use of ICTs", "Établir la confiance et la sécurité dans l'utilisation des TIC"),
        new("C6", "Enabling environment", "Créer un environnement propice"),
        new("C7", "ICT applications", "Applications TIC"),
        new("C7.1", "E-government", "Cybergouvernement", "C7"),
        new("C7.2", "E-business", "Commerce électronique", "C7"),
        new("C7.3", "E-learning", "Téléenseignement", "C7"),
        new("C7.4", "E-health", "Télésanté", "C7"),
        new("C7.5", "E-employment", "Télétravail", "C7"),
        new("C7.6", "E-environment", "Cyberécologie", "C7"),
        new("C7.7", "E-agriculture", "Cyberagriculture", "C7"),
        new("C7.8", "E-science", "Cyberscience", "C7"),
        new("C8", "Cultural diversity and identity, linguistic diversity and local content",
            "Diversité et identité culturelles, diversité linguistique et contenus locaux"),
        new("C9", "Media", "Médias"),
        new("C10", "Ethical dimensions of the Information Society", "Dimensions éthiques de la société de l'information"),
        new("C11", "International and regional cooperation", "Coopération internationale et régionale"),
    ];

    // The Plenipotentiary resolutions cited by Resolution 71 (seed 000) and the WTDC resolutions on
    // ITU-D's part in the plan (seed 003). Titles as in their latest revisions.
    private static List<DemoEntry> ResolutionEntries() =>
    [
        new("PP Res. 25", "Strengthening the regional presence", "Renforcement de la présence régionale"),
        new("PP Res. 48", "Management and development of human resources", "Gestion et développement des ressources humaines"),
        new("PP Res. 70",
            "Mainstreaming a gender perspective in ITU and promotion of gender equality and the empowerment of women through telecommunications/information and communication technologies",
            "Intégration du principe de l'égalité hommes/femmes à l'UIT et promotion de l'égalité hommes/femmes et de l'autonomisation des femmes grâce aux télécommunications/technologies de l'information et de la communication"),
        new("PP Res. 71", "Strategic plan for the Union for 2024-2027", "Plan stratégique de l'Union pour la période 2024-2027"),
        new("PP Res. 72", "Linking strategic, financial and operational planning in ITU",
            "Lier la planification stratégique, la planification financière et la planification opérationnelle à l'UIT"),
        new("PP Res. 151", "Improvement of results-based management in ITU", "Amélioration de la gestion axée sur les résultats à l'UIT"),
        new("PP Res. 191", "Strategy for the coordination of efforts among the three Sectors of the Union",
            "Stratégie de coordination des efforts entre les trois Secteurs de l'Union"),
        new("PP Res. 200",
            "Connect 2030 Agenda for global telecommunication/information and communication technology, including broadband, for sustainable development",
            "Programme Connect 2030 pour le développement des télécommunications/technologies de l'information et de la communication dans le monde, y compris le large bande, au service du développement durable"),
        new("WTDC Res. 1", "Rules of procedure of the ITU Telecommunication Development Sector",
            "Règlement intérieur du Secteur du développement des télécommunications de l'UIT"),
        new("WTDC Res. 24", "Authorization for the Telecommunication Development Advisory Group to act between world telecommunication development conferences",
            "Autorisation donnée au Groupe consultatif pour le développement des télécommunications d'agir entre les conférences mondiales de développement des télécommunications"),
    ];

    // Kept short on purpose: only the Questions of the 2022-2025 study period whose titles are certain.
    private static List<DemoEntry> QuestionEntries() =>
    [
        new("1/1", "Strategies and policies for the deployment of broadband in developing countries",
            "Stratégies et politiques pour le déploiement du large bande dans les pays en développement"),
        new("4/1", "Economic policies and methods of determining the costs of services related to national telecommunication/ICT networks",
            "Politiques économiques et méthodes de détermination des coûts des services liés aux réseaux nationaux de télécommunication/TIC"),
        new("5/1", "Telecommunications/ICTs for rural and remote areas", "Télécommunications/TIC pour les zones rurales et isolées"),
        new("6/1", "Consumer information, protection and rights", "Information, protection et droits des consommateurs"),
        new("7/1", "Telecommunication/ICT accessibility to enable inclusive communication, especially for persons with disabilities",
            "Accessibilité des télécommunications/TIC pour permettre une communication inclusive, en particulier pour les personnes handicapées"),
        new("3/2", "Securing information and communication networks: best practices for developing a culture of cybersecurity",
            "Sécurisation des réseaux d'information et de communication: bonnes pratiques pour créer une culture de la cybersécurité"),
        new("6/2", "ICTs and the environment", "Les TIC et l'environnement"),
        new("7/2", "Strategies and policies concerning human exposure to electromagnetic fields",
            "Stratégies et politiques concernant l'exposition des personnes aux champs électromagnétiques"),
    ];

    // SUMMARISED: the themes of the regional initiatives of the Kigali Action Plan (WTDC-22), written short
    // for the demo; they are not the official titles. Check the Kigali Action Plan before quoting them.
    private static List<DemoEntry> RegionalInitiativeEntries() =>
    [
        new("AFR1", "Digital transformation for a digital economy in Africa", "Transformation numérique au service d'une économie numérique en Afrique"),
        new("AFR2", "Broadband infrastructure for universal and affordable connectivity in Africa",
            "Infrastructures large bande pour une connectivité universelle et financièrement abordable en Afrique"),
        new("AFR3", "Enabling policy and regulatory environment and digital skills in Africa",
            "Environnement politique et réglementaire propice et compétences numériques en Afrique"),
        new("AMS1", "Deployment of modern, resilient and secure telecommunication/ICT infrastructure in the Americas",
            "Déploiement d'infrastructures de télécommunication/TIC modernes, résilientes et sûres dans la région des Amériques"),
        new("AMS2", "Digital inclusion and digital transformation in the Americas", "Inclusion numérique et transformation numérique dans la région des Amériques"),
        new("AMS3", "Emergency telecommunications and disaster management in the Americas",
            "Télécommunications d'urgence et gestion des catastrophes dans la région des Amériques"),
        new("ARB1", "Innovation and entrepreneurship in the Arab States", "Innovation et entrepreneuriat dans les États arabes"),
        new("ARB2", "Confidence and security in the use of telecommunications/ICTs in the Arab States",
            "Confiance et sécurité dans l'utilisation des télécommunications/TIC dans les États arabes"),
        new("ASP1", "Addressing the special needs of least developed countries, small island developing States and landlocked developing countries in Asia and the Pacific",
            "Répondre aux besoins particuliers des pays les moins avancés, des petits États insulaires en développement et des pays en développement sans littoral de la région Asie-Pacifique"),
        new("ASP2", "Harnessing telecommunications/ICTs for the digital economy in Asia and the Pacific",
            "Tirer parti des télécommunications/TIC au service de l'économie numérique dans la région Asie-Pacifique"),
        new("CIS1", "Development of digital infrastructure and new technologies in the CIS region",
            "Développement des infrastructures numériques et des nouvelles technologies dans la région de la CEI"),
        new("CIS2", "Cybersecurity and child online protection in the CIS region",
            "Cybersécurité et protection en ligne des enfants dans la région de la CEI"),
        new("EUR1", "Affordable connectivity and broadband infrastructure in Europe",
            "Connectivité financièrement abordable et infrastructures large bande en Europe"),
        new("EUR2", "Digital inclusion and digital skills in Europe", "Inclusion numérique et compétences numériques en Europe"),
    ];
}
