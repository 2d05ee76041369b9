using System.Text.Json;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Drafting;

public enum InstrumentSort
{
    Number,
    Title,
    Body,
    Kind,
}

public sealed record InstrumentSummary(int Id, InstrumentKind Kind, string Body, string Number, LocalizedText Title, int VersionCount);

/// <summary>A proposal with its base version, latest revision and the text it proposes.</summary>
public sealed record ProposalView(Proposal Proposal, InstrumentVersion Base, ProposalRevision Revision, IReadOnlyList<ProvisionChange> Changes, IReadOnlyList<string> ProposedParagraphs)
{
    public string Label => DraftingQueries.LabelOf(Proposal);
}

/// <summary>A compilation with its base, its proposals and the merge.</summary>
public sealed record CompilationView(Compilation Compilation, InstrumentVersion Base, IReadOnlyList<CompilationInput> Inputs, CompiledText Text, IReadOnlyDictionary<string, string> Resolutions)
{
    public int UnresolvedCount => Text.Conflicts.Count(c => !Resolutions.ContainsKey(c.Key));
}

/// <summary>The contribution a proposal was submitted as, and its meeting.</summary>
public sealed record ProposalContribution(int ContributionId, LocalizedText Title, Governance.Contributions.ContributionStatus Status, bool IsLate, DateTime? SubmittedAtUtc,
    int? MeetingId, LocalizedText? MeetingTitle, DateTime? MeetingStartUtc, string BodyCode);

/// <summary>A meeting a proposal may be submitted to, with its contribution deadline (null: none set).</summary>
public sealed record MeetingChoice(int Id, LocalizedText Title, string BodyCode, DateTime StartUtc, DateTime? DeadlineUtc);

/// <summary>The reads of Drafting, filtered by what the current actor may see.</summary>
public sealed class DraftingQueries(CadreDbContext db)
{
    public ICurrentActor Actor => db.Actor;

    public async Task<Paged<InstrumentSummary>> ListInstrumentsAsync(string? search = null, InstrumentSort sort = InstrumentSort.Number, bool descending = false,
        int? page = null, int? pageSize = null, CancellationToken ct = default)
    {
        var (p, size) = Paged<InstrumentSummary>.Clamp(page, pageSize);
        var drafts = DraftingPermissions.CanReadDrafts(db.Actor);
        var q = db.Instruments.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToLower();
            q = q.Where(x => x.Number.ToLower().Contains(s) || x.Body.ToLower().Contains(s)
                || (x.Title.En != null && x.Title.En.ToLower().Contains(s)) || (x.Title.Fr != null && x.Title.Fr.ToLower().Contains(s)));
        }
        q = (sort, descending) switch
        {
            (InstrumentSort.Title, false) => q.OrderBy(x => x.Title.En).ThenBy(x => x.Id),
            (InstrumentSort.Title, true) => q.OrderByDescending(x => x.Title.En).ThenBy(x => x.Id),
            (InstrumentSort.Body, false) => q.OrderBy(x => x.Body).ThenBy(x => x.Number),
            (InstrumentSort.Body, true) => q.OrderByDescending(x => x.Body).ThenBy(x => x.Number),
            (InstrumentSort.Kind, false) => q.OrderBy(x => x.Kind).ThenBy(x => x.Number),
            (InstrumentSort.Kind, true) => q.OrderByDescending(x => x.Kind).ThenBy(x => x.Number),
            (_, false) => q.OrderBy(x => x.Number.Length).ThenBy(x => x.Number).ThenBy(x => x.Id),
            _ => q.OrderByDescending(x => x.Number.Length).ThenByDescending(x => x.Number).ThenBy(x => x.Id),
        };
        var total = await q.CountAsync(ct);
        var items = await q.Skip((p - 1) * size).Take(size)
            .Select(x => new InstrumentSummary(x.Id, x.Kind, x.Body, x.Number, x.Title, x.Versions.Count(v => drafts || v.Status == VersionStatus.Published)))
            .ToListAsync(ct);
        return new Paged<InstrumentSummary>(items, p, size, total);
    }

    /// <summary>An instrument with the versions the actor may read, oldest first.</summary>
    public async Task<Instrument?> GetInstrumentAsync(int id, CancellationToken ct = default)
    {
        var instrument = await db.Instruments.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (instrument is null) return null;
        var drafts = DraftingPermissions.CanReadDrafts(db.Actor);
        instrument.Versions = await db.InstrumentVersions.AsNoTracking()
            .Where(v => v.InstrumentId == id && (drafts || v.Status == VersionStatus.Published))
            .OrderBy(v => v.CreatedAtUtc).ThenBy(v => v.Id).ToListAsync(ct);
        return instrument;
    }

    public async Task<InstrumentVersion?> GetVersionAsync(int id, CancellationToken ct = default)
    {
        var version = await db.InstrumentVersions.AsNoTracking().Include(v => v.Instrument).FirstOrDefaultAsync(v => v.Id == id, ct);
        return version is not null && DraftingPermissions.CanRead(db.Actor, version) ? version : null;
    }

    /// <summary>The proposals the actor may read, against one version or all.</summary>
    public async Task<IReadOnlyList<Proposal>> ListProposalsAsync(int? baseVersionId = null, CancellationToken ct = default)
    {
        var q = db.Proposals.AsNoTracking().Include(p => p.BaseVersion).ThenInclude(v => v!.Instrument).AsQueryable();
        if (baseVersionId is int b) q = q.Where(p => p.BaseVersionId == b);
        if (!DraftingPermissions.CanReadAll(db.Actor))
        {
            var member = db.Actor.MemberCode;
            if (member is null || !db.Actor.IsInRole(Identity.Roles.Delegate)) return [];
            q = q.Where(p => p.MemberCode == member || p.CoSigners.Contains(member));
        }
        var list = await q.OrderBy(p => p.Id).ToListAsync(ct);
        return list.Where(p => DraftingPermissions.CanRead(db.Actor, p)).ToList();
    }

    public async Task<ProposalView?> GetProposalAsync(int id, CancellationToken ct = default)
    {
        var proposal = await db.Proposals.AsNoTracking().Include(p => p.Revisions).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null || !DraftingPermissions.CanRead(db.Actor, proposal)) return null;
        var baseVersion = await db.InstrumentVersions.AsNoTracking().Include(v => v.Instrument).FirstAsync(v => v.Id == proposal.BaseVersionId, ct);
        return View(proposal, baseVersion);
    }

    /// <summary>The compilations (secretariat and admins only), newest first.</summary>
    public async Task<IReadOnlyList<Compilation>> ListCompilationsAsync(int? baseVersionId = null, CancellationToken ct = default)
    {
        if (!DraftingPermissions.CanReadAll(db.Actor)) return [];
        var q = db.Compilations.AsNoTracking().Include(c => c.BaseVersion).ThenInclude(v => v!.Instrument).AsQueryable();
        if (baseVersionId is int b) q = q.Where(c => c.BaseVersionId == b);
        return await q.OrderByDescending(c => c.Id).ToListAsync(ct);
    }

    public async Task<CompilationView?> GetCompilationAsync(int id, CancellationToken ct = default)
    {
        if (!DraftingPermissions.CanReadAll(db.Actor)) return null;
        var compilation = await db.Compilations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return compilation is null ? null : await CompileAsync(compilation, ct);
    }

    /// <summary>Merges a compilation's proposals (their latest revisions) against its base.</summary>
    public async Task<CompilationView> CompileAsync(Compilation compilation, CancellationToken ct = default)
    {
        var baseVersion = await db.InstrumentVersions.AsNoTracking().Include(v => v.Instrument).FirstAsync(v => v.Id == compilation.BaseVersionId, ct);
        var ids = compilation.ProposalIdList;
        var proposals = await db.Proposals.AsNoTracking().Include(p => p.Revisions).Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var inputs = ids.Select(id => proposals.First(p => p.Id == id))
            .Select(p => new CompilationInput(p.Id, LabelOf(p), p.AllMembers, Latest(p).Changes))
            .ToList();
        var text = CompiledText.Compile(baseVersion.Paragraphs, inputs);
        return new CompilationView(compilation, baseVersion, inputs, text, Resolutions(compilation));
    }

    /// <summary>The contribution (and meeting) a proposal the actor may read was submitted as; null when none.</summary>
    public async Task<ProposalContribution?> GetContributionAsync(Proposal proposal, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (proposal.ContributionId is not int id || !DraftingPermissions.CanRead(db.Actor, proposal)) return null;
        var c = await db.Contributions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var meeting = c.MeetingId is int m ? await db.Set<Governance.Meeting>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == m, ct) : null;
        var body = await db.Set<Governance.Body>().AsNoTracking().Where(b => b.Id == c.BodyId).Select(b => b.Code).FirstOrDefaultAsync(ct) ?? "";
        return new ProposalContribution(c.Id, c.Title, c.Status, c.IsLate, c.SubmittedAtUtc, meeting?.Id, meeting?.Title, meeting?.StartUtc, body);
    }

    /// <summary>
    /// The upcoming meetings a proposal against <paramref name="baseVersion"/> may go to: those of the instrument's body
    /// when Governance knows that body (by code), otherwise every upcoming meeting; soonest first.
    /// </summary>
    public async Task<IReadOnlyList<MeetingChoice>> UpcomingMeetingsAsync(InstrumentVersion baseVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(baseVersion);
        var code = baseVersion.Instrument?.Body ?? await db.Instruments.Where(i => i.Id == baseVersion.InstrumentId).Select(i => i.Body).FirstAsync(ct);
        var now = db.UtcNow;
        var q = db.Set<Governance.Meeting>().AsNoTracking().Where(m => m.StartUtc > now);
        if (await db.Set<Governance.Body>().AnyAsync(b => b.Code == code, ct)) q = q.Where(m => m.Body!.Code == code);
        var meetings = await q.OrderBy(m => m.StartUtc).ThenBy(m => m.Id).Take(50)
            .Select(m => new { m.Id, m.Title, m.BodyId, Code = m.Body!.Code, m.StartUtc }).ToListAsync(ct);
        var result = new List<MeetingChoice>(meetings.Count);
        foreach (var m in meetings)
        {
            var deadline = await Governance.Contributions.ContributionRules.DeadlineAsync(db, m.BodyId, m.Id, ct);
            result.Add(new MeetingChoice(m.Id, m.Title, m.Code, m.StartUtc, deadline));
        }
        return result;
    }

    /// <summary>For the given contributions, the Drafting proposal each was submitted from, when the actor may read it.</summary>
    public async Task<IReadOnlyDictionary<int, int>> ProposalsOfContributionsAsync(IEnumerable<int> contributionIds, CancellationToken ct = default)
    {
        var ids = contributionIds.Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<int, int>();
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.ContributionId != null && ids.Contains(p.ContributionId.Value)).ToListAsync(ct);
        return proposals.Where(p => DraftingPermissions.CanRead(db.Actor, p)).GroupBy(p => p.ContributionId!.Value).ToDictionary(g => g.Key, g => g.Min(p => p.Id));
    }

    public static Dictionary<string, string> Resolutions(Compilation compilation) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(compilation.ResolutionsJson) ?? [];

    /// <summary>How a proposal is named next to its changes: its number and Members, e.g. "2 (SEN, CIV)".</summary>
    public static string LabelOf(Proposal p) => $"{p.Id} ({string.Join(", ", p.AllMembers)})";

    public static ProposalRevision Latest(Proposal p) => p.Revisions.OrderByDescending(r => r.Number).First();

    public static ProposalView View(Proposal proposal, InstrumentVersion baseVersion)
    {
        var revision = Latest(proposal);
        var changes = revision.Changes;
        return new ProposalView(proposal, baseVersion, revision, changes, ProvisionChanges.Apply(baseVersion.Paragraphs, changes));
    }
}
