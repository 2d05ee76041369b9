using System.IO.Compression;
using System.Text;
using Cadre.Text.Diff;
using Cadre.Text.Docx;
using CsCheck;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Cadre.Text.Tests.Docx;

public class TrackedChangesReaderTests
{
    private static readonly DateTime Date = new(2022, 3, 1, 9, 30, 0, DateTimeKind.Utc);
    private static readonly DocxRedlineOptions Options = new() { Author = "France", Date = Date, Language = "fr-FR" };

    [Fact]
    public void The_products_own_redline_reads_back_as_exactly_the_base_and_the_proposal_with_author_and_date()
    {
        var script = WordDiff.Compare(Samples.Dubai, Samples.Bucharest);
        var document = TrackedChangesReader.Read(DocxRedlineWriter.Write(script, Options));

        Assert.Equal(Samples.Dubai, document.BaseText);
        Assert.Equal(Samples.Bucharest, document.ProposedText);
        Assert.Equal(["France"], document.Authors);
        Assert.All(document.Changes, c => Assert.Equal(Date, c.DateUtc));
        Assert.Equal(Date, document.FirstDateUtc);
        // Seed 000's marks: "2020-2023" deleted and "2024-2027" inserted, and the considering items moved.
        Assert.Contains(document.Changes, c => c.Kind == TrackedChangeKind.Deletion && c.Text.Contains("2020-2023", StringComparison.Ordinal));
        Assert.Contains(document.Changes, c => c.Kind == TrackedChangeKind.Insertion && c.Text.Contains("2024-2027", StringComparison.Ordinal));
        Assert.Contains(document.Changes, c => c.Kind == TrackedChangeKind.MoveFrom);
        Assert.Contains(document.Changes, c => c.Kind == TrackedChangeKind.MoveTo);
    }

    [Fact]
    public void Random_redlines_read_back_exactly_with_every_change_text_accounted_for() =>
        Gen.Select(Paragraphs, Paragraphs).Sample((a, b) =>
        {
            var baseText = string.Join('\n', a);
            var proposal = string.Join('\n', b);
            var document = TrackedChangesReader.Read(DocxRedlineWriter.Write(WordDiff.Compare(baseText, proposal), Options));
            Assert.Equal(baseText, document.BaseText);
            Assert.Equal(proposal, document.ProposedText);
            // Same as the plain reader, which shares the parsing.
            var plain = DocxReader.Read(DocxRedlineWriter.Write(WordDiff.Compare(baseText, proposal), Options));
            Assert.Equal(plain.BaseParagraphs, document.BaseParagraphs);
            Assert.Equal(plain.ProposedParagraphs, document.ProposedParagraphs);
            Assert.Equal(baseText != proposal, document.HasTrackedChanges);
        }, iter: 150);

    private static readonly string[] Words = ["décide", "considérant", "2020-2023", "2024-2027", "CWG-SFP 2/6", "de contrôler", "l'évolution", "du plan", "stratégique", "a)", "b)", "43", "21", "مرحبا", "战略计划"];

    private static readonly Gen<string[]> Paragraphs =
        Gen.Int[0, Words.Length - 1].Select(i => Words[i])
            .Array[1, 8].Select(words => string.Join(' ', words)).Array[1, 6];

    [Fact]
    public void A_document_built_by_hand_with_insertions_deletions_moves_and_paragraph_marks_reads_as_Word_would_accept_and_reject_it()
    {
        var docx = HandBuilt();
        var document = TrackedChangesReader.Read(docx);

        Assert.Equal(
            [
                "Strategic plan of the Union for 2020-2023",
                "resolves to adopt the plan",
                "instructs the Council",
                "to monitor the plan",
                "to report to the next conference",
                "old closing words ",
                "end",
            ],
            document.BaseParagraphs);
        Assert.Equal(
            [
                "Strategic plan of the Union for 2024-2027",
                "resolves ",
                "to adopt the plan and to review it",
                "instructs the Council",
                "to report to the next conference",
                "to monitor the plan",
                "old closing words end",
            ],
            document.ProposedParagraphs);
        Assert.Equal(["Alice", "Bob"], document.Authors);
        Assert.Equal(new DateTime(2022, 9, 26, 8, 0, 0, DateTimeKind.Utc), document.FirstDateUtc);
        Assert.Equal(new DateTime(2022, 9, 27, 12, 0, 0, DateTimeKind.Utc), document.LastDateUtc);
        var kinds = document.CountsByKind;
        Assert.Equal(1, kinds[TrackedChangeKind.Deletion]);
        Assert.Equal(2, kinds[TrackedChangeKind.Insertion]);
        Assert.Equal(1, kinds[TrackedChangeKind.MoveFrom]);
        Assert.Equal(1, kinds[TrackedChangeKind.MoveTo]);
        Assert.Equal(2, kinds[TrackedChangeKind.ParagraphDeleted]);
        Assert.Equal(2, kinds[TrackedChangeKind.ParagraphInserted]);
        Assert.Equal("2020-2023", Assert.Single(document.Changes, c => c.Kind == TrackedChangeKind.Deletion).Text);
        Assert.Equal("to monitor the plan", Assert.Single(document.Changes, c => c.Kind == TrackedChangeKind.MoveTo).Text);
        Assert.Equal("Bob", Assert.Single(document.Changes, c => c.Text == " and to review it").Author);
    }

    /// <summary>
    /// A document as Word writes it: a replaced period (w:del with w:delText, then w:ins), a paragraph split by an
    /// inserted mark, words added, a paragraph moved (w:moveFrom/w:moveTo with their marks), and two paragraphs
    /// joined by deleting a mark.
    /// </summary>
    private static byte[] HandBuilt()
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            const string alice = "Alice", bob = "Bob";
            var d1 = new DateTimeValue(new DateTime(2022, 9, 26, 8, 0, 0, DateTimeKind.Utc));
            var d2 = new DateTimeValue(new DateTime(2022, 9, 27, 12, 0, 0, DateTimeKind.Utc));
            var id = 1;
            string Next() => (id++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            static Run R(string text) => new(new WText(text) { Space = SpaceProcessingModeValues.Preserve });
            static Run Del(string text) => new(new DeletedText(text) { Space = SpaceProcessingModeValues.Preserve });
            static ParagraphProperties Mark(OpenXmlElement change) => new(new ParagraphMarkRunProperties(change));
            var body = new Body(
                new Paragraph(R("Strategic plan of the Union for "),
                    new DeletedRun(Del("2020-2023")) { Author = alice, Date = d1, Id = Next() },
                    new InsertedRun(R("2024-2027")) { Author = alice, Date = d1, Id = Next() }),
                new Paragraph(Mark(new Inserted { Author = bob, Date = d2, Id = Next() }), R("resolves ")),
                new Paragraph(R("to adopt the plan"), new InsertedRun(R(" and to review it")) { Author = bob, Date = d2, Id = Next() }),
                new Paragraph(R("instructs the Council")),
                new Paragraph(Mark(new MoveFrom { Author = alice, Date = d1, Id = Next() }),
                    new MoveFromRun(R("to monitor the plan")) { Author = alice, Date = d1, Id = Next() }),
                new Paragraph(R("to report to the next conference")),
                new Paragraph(Mark(new MoveTo { Author = alice, Date = d1, Id = Next() }),
                    new MoveToRun(R("to monitor the plan")) { Author = alice, Date = d1, Id = Next() }),
                new Paragraph(Mark(new Deleted { Author = alice, Date = d1, Id = Next() }), R("old closing words ")),
                new Paragraph(R("end")));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    [Fact]
    public void Bad_files_are_refused_with_the_same_errors_as_the_plain_reader()
    {
        var ole = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 };
        Assert.Equal(DocxReadError.Encrypted, Assert.Throws<DocxReadException>(() => TrackedChangesReader.Read(ole)).Error);
        Assert.Equal(DocxReadError.NotADocx, Assert.Throws<DocxReadException>(() => TrackedChangesReader.Read("plain text"u8.ToArray())).Error);

        var bomb = Zip(("word/document.xml", new string(' ', 30_000_000)));
        Assert.Equal(DocxReadError.UnpacksTooLarge, Assert.Throws<DocxReadException>(() => TrackedChangesReader.Read(bomb, new DocxReadOptions { MaxUnpackedBytes = 10_000_000 })).Error);

        var docx = DocxRedlineWriter.Write(WordDiff.Compare(Samples.Dubai, Samples.Bucharest), Options);
        Assert.Equal(DocxReadError.TooLarge, Assert.Throws<DocxReadException>(() => TrackedChangesReader.Read(docx, new DocxReadOptions { MaxFileBytes = 1_000 })).Error);
        Assert.Equal(DocxReadError.Corrupt, Assert.Throws<DocxReadException>(() => TrackedChangesReader.Read(docx[..(docx.Length / 2)])).Error);

        var dtd = Replace(docx, "word/document.xml", xml => xml.Replace("<w:document", "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document", StringComparison.Ordinal));
        Assert.Equal(DocxReadError.Corrupt, Assert.Throws<DocxReadException>(() => TrackedChangesReader.Read(dtd)).Error);

        Assert.Equal(DocxReadError.MacroEnabled, Assert.Throws<DocxReadException>(() => TrackedChangesReader.Read(MacroEnabled())).Error);
    }

    private static byte[] MacroEnabled()
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.MacroEnabledDocument))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new WText("x")))));
            main.Document.Save();
        }
        return ms.ToArray();
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), Encoding.UTF8);
                w.Write(content);
            }
        }
        return ms.ToArray();
    }

    private static byte[] Replace(byte[] docx, string entryName, Func<string, string> change)
    {
        using var ms = new MemoryStream();
        ms.Write(docx);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(entryName)!;
            string xml;
            using (var r = new StreamReader(entry.Open()))
            {
                xml = r.ReadToEnd();
            }
            entry.Delete();
            using var w = new StreamWriter(zip.CreateEntry(entryName).Open(), new UTF8Encoding(false));
            w.Write(change(xml));
        }
        return ms.ToArray();
    }
}
