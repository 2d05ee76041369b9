using Cadre.Core.Common;

namespace Cadre.Core.Governance.Documents;

public enum DocumentType
{
    Contribution,
    InformationDocument,
    TemporaryDocument,
    Report,
    LiaisonStatement,
    TermsOfReference,
}

public enum DocumentAccess
{
    /// <summary>Anyone, signed in or not.</summary>
    Public,
    /// <summary>Users who act for a Member (Delegates) and the secretariat; hidden from everyone else.</summary>
    MembersOnly,
}

/// <summary>
/// A registered document, known by its symbol (<c>TDAG-20/3/3</c>, <c>C20/28(Rev.1)</c>). The symbol is
/// stored without its language suffix: the language versions of one document are its files.
/// </summary>
public sealed class Document : IVersioned, IAudited
{
    public int Id { get; set; }
    /// <summary>The canonical symbol without language suffix, unique.</summary>
    public string Symbol { get; set; } = "";
    /// <summary>The symbol without revision, addendum or corrigendum: the revisions of one document share it.</summary>
    public string BaseSymbol { get; set; } = "";
    /// <summary>The body code written in the symbol (<c>TDAG</c>, <c>C</c>, <c>TDAG-WG-Prep</c>).</summary>
    public string SymbolBody { get; set; } = "";
    public DocumentType Type { get; set; }
    public LocalizedText Title { get; set; } = new();
    public string OriginalLanguage { get; set; } = "en";
    public DocumentAccess Access { get; set; }
    /// <summary>True when the secretariat (not Members) submitted the document.</summary>
    public bool FromSecretariat { get; set; }
    /// <summary>The date printed on the document.</summary>
    public DateOnly? DocumentDate { get; set; }
    public DateTime RegisteredAtUtc { get; set; }
    /// <summary>The body whose document this is (Governance bodies).</summary>
    public int? BodyId { get; set; }
    /// <summary>The meeting the document was issued for, if any.</summary>
    public int? MeetingId { get; set; }
    /// <summary>
    /// Folded (lower case, no accents) symbol, titles and file text, maintained by the handlers; the
    /// full-text indexes (FTS5 on SQLite, a tsvector on PostgreSQL) are built over it.
    /// </summary>
    public string SearchText { get; set; } = "";
    public int Version { get; set; }

    public List<DocumentSource> Sources { get; set; } = [];
    public List<DocumentFile> Files { get; set; } = [];
    public List<DocumentReference> References { get; set; } = [];
}

/// <summary>A Member that submitted (or co-signed) a document.</summary>
public sealed class DocumentSource : IAudited
{
    public int DocumentId { get; set; }
    public int MemberId { get; set; }
    public Member? Member { get; set; }
}

/// <summary>The file of one language version, stored in the database.</summary>
public sealed class DocumentFile : IAudited
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    /// <summary>en, fr, es, ar, zh, ru.</summary>
    public string Language { get; set; } = "en";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    public byte[] Content { get; set; } = [];
    /// <summary>Text taken from the file for search (.txt and .docx); null for other formats.</summary>
    public string? ExtractedText { get; set; }
    public DateTime UploadedAtUtc { get; set; }
}

/// <summary>A reference from one document to another (the "References:" line of a document).</summary>
public sealed class DocumentReference : IAudited
{
    public int DocumentId { get; set; }
    public int ReferencedDocumentId { get; set; }
    public Document? Referenced { get; set; }
}
