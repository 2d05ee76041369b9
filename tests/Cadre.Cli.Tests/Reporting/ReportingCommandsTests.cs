using Cadre.Core.Data;
using Cadre.Core.Demo;
using Cadre.TestSupport;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cadre.Cli.Tests.Reporting;

public sealed class ReportingCommandsTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private const string Plan = "ITU-SP-2024-2027";

    public async ValueTask InitializeAsync()
    {
        await _db.MigrateAsync();
        await _db.WithScopeAsync(s => DemoData.LoadAsync(s.GetRequiredService<CadreDbContext>()));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task The_annual_report_as_Word_is_written_from_the_demo_database_and_passes_the_Open_XML_validator(string language)
    {
        var file = _db.File($"report-{language}.docx");
        var result = await _db.RunAsync("report", "annual", "--plan", Plan, "--year", "2025", "--format", "docx", "--language", language, "-o", file);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("[3/3]", result.Error, StringComparison.Ordinal); // progress, one line per step
        using var doc = WordprocessingDocument.Open(file, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
        Assert.NotEmpty(doc.MainDocumentPart!.ImageParts);
        var text = doc.MainDocumentPart.Document!.Body!.InnerText;
        Assert.Contains(language == "fr" ? "Rapport annuel" : "Annual report", text, StringComparison.Ordinal);
        Assert.DoesNotContain(language == "fr" ? "Texte manquant" : "Narrative missing", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_HTML_report_and_the_workbook_are_written_and_no_cell_holds_a_formula()
    {
        var html = _db.File("report.html");
        var r1 = await _db.RunAsync("report", "annual", "--plan", Plan, "--year", "2025", "--format", "html", "-o", html);
        Assert.True(r1.ExitCode == 0, r1.ToString());
        var page = await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"en-GB\"", page, StringComparison.Ordinal);
        Assert.Contains("data:image/svg+xml;base64,", page, StringComparison.Ordinal);

        var xlsx = _db.File("report.xlsx");
        var r2 = await _db.RunAsync("report", "annual", "--plan", Plan, "--year", "2025", "--format", "xlsx", "--language", "fr", "-o", xlsx);
        Assert.True(r2.ExitCode == 0, r2.ToString());
        using var book = SpreadsheetDocument.Open(xlsx, false);
        Assert.True(book.WorkbookPart!.WorksheetParts.Count() > 10);
        Assert.Empty(book.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>()));

        var csv = _db.File("csv");
        var r3 = await _db.RunAsync("report", "annual", "--plan", Plan, "--year", "2025", "--format", "csv", "-o", csv);
        Assert.True(r3.ExitCode == 0, r3.ToString());
        var files = Directory.GetFiles(csv, "*.csv");
        Assert.True(files.Length > 10);
        Assert.All(files, f => Assert.DoesNotContain(File.ReadAllLines(f).SelectMany(l => l.Split(',')), c => c.Length > 0 && "=+@".Contains(c[0], StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_evaluation_is_written_for_the_whole_period()
    {
        var file = _db.File("evaluation.docx");
        var result = await _db.RunAsync("report", "evaluation", "--plan", Plan, "--format", "docx", "-o", file);
        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = WordprocessingDocument.Open(file, false);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Evaluation of the results", text, StringComparison.Ordinal);
        Assert.Contains("2024-2027", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_exits_non_zero_with_a_clear_message()
    {
        var outside = await _db.RunAsync("report", "annual", "--plan", Plan, "--year", "2031", "--format", "docx", "-o", _db.File("x.docx"));
        Assert.Equal(1, outside.ExitCode);
        Assert.Contains("2031", outside.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_db.File("x.docx")));
        var noIndicators = await _db.RunAsync("report", "annual", "--plan", "ITU-D-2020-2023", "--year", "2021", "--format", "html", "-o", _db.File("y.html"));
        Assert.Equal(1, noIndicators.ExitCode);
        Assert.Contains("ITU-D-2020-2023", noIndicators.Error, StringComparison.Ordinal);
        var unknown = await _db.RunAsync("export", "iati", "--plan", "NOPE", "-o", _db.File("iati-nope"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("NOPE", unknown.Error, StringComparison.Ordinal);
        var format = await _db.RunAsync("report", "annual", "--plan", Plan, "--year", "2025", "--format", "pdf", "-o", _db.File("z.pdf"));
        Assert.NotEqual(0, format.ExitCode);
    }

    [Fact]
    public async Task The_IATI_export_writes_two_files_valid_against_the_official_schemas()
    {
        var dir = _db.File("iati");
        var result = await _db.RunAsync("export", "iati", "--plan", Plan, "-o", dir);
        Assert.True(result.ExitCode == 0, result.ToString());
        var org = Validate(Path.Combine(dir, Plan + "-organisation.xml"), "iati-organisations-schema.xsd");
        Assert.True(org.Count == 0, string.Join("\n", org));
        var activities = Validate(Path.Combine(dir, Plan + "-activities.xml"), "iati-activities-schema.xsd");
        Assert.True(activities.Count == 0, string.Join("\n", activities));
    }

    /// <summary>Validates with the shared validator (tests/TestSupport/IatiSchemas.cs).</summary>
    private static List<string> Validate(string file, string schemaFile) => IatiSchemas.Validate(File.ReadAllBytes(file), schemaFile);
}
