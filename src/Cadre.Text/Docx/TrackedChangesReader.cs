namespace Cadre.Text.Docx;

public enum TrackedChangeKind
{
    /// <summary><c>w:ins</c>: text only in the proposal.</summary>
    Insertion,
    /// <summary><c>w:del</c> (its <c>w:delText</c>): text only in the base.</summary>
    Deletion,
    /// <summary><c>w:moveFrom</c>: where moved text was.</summary>
    MoveFrom,
    /// <summary><c>w:moveTo</c>: where moved text went.</summary>
    MoveTo,
    /// <summary>An inserted paragraph mark: the proposal splits a base paragraph.</summary>
    ParagraphInserted,
    /// <summary>A deleted paragraph mark: the proposal joins two base paragraphs.</summary>
    ParagraphDeleted,
}

/// <summary>One tracked change of a document, in document order: who, when, and the text it covers.</summary>
public sealed record TrackedChange(TrackedChangeKind Kind, string Author, DateTime? DateUtc, string Text);

/// <summary>
/// A DOCX with revision marks read as two texts: the base (every change rejected) and the proposal (every change
/// accepted), with the changes themselves.
/// </summary>
public sealed record TrackedChangesDocument(IReadOnlyList<string> BaseParagraphs, IReadOnlyList<string> ProposedParagraphs, IReadOnlyList<TrackedChange> Changes)
{
    public bool HasTrackedChanges => Changes.Count > 0;

    public string BaseText => string.Join('\n', BaseParagraphs);

    public string ProposedText => string.Join('\n', ProposedParagraphs);

    /// <summary>The changes' authors, sorted, without blanks.</summary>
    public IReadOnlyList<string> Authors =>
        Changes.Select(c => c.Author).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public DateTime? FirstDateUtc => Changes.Min(c => c.DateUtc);

    public DateTime? LastDateUtc => Changes.Max(c => c.DateUtc);

    /// <summary>How many changes of each kind.</summary>
    public IReadOnlyDictionary<TrackedChangeKind, int> CountsByKind =>
        Changes.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count());
}

/// <summary>
/// Reads a DOCX's tracked changes (<c>w:ins</c>, <c>w:del</c>/<c>w:delText</c>, <c>w:moveFrom</c>/<c>w:moveTo</c>,
/// inserted and deleted paragraph marks) into the base and the proposed text, with each change's author and date.
/// The file goes through the same checks as <see cref="DocxReader"/> (size, zip bomb, encryption, macros, DTD)
/// and the same errors (<see cref="DocxReadException"/>) come out.
/// </summary>
public static class TrackedChangesReader
{
    public static TrackedChangesDocument Read(byte[] bytes, DocxReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var stream = new MemoryStream(bytes, writable: false);
        return Read(stream, options);
    }

    public static TrackedChangesDocument Read(Stream input, DocxReadOptions? options = null) =>
        DocxReader.ReadMainPart(input, options, static (part, max) =>
        {
            var changes = new List<TrackedChange>();
            var content = DocxReader.ReadDocumentXml(part, max, changes);
            return new TrackedChangesDocument(content.BaseParagraphs, content.ProposedParagraphs, changes);
        });
}
