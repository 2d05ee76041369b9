using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Cli.Tests;

/// <summary>A small plan built through Core's handlers: two levels, four elements, a vocabulary link.</summary>
public static class PlanningTestData
{
    public static Task<int> CreateSmallPlanAsync(TempDatabase db, string code) => db.WithScopeAsync(async s =>
    {
        var plan = await s.GetRequiredService<CreatePlan>().HandleAsync(new CreatePlan.Request(
            PlanKind.Strategic, code, T("Strategic plan " + code, "Plan stratégique " + code), T("Test plan.", null), 2024, 2027));
        var goal = await s.GetRequiredService<CreateElement>().HandleAsync(new CreateElement.Request(plan.Id, null, "goal", "1", T("Universal connectivity", "Connectivité universelle")));
        var target = await s.GetRequiredService<CreateElement>().HandleAsync(new CreateElement.Request(plan.Id, goal.Id, "target", "1.1", T("Broadband for all", null), Weight: 2.5m));
        await s.GetRequiredService<CreateElement>().HandleAsync(new CreateElement.Request(plan.Id, goal.Id, "target", "1.2", T("Affordable access", "Accès abordable")));
        await s.GetRequiredService<CreateElement>().HandleAsync(new CreateElement.Request(plan.Id, null, "goal", "2", T("Sustainable digital transformation", null)));

        var vocabularies = s.GetRequiredService<PlanningQueries>();
        var existing = (await vocabularies.ListVocabulariesAsync()).FirstOrDefault(v => v.Code == "sdg");
        var vocabularyId = existing?.Id ?? (await s.GetRequiredService<SaveVocabulary>().HandleAsync(new SaveVocabulary.Request(null, null, "sdg", T("Sustainable Development Goals", "Objectifs de développement durable")))).Id;
        var detail = await vocabularies.GetVocabularyAsync("sdg");
        var entryId = detail!.Entries.FirstOrDefault(e => e.Code == "9.c")?.Id
            ?? (await s.GetRequiredService<SaveVocabularyEntry>().HandleAsync(new SaveVocabularyEntry.Request(vocabularyId, null, null, "9.c", T("Access to ICT", "Accès aux TIC")))).Id;
        await s.GetRequiredService<LinkElement>().HandleAsync(new LinkElement.Request(target.Id, entryId, null, "main contribution"));
        return plan.Id;
    });

    private static Dictionary<string, string?> T(string en, string? fr) => new() { ["en"] = en, ["fr"] = fr };
}
