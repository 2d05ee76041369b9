using System.Text.Json.Serialization;

namespace Cadre.Core.Reporting.Model;

/// <summary>Which report: the annual implementation report, or the end-of-period evaluation.</summary>
public enum ReportKind
{
    Annual,
    Evaluation,
}

/// <summary>
/// A report ready to write, in one language: metadata and sections in document order. Neutral: no EF,
/// no file format. The DOCX, HTML, XLSX and CSV writers all take this, and the workflow stores it as JSON
/// beside each generated file (the data snapshot the file was made from).
/// </summary>
public sealed record ReportDocument(ReportMetadata Metadata, IReadOnlyList<ReportSection> Sections)
{
    /// <summary>Every table of the report in document order, including the tables of the figures' numbers.</summary>
    public IEnumerable<ReportTable> AllTables()
    {
        foreach (var section in Sections)
        {
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportTable t: yield return t; break;
                    case ReportFigure f: yield return f.Data; break;
                }
            }
        }
    }
}

/// <summary>What the report is about and its place in the workflow.</summary>
/// <param name="Language">BCP 47 language of the report's text ("en", "fr").</param>
/// <param name="Status">The workflow status as shown in the document (e.g. "Draft").</param>
public sealed record ReportMetadata(
    string PlanCode,
    string PlanTitle,
    ReportKind Kind,
    int Year,
    string Language,
    int Version,
    string Status,
    string Title,
    DateTime GeneratedAtUtc);

/// <summary>
/// A heading (level 1 to 3) with its narrative and blocks. Sections are a flat list in document order; the
/// level gives the outline (Heading1..3 in Word, h2..h4 in HTML under the report's one h1).
/// </summary>
/// <param name="Key">Stable key of the section (e.g. "element:1.2"), used to store its narrative.</param>
public sealed record ReportSection(string Key, int Level, string Title, ReportNarrative? Narrative, IReadOnlyList<ReportBlock> Blocks)
{
    public int Level { get; init; } = Level is >= 1 and <= 3 ? Level : throw new ArgumentOutOfRangeException(nameof(Level), Level, "Heading levels are 1 to 3.");
}

/// <summary>
/// The narrative of a section, written by the responsible unit, per language. A language without paragraphs
/// is rendered as a visible "narrative missing" marker, never as nothing.
/// </summary>
public sealed record ReportNarrative(IReadOnlyDictionary<string, IReadOnlyList<string>> ParagraphsByLanguage)
{
    public static readonly ReportNarrative None = new(new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>The paragraphs in <paramref name="language"/>; empty when that language's narrative is missing.</summary>
    public IReadOnlyList<string> For(string language) =>
        ParagraphsByLanguage.TryGetValue(language, out var p) ? p.Where(x => !string.IsNullOrWhiteSpace(x)).ToList() : [];

    public bool IsMissing(string language) => For(language).Count == 0;

    /// <summary>Splits texts on blank lines into paragraphs.</summary>
    public static ReportNarrative FromTexts(IReadOnlyDictionary<string, string>? textByLanguage)
    {
        var d = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (language, text) in textByLanguage ?? new Dictionary<string, string>())
        {
            var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal)
                .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (paragraphs.Length > 0) d[language] = paragraphs;
        }
        return new ReportNarrative(d);
    }
}

/// <summary>A block of a section: a paragraph, a visible notice, a table or a figure.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$block")]
[JsonDerivedType(typeof(ReportParagraph), "paragraph")]
[JsonDerivedType(typeof(ReportNotice), "notice")]
[JsonDerivedType(typeof(ReportTable), "table")]
[JsonDerivedType(typeof(ReportFigure), "figure")]
public abstract record ReportBlock;

public sealed record ReportParagraph(string Text) : ReportBlock;

/// <summary>A gap or warning that must be seen (no indicators, no data): rendered marked, like a missing narrative.</summary>
public sealed record ReportNotice(string Text) : ReportBlock;

/// <summary>A table: a caption, one header row, rows of typed cells. The first column names the row.</summary>
public sealed record ReportTable(string Key, string Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<ReportCell>> Rows) : ReportBlock
{
    public bool FirstColumnIsRowHeader { get; init; } = true;
}

/// <summary>
/// A chart as an image: PNG bytes (and SVG text when the renderer made one), alt text, caption, and the table
/// of its numbers, which every format shows beside it.
/// </summary>
public sealed record ReportFigure(string Key, string Caption, string AltText, byte[] Png, int WidthPx, int HeightPx, string? Svg, ReportTable Data) : ReportBlock;
