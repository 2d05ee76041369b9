using System.Globalization;
using System.Net;
using Cadre.Core.Common;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Documents;
using Cadre.Core.Identity;
using Cadre.Web.Api.Governance.Documents;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Governance;

/// <summary>
/// A search that matches more than <see cref="DocumentQueries.MaxCounted"/> documents: the count stops there ("more than
/// 1,000"), the pages cover the first 1,000, and the members-only documents stay out of the public index.
/// </summary>
public sealed class DocumentSearchCapTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    private const int PublicCount = DocumentQueries.MaxCounted + 10;
    private const int MembersOnlyCount = 12;

    private sealed record Registry(int BodyId, string Common, string Secret);

    private static string Word() => "zq" + new string(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))).ToArray());

    /// <summary>1,010 public documents with one common word, then 12 members-only ones with it and a word of their own.</summary>
    private async Task<Registry> RegistryAsync()
    {
        var common = Word();
        var secret = Word();
        var code = "CAP" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using var db = App.NewDbContext();
        var body = new Body { Code = code, Kind = BodyKind.AdvisoryGroup, Name = new LocalizedText("Cap " + code) };
        db.Bodies.Add(body);
        await db.SaveChangesAsync(Ct);
        for (var n = 1; n <= PublicCount + MembersOnlyCount; n++)
        {
            var membersOnly = n > PublicCount;
            var symbol = string.Create(CultureInfo.InvariantCulture, $"{code}-20/{n}");
            db.Documents.Add(new Document
            {
                Symbol = symbol, BaseSymbol = symbol, SymbolBody = code, Type = DocumentType.Contribution, Title = new LocalizedText("Document " + n),
                Access = membersOnly ? DocumentAccess.MembersOnly : DocumentAccess.Public, FromSecretariat = true, BodyId = body.Id,
                DocumentDate = new DateOnly(2020, 1, 1).AddDays(n), RegisteredAtUtc = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                SearchText = SearchFolding.Fold($"{symbol} Document {n}\n{common} {(membersOnly ? secret : "")}"),
            });
        }
        await db.SaveChangesAsync(Ct);
        return new Registry(body.Id, common, secret);
    }

    private static async Task<DocumentPageResponse> SearchAsync(HttpClient client, string query) =>
        await Rest.ReadAsync<DocumentPageResponse>(await client.GetAsync("/api/v1/documents?" + query, TestContext.Current.CancellationToken));

    [Fact]
    public async Task A_frequent_word_is_counted_up_to_the_cap_and_paged_through_the_first_matches_without_members_only_documents()
    {
        var registry = await RegistryAsync();
        var anonymous = App.AnonymousClient();

        var first = await SearchAsync(anonymous, $"q={registry.Common}");
        Assert.Equal(DocumentQueries.MaxCounted, first.Total);
        Assert.True(first.MoreThanTotal);
        Assert.Equal(DocumentQueries.MaxCounted / 25, first.PageCount);

        // Every page is full up to the cap, no document appears twice, and none is members-only.
        var seen = new HashSet<int>();
        foreach (var page in new[] { 1, 2, 39, 40 })
        {
            var result = await SearchAsync(anonymous, $"q={registry.Common}&page={page}&sort=symbol");
            Assert.Equal(25, result.Items.Count);
            Assert.All(result.Items, i => Assert.Equal(DocumentAccess.Public, i.Access));
            Assert.All(result.Items, i => Assert.True(seen.Add(i.Id)));
        }
        Assert.Empty((await SearchAsync(anonymous, $"q={registry.Common}&page=41")).Items);

        // A Delegate reads members-only documents: their own word finds exactly those; anonymous callers find none.
        var delegateClient = await App.ClientAsAsync(Roles.Delegate, "MEX");
        var secret = await SearchAsync(delegateClient, $"q={registry.Secret}");
        Assert.Equal(MembersOnlyCount, secret.Total);
        Assert.False(secret.MoreThanTotal);
        Assert.All(secret.Items, i => Assert.Equal(DocumentAccess.MembersOnly, i.Access));
        Assert.Equal(0, (await SearchAsync(anonymous, $"q={registry.Secret}")).Total);

        // The page says "more than 1,000".
        var html = await (await anonymous.GetAsync($"/Governance/Documents?q={registry.Common}", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("more than 1,000", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_index_follows_a_change_of_access()
    {
        var registry = await RegistryAsync();
        var anonymous = App.AnonymousClient();
        int id;
        await using (var db = App.NewDbContext())
        {
            var doc = await db.Documents.Where(d => d.BodyId == registry.BodyId && d.Access == DocumentAccess.MembersOnly).OrderBy(d => d.Id).FirstAsync(Ct);
            id = doc.Id;
            doc.Access = DocumentAccess.Public;
            await db.SaveChangesAsync(Ct);
        }
        var found = await SearchAsync(anonymous, $"q={registry.Secret}");
        Assert.Equal([id], found.Items.Select(i => i.Id));

        await using (var db = App.NewDbContext())
        {
            var doc = await db.Documents.SingleAsync(d => d.Id == id, Ct);
            doc.Access = DocumentAccess.MembersOnly;
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal(0, (await SearchAsync(anonymous, $"q={registry.Secret}")).Total);
    }

    [Fact]
    public async Task A_list_without_words_counts_up_to_the_cap_and_still_pages_on()
    {
        var registry = await RegistryAsync();
        var anonymous = App.AnonymousClient();
        var first = await SearchAsync(anonymous, $"bodyId={registry.BodyId}");
        Assert.Equal(DocumentQueries.MaxCounted, first.Total);
        Assert.True(first.MoreThanTotal);
        // Past the counted documents the list goes on page by page (newest first): page 41 holds the last 10 public ones.
        var page41 = await SearchAsync(anonymous, $"bodyId={registry.BodyId}&page=41");
        Assert.Equal(10, page41.Items.Count);
        Assert.All(page41.Items, i => Assert.Equal(DocumentAccess.Public, i.Access));
        Assert.Empty((await SearchAsync(anonymous, $"bodyId={registry.BodyId}&page=42")).Items);
    }
}
