using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Governance.Contributions;

public enum ContributionSort
{
    Newest,
    Title,
    Deadline,
}

public sealed record ContributionListItem(int Id, LocalizedText Title, int BodyId, string BodyCode, int? MeetingId, ContributionStatus Status,
    IReadOnlyList<string> Members, DateTime? DeadlineUtc, DateTime? SubmittedAtUtc, bool IsLate, int ProposalCount);

public sealed record ContributionPage(IReadOnlyList<ContributionListItem> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record ProposalDetail(int Id, int Number, string Text, ProposalOutcome Outcome, bool? ByConsensus, string? Note, DateTime? OutcomeAtUtc, string? OutcomeBy, int Version);

public sealed record ContributionDetail(int Id, LocalizedText Title, string? Summary, int BodyId, string BodyCode, int? MeetingId, string LeadMember,
    IReadOnlyList<string> Members, ContributionStatus Status, DateTime? DeadlineUtc, DateTime CreatedAtUtc, DateTime? SubmittedAtUtc, bool IsLate,
    string? AcceptedLateBy, int? DocumentId, IReadOnlyList<ProposalDetail> Proposals, int Version);

/// <summary>Reads of contributions; what is not visible to the caller does not exist for them (404).</summary>
public sealed class ContributionQueries(CadreDbContext db)
{
    public const int MaxPageSize = 100;

    public async Task<ContributionPage> ListAsync(string? search, int? bodyId, ContributionStatus? status, ContributionSort sort, int? page, int? pageSize, CancellationToken ct = default)
    {
        var size = Math.Clamp(pageSize ?? 25, 1, MaxPageSize);
        var p = Math.Max(1, page ?? 1);
        var q = (await ContributionRules.VisibleAsync(db, ct)).AsNoTracking();
        if (bodyId is int b) q = q.Where(c => c.BodyId == b);
        if (status is { } s) q = q.Where(c => c.Status == s);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            q = q.Where(c => (c.Title.En != null && c.Title.En.Contains(term)) || (c.Title.Fr != null && c.Title.Fr.Contains(term))
                || c.Signers.Any(x => x.Member!.Code == term.ToUpper()));
        }
        var total = await q.CountAsync(ct);
        q = sort switch
        {
            ContributionSort.Title => q.OrderBy(c => c.Title.En).ThenBy(c => c.Id),
            ContributionSort.Deadline => q.OrderBy(c => c.DeadlineUtc).ThenBy(c => c.Id),
            _ => q.OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id),
        };
        var rows = await q.Skip((p - 1) * size).Take(size).Select(c => new
        {
            c.Id, c.Title, c.BodyId, c.MeetingId, c.Status, c.DeadlineUtc, c.SubmittedAtUtc, c.IsLate,
            Members = c.Signers.Select(x => x.Member!.Code).ToList(),
            Proposals = c.Proposals.Count,
        }).ToListAsync(ct);
        var bodies = await BodyCodesAsync(rows.Select(r => r.BodyId), ct);
        return new ContributionPage(rows.Select(r => new ContributionListItem(r.Id, r.Title, r.BodyId, bodies.GetValueOrDefault(r.BodyId, ""), r.MeetingId, r.Status,
            r.Members.Order(StringComparer.Ordinal).ToList(), r.DeadlineUtc, r.SubmittedAtUtc, r.IsLate, r.Proposals)).ToList(), p, size, total);
    }

    public async Task<ContributionDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        var c = await (await ContributionRules.VisibleAsync(db, ct)).AsNoTracking()
            .Include(x => x.Signers).ThenInclude(s => s.Member).Include(x => x.Proposals).Include(x => x.LeadMember)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var bodies = await BodyCodesAsync([c.BodyId], ct);
        return new ContributionDetail(c.Id, c.Title, c.Summary, c.BodyId, bodies.GetValueOrDefault(c.BodyId, ""), c.MeetingId, c.LeadMember!.Code,
            c.Signers.Select(s => s.Member!.Code).Order(StringComparer.Ordinal).ToList(), c.Status, c.DeadlineUtc, c.CreatedAtUtc, c.SubmittedAtUtc,
            c.IsLate, c.AcceptedLateBy, c.DocumentId,
            c.Proposals.OrderBy(p => p.Number).Select(p => new ProposalDetail(p.Id, p.Number, p.Text, p.Outcome, p.ByConsensus, p.OutcomeNote, p.OutcomeAtUtc, p.OutcomeBy, p.Version)).ToList(),
            c.Version);
    }

    private async Task<Dictionary<int, string>> BodyCodesAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Set<Body>().AsNoTracking().Where(b => list.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Code, ct);
    }
}
