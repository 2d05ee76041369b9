using System.Xml.Linq;
using Cadre.Text.Diff;
using Cadre.Text.Docx;
using CsCheck;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Cadre.Text.Tests.Docx;

public class DocxRedlineWriterTests
{
    private static readonly DocxRedlineOptions Options = new()
    {
        Author = "Fédération de Russie",
        Date = new DateTime(2022, 3, 1, 9, 0, 0, DateTimeKind.Utc),
        Language = "fr-FR",
        Title = "Résolution 71",
        HeadingLevel = (index, _) => index == 0 ? 1 : null,
    };

    private static byte[] Redline(string a, string b) => DocxRedlineWriter.Write(WordDiff.Compare(a, b), Options);

    [Fact]
    public void Accepting_all_changes_gives_the_new_text_and_rejecting_all_gives_the_base()
    {
        var docx = Redline(Samples.Dubai, Samples.Bucharest);
        Assert.Equal(Samples.Bucharest, DocxTextTransform.AcceptAll(docx));
        Assert.Equal(Samples.Dubai, DocxTextTransform.RejectAll(docx));
    }

    [Fact]
    public void Accept_all_and_reject_all_hold_for_random_texts_and_edits() =>
        TextGen.BaseAndProposal
            .Select(t => (Base: Normalize(t.Base), Proposal: Normalize(t.Proposal)))
            .Sample(t =>
            {
                var docx = Redline(t.Base, t.Proposal);
                Assert.Equal(t.Proposal, DocxTextTransform.AcceptAll(docx));
                Assert.Equal(t.Base, DocxTextTransform.RejectAll(docx));
            }, iter: 300);

    // A document holds paragraphs, not line-break characters, and no unpaired surrogates.
    private static string Normalize(string s) => s.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\uD800", "x");

    [Fact]
    public void The_document_has_no_errors_for_the_Open_XML_validator()
    {
        var docx = Redline(Samples.Dubai, Samples.Bucharest);
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var errors = new OpenXmlValidator().Validate(doc, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void Changes_carry_the_author_and_date_and_moves_have_range_markers()
    {
        var xml = DocxTextTransform.DocumentXml(Redline(Samples.Dubai, Samples.Bucharest));
        XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        var changes = xml.Descendants().Where(e => e.Name == w + "ins" || e.Name == w + "del").ToList();
        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.Equal("Fédération de Russie", (string?)c.Attribute(w + "author")));
        Assert.All(changes, c => Assert.StartsWith("2022-03-01T09:00:00", (string?)c.Attribute(w + "date")));
        Assert.Contains(xml.Descendants(w + "delText"), e => e.Value == "2020-2023");
        Assert.Single(xml.Descendants(w + "moveFromRangeStart"));
        Assert.Single(xml.Descendants(w + "moveToRangeStart"));
        Assert.Single(xml.Descendants(w + "moveFromRangeEnd"));
        Assert.Equal("Heading1", (string?)xml.Descendants(w + "pStyle").First().Attribute(w + "val"));
    }

    [Fact]
    public void The_document_language_is_set()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Redline("a", "b")), false);
        var lang = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Languages>().Single();
        Assert.Equal("fr-FR", lang.Val?.Value);
    }

    [Fact]
    public void The_document_xml_matches_the_golden_file()
    {
        var xml = DocxTextTransform.DocumentXml(Redline(Samples.Dubai, Samples.Bucharest)).ToString();
        RepoPaths.AssertGolden("redline-document.xml", xml + "\n");
    }

    [Fact]
    public void Control_characters_are_refused_with_a_clear_error() =>
        Assert.Throws<ArgumentException>(() => Redline("a", "a\u0001"));
}
