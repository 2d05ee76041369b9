using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Demo;

/// <summary>
/// The demo data of the Governance area, loaded by <see cref="DemoData.LoadAsync"/> in its transaction, after the plans:
/// TDAG and its three working groups of 2020 (seed 003), the two WG-SOP meetings with their agendas, the two liaison
/// statements, the recommendations and the work programme; and one upcoming WG-SOP meeting, dated from the demo's clock,
/// so that contributions can be submitted to it. People's names are invented.
/// </summary>
public static class DemoGovernance
{
    public const string Tdag = "TDAG";
    public const string WgSop = "TDAG-WG-SOP";
    public const string WgPrep = "TDAG-WG-Prep";
    public const string WgRdtp = "TDAG-WG-RDTP";
    public const string Geneva = "Europe/Zurich";

    /// <summary>The invented name of WG-SOP's chair: also the demo Chair account's name, so that the account can act as chair.</summary>
    public const string ChairName = "Chen Wei";

    internal static async Task LoadAsync(CadreDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Bodies.AnyAsync(b => b.Code == WgSop, ct)) return;

        var tdag = await db.Bodies.FirstOrDefaultAsync(b => b.Code == Tdag, ct);
        if (tdag is null)
        {
            tdag = new Body
            {
                Code = Tdag,
                Kind = BodyKind.AdvisoryGroup,
                Sector = "ITU-D",
                Name = new LocalizedText("Telecommunication Development Advisory Group", "Groupe consultatif pour le développement des télécommunications (GCDT)"),
                Mandate = new LocalizedText(
                    "Reviews priorities, programmes, operations, financial matters and strategies for ITU-D activities and advises the Director of BDT (CV Article 17A).",
                    "Examine les priorités, programmes, opérations, questions financières et stratégies des activités de l'UIT-D et conseille le Directeur du BDT (Article 17A de la Convention)."),
                Membership = MembershipRule.OpenToSector,
                MeetsPhysically = true,
                MeetsVirtually = true,
                WorkingLanguage = "en",
            };
            db.Bodies.Add(tdag);
        }

        Body Group(string code, string en, string fr, string? mandateEn = null, string? mandateFr = null) => new()
        {
            Code = code,
            Kind = BodyKind.AdvisoryGroupWorkingGroup,
            Parent = tdag,
            Sector = "ITU-D",
            Name = new LocalizedText(en, fr),
            Mandate = new LocalizedText(mandateEn, mandateFr),
            MandateSymbol = "TDAG-20/DT/7",
            Membership = MembershipRule.OpenToSector,
            WorksByCorrespondence = true,
            MeetsVirtually = true,
            WorkingLanguage = "en",
            ActiveFrom = new DateOnly(2020, 6, 5),
            ActiveTo = new DateOnly(2021, 12, 31),
        };

        var sop = Group(WgSop, "TDAG Working Group on Strategic and Operational Planning", "Groupe de travail du GCDT chargé de la planification stratégique et opérationnelle",
            "- review the progress of implementation and the results of the Strategic Plan approved by the 2018 Plenipotentiary Conference, and develop proposals on the draft new ITU-D contribution to the Strategic Plan for the next period (2024-2027);\n"
            + "- review the progress of implementation and the results of the Buenos Aires Action Plan and its links with the Operational Plan; and\n"
            + "- review the progress of implementation and the results of the four-year rolling Operational Plan, identify areas for improvement and develop recommendations on the draft Operational Plan, for consideration by the Council.",
            "– examiner l'état d'avancement de la mise en œuvre et les résultats du Plan stratégique approuvé par la Conférence de plénipotentiaires de 2018 et élaborer des propositions concernant le projet de nouvelle contribution de l'UIT-D au Plan stratégique pour la prochaine période (2024-2027);\n"
            + "– examiner l'état d'avancement de la mise en œuvre et les résultats du Plan d'action de Buenos Aires ainsi que ses liens avec le Plan opérationnel; et\n"
            + "– examiner l'état d'avancement de la mise en œuvre et les résultats du Plan opérationnel quadriennal glissant, déterminer les domaines devant être améliorés et élaborer des recommandations relatives au projet de Plan opérationnel, afin que le Conseil les examine.");
        var term = (From: new DateOnly(2020, 6, 5), To: new DateOnly(2021, 12, 31));
        sop.Officers =
        [
            new BodyOfficer { Name = ChairName, Role = OfficerRole.Chair, TermFrom = term.From, TermTo = null },
            new BodyOfficer { Name = "Samuel Otieno", Role = OfficerRole.ViceChair, TermFrom = term.From, TermTo = term.To },
            new BodyOfficer { Name = "Pieter de Vries", Role = OfficerRole.ViceChair, TermFrom = term.From, TermTo = term.To },
        ];
        var prep = Group(WgPrep, "TDAG Working Group on WTDC preparations", "Groupe de travail du GCDT sur les activités préparatoires en vue de la CMDT");
        var rdtp = Group(WgRdtp, "TDAG Working Group on WTDC Resolutions, Declaration and thematic priorities",
            "Groupe de travail du GCDT sur les Résolutions, la Déclaration et les priorités thématiques de la CMDT");
        db.Bodies.AddRange(sop, prep, rdtp);

        static AgendaItem Item(int n, int sub, string en, string fr, string docs = "") =>
            new() { Number = n, SubItem = sub, Title = new LocalizedText(en, fr), Documents = docs };

        var first = new Meeting
        {
            Body = sop,
            Title = new LocalizedText("First meeting of TDAG-WG-SOP", "Première réunion du GT-GCDT-SOP"),
            StartUtc = new DateTime(2020, 7, 17, 11, 0, 0, DateTimeKind.Utc),
            EndUtc = new DateTime(2020, 7, 17, 14, 0, 0, DateTimeKind.Utc),
            TimeZone = Geneva,
            Mode = MeetingMode.Virtual,
            Platform = "Interprefy",
            JoinLink = "https://interprefy.example/tdag-wg-sop/2020-07-17",
            InterpretationLanguages = "ar,en,es,fr,ru,zh",
            AgendaAdoptedAtUtc = new DateTime(2020, 7, 17, 11, 10, 0, DateTimeKind.Utc),
            ReportSummary = new LocalizedText(
                "The group agreed its working methods (virtual sessions, documents in English, e-mail correspondence, regional coordinators) and its work programme.",
                "Le groupe a arrêté ses méthodes de travail (séances virtuelles, documents en anglais, correspondance par courrier électronique, coordonnateurs régionaux) et son programme de travail."),
            Agenda =
            [
                Item(1, 0, "Opening of the meeting and opening remarks", "Ouverture de la réunion et remarques liminaires"),
                Item(2, 0, "Adoption of the agenda", "Adoption de l'ordre du jour"),
                Item(3, 0, "Working methods", "Méthodes de travail", "TDAG-20/DT/7"),
                Item(3, 1, "Virtual sessions with/without interpretation", "Séances virtuelles avec/sans service d'interprétation"),
                Item(3, 2, "Submission and publication of documents in English", "Soumission et publication des documents en anglais"),
                Item(3, 3, "Language of documents: English – translation of reports only", "Langue des documents: anglais – traduction des rapports uniquement"),
                Item(3, 4, "Correspondence by e-mail/mailing list/SharePoint site", "Correspondance par courrier électronique/liste de diffusion/site Sharepoint"),
                Item(3, 5, "Recommendation to regional telecommunication organizations to appoint coordinators for regional coordination",
                    "Recommandation faite aux organisations régionales de télécommunication de désigner des coordonnateurs pour la coordination régionale"),
                Item(4, 0, "Work programme", "Programme de travail"),
                Item(4, 1, "Date of submission of the report to TDAG", "Date de soumission du rapport au GCDT"),
                Item(4, 2, "Date the draft report is circulated for comments", "Date à laquelle le projet de rapport est soumis pour observations"),
                Item(4, 3, "Meeting dates", "Dates des réunions"),
                Item(4, 4, "Deadlines for written contributions", "Délais de soumission des contributions écrites"),
                Item(5, 0, "Conclusion", "Conclusion"),
                Item(6, 0, "Any other business", "Divers"),
            ],
        };
        var second = new Meeting
        {
            Body = sop,
            Title = new LocalizedText("Second meeting of TDAG-WG-SOP", "Seconde réunion du GT-GCDT-SOP"),
            StartUtc = new DateTime(2020, 10, 1, 11, 0, 0, DateTimeKind.Utc),
            EndUtc = new DateTime(2020, 10, 1, 14, 0, 0, DateTimeKind.Utc),
            TimeZone = Geneva,
            Mode = MeetingMode.Virtual,
            Platform = "Interprefy",
            JoinLink = "https://interprefy.example/tdag-wg-sop/2020-10-01",
            InterpretationLanguages = "ar,en,es,fr,ru,zh",
            AgendaAdoptedAtUtc = new DateTime(2020, 10, 1, 11, 10, 0, DateTimeKind.Utc),
            ReportSummary = new LocalizedText(
                "The group approved the contribution on procedure, agreed that the prioritization of the ITU-D Objectives and Goals (survey results) would serve as input to the new plans, and sent the questions for consideration to TDAG.",
                "Le groupe a approuvé la contribution sur la procédure, décidé que l'ordre de priorité établi pour les Buts et Objectifs de l'UIT-D (résultats de l'enquête) servirait de contribution aux nouveaux plans et soumis les questions à examiner au GCDT."),
            Agenda =
            [
                Item(1, 0, "Opening of the meeting and opening remarks", "Ouverture de la réunion et remarques liminaires"),
                Item(2, 0, "Adoption of the agenda", "Adoption de l'ordre du jour"),
                Item(3, 0, "Adoption of the report of the previous meeting", "Adoption du rapport de la réunion précédente"),
                Item(4, 0, "Presentation and consideration of the contributions received", "Présentation des contributions reçues et examen"),
                Item(5, 0, "Scoping questions and results of the opinion survey", "Questions délimitant le cadre des travaux et résultats de l'enquête d'opinion"),
                Item(6, 0, "Reference documents", "Documents de référence", "C20/28; C20/35"),
                Item(7, 0, "Next meeting", "Prochaine réunion"),
                Item(8, 0, "Any other business", "Divers"),
            ],
        };
        var next = UpcomingMeeting(sop, db.UtcNow);
        db.Meetings.AddRange(first, second, next);

        db.WorkItems.AddRange(
            new WorkItem { Body = sop, Kind = WorkItemKind.ContributionDeadline, DueOn = DateOnly.FromDateTime(next.StartUtc.AddDays(-14)), Meeting = next,
                Title = new LocalizedText("Deadline for written contributions to the next meeting", "Délai de soumission des contributions écrites à la prochaine réunion") },
            new WorkItem { Body = sop, Kind = WorkItemKind.ContributionDeadline, DueOn = new DateOnly(2020, 9, 17), Meeting = second,
                Title = new LocalizedText("Deadline for written contributions to the second meeting", "Délai de soumission des contributions écrites à la seconde réunion") },
            new WorkItem { Body = sop, Kind = WorkItemKind.Milestone, DueOn = new DateOnly(2020, 11, 2),
                Title = new LocalizedText("Draft interim report circulated for comments", "Projet de rapport intérimaire soumis pour observations") },
            new WorkItem { Body = sop, Kind = WorkItemKind.ReportDue, DueOn = new DateOnly(2020, 11, 30),
                Title = new LocalizedText("Interim report due to the third TDAG meeting of 2020 (TDAG-20/3/3)", "Rapport intérimaire à soumettre à la troisième réunion de 2020 du GCDT (TDAG-20/3/3)") });

        const string Support =
            "TDAG-WG-SOP supports the proposals in the contribution from Mexico, Canada and the United States, which suggests that TDAG develop the ITU-D part of the Strategic Plan. This would allow more time to prepare it, improve the links with the Action Plan and align the ITU-D strategic planning process with the other Sectors, leaving WTDC more time for other priorities.";
        const string SupportFr =
            "Le GT-GCDT-SOP souscrit aux propositions figurant dans la contribution soumise par le Mexique, le Canada et les États-Unis, dans laquelle il est suggéré de confier au GCDT l'élaboration de la partie du Plan stratégique se rapportant à l'UIT-D. Cela permettrait de donner davantage de temps pour préparer cette partie, d'améliorer les liens avec le Plan d'action et d'harmoniser le processus de planification stratégique de l'UIT-D avec les autres Secteurs, la CMDT ayant ainsi davantage de temps à consacrer à d'autres priorités.";
        db.LiaisonStatements.AddRange(
            new LiaisonStatement
            {
                FromBody = sop, ToBody = prep, Symbol = "TDAG-WG-Prep/25-E", SentOn = new DateOnly(2020, 10, 20), Action = LiaisonAction.ForAction,
                Title = new LocalizedText("Liaison statement to TDAG-WG-Prep on the review of the Strategic Plan", "Note de liaison au GT-GCDT-Prep sur l'examen du Plan stratégique"),
                Text = new LocalizedText(
                    Support + " To this end, members should agree beforehand, at the interregional meetings, not to work on the Strategic Plan at WTDC-21 and to leave it to TDAG.",
                    SupportFr + " Pour ce faire, les membres devraient convenir au préalable, lors des réunions interrégionales, de ne pas travailler sur le Plan stratégique à la CMDT-21 et de laisser le soin au GCDT de s'en occuper."),
            },
            new LiaisonStatement
            {
                FromBody = sop, ToBody = rdtp, Symbol = "TDAG-WG-RDTP/9-E", SentOn = new DateOnly(2020, 10, 21), Action = LiaisonAction.ForAction,
                Title = new LocalizedText("Liaison statement to TDAG-WG-RDTP on Resolutions 1 and 24", "Note de liaison au GT-GCDT-RDTP sur les Résolutions 1 et 24"),
                Text = new LocalizedText(
                    Support + " To this end, the approved amendments to the provisions of Resolutions 1 and 24 should be made.",
                    SupportFr + " Pour ce faire, il faudrait apporter les modifications qui ont été approuvées aux dispositions des Résolutions 1 et 24."),
            });

        var objectives = await db.PlanElements.Where(e => e.Plan!.Code == DemoPlans.ItuDPlanCode && e.ParentId == null)
            .ToDictionaryAsync(e => e.Code, StringComparer.Ordinal, ct);
        List<RecommendationElement> Elements(params string[] codes) =>
            [.. codes.Where(objectives.ContainsKey).Select(c => new RecommendationElement { PlanElement = objectives[c] })];
        const string? FinalReport = null;
        Recommendation Rec(string number, string en, string fr, RecommendationStatus status, DateOnly proposed, string? source, List<RecommendationElement>? elements = null) => new()
        {
            Body = sop, ToBody = tdag, Number = number, Text = new LocalizedText(en, fr), Status = status, ProposedOn = proposed, SourceSymbol = source,
            Elements = elements ?? [],
        };
        var interim = Rec("2020-1",
            "That TDAG review, improve and approve the ITU-D part of the ITU Strategic Plan ahead of the Council and the Plenipotentiary Conference, instead of this work being done at WTDC-21.",
            "Que le GCDT examine, améliore et approuve la partie du Plan stratégique de l'UIT consacrée à l'UIT-D d'ici à la session du Conseil et à la Conférence de plénipotentiaires, au lieu d'entreprendre ce travail lors de la CMDT-21.",
            RecommendationStatus.Endorsed, new DateOnly(2020, 11, 30), "TDAG-20/3/3");
        interim.Decision = new LocalizedText("TDAG endorsed the recommendation at its third meeting of 2020.", "Le GCDT a entériné la recommandation à sa troisième réunion de 2020.");
        interim.DecisionSymbol = "TDAG-20/3/7";
        interim.DecidedOn = new DateOnly(2020, 11, 30);
        var proposed = new DateOnly(2021, 3, 1);
        db.Recommendations.AddRange(
            interim,
            Rec("1",
                "To approve the use of the thematic priorities proposed by TDAG-WG-RDTP as the ITU-D Objectives for the next ITU Strategic Plan: a) connectivity; b) digital transformation; c) enabling environment; and d) resource mobilization and international cooperation.",
                "D'approuver l'utilisation des priorités thématiques proposées par le GT-GCDT-RDTP comme Objectifs de l'UIT-D pour le prochain Plan stratégique de l'UIT, à savoir: a) connectivité; b) transformation numérique; c) environnement propice; et d) mobilisation des ressources et coopération internationale.",
                RecommendationStatus.Proposed, proposed, FinalReport, Elements("D.1", "D.2", "D.3", "D.4")),
            Rec("2",
                "To submit guidance on strategic and operational planning taking into account the prioritization of the ITU-D Objectives and Goals.",
                "De soumettre des orientations concernant la planification stratégique et opérationnelle compte tenu de l'ordre de priorité établi pour les Objectifs et Buts de l'UIT-D.",
                RecommendationStatus.Proposed, proposed, FinalReport, Elements("D.4", "D.3", "D.2", "D.1")),
            Rec("3",
                "To provide guidance on the way forward to implement the recommendations.",
                "De fournir des orientations concernant la marche à suivre pour mettre en œuvre les recommandations.",
                RecommendationStatus.Proposed, proposed, FinalReport),
            Rec("4",
                "To approve the report of TDAG-WG-SOP.",
                "D'approuver le rapport du GT-GCDT-SOP.",
                RecommendationStatus.Proposed, proposed, FinalReport));

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// WG-SOP's next meeting, six weeks after the clock the demo is loaded with, from 13:00 to 16:00 in Geneva, with its
    /// agenda (its contribution deadline, two weeks before, is a work item): the demo's past meetings cannot take
    /// contributions, this one can (the Drafting demo submits a proposal to it).
    /// </summary>
    private static Meeting UpcomingMeeting(Body sop, DateTime nowUtc)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(Geneva, out var z) ? z : TimeZoneInfo.Utc;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone)).AddDays(42);
        DateTime At(int hour) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified), zone);
        static AgendaItem Item(int n, string en, string fr, string docs = "") =>
            new() { Number = n, Title = new LocalizedText(en, fr), Documents = docs };
        return new Meeting
        {
            Body = sop,
            Title = new LocalizedText("Next meeting of TDAG-WG-SOP", "Prochaine réunion du GT-GCDT-SOP"),
            StartUtc = At(13),
            EndUtc = At(16),
            TimeZone = Geneva,
            Mode = MeetingMode.Virtual,
            Platform = "Interprefy",
            InterpretationLanguages = "ar,en,es,fr,ru,zh",
            Agenda =
            [
                Item(1, "Opening of the meeting and opening remarks", "Ouverture de la réunion et remarques liminaires"),
                Item(2, "Adoption of the agenda", "Adoption de l'ordre du jour"),
                Item(3, "Adoption of the report of the previous meeting", "Adoption du rapport de la réunion précédente"),
                Item(4, "Contributions on the revision of Resolution 71 (Strategic plan of the Union)", "Contributions sur la révision de la Résolution 71 (Plan stratégique de l'Union)"),
                Item(5, "Any other business", "Divers"),
            ],
        };
    }

    /// <summary>
    /// Development only: links demo officers to the demo accounts of the same name (the accounts are created after the
    /// demo data), so that the demo Chair can act as WG-SOP's chair.
    /// </summary>
    public static async Task LinkOfficerAccountsAsync(CadreDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var officers = await db.BodyOfficers.Where(o => o.UserId == null).ToListAsync(ct);
        if (officers.Count == 0) return;
        var names = officers.Select(o => o.Name).Distinct().ToList();
        var users = await db.Users.Where(u => names.Contains(u.DisplayName)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        foreach (var o in officers)
        {
            var match = users.Where(u => u.DisplayName == o.Name).ToList();
            if (match.Count == 1) o.UserId = match[0].Id;
        }
        await db.SaveChangesAsync(ct);
    }
}
