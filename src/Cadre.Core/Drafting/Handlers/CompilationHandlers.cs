using System.Text.Json;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Drafting.Handlers;

/// <summary>Starts a compilation of submitted proposals against the same published version (secretariat only).</summary>
public sealed class CreateCompilation(CadreDbContext db)
{
    public sealed record Request(int BaseVersionId, IReadOnlyList<int> ProposalIds, string Title);

    public async Task<Compilation> HandleAsync(Request request, CancellationToken ct = default)
    {
        DraftingPermissions.EnsureSecretariat(db.Actor);
        var baseVersion = await db.InstrumentVersions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == request.BaseVersionId, ct)
            ?? throw new NotFoundException(Messages.Format("Drafting.Error.NotFound.Version", request.BaseVersionId));
        var v = new Validation();
        v.Require("title", request.Title, 300);
        var ids = (request.ProposalIds ?? []).Distinct().ToList();
        if (ids.Count == 0) v.Add("proposalIds", Messages.Get("Drafting.Error.NoProposals"));
        var proposals = await db.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        foreach (var id in ids)
        {
            var p = proposals.FirstOrDefault(x => x.Id == id);
            if (p is null) v.Add("proposalIds", Messages.Format("Drafting.Error.NotFound.Proposal", id));
            else if (p.BaseVersionId != baseVersion.Id) v.Add("proposalIds", Messages.Format("Drafting.Error.OtherBase", id));
            else if (p.Status != ProposalStatus.Submitted) v.Add("proposalIds", Messages.Format("Drafting.Error.NotSubmitted", id));
        }
        v.ThrowIfAny();
        var compilation = new Compilation
        {
            BaseVersionId = baseVersion.Id,
            Title = request.Title.Trim(),
            ProposalIds = string.Join(',', ids),
            Status = CompilationStatus.Open,
            CreatedBy = db.Actor.Name,
            CreatedAtUtc = db.UtcNow,
        };
        db.Compilations.Add(compilation);
        await db.SaveChangesAsync(ct);
        return compilation;
    }
}

/// <summary>Records the chair's text for one conflict (a side's version, or an edit of it).</summary>
public sealed class ResolveConflict(CadreDbContext db, DraftingQueries queries)
{
    public sealed record Request(int CompilationId, int? Version, string Key, string Text);

    public async Task<Compilation> HandleAsync(Request request, CancellationToken ct = default)
    {
        DraftingPermissions.EnsureSecretariat(db.Actor);
        var compilation = await db.Compilations.FirstOrDefaultAsync(c => c.Id == request.CompilationId, ct)
            ?? throw new NotFoundException(Messages.Format("Drafting.Error.NotFound.Compilation", request.CompilationId));
        db.ExpectVersion(compilation, request.Version);
        if (compilation.Status != CompilationStatus.Open) throw new ValidationFailedException("status", Messages.Get("Drafting.Error.CompilationClosed"));
        var compiled = await queries.CompileAsync(compilation, ct);
        var v = new Validation();
        if (!compiled.Text.Conflicts.Any(c => c.Key == request.Key)) v.Add("key", Messages.Format("Drafting.Error.UnknownConflict", request.Key));
        v.MaxLength("text", request.Text, 20_000);
        v.ThrowIfAny();
        var resolutions = DraftingQueries.Resolutions(compilation);
        resolutions[request.Key] = request.Text ?? "";
        compilation.ResolutionsJson = JsonSerializer.Serialize(resolutions);
        await db.SaveChangesAsync(ct);
        return compilation;
    }
}

/// <summary>Saves the compiled text, every conflict resolved, as a new draft version with its provenance.</summary>
public sealed class CompleteCompilation(CadreDbContext db, DraftingQueries queries)
{
    public sealed record Request(int CompilationId, int? Version, string Label);

    public async Task<InstrumentVersion> HandleAsync(Request request, CancellationToken ct = default)
    {
        DraftingPermissions.EnsureSecretariat(db.Actor);
        var compilation = await db.Compilations.FirstOrDefaultAsync(c => c.Id == request.CompilationId, ct)
            ?? throw new NotFoundException(Messages.Format("Drafting.Error.NotFound.Compilation", request.CompilationId));
        db.ExpectVersion(compilation, request.Version);
        var v = new Validation();
        v.Require("label", request.Label, 200);
        if (compilation.Status != CompilationStatus.Open) v.Add("status", Messages.Get("Drafting.Error.CompilationClosed"));
        var compiled = await queries.CompileAsync(compilation, ct);
        var paragraphs = compiled.Text.Resolve(DraftingQueries.Resolutions(compilation));
        if (paragraphs is null) v.Add("conflicts", Messages.Get("Drafting.Error.Unresolved"));
        var baseVersion = compiled.Base;
        if (!v.HasErrors && await db.InstrumentVersions.AnyAsync(x => x.InstrumentId == baseVersion.InstrumentId && x.Label == request.Label.Trim() && x.Language == baseVersion.Language, ct))
            v.Add("label", Messages.Format("Drafting.Error.DuplicateVersion", request.Label.Trim(), baseVersion.Language));
        v.ThrowIfAny();

        var provenance = Messages.Format("Drafting.Provenance", compilation.Id, baseVersion.Label,
            string.Join(", ", compiled.Inputs.Select(i => i.Label)));
        var version = new InstrumentVersion
        {
            InstrumentId = baseVersion.InstrumentId,
            Label = request.Label.Trim(),
            Language = baseVersion.Language,
            Status = VersionStatus.Draft,
            Text = string.Join('\n', paragraphs!),
            CreatedAtUtc = db.UtcNow,
            Provenance = provenance.Length > 1000 ? provenance[..1000] : provenance,
            CompilationId = compilation.Id,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.InstrumentVersions.Add(version);
        await db.SaveChangesAsync(ct);
        compilation.Status = CompilationStatus.Completed;
        compilation.ResultVersionId = version.Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return version;
    }
}
