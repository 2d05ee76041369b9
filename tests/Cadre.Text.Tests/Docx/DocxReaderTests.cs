using System.IO.Compression;
using System.Text;
using Cadre.Text.Diff;
using Cadre.Text.Docx;
using CsCheck;

namespace Cadre.Text.Tests.Docx;

public class DocxReaderTests
{
    private static readonly DocxRedlineOptions Options = new() { Author = "France", Date = new DateTime(2022, 3, 1, 0, 0, 0, DateTimeKind.Utc), Language = "fr-FR" };

    [Fact]
    public void A_redline_reads_back_as_its_base_text_and_its_proposal()
    {
        var docx = DocxRedlineWriter.Write(WordDiff.Compare(Samples.Dubai, Samples.Bucharest), Options);
        var content = DocxReader.Read(docx);
        Assert.Equal(Samples.Dubai, content.BaseText);
        Assert.Equal(Samples.Bucharest, content.ProposedText);
        Assert.Equal(["France"], content.Authors);
        Assert.True(content.HasTrackedChanges);
    }

    [Fact]
    public void Random_redlines_read_back_exactly() =>
        TextGen.BaseAndProposal
            .Select(t => (Base: Clean(t.Base), Proposal: Clean(t.Proposal)))
            .Sample(t =>
            {
                var content = DocxReader.Read(DocxRedlineWriter.Write(WordDiff.Compare(t.Base, t.Proposal), Options));
                Assert.Equal(t.Base, content.BaseText);
                Assert.Equal(t.Proposal, content.ProposedText);
            }, iter: 200);

    private static string Clean(string s) => s.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\uD800", "x");

    [Fact]
    public void An_oversized_file_is_refused_before_reading_it()
    {
        var docx = DocxRedlineWriter.Write(WordDiff.Compare("a", "b"), Options);
        var e = Assert.Throws<DocxReadException>(() => DocxReader.Read(docx, new DocxReadOptions { MaxFileBytes = 100 }));
        Assert.Equal(DocxReadError.TooLarge, e.Error);
    }

    [Fact]
    public void A_document_that_unpacks_far_beyond_its_size_is_refused()
    {
        var bomb = Zip(("word/document.xml", new string(' ', 30_000_000)));
        Assert.True(bomb.Length < 200_000);
        var e = Assert.Throws<DocxReadException>(() => DocxReader.Read(bomb, new DocxReadOptions { MaxUnpackedBytes = 10_000_000 }));
        Assert.Equal(DocxReadError.UnpacksTooLarge, e.Error);
    }

    [Fact]
    public void A_document_with_too_many_entries_is_refused()
    {
        var zip = Zip(Enumerable.Range(0, 50).Select(i => ($"x/{i}.xml", "<a/>")).ToArray());
        Assert.Equal(DocxReadError.TooManyEntries, Assert.Throws<DocxReadException>(() => DocxReader.Read(zip, new DocxReadOptions { MaxEntries = 20 })).Error);
    }

    [Fact]
    public void An_encrypted_document_gives_a_clear_error()
    {
        var ole = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 };
        Assert.Equal(DocxReadError.Encrypted, Assert.Throws<DocxReadException>(() => DocxReader.Read(ole)).Error);
    }

    [Fact]
    public void Random_bytes_and_damaged_archives_give_a_clear_error() =>
        Gen.Byte.Array[0, 400].Sample(bytes =>
        {
            var withHeader = bytes.Length > 2 ? [(byte)'P', (byte)'K', .. bytes[2..]] : bytes;
            var e = Assert.Throws<DocxReadException>(() => DocxReader.Read(withHeader));
            Assert.True(e.Error is DocxReadError.Corrupt or DocxReadError.NotADocx or DocxReadError.Encrypted);
        }, iter: 300);

    [Fact]
    public void A_truncated_document_gives_a_clear_error()
    {
        var docx = DocxRedlineWriter.Write(WordDiff.Compare(Samples.Dubai, Samples.Bucharest), Options);
        var e = Assert.Throws<DocxReadException>(() => DocxReader.Read(docx[..(docx.Length / 2)]));
        Assert.Equal(DocxReadError.Corrupt, e.Error);
    }

    [Fact]
    public void A_document_with_a_DTD_is_refused()
    {
        var docx = DocxRedlineWriter.Write(WordDiff.Compare("a", "b"), Options);
        var patched = Replace(docx, "word/document.xml", xml => xml.Replace("<w:document", "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document", StringComparison.Ordinal));
        Assert.Equal(DocxReadError.Corrupt, Assert.Throws<DocxReadException>(() => DocxReader.Read(patched)).Error);
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
