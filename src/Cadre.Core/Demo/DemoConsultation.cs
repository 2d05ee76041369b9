using Cadre.Core.Common;
using Cadre.Core.Consultation;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Demo;

/// <summary>
/// The demo data of the Consultation area, loaded by <see cref="DemoData.LoadAsync"/> in its
/// transaction, after the plans: the WG-SOP survey of 2020 in which the Members ranked the four
/// ITU-D objectives (seed 003: D.4 first, D.3 and D.2 close behind, D.1 far behind), closed with its
/// results published, and an open survey on working methods for Delegates to answer.
/// </summary>
internal static class DemoConsultation
{
    public const string ObjectivesSurveyCode = "WG-SOP-2020-PRIORITIES";
    public const string OpenSurveyCode = "WG-SOP-WORKING-METHODS";

    private static readonly (string Code, string En, string Fr)[] Objectives =
    [
        ("D.1", "Coordination", "Coordination"),
        ("D.2", "Modern and secure telecommunication/ICT infrastructure", "Infrastructure moderne et sûre"),
        ("D.3", "Enabling environment", "Environnement favorable"),
        ("D.4", "Inclusive digital society", "Société de l'information inclusive"),
    ];

    /// <summary>One ballot per demo Member, best first (objective numbers).</summary>
    private static readonly string[] Ballots =
        ["4321", "4231", "3421", "4321", "2431", "4231", "3241", "4312", "2341", "4321", "3421", "4231", "1432", "4231"];

    public static async Task LoadAsync(CadreDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Surveys.AnyAsync(s => s.Code == ObjectivesSurveyCode, ct)) return;
        // The working group of seed 003, when the Governance demo has it.
        var workingGroup = await db.Bodies.Where(b => b.Code == "TDAG-WG-SOP").Select(b => (int?)b.Id).FirstOrDefaultAsync(ct);

        var survey = new Survey
        {
            Code = ObjectivesSurveyCode,
            BodyId = workingGroup,
            Title = new LocalizedText("Members' views on the priorities of the ITU-D objectives", "Opinion des membres sur la hiérarchisation des objectifs de l'UIT-D"),
            Description = new LocalizedText(
                "An informal survey of the participants in TDAG-WG-SOP. The secretariat presented the results at the meeting of 1 October 2020.",
                "Enquête informelle auprès des participants aux travaux du GT-GCDT-SOP. Le Secrétariat a présenté les résultats à la réunion du 1er octobre 2020."),
            Status = SurveyStatus.Closed,
            OpensAtUtc = new DateTime(2020, 7, 17, 12, 0, 0, DateTimeKind.Utc),
            ClosesAtUtc = new DateTime(2020, 9, 25, 23, 59, 0, DateTimeKind.Utc),
            ResultsPublished = true,
            PublishedAtUtc = new DateTime(2020, 10, 1, 12, 0, 0, DateTimeKind.Utc),
            Questions =
            [
                new SurveyQuestion
                {
                    Position = 1,
                    Kind = QuestionKind.Ranking,
                    Text = new LocalizedText("Rank the four ITU-D objectives by priority (1 = highest).", "Classez les quatre objectifs de l'UIT-D par ordre de priorité (1 = la plus haute)."),
                    Options = Objectives.Select((o, i) => new SurveyOption { Position = i + 1, Code = o.Code, Label = new LocalizedText(o.En, o.Fr) }).ToList(),
                },
                new SurveyQuestion
                {
                    Position = 2,
                    Kind = QuestionKind.FreeText,
                    Required = false,
                    Text = new LocalizedText("Comments on the priorities", "Observations sur les priorités"),
                },
            ],
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);

        var members = await db.Members.OrderBy(m => m.Id).ToListAsync(ct);
        var ranking = survey.Questions[0];
        var optionIds = ranking.Options.ToDictionary(o => o.Code[^1], o => o.Id);
        for (var i = 0; i < members.Count && i < Ballots.Length; i++)
        {
            var response = new SurveyResponse
            {
                SurveyId = survey.Id,
                MemberId = members[i].Id,
                SubmittedAtUtc = survey.OpensAtUtc.AddDays(3 + 4 * i),
                UpdatedAtUtc = survey.OpensAtUtc.AddDays(3 + 4 * i),
                Answers = [new SurveyAnswer { QuestionId = ranking.Id, Choices = string.Join(',', Ballots[i].Select(c => optionIds[c])) }],
            };
            if (i == 0) response.Answers.Add(new SurveyAnswer { QuestionId = survey.Questions[1].Id, Text = "Connectivity for all comes first; coordination serves the other objectives." });
            if (i == 4) response.Answers.Add(new SurveyAnswer { QuestionId = survey.Questions[1].Id, Text = "Infrastructure and the enabling environment go together." });
            db.SurveyResponses.Add(response);
        }

        var now = db.UtcNow;
        db.Surveys.Add(new Survey
        {
            Code = OpenSurveyCode,
            Title = new LocalizedText("Working methods of the group after 2021", "Méthodes de travail du groupe après 2021"),
            Description = new LocalizedText("How should the group meet and work between TDAG meetings?", "Comment le groupe doit-il se réunir et travailler entre les réunions du GCDT ?"),
            Status = SurveyStatus.Open,
            OpensAtUtc = now.AddDays(-7),
            ClosesAtUtc = now.AddDays(60),
            Anonymous = true,
            Questions =
            [
                new SurveyQuestion
                {
                    Position = 1,
                    Kind = QuestionKind.Ranking,
                    Text = new LocalizedText("Rank the ways of working (1 = preferred).", "Classez les modes de travail (1 = préféré)."),
                    Options =
                    [
                        new SurveyOption { Position = 1, Code = "VIRT", Label = new LocalizedText("Virtual meetings with interpretation", "Réunions virtuelles avec interprétation") },
                        new SurveyOption { Position = 2, Code = "PHYS", Label = new LocalizedText("Physical meetings in Geneva", "Réunions physiques à Genève") },
                        new SurveyOption { Position = 3, Code = "CORR", Label = new LocalizedText("Correspondence", "Correspondance") },
                    ],
                },
                new SurveyQuestion
                {
                    Position = 2,
                    Kind = QuestionKind.SingleChoice,
                    Text = new LocalizedText("How often should the group meet?", "À quelle fréquence le groupe doit-il se réunir ?"),
                    Options =
                    [
                        new SurveyOption { Position = 1, Code = "Q", Label = new LocalizedText("Every quarter", "Chaque trimestre") },
                        new SurveyOption { Position = 2, Code = "H", Label = new LocalizedText("Twice a year", "Deux fois par an") },
                        new SurveyOption { Position = 3, Code = "Y", Label = new LocalizedText("Once a year", "Une fois par an") },
                    ],
                },
                new SurveyQuestion
                {
                    Position = 3,
                    Kind = QuestionKind.MultipleChoice,
                    Required = false,
                    Text = new LocalizedText("Which interpretation languages do your experts need?", "De quelles langues d'interprétation vos experts ont-ils besoin ?"),
                    Options =
                    [
                        new SurveyOption { Position = 1, Code = "AR", Label = new LocalizedText("Arabic", "Arabe") },
                        new SurveyOption { Position = 2, Code = "ZH", Label = new LocalizedText("Chinese", "Chinois") },
                        new SurveyOption { Position = 3, Code = "EN", Label = new LocalizedText("English", "Anglais") },
                        new SurveyOption { Position = 4, Code = "FR", Label = new LocalizedText("French", "Français") },
                        new SurveyOption { Position = 5, Code = "RU", Label = new LocalizedText("Russian", "Russe") },
                        new SurveyOption { Position = 6, Code = "ES", Label = new LocalizedText("Spanish", "Espagnol") },
                    ],
                },
                new SurveyQuestion
                {
                    Position = 4,
                    Kind = QuestionKind.Likert,
                    ScalePoints = 5,
                    Text = new LocalizedText("Virtual meetings work well for my delegation (1 = disagree, 5 = agree).", "Les réunions virtuelles conviennent à ma délégation (1 = pas d'accord, 5 = d'accord)."),
                },
                new SurveyQuestion
                {
                    Position = 5,
                    Kind = QuestionKind.FreeText,
                    Required = false,
                    Text = new LocalizedText("Other suggestions", "Autres suggestions"),
                },
            ],
        });
        await db.SaveChangesAsync(ct);
    }
}
