using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace Cadre.Text.Docx;

/// <summary>Limits applied before and while reading a DOCX (QUALITY.md: bounded size, entries and unpacked size).</summary>
public sealed record DocxReadOptions
{
    public long MaxFileBytes { get; init; } = 20 * 1024 * 1024;
    public int MaxEntries { get; init; } = 1_000;
    public long MaxUnpackedBytes { get; init; } = 100 * 1024 * 1024;
    /// <summary>Passed to the Open XML SDK's <see cref="OpenSettings.MaxCharactersInPart"/>.</summary>
    public long MaxCharactersInPart { get; init; } = 50_000_000;
}

public enum DocxReadError
{
    TooLarge,
    TooManyEntries,
    UnpacksTooLarge,
    NotADocx,
    Encrypted,
    MacroEnabled,
    Corrupt,
}

/// <summary>A DOCX that cannot be read, with why. Never anything else escapes <see cref="DocxReader.Read(Stream, DocxReadOptions?)"/>.</summary>
public sealed class DocxReadException(DocxReadError error, string message, Exception? inner = null) : Exception(message, inner)
{
    public DocxReadError Error { get; } = error;
}

/// <summary>
/// The paragraphs of a document as its base text (tracked changes rejected) and as the proposal (accepted),
/// with the authors of the tracked changes.
/// </summary>
public sealed record DocxContent(IReadOnlyList<string> BaseParagraphs, IReadOnlyList<string> ProposedParagraphs, IReadOnlyList<string> Authors)
{
    public bool HasTrackedChanges => Authors.Count > 0 || !BaseParagraphs.SequenceEqual(ProposedParagraphs);

    public string BaseText => string.Join('\n', BaseParagraphs);

    public string ProposedText => string.Join('\n', ProposedParagraphs);
}

/// <summary>
/// Reads the paragraphs of a DOCX, with its tracked changes, after checking size, entry count and unpacked size
/// (zip bombs) and before any XML parsing; DTDs are refused. Footnote references are kept as "[footnoteRef:N]".
/// </summary>
public static class DocxReader
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static DocxContent Read(byte[] bytes, DocxReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var stream = new MemoryStream(bytes, writable: false);
        return Read(stream, options);
    }

    public static DocxContent Read(Stream input, DocxReadOptions? options = null) =>
        ReadMainPart(input, options, static (part, max) => ReadDocumentXml(part, max, null));

    /// <summary>
    /// The one hardened way into a DOCX (size, encryption, zip bomb, macro and DTD checks), shared by this reader and
    /// <see cref="TrackedChangesReader"/>: <paramref name="read"/> gets the main part's stream and the character limit.
    /// </summary>
    internal static T ReadMainPart<T>(Stream input, DocxReadOptions? options, Func<Stream, long, T> read)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new DocxReadOptions();
        var bytes = ReadBounded(input, options.MaxFileBytes);
        if (bytes.Length >= 8 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0)
        {
            throw new DocxReadException(DocxReadError.Encrypted, "The file is encrypted (password-protected) or an old binary Word document; save it as an unprotected .docx.");
        }
        if (bytes.Length < 4 || bytes[0] != (byte)'P' || bytes[1] != (byte)'K')
        {
            throw new DocxReadException(DocxReadError.NotADocx, "The file is not a .docx document.");
        }
        CheckArchive(bytes, options);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = options.MaxCharactersInPart });
            if (doc.DocumentType != WordprocessingDocumentType.Document)
            {
                throw new DocxReadException(DocxReadError.MacroEnabled, "Macro-enabled documents and templates are not accepted; save the document as a plain .docx.");
            }
            var main = doc.MainDocumentPart ?? throw new DocxReadException(DocxReadError.Corrupt, "The document has no main part.");
            using var partStream = main.GetStream(FileMode.Open, FileAccess.Read);
            return read(partStream, options.MaxCharactersInPart);
        }
        catch (DocxReadException)
        {
            throw;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException
                                       or InvalidOperationException or FileFormatException or ArgumentException or NotSupportedException)
        {
            throw new DocxReadException(DocxReadError.Corrupt, "The document is damaged or not a valid .docx: " + e.Message, e);
        }
    }

    private static byte[] ReadBounded(Stream input, long max)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > max)
            {
                throw new DocxReadException(DocxReadError.TooLarge, $"The file is larger than {max:N0} bytes.");
            }
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    // Declared sizes can lie: every entry is inflated (and discarded) with a running total before parsing.
    private static void CheckArchive(byte[] bytes, DocxReadOptions options)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > options.MaxEntries)
            {
                throw new DocxReadException(DocxReadError.TooManyEntries, $"The document has more than {options.MaxEntries:N0} parts.");
            }
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > options.MaxUnpackedBytes || total + entry.Length > options.MaxUnpackedBytes)
                {
                    throw Bomb(options);
                }
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > options.MaxUnpackedBytes)
                    {
                        throw Bomb(options);
                    }
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new DocxReadException(DocxReadError.Corrupt, "The document's archive is damaged: " + e.Message, e);
        }
    }

    private static DateTime? DateOf(string? value) =>
        DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var d)
            ? d.UtcDateTime
            : null;

    private static DocxReadException Bomb(DocxReadOptions options) =>
        new(DocxReadError.UnpacksTooLarge, $"The document unpacks to more than {options.MaxUnpackedBytes:N0} bytes.");

    /// <summary>Reads document.xml; when <paramref name="changes"/> is given, each tracked change is added to it in document order.</summary>
    internal static DocxContent ReadDocumentXml(Stream stream, long maxCharacters, List<TrackedChange>? changes)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        using var reader = XmlReader.Create(stream, settings);
        var baseParagraphs = new List<string>();
        var proposed = new List<string>();
        var authors = new SortedSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        var baseText = new StringBuilder();
        var newText = new StringBuilder();
        var baseCarry = "";
        var newCarry = "";
        int inserted = 0, deleted = 0, paragraphDepth = 0;
        bool markInserted = false, markDeleted = false;
        // The open revision elements (innermost last) and whether any text was read since the last one closed.
        var open = new List<(TrackedChangeKind Kind, string Author, DateTime? Date, StringBuilder Text)>();
        var textSinceClose = true;

        var positioned = false;
        while (positioned ? !reader.EOF : reader.Read())
        {
            positioned = false;
            if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == W)
            {
                var name = reader.LocalName;
                var empty = reader.IsEmptyElement;
                var parent = path.Count > 0 ? path[^1] : "";
                var inMarkProperties = path.Count >= 2 && path[^1] == "rPr" && path[^2] == "pPr";
                if (name is "ins" or "del" or "moveFrom" or "moveTo")
                {
                    if (reader.GetAttribute("author", W) is { Length: > 0 } author)
                    {
                        authors.Add(author);
                    }
                    if (inMarkProperties)
                    {
                        markInserted |= name is "ins" or "moveTo";
                        markDeleted |= name is "del" or "moveFrom";
                        changes?.Add(new TrackedChange(name is "ins" or "moveTo" ? TrackedChangeKind.ParagraphInserted : TrackedChangeKind.ParagraphDeleted,
                            reader.GetAttribute("author", W) ?? "", DateOf(reader.GetAttribute("date", W)), ""));
                    }
                    else if (parent != "rPr" && !empty)
                    {
                        if (changes is not null)
                        {
                            var kind = name switch { "ins" => TrackedChangeKind.Insertion, "del" => TrackedChangeKind.Deletion, "moveFrom" => TrackedChangeKind.MoveFrom, _ => TrackedChangeKind.MoveTo };
                            open.Add((kind, reader.GetAttribute("author", W) ?? "", DateOf(reader.GetAttribute("date", W)), new StringBuilder()));
                        }
                        if (name is "ins" or "moveTo")
                        {
                            inserted++;
                        }
                        else
                        {
                            deleted++;
                        }
                    }
                }
                else if (name == "p")
                {
                    if (paragraphDepth++ == 0)
                    {
                        baseText.Clear().Append(baseCarry);
                        newText.Clear().Append(newCarry);
                        markInserted = markDeleted = false;
                    }
                    if (empty && --paragraphDepth == 0)
                    {
                        EndParagraph();
                    }
                }
                else if (name is "t" or "delText" && !empty)
                {
                    // Leaves the reader on the node after the element, which the loop handles next.
                    Append(reader.ReadElementContentAsString());
                    positioned = true;
                    continue;
                }
                else if (name == "tab" && parent == "r")
                {
                    Append("\t");
                }
                else if (name is "br" or "cr" && parent == "r")
                {
                    Append("\n");
                }
                else if (name == "footnoteReference" && reader.GetAttribute("id", W) is { } id)
                {
                    Append($"[footnoteRef:{id}]");
                }
                if (!empty)
                {
                    path.Add(name);
                }
            }
            else if (reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement)
            {
                path.Add("");
            }
            else if (reader.NodeType == XmlNodeType.EndElement && path.Count > 0)
            {
                var name = path[^1];
                path.RemoveAt(path.Count - 1);
                var inRunProperties = path.Count > 0 && path[^1] == "rPr";
                if (reader.NamespaceURI == W && !inRunProperties && name is "ins" or "del" or "moveFrom" or "moveTo" && changes is not null && open.Count > 0)
                {
                    CloseRevision();
                }
                if (reader.NamespaceURI == W && !inRunProperties)
                {
                    if (name is "ins" or "moveTo")
                    {
                        inserted--;
                    }
                    else if (name is "del" or "moveFrom")
                    {
                        deleted--;
                    }
                }
                if (reader.NamespaceURI == W && name == "p" && --paragraphDepth == 0)
                {
                    EndParagraph();
                }
            }
        }
        if (baseCarry.Length > 0)
        {
            baseParagraphs.Add(baseCarry);
        }
        if (newCarry.Length > 0)
        {
            proposed.Add(newCarry);
        }
        return new DocxContent(baseParagraphs, proposed, authors.ToList());

        // A paragraph mark only in the proposal joins the base paragraph to the next one, and vice versa.
        void EndParagraph()
        {
            textSinceClose = true;
            if (markInserted)
            {
                baseCarry = baseText.ToString();
            }
            else
            {
                baseParagraphs.Add(baseText.ToString());
                baseCarry = "";
            }
            if (markDeleted)
            {
                newCarry = newText.ToString();
            }
            else
            {
                proposed.Add(newText.ToString());
                newCarry = "";
            }
        }

        // Consecutive runs of one revision (Word splits them by formatting) are one change.
        void CloseRevision()
        {
            var (kind, author, date, text) = open[^1];
            open.RemoveAt(open.Count - 1);
            var last = changes!.Count > 0 ? changes[^1] : null;
            if (!textSinceClose && last is not null && last.Kind == kind && last.Author == author && last.DateUtc == date)
            {
                changes[^1] = last with { Text = last.Text + text };
            }
            else
            {
                changes.Add(new TrackedChange(kind, author, date, text.ToString()));
            }
            textSinceClose = false;
        }

        void Append(string text)
        {
            if (changes is not null)
            {
                if (open.Count > 0)
                {
                    open[^1].Text.Append(text);
                }
                else
                {
                    textSinceClose = true;
                }
            }
            if (inserted <= 0)
            {
                baseText.Append(text);
            }
            if (deleted <= 0)
            {
                newText.Append(text);
            }
        }
    }
}
