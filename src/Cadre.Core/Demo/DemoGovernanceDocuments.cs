using System.Text;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Contributions;
using Cadre.Core.Governance.Documents;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Demo;

/// <summary>
/// The documents seed 003 names (TDAG-20/DT/7, TDAG-20/59, TDAG-20/3/3, TDAG-20/3/7, TDAG-WG-Prep/25-E, TDAG-WG-RDTP/9-E,
/// C20/28, C20/35) plus CWG-SFP 2/6 from the list of symbols, each under its body, and the contribution from
/// Mexico, the United States and Canada to WG-SOP's second meeting with its two proposals, both agreed. Loaded by
/// <see cref="DemoData.LoadAsync"/> after <see cref="DemoGovernance"/>. Where the seed gives only a symbol, the title
/// says so rather than inventing the document's subject.
/// </summary>
public static class DemoGovernanceDocuments
{
    public const string Council = "C";
    public const string CwgSfp = "CWG-SFP";

    /// <summary>The title of the Mexico/United States/Canada contribution (seed 003).</summary>
    public const string ContributionTitle = "Proposal on the review of the Strategic Plan by WTDC";

    internal static async Task LoadAsync(CadreDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Documents.AnyAsync(d => d.Symbol == "TDAG-20/3/3", ct)) return;
        var bodies = await db.Bodies.Where(b => b.Code == DemoGovernance.Tdag || b.Code == DemoGovernance.WgSop || b.Code == DemoGovernance.WgPrep
            || b.Code == DemoGovernance.WgRdtp || b.Code == Council || b.Code == CwgSfp).ToDictionaryAsync(b => b.Code, StringComparer.Ordinal, ct);
        if (!bodies.TryGetValue(DemoGovernance.WgSop, out var sop)) return;

        if (!bodies.TryGetValue(Council, out var council))
        {
            council = new Body
            {
                Code = Council, Kind = BodyKind.Council, Name = new LocalizedText("ITU Council", "Conseil de l'UIT"),
                Membership = MembershipRule.ListedMembers, MeetsPhysically = true, WorkingLanguage = "en",
            };
            db.Bodies.Add(council);
            bodies[Council] = council;
        }
        if (!bodies.ContainsKey(CwgSfp))
        {
            var cwg = new Body
            {
                Code = CwgSfp, Kind = BodyKind.CouncilWorkingGroup, Parent = council,
                Name = new LocalizedText("Council Working Group on the Strategic and Financial Plans", "Groupe de travail du Conseil sur les plans stratégique et financier"),
                Membership = MembershipRule.OpenToSector, MeetsPhysically = true, MeetsVirtually = true, WorkingLanguage = "en",
            };
            db.Bodies.Add(cwg);
            bodies[CwgSfp] = cwg;
        }
        await db.SaveChangesAsync(ct);

        var registered = new Dictionary<string, Document>(StringComparer.Ordinal);
        void Add(string symbol, DocumentType type, string body, DateOnly date, string en, string fr, string[]? references = null,
            DocumentAccess access = DocumentAccess.Public, (string Language, string Name, string Text)[]? files = null)
        {
            if (!SymbolGrammar.TryParse(symbol, out var parsed, out var error)) throw new InvalidOperationException($"demo symbol {symbol}: {error}");
            var canonical = parsed! with { Language = null };
            var document = new Document
            {
                Symbol = canonical.ToString(),
                BaseSymbol = canonical.BaseSymbol,
                SymbolBody = canonical.Body,
                Type = type,
                Title = new LocalizedText(en, fr),
                OriginalLanguage = parsed!.Language is { } suffix ? SymbolGrammar.LanguageSuffixes[suffix] : "en",
                Access = access,
                FromSecretariat = true,
                DocumentDate = date,
                RegisteredAtUtc = date.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
                BodyId = bodies[body].Id,
                Files = (files ?? []).Select(f => new DocumentFile
                {
                    Language = f.Language, FileName = f.Name, ContentType = DocumentFiles.PlainText, SizeBytes = Encoding.UTF8.GetByteCount(f.Text),
                    Content = Encoding.UTF8.GetBytes(f.Text), ExtractedText = f.Text, UploadedAtUtc = date.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
                }).ToList(),
                References = (references ?? []).Select(r => new DocumentReference { Referenced = registered[r] }).ToList(),
            };
            document.SearchText = SearchFolding.Build(document);
            db.Documents.Add(document);
            registered[document.Symbol] = document;
        }

        Add("TDAG-20/DT/7", DocumentType.TermsOfReference, DemoGovernance.Tdag, new DateOnly(2020, 6, 5),
            "Terms of reference of the TDAG Working Group on Strategic and Operational Planning (TDAG-WG-SOP)",
            "Mandat du Groupe de travail du GCDT chargé de la planification stratégique et opérationnelle (GT-GCDT-SOP)",
            files: [("en", "TDAG-20-DT-7-E.txt", sop.Mandate.En ?? ""), ("fr", "TDAG-20-DT-7-F.txt", sop.Mandate.Fr ?? "")]);
        Add("TDAG-20/59", DocumentType.InformationDocument, DemoGovernance.Tdag, new DateOnly(2020, 6, 2),
            "TDAG 2020 document 59 (cited by the WG-SOP report; the seed gives only its symbol)",
            "Document 59 du GCDT de 2020 (cité par le rapport du GT-GCDT-SOP ; la source ne donne que sa cote)");
        Add("C20/28", DocumentType.Report, Council, new DateOnly(2020, 6, 1),
            "Four-year rolling operational plan of the Union for 2021-2024",
            "Plan opérationnel quadriennal glissant de l'Union pour la période 2021-2024");
        Add("C20/35", DocumentType.InformationDocument, Council, new DateOnly(2020, 6, 1),
            "Council 2020 document 35 (a reference document of WG-SOP's second meeting; the seed gives only its symbol)",
            "Document 35 du Conseil de 2020 (document de référence de la seconde réunion du GT-GCDT-SOP ; la source ne donne que sa cote)");
        Add("TDAG-20/3/3", DocumentType.Report, DemoGovernance.Tdag, new DateOnly(2020, 11, 30),
            "Interim report of the TDAG Working Group on Strategic and Operational Planning",
            "Rapport intérimaire du Groupe de travail du GCDT chargé de la planification stratégique et opérationnelle",
            references: ["TDAG-20/DT/7", "C20/28"],
            files: [("fr", "TDAG-20-3-3-F.txt", InterimReportFr)]);
        Add("TDAG-20/3/7", DocumentType.Report, DemoGovernance.Tdag, new DateOnly(2020, 11, 30),
            "TDAG decision endorsing the recommendation of TDAG-WG-SOP on the ITU-D part of the Strategic Plan",
            "Décision du GCDT entérinant la recommandation du GT-GCDT-SOP sur la partie du Plan stratégique consacrée à l'UIT-D",
            references: ["TDAG-20/3/3"]);
        Add("TDAG-WG-Prep/25-E", DocumentType.LiaisonStatement, DemoGovernance.WgPrep, new DateOnly(2020, 10, 20),
            "Liaison statement from TDAG-WG-SOP to TDAG-WG-Prep on the review of the Strategic Plan",
            "Note de liaison du GT-GCDT-SOP au GT-GCDT-Prep sur l'examen du Plan stratégique",
            files: [("en", "TDAG-WG-Prep-25-E.txt", LiaisonEn)]);
        Add("TDAG-WG-RDTP/9-E", DocumentType.LiaisonStatement, DemoGovernance.WgRdtp, new DateOnly(2020, 10, 21),
            "Liaison statement from TDAG-WG-SOP to TDAG-WG-RDTP on Resolutions 1 and 24",
            "Note de liaison du GT-GCDT-SOP au GT-GCDT-RDTP sur les Résolutions 1 et 24",
            files: [("en", "TDAG-WG-RDTP-9-E.txt", LiaisonEn)]);
        Add("CWG-SFP 2/6", DocumentType.InformationDocument, CwgSfp, new DateOnly(2021, 2, 8),
            "Working document 6 of the second CWG-SFP meeting (an example of the group symbol scheme; members only)",
            "Document de travail 6 de la deuxième réunion du GTC-PFS (exemple de la cote d'un groupe ; réservé aux membres)",
            access: DocumentAccess.MembersOnly);
        await db.SaveChangesAsync(ct);

        await LoadContributionAsync(db, sop, ct);
    }

    private static async Task LoadContributionAsync(CadreDbContext db, Body sop, CancellationToken ct)
    {
        // The latest meeting already held: WG-SOP also has an upcoming one, which must not take a contribution of 2020.
        var now = db.UtcNow;
        var second = await db.Meetings.Where(m => m.BodyId == sop.Id && m.StartUtc < now).OrderByDescending(m => m.StartUtc).FirstOrDefaultAsync(ct);
        var members = await db.Members.Where(m => m.Code == "MEX" || m.Code == "USA" || m.Code == "CAN").ToDictionaryAsync(m => m.Code, StringComparer.Ordinal, ct);
        if (second is null || members.Count != 3) return;
        var decided = new DateTime(2020, 10, 1, 13, 30, 0, DateTimeKind.Utc);
        const string Note = "Approved by the participants; to be submitted to TDAG-WG-Prep and TDAG-WG-RDTP.";
        db.Contributions.Add(new Contribution
        {
            Title = new LocalizedText(ContributionTitle, "Proposition concernant l'examen du Plan stratégique par la CMDT"),
            Summary = "The authors propose to simplify the review of the Strategic Plan and the Operational Plan and to lighten the administrative work during WTDC "
                + "by revising provision 1.8.2 of Resolution 1 so that TDAG reviews the ITU-D contribution to the ITU Strategic Plan before the 2022 Plenipotentiary Conference.",
            BodyId = sop.Id,
            MeetingId = second.Id,
            LeadMemberId = members["MEX"].Id,
            Status = ContributionStatus.Submitted,
            DeadlineUtc = new DateTime(2020, 9, 17, 23, 59, 59, DateTimeKind.Utc),
            CreatedAtUtc = new DateTime(2020, 9, 10, 9, 0, 0, DateTimeKind.Utc),
            SubmittedAtUtc = new DateTime(2020, 9, 15, 10, 0, 0, DateTimeKind.Utc),
            Signers = [.. members.Values.Select(m => new ContributionSigner { MemberId = m.Id })],
            Proposals =
            [
                new ContributionProposal
                {
                    Number = 1,
                    Text = "If there is consensus that the ITU-D contribution to the Strategic Plan be developed by TDAG in preparation for the 2022 Plenipotentiary Conference "
                        + "rather than at WTDC, the TDAG-WG-SOP ad hoc group could consider a text based on the Members' proposed amendments to the relevant provisions of "
                        + "Resolution 1 and Resolution 24, to incorporate this change and ensure its swift adoption at WTDC-21. Prior agreement in principle is needed to reduce "
                        + "the time members spend finalizing the ITU-D contribution to the Strategic Plan before WTDC-21. We further propose that the TDAG Working Group on "
                        + "WTDC preparations (TDAG-WG-Prep) consider placing the revision of Resolutions 1 and 24 on the agenda of the interregional meetings, to build "
                        + "interregional consensus ahead of WTDC.",
                    Outcome = ProposalOutcome.Agreed, ByConsensus = true, OutcomeNote = Note, OutcomeAtUtc = decided, OutcomeBy = DemoGovernance.ChairName,
                },
                new ContributionProposal
                {
                    Number = 2,
                    Text = "Reviewing the implementation of the Strategic Plan and the Operational Plan, and contributing to their future versions, lets ITU-D assess the "
                        + "implementation of its current priorities and define and guide the implementation of future priorities through the programmes adopted at WTDC and "
                        + "its projects. BDT has defined 10 thematic priorities from the 11 programmes of the Buenos Aires Action Plan, which are themselves linked to "
                        + "Plenipotentiary Conference and WTDC Resolutions, WSIS action lines and Study Questions. The questions proposed for consideration are in Annex 1.",
                    Outcome = ProposalOutcome.Agreed, ByConsensus = true, OutcomeNote = Note, OutcomeAtUtc = decided, OutcomeBy = DemoGovernance.ChairName,
                },
            ],
        });
        await db.SaveChangesAsync(ct);
    }

    private const string LiaisonEn =
        "TDAG-WG-SOP supports the proposals in the contribution from Mexico, Canada and the United States, which suggests that TDAG develop the ITU-D part of the "
        + "Strategic Plan. This would allow more time to prepare it, improve the links with the Action Plan and align the ITU-D strategic planning process with the "
        + "other Sectors, leaving WTDC more time for other priorities.";

    private const string InterimReportFr =
        "À titre de contribution, le GT-GCDT-SOP a soumis le rapport intérimaire sur ses travaux à la troisième réunion de 2020 du GCDT, qui s'est tenue le "
        + "30 novembre, dans lequel il a formulé trois recommandations, à savoir : 1) que l'ordre de priorité établi pour les Objectifs et Buts de l'UIT-D soit "
        + "soumis au GCDT ; 2) que ce rapport soit soumis aux prochaines réunions du GT-GCDT-PREP et du GT-GCDT-RDTP, afin qu'ils l'examinent ; et 3) que le GCDT "
        + "approuve le rapport intérimaire du GT-GCDT-SOP. Le groupe a tenu deux réunions en ligne, le 17 juillet et le 1er octobre 2020, grâce à la plate-forme "
        + "Interprefy.";
}
