using System.Xml;
using Cadre.Text.Diff;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Cadre.Text.Docx;

/// <summary>Options of <see cref="DocxRedlineWriter"/>.</summary>
public sealed record DocxRedlineOptions
{
    /// <summary>Author of every tracked change (the proposer: a Member or a person).</summary>
    public string Author { get; init; } = "Cadre";

    /// <summary>Date of every tracked change, in UTC. Given by the caller: the engine has no clock.</summary>
    public required DateTime Date { get; init; }

    /// <summary>Document language as a BCP 47 tag ("en-GB", "fr-FR", "ar-SA", "zh-CN").</summary>
    public string Language { get; init; } = "en-GB";

    /// <summary>Document title (package property, not part of the text).</summary>
    public string? Title { get; init; }

    /// <summary>Heading level (1-3) of a paragraph from its index and its text in the new version; null for body text.</summary>
    public Func<int, string, int?>? HeadingLevel { get; init; }
}

/// <summary>
/// Writes an edit script as a Word document with real tracked changes: w:ins and w:del runs (w:delText inside
/// deletions), w:moveFrom/w:moveTo with their range markers, tracked paragraph marks when a line break is
/// inserted, deleted or moved. Accepting all changes gives the new text; rejecting all gives the base text
/// (paragraphs joined by line feeds; "\r\n" and "\r" are written as paragraph breaks too).
/// </summary>
public static class DocxRedlineWriter
{
    public static byte[] Write(EditScript script, DocxRedlineOptions options)
    {
        using var stream = new MemoryStream();
        Write(script, stream, options);
        return stream.ToArray();
    }

    public static void Write(EditScript script, Stream output, DocxRedlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var run in script.Runs)
        {
            EnsureXmlText(run.Text);
        }
        using var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        AddStyles(main, options.Language);
        AddSettings(main, options.Language);
        doc.PackageProperties.Language = options.Language;
        if (options.Title is not null)
        {
            doc.PackageProperties.Title = options.Title;
        }
        // Streamed paragraph by paragraph: a long redline never exists as one element tree.
        using (var writer = OpenXmlWriter.Create(main))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(new Document(), [], [new KeyValuePair<string, string>("w", Ns)]);
            writer.WriteStartElement(new Body());
            new Builder(options, writer).Build(script);
            writer.WriteElement(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1418, Right = 1134U, Bottom = 1418, Left = 1134U, Header = 720U, Footer = 720U, Gutter = 0U }));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }

    private const string Ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static void EnsureXmlText(string text)
    {
        try
        {
            XmlConvert.VerifyXmlChars(text);
        }
        catch (XmlException e)
        {
            throw new ArgumentException("The text contains characters that a Word document cannot hold (control characters or unpaired surrogates).", nameof(text), e);
        }
    }

    private sealed class Builder(DocxRedlineOptions options, OpenXmlWriter writer)
    {
        private readonly List<(EditRun Run, string Text)> _segments = [];
        private readonly HashSet<int> _openedMoves = [];
        private readonly Dictionary<int, int> _rangeIds = [];
        private readonly Dictionary<int, int> _lastParagraphOfMove = [];
        private readonly Dictionary<int, int> _lastSegmentOfMove = [];
        private int _nextId = 1;
        private int _paragraphIndex;

        public void Build(EditScript script)
        {
            // Split runs into paragraphs first, so that move ranges can be closed where each move ends.
            var paragraphs = new List<(List<(EditRun Run, string Text)> Segments, EditRun? Mark)>();
            var current = new List<(EditRun, string)>();
            foreach (var run in script.Runs)
            {
                var text = run.Text;
                var start = 0;
                for (var k = 0; k < text.Length; k++)
                {
                    if (text[k] is not ('\n' or '\r'))
                    {
                        continue;
                    }
                    if (k > start)
                    {
                        current.Add((run, text[start..k]));
                    }
                    if (text[k] == '\r' && k + 1 < text.Length && text[k + 1] == '\n')
                    {
                        k++;
                    }
                    paragraphs.Add((current, run));
                    current = [];
                    start = k + 1;
                }
                if (start < text.Length)
                {
                    current.Add((run, text[start..]));
                }
            }
            paragraphs.Add((current, null));

            for (var p = 0; p < paragraphs.Count; p++)
            {
                var segs = paragraphs[p].Segments;
                for (var s = 0; s < segs.Count; s++)
                {
                    if (segs[s].Run.MoveId != 0)
                    {
                        var key = Key(segs[s].Run);
                        _lastParagraphOfMove[key] = p;
                        _lastSegmentOfMove[key] = s;
                    }
                }
                if (paragraphs[p].Mark is { MoveId: not 0 } mark)
                {
                    _lastParagraphOfMove[Key(mark)] = p;
                    _lastSegmentOfMove[Key(mark)] = segs.Count;
                }
            }
            foreach (var (segments, mark) in paragraphs)
            {
                writer.WriteElement(Paragraph(segments, mark));
                _paragraphIndex++;
            }
        }

        // MoveFrom and MoveTo of the same move have distinct ranges.
        private static int Key(EditRun run) => run.Kind == EditKind.MoveFrom ? run.MoveId : -run.MoveId;

        private Paragraph Paragraph(List<(EditRun Run, string Text)> segments, EditRun? mark)
        {
            var paragraph = new Paragraph();
            var properties = new ParagraphProperties();
            var newText = string.Concat(segments.Where(s => s.Run.InNew).Select(s => s.Text));
            if (options.HeadingLevel?.Invoke(_paragraphIndex, newText) is int level and >= 1 and <= 3)
            {
                properties.Append(new ParagraphStyleId { Val = $"Heading{level}" });
            }
            if (options.Language.StartsWith("ar", StringComparison.OrdinalIgnoreCase))
            {
                properties.Append(new BiDi());
            }
            if (mark is not null && mark.Kind != EditKind.Equal)
            {
                var markProperties = new ParagraphMarkRunProperties();
                var markId = Id().ToString(System.Globalization.CultureInfo.InvariantCulture);
                OpenXmlElement change = mark.Kind switch
                {
                    EditKind.Insert => new Inserted { Id = markId, Author = options.Author, Date = options.Date },
                    EditKind.Delete => new Deleted { Id = markId, Author = options.Author, Date = options.Date },
                    EditKind.MoveFrom => new MoveFrom { Id = markId, Author = options.Author, Date = options.Date },
                    _ => new MoveTo { Id = markId, Author = options.Author, Date = options.Date },
                };
                markProperties.Append(change);
                properties.Append(markProperties);
            }
            if (properties.HasChildren)
            {
                paragraph.Append(properties);
            }

            var index = _paragraphIndex;
            for (var s = 0; s < segments.Count; s++)
            {
                var (run, text) = segments[s];
                if (run.MoveId != 0 && _openedMoves.Add(Key(run)))
                {
                    paragraph.Append(RangeStart(run));
                }
                paragraph.Append(Change(run, text));
                if (run.MoveId != 0 && _lastParagraphOfMove[Key(run)] == index && _lastSegmentOfMove[Key(run)] == s)
                {
                    paragraph.Append(RangeEnd(run));
                }
            }
            if (mark is { MoveId: not 0 })
            {
                if (_openedMoves.Add(Key(mark)))
                {
                    paragraph.Append(RangeStart(mark));
                }
                if (_lastParagraphOfMove[Key(mark)] == index && _lastSegmentOfMove[Key(mark)] == segments.Count)
                {
                    paragraph.Append(RangeEnd(mark));
                }
            }
            return paragraph;
        }

        private OpenXmlElement RangeStart(EditRun run)
        {
            var id = Id();
            _rangeIds[Key(run)] = id;
            var name = $"move{run.MoveId}";
            var idText = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return run.Kind == EditKind.MoveFrom
                ? new MoveFromRangeStart { Id = idText, Name = name, Author = options.Author, Date = options.Date }
                : new MoveToRangeStart { Id = idText, Name = name, Author = options.Author, Date = options.Date };
        }

        private OpenXmlElement RangeEnd(EditRun run)
        {
            var idText = _rangeIds[Key(run)].ToString(System.Globalization.CultureInfo.InvariantCulture);
            return run.Kind == EditKind.MoveFrom ? new MoveFromRangeEnd { Id = idText } : new MoveToRangeEnd { Id = idText };
        }

        private OpenXmlElement Change(EditRun run, string text)
        {
            var id = () => Id().ToString(System.Globalization.CultureInfo.InvariantCulture);
            return run.Kind switch
            {
                EditKind.Insert => new InsertedRun(TextRun(text, deleted: false)) { Id = id(), Author = options.Author, Date = options.Date },
                EditKind.Delete => new DeletedRun(TextRun(text, deleted: true)) { Id = id(), Author = options.Author, Date = options.Date },
                EditKind.MoveFrom => new MoveFromRun(TextRun(text, deleted: false)) { Id = id(), Author = options.Author, Date = options.Date },
                EditKind.MoveTo => new MoveToRun(TextRun(text, deleted: false)) { Id = id(), Author = options.Author, Date = options.Date },
                _ => TextRun(text, deleted: false),
            };
        }

        private static Run TextRun(string text, bool deleted)
        {
            var run = new Run();
            var parts = text.Split('\t');
            for (var k = 0; k < parts.Length; k++)
            {
                if (k > 0)
                {
                    run.Append(new TabChar());
                }
                if (parts[k].Length > 0)
                {
                    run.Append(deleted
                        ? new DeletedText(parts[k]) { Space = SpaceProcessingModeValues.Preserve }
                        : new WText(parts[k]) { Space = SpaceProcessingModeValues.Preserve });
                }
            }
            return run;
        }

        private int Id() => _nextId++;
    }

    private static void AddStyles(MainDocumentPart main, string language)
    {
        var stylesPart = main.AddNewPart<StyleDefinitionsPart>();
        var languages = new Languages { Val = language };
        if (language.StartsWith("ar", StringComparison.OrdinalIgnoreCase) || language.StartsWith("he", StringComparison.OrdinalIgnoreCase))
        {
            languages.Bidi = language;
        }
        if (language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || language.StartsWith("ja", StringComparison.OrdinalIgnoreCase))
        {
            languages.EastAsia = language;
        }
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" },
                    new FontSize { Val = "24" },
                    languages)),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        for (var level = 1; level <= 3; level++)
        {
            styles.Append(new Style(
                new StyleName { Val = $"heading {level}" },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240" }, new OutlineLevel { Val = level - 1 }),
                new StyleRunProperties(new Bold(), new FontSize { Val = (32 - (4 * level)).ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" });
        }
        stylesPart.Styles = styles;
        stylesPart.Styles.Save();
    }

    private static void AddSettings(MainDocumentPart main, string language)
    {
        var settingsPart = main.AddNewPart<DocumentSettingsPart>();
        settingsPart.Settings = new Settings(new TrackRevisions(), new ThemeFontLanguages { Val = language });
        settingsPart.Settings.Save();
    }
}
