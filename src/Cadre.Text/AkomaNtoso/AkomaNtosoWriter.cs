using System.Globalization;
using System.Text;
using System.Xml;
using Cadre.Text.Diff;
using Cadre.Text.Structure;

namespace Cadre.Text.AkomaNtoso;

/// <summary>FRBR identification of an Akoma Ntoso document.</summary>
/// <param name="WorkUri">e.g. "/akn/int/statement/resolution/itu-pp/2022/71".</param>
/// <param name="Language">ISO 639-2 code, e.g. "fra", "eng".</param>
/// <param name="Date">Date of the version (adoption or proposal); given by the caller, the engine has no clock.</param>
/// <param name="Author">The body, e.g. "itu-pp" for the Plenipotentiary Conference.</param>
public sealed record AknMetadata(string WorkUri, string Language, DateOnly Date, string Author = "itu");

/// <summary>
/// Writes Akoma Ntoso 3.0 (OASIS LegalDocML) XML: a resolution outline as a <c>statement</c> with preface,
/// preamble and main body, or a redline whose paragraphs carry <c>ins</c> and <c>del</c>.
/// </summary>
public static class AkomaNtosoWriter
{
    public const string Namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    public static string Write(ResolutionOutline outline, AknMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(outline);
        ArgumentNullException.ThrowIfNull(metadata);
        return Document(metadata, "resolution", indent: true, w =>
        {
            if (outline.Title is not null)
            {
                w.WriteStartElement("preface", Namespace);
                w.WriteStartElement("p", Namespace);
                w.WriteAttributeString("class", "title");
                w.WriteElementString("docTitle", Namespace, outline.Title);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            var footnotes = outline.Footnotes.ToDictionary(f => f.Number, f => f.Text, StringComparer.Ordinal);
            if (outline.EnactingFormula is not null || outline.Preamble.Count > 0)
            {
                w.WriteStartElement("preamble", Namespace);
                if (outline.EnactingFormula is not null)
                {
                    w.WriteStartElement("formula", Namespace);
                    w.WriteAttributeString("name", "enactingFormula");
                    Paragraph(w, outline.EnactingFormula, [], footnotes);
                    w.WriteEndElement();
                }
                Blocks(w, outline.Preamble, "preamble", footnotes);
                w.WriteEndElement();
            }
            w.WriteStartElement("mainBody", Namespace);
            if (outline.Operative.Count == 0)
            {
                w.WriteElementString("p", Namespace, "");
            }
            Blocks(w, outline.Operative, "operative", footnotes);
            w.WriteEndElement();
        });
    }

    /// <summary>A redline: one &lt;p&gt; per paragraph of the new text, with &lt;del&gt; and &lt;ins&gt; (class "move" for moves).</summary>
    public static string WriteRedline(EditScript script, AknMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(metadata);
        // Paragraphs first: a line break that only one side has is marked on the paragraph it ends.
        var paragraphs = new List<(List<(EditRun Run, string Text)> Segments, EditRun? Break)>();
        var current = new List<(EditRun, string)>();
        foreach (var run in script.Runs)
        {
            var parts = run.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var k = 0; k < parts.Length; k++)
            {
                if (k > 0)
                {
                    paragraphs.Add((current, run));
                    current = [];
                }
                if (parts[k].Length > 0)
                {
                    current.Add((run, parts[k]));
                }
            }
        }
        paragraphs.Add((current, null));
        return Document(metadata, "redline", indent: false, w =>
        {
            w.WriteStartElement("mainBody", Namespace);
            foreach (var (segments, lineBreak) in paragraphs)
            {
                w.WriteStartElement("p", Namespace);
                if (lineBreak is { Kind: not EditKind.Equal })
                {
                    w.WriteAttributeString("class", lineBreak.InBase ? "break-deleted" : "break-inserted");
                }
                foreach (var (run, text) in segments)
                {
                    if (run.Kind == EditKind.Equal)
                    {
                        w.WriteString(text);
                        continue;
                    }
                    w.WriteStartElement(run.InBase ? "del" : "ins", Namespace);
                    if (run.MoveId != 0)
                    {
                        w.WriteAttributeString("class", "move");
                        w.WriteAttributeString("title", $"move {run.MoveId}");
                    }
                    w.WriteString(text);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }

    // Redlines are written without indentation: whitespace added before an <ins> would change the text.
    private static string Document(AknMetadata m, string name, bool indent, Action<XmlWriter> body)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = indent, OmitXmlDeclaration = false, CheckCharacters = true }))
        {
            w.WriteStartElement("akomaNtoso", Namespace);
            w.WriteStartElement("statement", Namespace);
            w.WriteAttributeString("name", name);
            Meta(w, m);
            body(w);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal) + "\n";
    }

    private static void Meta(XmlWriter w, AknMetadata m)
    {
        var date = m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var expression = $"{m.WorkUri}/{m.Language}@{date}";
        w.WriteStartElement("meta", Namespace);
        w.WriteStartElement("identification", Namespace);
        w.WriteAttributeString("source", "#cadre");
        Frbr(w, "FRBRWork", m.WorkUri, m.WorkUri, date, m.Author, country: "int");
        Frbr(w, "FRBRExpression", expression, expression, date, m.Author, language: m.Language);
        Frbr(w, "FRBRManifestation", expression + "/!main.xml", expression + ".akn", date, "cadre");
        w.WriteEndElement();
        w.WriteStartElement("references", Namespace);
        w.WriteAttributeString("source", "#cadre");
        Organization(w, "cadre", "Cadre");
        Organization(w, m.Author, m.Author);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Organization(XmlWriter w, string id, string showAs)
    {
        w.WriteStartElement("TLCOrganization", Namespace);
        w.WriteAttributeString("eId", id);
        w.WriteAttributeString("href", "/akn/ontology/organizations/" + id);
        w.WriteAttributeString("showAs", showAs);
        w.WriteEndElement();
    }

    private static void Frbr(XmlWriter w, string element, string self, string uri, string date, string author, string? country = null, string? language = null)
    {
        w.WriteStartElement(element, Namespace);
        Value(w, "FRBRthis", self);
        Value(w, "FRBRuri", uri);
        w.WriteStartElement("FRBRdate", Namespace);
        w.WriteAttributeString("date", date);
        w.WriteAttributeString("name", "version");
        w.WriteEndElement();
        w.WriteStartElement("FRBRauthor", Namespace);
        w.WriteAttributeString("href", "#" + author);
        w.WriteEndElement();
        if (country is not null)
        {
            Value(w, "FRBRcountry", country);
        }
        if (language is not null)
        {
            w.WriteStartElement("FRBRlanguage", Namespace);
            w.WriteAttributeString("language", language);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Value(XmlWriter w, string element, string value)
    {
        w.WriteStartElement(element, Namespace);
        w.WriteAttributeString("value", value);
        w.WriteEndElement();
    }

    private static void Blocks(XmlWriter w, IReadOnlyList<OutlineBlock> blocks, string prefix, Dictionary<string, string> footnotes)
    {
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            var eId = $"{prefix}_{b + 1}";
            w.WriteStartElement("container", Namespace);
            w.WriteAttributeString("name", Slug(block.Phrase));
            w.WriteAttributeString("eId", eId);
            w.WriteStartElement("p", Namespace);
            w.WriteAttributeString("class", "heading");
            w.WriteString(block.Heading);
            w.WriteEndElement();
            if (block.Intro is not null)
            {
                foreach (var line in block.Intro.Split('\n'))
                {
                    Paragraph(w, line, [], footnotes);
                }
            }
            Items(w, block.Items, eId, footnotes);
            w.WriteEndElement();
        }
    }

    private static void Items(XmlWriter w, IReadOnlyList<OutlineItem> items, string parentId, Dictionary<string, string> footnotes)
    {
        if (items.Count == 0)
        {
            return;
        }
        w.WriteStartElement("blockList", Namespace);
        w.WriteAttributeString("eId", parentId + "__list_1");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var eId = $"{parentId}__item_{i + 1}";
            w.WriteStartElement("item", Namespace);
            w.WriteAttributeString("eId", eId);
            w.WriteElementString("num", Namespace, item.Label);
            Paragraph(w, item.Text, item.FootnoteRefs, footnotes);
            Items(w, item.Children, eId, footnotes);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Paragraph(XmlWriter w, string text, IReadOnlyList<string> footnoteRefs, Dictionary<string, string> footnotes)
    {
        w.WriteStartElement("p", Namespace);
        w.WriteString(text);
        foreach (var number in footnoteRefs)
        {
            if (!footnotes.TryGetValue(number, out var note))
            {
                continue;
            }
            w.WriteStartElement("authorialNote", Namespace);
            w.WriteAttributeString("marker", number);
            w.WriteAttributeString("eId", "fn_" + number);
            w.WriteElementString("p", Namespace, note);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static string Slug(string phrase)
    {
        var sb = new StringBuilder();
        foreach (var c in phrase.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c is ' ' or '-' or '\'' && sb.Length > 0 && sb[^1] != '_')
            {
                sb.Append('_');
            }
        }
        return sb.ToString().TrimEnd('_');
    }
}
