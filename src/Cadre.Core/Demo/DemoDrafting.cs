using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Drafting;
using Cadre.Core.Drafting.Handlers;
using Cadre.Core.Governance.Contributions;
using Cadre.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cadre.Core.Demo;

/// <summary>
/// Parts of Resolution 71 as in seed 000, reconstructed from its run-together revision marks: the Dubai 2018 text
/// (published) and the Bucharest 2022 text its proposers wanted.
/// </summary>
public static class DemoDraftingTexts
{
    public const string Body = "PP";
    public const string Number = "71";
    public const string DubaiLabel = "Rév. Dubaï, 2018";

    public const string Dubai =
        "Plan stratégique de l'Union pour la période 2020-2023\n" +
        "La Conférence de plénipotentiaires de l'Union internationale des télécommunications (Dubaï, 2018),\n" +
        "considérant\n" +
        "a)\tles dispositions de la Constitution de l'UIT et de la Convention de l'UIT relatives aux politiques et plans stratégiques;\n" +
        "b)\tl'article 19 de la Convention relatif à la participation des Membres des Secteurs aux activités de l'Union;\n" +
        "décide\n" +
        "d'adopter le plan stratégique figurant dans l'Annexe 1 de la présente résolution,\n" +
        "charge le Conseil de l'UIT\n" +
        "1\tde contrôler l'évolution et l'application du cadre UIT de présentation des résultats;\n" +
        "2\tde contrôler l'évolution et la mise en œuvre du plan stratégique;\n" +
        "3\tde présenter à la prochaine Conférence de plénipotentiaires une évaluation des résultats du plan stratégique";

    public const string Bucharest =
        "Plan stratégique de l'Union pour la période 2024-2027\n" +
        "La Conférence de plénipotentiaires de l'Union internationale des télécommunications (Bucarest, 2022),\n" +
        "considérant\n" +
        "b)\tl'article 19 de la Convention relatif à la participation des Membres des Secteurs aux activités de l'Union;\n" +
        "a)\tles dispositions de la Constitution de l'UIT et de la Convention de l'UIT relatives aux politiques et plans stratégiques;\n" +
        "décide\n" +
        "d'adopter le plan stratégique figurant dans l'Annexe 1 de la présente résolution,\n" +
        "charge le Conseil de l'UIT\n" +
        "1\tde contrôler l'évolution et la mise en œuvre du plan stratégique et, au besoin, d'adapter le plan stratégique;\n" +
        "2\tde présenter à la prochaine Conférence de plénipotentiaires une évaluation des résultats du plan stratégique";

    /// <summary>The changes from <see cref="Dubai"/> to <see cref="Bucharest"/>, provision by provision (as in seed 000).</summary>
    public static IReadOnlyList<ProvisionChange> BucharestChanges { get; } =
    [
        new(ProvisionAction.Mod, 1, "Plan stratégique de l'Union pour la période 2024-2027"),
        new(ProvisionAction.Mod, 2, "La Conférence de plénipotentiaires de l'Union internationale des télécommunications (Bucarest, 2022),"),
        new(ProvisionAction.Sup, 4, Reason: "Déplacé après l'alinéa b)."),
        new(ProvisionAction.Add, 5, "a)\tles dispositions de la Constitution de l'UIT et de la Convention de l'UIT relatives aux politiques et plans stratégiques;"),
        new(ProvisionAction.Sup, 9, Reason: "Le cadre de présentation des résultats fait partie du plan stratégique."),
        new(ProvisionAction.Mod, 10, "1\tde contrôler l'évolution et la mise en œuvre du plan stratégique et, au besoin, d'adapter le plan stratégique;"),
        new(ProvisionAction.Mod, 11, "2\tde présenter à la prochaine Conférence de plénipotentiaires une évaluation des résultats du plan stratégique"),
    ];

    /// <summary>A second Member's proposal: the same new period, and an amendment of the Council's item 1, which the first proposal deletes (a conflict).</summary>
    public static IReadOnlyList<ProvisionChange> SecondChanges { get; } =
    [
        new(ProvisionAction.Mod, 1, "Plan stratégique de l'Union pour la période 2024-2027"),
        new(ProvisionAction.Noc, 7, Reason: "Le plan stratégique reste dans l'Annexe 1."),
        new(ProvisionAction.Mod, 9, "1\tde contrôler chaque année l'évolution et l'application du cadre UIT de présentation des résultats;"),
    ];
}

/// <summary>The demo data of the Drafting area, loaded by <see cref="DemoData.LoadAsync"/> in its transaction, after the plans.</summary>
internal static class DemoDrafting
{
    public const string FirstMember = "MEX";
    public const string SecondMember = "USA";

    public static async Task LoadAsync(CadreDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Instruments.AnyAsync(i => i.Body == DemoDraftingTexts.Body && i.Number == DemoDraftingTexts.Number, ct)) return;
        var now = db.UtcNow;
        var instrument = new Instrument
        {
            Kind = InstrumentKind.Resolution,
            Body = DemoDraftingTexts.Body,
            Number = DemoDraftingTexts.Number,
            Title = new LocalizedText("Strategic plan of the Union", "Plan stratégique de l'Union"),
        };
        var dubai = new InstrumentVersion
        {
            Instrument = instrument,
            Label = DemoDraftingTexts.DubaiLabel,
            Language = "fr",
            Status = VersionStatus.Published,
            Text = DraftingText.Normalize(DemoDraftingTexts.Dubai),
            CreatedAtUtc = now,
            PublishedAtUtc = now,
        };
        db.Instruments.Add(instrument);
        db.InstrumentVersions.Add(dubai);
        await db.SaveChangesAsync(ct);

        var first = Proposal(dubai, FirstMember, "", "Révision de la Résolution 71 (Bucarest, 2022)", DemoDraftingTexts.BucharestChanges, now);
        var second = Proposal(dubai, SecondMember, "CAN", "Proposition sur le suivi annuel du plan stratégique", DemoDraftingTexts.SecondChanges, now);
        db.Proposals.AddRange(first, second);
        await db.SaveChangesAsync(ct);

        await SubmitToUpcomingMeetingAsync(db, first, ct);

        db.Compilations.Add(new Compilation
        {
            BaseVersionId = dubai.Id,
            Title = "Compilation des propositions sur la Résolution 71",
            ProposalIds = $"{first.Id},{second.Id}",
            Status = CompilationStatus.Open,
            CreatedBy = "demo",
            CreatedAtUtc = now,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Submits the first Member's proposal as its contribution to the working group's upcoming meeting (loaded by
    /// <see cref="DemoGovernance"/>; seed 000 is
    /// such a contribution), through the handler the pages and the API use, acting as a Delegate of that Member. The
    /// handler runs on a second context that shares the loader's connection and transaction, so that it sees the
    /// data loaded so far and a failure rolls the whole demo back.
    /// </summary>
    private static async Task SubmitToUpcomingMeetingAsync(CadreDbContext db, Proposal proposal, CancellationToken ct)
    {
        var now = db.UtcNow;
        var meeting = await db.Meetings.Where(m => m.Body!.Code == DemoGovernance.WgSop && m.StartUtc > now).OrderBy(m => m.StartUtc).FirstOrDefaultAsync(ct);
        if (meeting is null) return;
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        var connection = db.Database.GetDbConnection();
        if (db.Database.IsNpgsql()) options.UseNpgsql(connection);
        else options.UseSqlite(connection);
        var actor = new FixedActor($"demo ({FirstMember})", roles: [Roles.Delegate], memberCode: FirstMember);
        await using var asDelegate = new CadreDbContext(options.Options, actor, db.Clock);
        if (db.Database.CurrentTransaction is { } tx) await asDelegate.Database.UseTransactionAsync(tx.GetDbTransaction(), ct);
        var handler = new SubmitProposalToMeeting(asDelegate, new SaveContribution(asDelegate), new SubmitContribution(asDelegate));
        await handler.HandleAsync(new SubmitProposalToMeeting.Request(proposal.Id, null, meeting.Id), ct);
        await db.Entry(proposal).ReloadAsync(ct);
    }

    private static Proposal Proposal(InstrumentVersion baseVersion, string member, string coSigners, string title, IReadOnlyList<ProvisionChange> changes, DateTime now) => new()
    {
        BaseVersionId = baseVersion.Id,
        MemberCode = member,
        CoSigners = coSigners,
        Title = title,
        Status = ProposalStatus.Submitted,
        CreatedBy = "demo",
        CreatedAtUtc = now,
        SubmittedAtUtc = now,
        Revisions = [new ProposalRevision { Number = 1, Author = "demo", CreatedAtUtc = now, ChangesJson = ProvisionChanges.ToJson(changes) }],
    };
}
