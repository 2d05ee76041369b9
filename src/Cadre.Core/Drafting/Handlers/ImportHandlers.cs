using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Drafting.Handlers;

/// <summary>
/// Imports a document with revision marks (read by <see cref="Cadre.Text.Docx.TrackedChangesReader"/> into its base
/// text, every change rejected, and its proposed text, every change accepted) as a version of an instrument plus a
/// proposal of the actor's Member. The base is matched against the instrument's published versions in that
/// language; when none has the same text, the secretariat (Chair or Planner) may create it, published, under a
/// new label; a Delegate may not, and is told so. The proposal's changes come from <see cref="ProposalDerivation"/>
/// (MOD, ADD, SUP; every SUP gets the reason the user confirmed) and are saved through <see cref="SaveProposal"/>,
/// with the same rules. <see cref="PreviewAsync"/> checks everything and stores nothing; <see cref="HandleAsync"/>
/// stores the base and the proposal in one transaction, or nothing.
/// </summary>
public sealed class ImportTrackedChanges(CadreDbContext db, SaveProposal saveProposal)
{
    public sealed record Request(
        int InstrumentId,
        string Language,
        string BaseText,
        string ProposedText,
        string? BaseLabel = null,
        string? Title = null,
        string? SupReason = null,
        IReadOnlyList<string>? CoSigners = null);

    /// <summary>What an import would do: the base it uses or creates, and the proposal's changes (none for a secretariat user without a Member).</summary>
    public sealed record Plan(
        Instrument Instrument,
        InstrumentVersion? ExistingBase,
        IReadOnlyList<string> BaseParagraphs,
        IReadOnlyList<string> ProposedParagraphs,
        IReadOnlyList<ProvisionChange> Changes,
        bool CreatesProposal,
        ValidationFailedException? Errors = null)
    {
        public bool CreatesBase => ExistingBase is null;

        public int Count(ProvisionAction action) => Changes.Count(c => c.Action == action);
    }

    public sealed record Result(InstrumentVersion Base, bool BaseCreated, Proposal? Proposal);

    /// <summary>The default reason given to suppressed paragraphs, which the user confirms or replaces.</summary>
    public static string DefaultSupReason => Messages.Get("Drafting.Import.DefaultSupReason");

    /// <summary>Checks the request and returns the plan; throws <see cref="ValidationFailedException"/> on any error.</summary>
    public async Task<Plan> PreviewAsync(Request request, CancellationToken ct = default)
    {
        var plan = await PlanAsync(request, ct);
        if (plan.Errors is { } errors) throw errors;
        return plan;
    }

    /// <summary>
    /// The plan, with the errors that the user can fix on the preview (title, label, reason, a base that does not
    /// exist) in <see cref="Plan.Errors"/> rather than thrown, so that the preview still shows what the document proposes.
    /// </summary>
    public async Task<Plan> PlanAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var actor = db.Actor;
        var secretariat = DraftingPermissions.IsSecretariat(actor);
        var proposes = DraftingPermissions.CanPropose(actor);
        if (!secretariat && !proposes) throw new ForbiddenException(Messages.Get("Drafting.Error.DelegateOnly"));
        var instrument = await db.Instruments.AsNoTracking().FirstOrDefaultAsync(i => i.Id == request.InstrumentId, ct)
            ?? throw new NotFoundException(Messages.Format("Drafting.Error.NotFound.Instrument", request.InstrumentId));

        var v = new Validation();
        if (!LocalizedText.IsSupported(request.Language)) v.Add("language", Messages.Format("Error.UnknownLanguage", request.Language));
        var baseParagraphs = DraftingText.Paragraphs(request.BaseText);
        var proposed = DraftingText.Paragraphs(request.ProposedText);
        if (baseParagraphs.Count == 0) v.Add("file", Messages.Get("Drafting.Import.NoBaseText"));
        var baseText = string.Join('\n', baseParagraphs);
        if (baseText.Length > CreateVersion.MaxTextLength) v.Add("file", Messages.Format("Error.TooLong", CreateVersion.MaxTextLength));
        v.ThrowIfAny();

        // The same text, in the same language, of this instrument: published first, then the oldest.
        var candidates = await db.InstrumentVersions.AsNoTracking().Include(x => x.Instrument)
            .Where(x => x.InstrumentId == instrument.Id && x.Language == request.Language)
            .ToListAsync(ct);
        var existing = candidates.Where(x => string.Equals(DraftingText.Normalize(x.Text), baseText, StringComparison.Ordinal))
            .OrderByDescending(x => x.IsPublished).ThenBy(x => x.Id).FirstOrDefault();
        if (existing is { IsPublished: false } && !DraftingPermissions.CanRead(actor, existing)) existing = null;

        var hasChanges = !baseParagraphs.SequenceEqual(proposed, StringComparer.Ordinal);
        var createsProposal = proposes && hasChanges;
        if (existing is null)
        {
            if (!secretariat)
            {
                v.Add("file", Messages.Get("Drafting.Import.BaseUnknown"));
            }
            else
            {
                v.Require("baseLabel", request.BaseLabel, 200);
                var label = request.BaseLabel?.Trim() ?? "";
                if (candidates.Any(x => x.Label == label)) v.Add("baseLabel", Messages.Format("Drafting.Error.DuplicateVersion", label, request.Language));
            }
        }
        else if (createsProposal && !existing.IsPublished)
        {
            v.Add("file", Messages.Get("Drafting.Error.BaseNotPublished"));
        }
        if (!hasChanges && existing is not null) v.Add("file", Messages.Get("Drafting.Import.NothingToImport"));
        if (hasChanges && !proposes && existing is not null) v.Add("file", Messages.Get("Drafting.Import.NothingToImport"));

        var supReason = string.IsNullOrWhiteSpace(request.SupReason) ? "" : request.SupReason.Trim();
        var changes = hasChanges
            ? ProposalDerivation.Derive(baseParagraphs, proposed, supReason, to => Messages.Format("Drafting.Import.MovedReason", to))
            : [];
        if (createsProposal)
        {
            v.Require("title", request.Title, 300);
            if (changes.Any(c => c.Action == ProvisionAction.Sup && string.IsNullOrEmpty(c.Reason))) v.Require("supReason", request.SupReason, 1_000);
            foreach (var (_, message) in ProvisionChanges.Check(baseParagraphs.Count, changes).Where(e => !e.Key.EndsWith(".reason", StringComparison.Ordinal)))
                v.Add("file", message);
        }
        ValidationFailedException? failure = null;
        try
        {
            v.ThrowIfAny();
        }
        catch (ValidationFailedException e)
        {
            failure = e;
        }
        return new Plan(instrument, existing, baseParagraphs, proposed, changes, createsProposal, failure);
    }

    public async Task<Result> HandleAsync(Request request, CancellationToken ct = default)
    {
        var plan = await PreviewAsync(request, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var baseVersion = plan.ExistingBase;
        if (baseVersion is null)
        {
            var now = db.UtcNow;
            baseVersion = new InstrumentVersion
            {
                InstrumentId = plan.Instrument.Id,
                Label = request.BaseLabel!.Trim(),
                Language = request.Language,
                Text = string.Join('\n', plan.BaseParagraphs),
                Status = VersionStatus.Published,
                CreatedAtUtc = now,
                PublishedAtUtc = now,
                Provenance = Truncate(Messages.Format("Drafting.Import.Provenance", db.Actor.Name), 1000),
            };
            db.InstrumentVersions.Add(baseVersion);
            await db.SaveChangesAsync(ct);
        }
        Proposal? proposal = null;
        if (plan.CreatesProposal)
        {
            proposal = await saveProposal.HandleAsync(new SaveProposal.Request(null, null, baseVersion.Id, null, request.CoSigners, request.Title!.Trim(), plan.Changes), ct);
        }
        await tx.CommitAsync(ct);
        return new Result(baseVersion, plan.ExistingBase is null, proposal);
    }

    private static string Truncate(string s, int max) => s.Length > max ? s[..max] : s;
}
