using Cadre.Core.Audit;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;

namespace Cadre.Core.Tests.Data;

public sealed class LinkHistoryTests
{
    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task An_elements_history_includes_the_links_added_to_it_and_removed_from_it_but_not_others(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context();
        var plan = await new CreatePlan(db).HandleAsync(new CreatePlan.Request(PlanKind.Strategic, "SP", new Dictionary<string, string?> { ["en"] = "Plan" }, null, 2024, 2027));
        var goal = await new CreateElement(db).HandleAsync(new CreateElement.Request(plan.Id, null, "goal", "1", new Dictionary<string, string?> { ["en"] = "Goal 1" }));
        var other = await new CreateElement(db).HandleAsync(new CreateElement.Request(plan.Id, null, "goal", "12", new Dictionary<string, string?> { ["en"] = "Goal 12" }));
        var vocabulary = await new SaveVocabulary(db).HandleAsync(new SaveVocabulary.Request(null, null, "wsis", new Dictionary<string, string?> { ["en"] = "WSIS" }));
        var c2 = await new SaveVocabularyEntry(db).HandleAsync(new SaveVocabularyEntry.Request(vocabulary.Id, null, null, "C2", new Dictionary<string, string?> { ["en"] = "Infrastructure" }));
        var link = await new LinkElement(db).HandleAsync(new LinkElement.Request(goal.Id, c2.Id, null));
        await new LinkElement(db).HandleAsync(new LinkElement.Request(other.Id, c2.Id, null));
        await new UnlinkElement(db).HandleAsync(new UnlinkElement.Request(link.Id));

        var history = await new AuditQueries(db).LinkHistoryAsync(goal.Id);

        Assert.Equal([AuditActions.Delete, AuditActions.Create], history.Select(h => h.Action));
        Assert.All(history, h => Assert.Equal(link.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), h.EntityId));
    }
}
