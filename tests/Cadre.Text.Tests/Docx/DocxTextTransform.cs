using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Cadre.Text.Tests.Docx;

/// <summary>Accepts or rejects all tracked changes of a document.xml the way Word does, and returns the text.</summary>
internal static class DocxTextTransform
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static XDocument DocumentXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var stream = zip.GetEntry("word/document.xml")!.Open();
        return XDocument.Load(stream);
    }

    public static string AcceptAll(byte[] docx) => Transform(DocumentXml(docx), accept: true);

    public static string RejectAll(byte[] docx) => Transform(DocumentXml(docx), accept: false);

    private static string Transform(XDocument doc, bool accept)
    {
        var (drop, keep) = accept ? (new[] { "del", "moveFrom" }, new[] { "ins", "moveTo" }) : (new[] { "ins", "moveTo" }, new[] { "del", "moveFrom" });
        var body = doc.Root!.Element(W + "body")!;
        var texts = new List<(string Text, bool MarkRemoved)>();
        foreach (var p in body.Elements(W + "p"))
        {
            var markChanges = p.Element(W + "pPr")?.Element(W + "rPr")?.Elements().Select(e => e.Name.LocalName).ToList() ?? [];
            var markRemoved = markChanges.Any(drop.Contains);
            var sb = new StringBuilder();
            foreach (var child in p.Elements())
            {
                var name = child.Name.LocalName;
                if (drop.Contains(name))
                {
                    continue;
                }
                if (name == "r" || keep.Contains(name))
                {
                    foreach (var r in name == "r" ? [child] : child.Elements(W + "r"))
                    {
                        foreach (var e in r.Elements())
                        {
                            sb.Append(e.Name.LocalName switch
                            {
                                "t" or "delText" => e.Value,
                                "tab" => "\t",
                                _ => "",
                            });
                        }
                    }
                }
            }
            texts.Add((sb.ToString(), markRemoved));
        }
        var result = new StringBuilder();
        for (var k = 0; k < texts.Count; k++)
        {
            result.Append(texts[k].Text);
            if (k < texts.Count - 1 && !texts[k].MarkRemoved)
            {
                result.Append('\n');
            }
        }
        return result.ToString();
    }
}
