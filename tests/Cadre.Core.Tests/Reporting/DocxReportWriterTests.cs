using System.Diagnostics;
using Cadre.Core.Reporting.Model;
using Cadre.Core.Reporting.Writers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Cadre.Core.Tests.Reporting;

public sealed class DocxReportWriterTests
{
    public static TheoryData<string> Languages() => new() { "en", "fr" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_structure_of_the_document_matches_the_golden_file(string language)
    {
        var outline = ReportFixtures.DocxOutline(DocxReportWriter.Write(ReportFixtures.Small(language)));
        ReportFixtures.AssertGolden($"small-{language}.outline.txt", outline);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_document_passes_the_Open_XML_validator_with_zero_errors(string language)
    {
        AssertValid(DocxReportWriter.Write(ReportFixtures.Small(language)));
    }

    [Fact]
    public void A_large_document_passes_the_Open_XML_validator_too()
    {
        AssertValid(DocxReportWriter.Write(ReportFixtures.Synthetic(60, 240)));
    }

    private static void AssertValid(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public void Headings_contents_header_rows_alt_text_and_language_are_real_Word_features()
    {
        var report = ReportFixtures.Small("fr");
        using var doc = WordprocessingDocument.Open(new MemoryStream(DocxReportWriter.Write(report)), false);
        var main = doc.MainDocumentPart!;
        var styles = main.StyleDefinitionsPart!.Styles!;
        foreach (var id in new[] { "Heading1", "Heading2", "Heading3" })
        {
            var style = styles.Elements<Style>().Single(s => s.StyleId == id);
            Assert.NotNull(style.StyleParagraphProperties!.OutlineLevel);
        }
        Assert.Equal("fr-FR", styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.GetFirstChild<Languages>()!.Val!.Value);
        var settings = main.DocumentSettingsPart!.Settings!;
        Assert.True(settings.GetFirstChild<UpdateFieldsOnOpen>()!.Val!.Value);
        Assert.Equal("fr-FR", settings.GetFirstChild<ThemeFontLanguages>()!.Val!.Value);

        var body = main.Document!.Body!;
        var field = string.Concat(body.Descendants<FieldCode>().Select(f => f.Text));
        Assert.Contains("TOC \\o \"1-3\" \\h", field, StringComparison.Ordinal);
        var tocEntries = body.Elements<Paragraph>().Count(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("TOC", StringComparison.Ordinal) == true
            && p.ParagraphProperties.ParagraphStyleId.Val.Value != "TOCHeading");
        Assert.Equal(report.Sections.Count, tocEntries);

        var tables = body.Elements<Table>().ToList();
        Assert.Equal(report.AllTables().Count(), tables.Count);
        Assert.All(tables, t =>
        {
            Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>());
            Assert.False(string.IsNullOrWhiteSpace(t.GetFirstChild<TableProperties>()!.GetFirstChild<TableCaption>()!.Val));
        });

        var pictures = body.Descendants<Dw.DocProperties>().ToList();
        var figures = report.Sections.SelectMany(s => s.Blocks).OfType<ReportFigure>().ToList();
        Assert.Equal(figures.Count, pictures.Count);
        Assert.Equal(figures.Select(f => f.AltText), pictures.Select(p => p.Description!.Value));
        Assert.Equal(figures.Count, main.ImageParts.Count());
        Assert.Contains(body.Elements<Paragraph>(), p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Gap" && p.InnerText.Contains("Texte manquant", StringComparison.Ordinal));
    }

    internal const string Soffice = "/usr/bin/soffice";

    [Fact]
    public async Task LibreOffice_converts_the_document_to_PDF_and_keeps_its_text()
    {
        if (!File.Exists(Soffice))
        {
            Assert.Skip("LibreOffice is not installed (./test.sh installs Debian's package).");
        }
        var folder = Directory.CreateTempSubdirectory("cadre-report-lo-");
        try
        {
            var input = Path.Combine(folder.FullName, "report.docx");
            await File.WriteAllBytesAsync(input, DocxReportWriter.Write(ReportFixtures.Small("fr")), TestContext.Current.CancellationToken);
            var output = Path.Combine(folder.FullName, "out");
            await ConvertAsync(folder.FullName, input, output, "pdf");
            var pdf = await File.ReadAllBytesAsync(Path.Combine(output, "report.pdf"), TestContext.Current.CancellationToken);
            Assert.Equal("%PDF"u8.ToArray(), pdf.Take(4));
            Assert.True(pdf.Length > 5000, $"The PDF is only {pdf.Length} bytes.");

            // The PDF's text is compressed; the same conversion to plain text shows what LibreOffice read.
            await ConvertAsync(folder.FullName, input, output, "txt:Text (encoded):UTF8");
            var text = await File.ReadAllTextAsync(Path.Combine(output, "report.txt"), TestContext.Current.CancellationToken);
            Assert.Contains("Rapport annuel sur la mise en œuvre", text, StringComparison.Ordinal);
            Assert.Contains("Connectivité universelle", text, StringComparison.Ordinal);
            Assert.Contains("Texte manquant", text, StringComparison.Ordinal);
            Assert.Contains("Population couverte par un réseau mobile à large bande", text, StringComparison.Ordinal);
            Assert.Contains("En bonne voie", text, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    internal static async Task ConvertAsync(string folder, string input, string output, string format)
    {
        var start = new ProcessStartInfo(Soffice)
        {
            ArgumentList =
            {
                "--headless", $"-env:UserInstallation=file://{folder}/profile",
                "--convert-to", format, "--outdir", output, input,
            },
        };
        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        Assert.Equal(0, process.ExitCode);
    }
}
