using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Cadre.Text.AkomaNtoso;
using Cadre.Text.Diff;
using Cadre.Text.Structure;

namespace Cadre.Text.Tests.AkomaNtoso;

public class AkomaNtosoWriterTests
{
    private static readonly AknMetadata Metadata = new("/akn/int/statement/resolution/itu-pp/2022/71", "fra", new DateOnly(2022, 10, 14), "itu-pp");

    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var folder = Path.Combine(RepoPaths.Shared, "schemas", "akoma-ntoso-3.0");
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using (var xml = XmlReader.Create(Path.Combine(folder, "xml.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }))
        {
            set.Add(null, xml);
        }
        using (var akn = XmlReader.Create(Path.Combine(folder, "akomantoso30.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }))
        {
            set.Add(AkomaNtosoWriter.Namespace, akn);
        }
        set.Compile();
        return set;
    });

    private static List<string> Validate(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }
        return errors;
    }

    private static ResolutionOutline Seed000() =>
        ResolutionParser.Parse(File.ReadAllText(Path.Combine(RepoPaths.Shared, "seeds", "000_f9b432203e8af9a4.txt")));

    [Fact]
    public void The_outline_of_seed_000_is_valid_Akoma_Ntoso()
    {
        var xml = AkomaNtosoWriter.Write(Seed000(), Metadata);
        Assert.Empty(Validate(xml));
    }

    [Fact]
    public void The_outline_keeps_blocks_items_and_footnotes()
    {
        XNamespace akn = AkomaNtosoWriter.Namespace;
        var doc = XDocument.Parse(AkomaNtosoWriter.Write(Seed000(), Metadata));
        Assert.Equal(4, doc.Descendants(akn + "preamble").Single().Elements(akn + "container").Count());
        Assert.Equal(5, doc.Descendants(akn + "mainBody").Single().Elements(akn + "container").Count());
        Assert.Equal(2, doc.Descendants(akn + "authorialNote").Count());
        Assert.Equal("Plan stratégique de l'Union pour la période 2020-20232024-2027", doc.Descendants(akn + "docTitle").Single().Value);
    }

    [Fact]
    public void A_redline_is_valid_Akoma_Ntoso_with_ins_and_del()
    {
        var xml = AkomaNtosoWriter.WriteRedline(WordDiff.Compare(Samples.Dubai, Samples.Bucharest), Metadata);
        Assert.Empty(Validate(xml));
        XNamespace akn = AkomaNtosoWriter.Namespace;
        var doc = XDocument.Parse(xml);
        Assert.Contains(doc.Descendants(akn + "del"), e => e.Value == "2020-2023");
        Assert.Contains(doc.Descendants(akn + "ins"), e => e.Value == "2024-2027");
        Assert.Contains(doc.Descendants(akn + "ins"), e => (string?)e.Attribute("class") == "move");
    }

    [Fact]
    public void The_outline_XML_matches_the_golden_file() =>
        RepoPaths.AssertGolden("resolution-71.akn.xml", AkomaNtosoWriter.Write(Seed000(), Metadata));

    [Fact]
    public void The_texts_of_a_redline_are_exactly_the_base_and_the_proposal()
    {
        XNamespace akn = AkomaNtosoWriter.Namespace;
        var doc = XDocument.Parse(AkomaNtosoWriter.WriteRedline(WordDiff.Compare(Samples.Dubai, Samples.Bucharest), Metadata), LoadOptions.PreserveWhitespace);
        var paragraphs = doc.Descendants(akn + "mainBody").Single().Elements(akn + "p").ToList();
        string Side(string drop, string brokenBreak) => string.Concat(paragraphs.Select((p, i) =>
            string.Concat(p.Nodes().Select(n => n is XText t ? t.Value : n is XElement e && e.Name.LocalName != drop ? e.Value : ""))
            + (i < paragraphs.Count - 1 && (string?)p.Attribute("class") != brokenBreak ? "\n" : "")));
        Assert.Equal(Samples.Bucharest, Side("del", "break-deleted"));
        Assert.Equal(Samples.Dubai, Side("ins", "break-inserted"));
    }
}
