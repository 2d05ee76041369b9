using Cadre.Core.Common;

namespace Cadre.Core.Drafting;

public enum InstrumentKind
{
    Resolution,
    Decision,
    Recommendation,
}

/// <summary>A resolution, decision or recommendation of a body, e.g. Resolution 71 of the Plenipotentiary Conference.</summary>
public sealed class Instrument : IVersioned, IAudited
{
    public int Id { get; set; }
    public InstrumentKind Kind { get; set; }
    /// <summary>The adopting body as a short code or name ("PP", "Council"); the Governance area will link bodies later.</summary>
    public string Body { get; set; } = "";
    /// <summary>The instrument's number within its body and kind, e.g. "71".</summary>
    public string Number { get; set; } = "";
    public LocalizedText Title { get; set; } = new();
    public int Version { get; set; }

    public List<InstrumentVersion> Versions { get; set; } = [];
}

public enum VersionStatus
{
    Draft,
    Published,
}

/// <summary>
/// One text of an instrument in one language, e.g. "Rev. Dubai, 2018" in French. The provisions are the text's
/// paragraphs (one per line), read into an outline by <see cref="Cadre.Text.Structure.ResolutionParser"/>; a
/// published version never changes, so proposals can refer to its paragraphs by number.
/// </summary>
public sealed class InstrumentVersion : IVersioned, IAudited
{
    public int Id { get; set; }
    public int InstrumentId { get; set; }
    public Instrument? Instrument { get; set; }
    public string Label { get; set; } = "";
    public string Language { get; set; } = "en";
    public VersionStatus Status { get; set; }
    /// <summary>The paragraphs, separated by '\n'.</summary>
    public string Text { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? PublishedAtUtc { get; set; }
    /// <summary>Where a draft came from, e.g. "Compilation 3 of proposals 1 (FRA), 2 (SEN)".</summary>
    public string? Provenance { get; set; }
    public int? CompilationId { get; set; }
    public int Version { get; set; }

    public bool IsPublished => Status == VersionStatus.Published;

    public IReadOnlyList<string> Paragraphs => DraftingText.Paragraphs(Text);
}

public enum ProposalStatus
{
    Draft,
    Submitted,
}

/// <summary>
/// An amendment proposal of a Member (with any co-signing Members) against a published version. Its content is
/// in immutable <see cref="ProposalRevision"/>s; the latest one counts.
/// </summary>
public sealed class Proposal : IVersioned, IAudited
{
    public int Id { get; set; }
    public int BaseVersionId { get; set; }
    public InstrumentVersion? BaseVersion { get; set; }
    /// <summary>The proposing Member's code.</summary>
    public string MemberCode { get; set; } = "";
    /// <summary>Co-signing Members' codes, separated by commas.</summary>
    public string CoSigners { get; set; } = "";
    public string Title { get; set; } = "";
    public ProposalStatus Status { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    /// <summary>The Governance contribution it was submitted as, to a meeting (see <see cref="Handlers.SubmitProposalToMeeting"/>).</summary>
    public int? ContributionId { get; set; }
    public int Version { get; set; }

    public List<ProposalRevision> Revisions { get; set; } = [];

    public IReadOnlyList<string> CoSignerCodes => CoSigners.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The proposing Member and the co-signers.</summary>
    public IReadOnlyList<string> AllMembers => [MemberCode, .. CoSignerCodes];
}

/// <summary>One saved state of a proposal's changes; never updated.</summary>
public sealed class ProposalRevision : IAudited
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public int Number { get; set; }
    public string Author { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>The <see cref="ProvisionChange"/>s as JSON.</summary>
    public string ChangesJson { get; set; } = "[]";

    public IReadOnlyList<ProvisionChange> Changes => ProvisionChanges.FromJson(ChangesJson);
}

public enum CompilationStatus
{
    Open,
    Completed,
}

/// <summary>
/// Several submitted proposals against one base merged word by word; the chair resolves the conflicts, then
/// completes it into a new draft version.
/// </summary>
public sealed class Compilation : IVersioned, IAudited
{
    public int Id { get; set; }
    public int BaseVersionId { get; set; }
    public InstrumentVersion? BaseVersion { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The proposals' ids, separated by commas, in the order given.</summary>
    public string ProposalIds { get; set; } = "";
    /// <summary>The chair's resolutions as JSON: conflict key → text.</summary>
    public string ResolutionsJson { get; set; } = "{}";
    public CompilationStatus Status { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public int? ResultVersionId { get; set; }
    public int Version { get; set; }

    public IReadOnlyList<int> ProposalIdList =>
        ProposalIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
