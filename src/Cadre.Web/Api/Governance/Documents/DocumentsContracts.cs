using Cadre.Core.Common;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Contributions;
using Cadre.Core.Governance.Documents;

namespace Cadre.Web.Api.Governance.Documents;

/// <summary>A file of a language version, sent inline.</summary>
/// <param name="Language">en, fr, es, ar, zh or ru.</param>
/// <param name="FileName">The file's name (.docx, .pdf or .txt); never used as a path.</param>
/// <param name="ContentBase64">The file's bytes in base64 (the API body is limited to 1 MiB; the upload page takes larger files).</param>
public sealed record DocumentFileUpload(string Language, string FileName, string ContentBase64);

/// <summary>A document to register under a new symbol.</summary>
/// <param name="Symbol">The symbol, e.g. TDAG-20/3/3, C20/28(Rev.1) or TDAG-WG-Prep/25-E (a language suffix sets the original language).</param>
/// <param name="Type">contribution, informationDocument, temporaryDocument, report, liaisonStatement or termsOfReference.</param>
/// <param name="Title">Title per language, at least one.</param>
/// <param name="Access">public (default) or membersOnly.</param>
/// <param name="SourceMembers">Codes of the submitting Members (or set fromSecretariat).</param>
/// <param name="FromSecretariat">The secretariat submitted it.</param>
/// <param name="DocumentDate">The date on the document.</param>
/// <param name="BodyId">The body whose document it is; the symbol must follow its scheme.</param>
/// <param name="MeetingId">The meeting it was issued for.</param>
/// <param name="References">Symbols of registered documents it refers to.</param>
/// <param name="Files">Files per language.</param>
/// <param name="OriginalLanguage">The language it was written in (default: from the symbol's suffix, else en).</param>
public sealed record RegisterDocumentRequest(
    string Symbol,
    DocumentType Type,
    Dictionary<string, string?> Title,
    DocumentAccess? Access = null,
    List<string>? SourceMembers = null,
    bool FromSecretariat = false,
    DateOnly? DocumentDate = null,
    int? BodyId = null,
    int? MeetingId = null,
    List<string>? References = null,
    List<DocumentFileUpload>? Files = null,
    string? OriginalLanguage = null);

/// <summary>A new or replaced file of one language.</summary>
/// <param name="Version">The document's version last read (required).</param>
/// <param name="FileName">The file's name (.docx, .pdf or .txt).</param>
/// <param name="ContentBase64">The file's bytes in base64.</param>
public sealed record UploadFileRequest(int? Version, string FileName, string ContentBase64);

public sealed record DocumentItemResponse(int Id, string Symbol, DocumentType Type, Dictionary<string, string> Title, string OriginalLanguage,
    DocumentAccess Access, DateOnly? DocumentDate, int? BodyId, int? MeetingId);

/// <summary>A page of documents. <c>total</c> counts the matches up to 1,000; <c>moreThanTotal</c> says there are more
/// (a search then ranks and pages through the first 1,000 matches, the most recently registered first).</summary>
public sealed record DocumentPageResponse(List<DocumentItemResponse> Items, int Page, int PageSize, int Total, int PageCount, bool MoreThanTotal);

public sealed record DocumentFileResponse(string Language, string FileName, string ContentType, long SizeBytes, DateTime UploadedAtUtc, string Url);

public sealed record DocumentResponse(
    int Id, string Symbol, string BaseSymbol, SymbolResponse Parts, DocumentType Type, Dictionary<string, string> Title, string OriginalLanguage,
    DocumentAccess Access, bool FromSecretariat, List<string> SourceMembers, DateOnly? DocumentDate, DateTime RegisteredAtUtc,
    int? BodyId, string? BodyCode, int? MeetingId, List<DocumentFileResponse> Files,
    List<DocumentItemResponse> References, List<DocumentItemResponse> ReferencedBy, List<DocumentItemResponse> Versions, int Version);

/// <summary>The parts of a symbol, as <c>cadre governance symbol</c> prints them.</summary>
public sealed record SymbolResponse(string Symbol, string BaseSymbol, string Body, int? Year, int? Meeting, DocumentSeries Series, int Number,
    int? Revision, int? Addendum, int? Corrigendum, string? Language, string? LanguageCode)
{
    public static SymbolResponse From(DocumentSymbol s) => new(s.ToString(), s.BaseSymbol, s.Body, s.Year, s.Meeting, s.Series, s.Number,
        s.Revision, s.Addendum, s.Corrigendum, s.Language, s.Language is null ? null : SymbolGrammar.LanguageSuffixes[s.Language]);
}

/// <summary>A draft contribution, new or changed.</summary>
/// <param name="Version">The version last read (required when changing).</param>
/// <param name="BodyId">The body it is for.</param>
/// <param name="MeetingId">The meeting it is for; leave out for the body's correspondence work.</param>
/// <param name="Title">Title per language.</param>
/// <param name="Summary">Summary.</param>
/// <param name="Proposals">The proposals, in order (at least one).</param>
/// <param name="CoSigners">Codes of the co-signing Members (your own Member signs anyway).</param>
/// <param name="Member">Your Member's code (optional; any other is refused).</param>
public sealed record SaveContributionRequest(
    int? Version,
    int BodyId,
    int? MeetingId,
    Dictionary<string, string?> Title,
    string? Summary,
    List<string> Proposals,
    List<string>? CoSigners = null,
    string? Member = null);

/// <summary>Submits a draft (a Delegate before the deadline; the Chair accepts late ones).</summary>
/// <param name="Version">The version last read (required).</param>
public sealed record SubmitContributionRequest(int? Version);

/// <summary>The outcome of one proposal.</summary>
/// <param name="Version">The proposal's version last read (required).</param>
/// <param name="Outcome">agreed, noted, notAgreed (or pending to clear it).</param>
/// <param name="ByConsensus">Whether it was reached by consensus (required unless pending).</param>
/// <param name="Note">A note for the record.</param>
public sealed record RecordOutcomeRequest(int? Version, ProposalOutcome Outcome, bool? ByConsensus, string? Note);

public sealed record ContributionItemResponse(int Id, Dictionary<string, string> Title, int BodyId, string BodyCode, int? MeetingId, ContributionStatus Status,
    List<string> Members, DateTime? DeadlineUtc, DateTime? SubmittedAtUtc, bool IsLate, int ProposalCount);

public sealed record ContributionPageResponse(List<ContributionItemResponse> Items, int Page, int PageSize, int Total, int PageCount);

public sealed record ProposalResponse(int Id, int Number, string Text, ProposalOutcome Outcome, bool? ByConsensus, string? Note, DateTime? OutcomeAtUtc, string? OutcomeBy, int Version);

public sealed record ContributionResponse(int Id, Dictionary<string, string> Title, string? Summary, int BodyId, string BodyCode, int? MeetingId, string LeadMember,
    List<string> Members, ContributionStatus Status, DateTime? DeadlineUtc, DateTime CreatedAtUtc, DateTime? SubmittedAtUtc, bool IsLate, string? AcceptedLateBy,
    int? DocumentId, List<ProposalResponse> Proposals, int Version);

internal static class DocumentsMapping
{
    public static DocumentItemResponse ToResponse(this DocumentListItem d) =>
        new(d.Id, d.Symbol, d.Type, d.Title.ToDictionary(), d.OriginalLanguage, d.Access, d.DocumentDate, d.BodyId, d.MeetingId);

    public static DocumentResponse ToResponse(this DocumentDetail d) => new(
        d.Id, d.Symbol, d.BaseSymbol, SymbolResponse.From(d.Parts), d.Type, d.Title.ToDictionary(), d.OriginalLanguage, d.Access, d.FromSecretariat,
        d.SourceMembers.ToList(), d.DocumentDate, d.RegisteredAtUtc, d.BodyId, d.BodyCode, d.MeetingId,
        d.Files.Select(f => new DocumentFileResponse(f.Language, f.FileName, f.ContentType, f.SizeBytes, f.UploadedAtUtc, $"/api/v1/documents/{d.Id}/files/{f.Language}")).ToList(),
        d.References.Select(ToResponse).ToList(), d.ReferencedBy.Select(ToResponse).ToList(), d.Versions.Select(ToResponse).ToList(), d.Version);

    public static ContributionItemResponse ToResponse(this ContributionListItem c) =>
        new(c.Id, c.Title.ToDictionary(), c.BodyId, c.BodyCode, c.MeetingId, c.Status, c.Members.ToList(), c.DeadlineUtc, c.SubmittedAtUtc, c.IsLate, c.ProposalCount);

    public static ContributionResponse ToResponse(this ContributionDetail c) => new(
        c.Id, c.Title.ToDictionary(), c.Summary, c.BodyId, c.BodyCode, c.MeetingId, c.LeadMember, c.Members.ToList(), c.Status, c.DeadlineUtc, c.CreatedAtUtc,
        c.SubmittedAtUtc, c.IsLate, c.AcceptedLateBy, c.DocumentId,
        c.Proposals.Select(p => new ProposalResponse(p.Id, p.Number, p.Text, p.Outcome, p.ByConsensus, p.Note, p.OutcomeAtUtc, p.OutcomeBy, p.Version)).ToList(), c.Version);

}
