using System.Diagnostics;
using Cadre.Text.Diff;
using Cadre.Text.Docx;

namespace Cadre.Text.Tests.Docx;

/// <summary>Opens the redline with LibreOffice headless (Debian's package) and checks that it survives a round trip.</summary>
public class LibreOfficeTests
{
    private const string Soffice = "/usr/bin/soffice";

    [Fact]
    public async Task LibreOffice_keeps_every_tracked_change_when_it_converts_the_redline()
    {
        if (!File.Exists(Soffice))
        {
            Assert.Skip("LibreOffice is not installed (./test.sh installs Debian's package).");
        }
        var folder = Directory.CreateTempSubdirectory("cadre-lo-");
        try
        {
            var input = Path.Combine(folder.FullName, "redline.docx");
            var options = new DocxRedlineOptions { Author = "Fédération de Russie", Date = new DateTime(2022, 3, 1, 0, 0, 0, DateTimeKind.Utc), Language = "fr-FR" };
            await File.WriteAllBytesAsync(input, DocxRedlineWriter.Write(WordDiff.Compare(Samples.Dubai, Samples.Bucharest), options), TestContext.Current.CancellationToken);
            var output = Path.Combine(folder.FullName, "out");
            var start = new ProcessStartInfo(Soffice)
            {
                ArgumentList =
                {
                    "--headless", $"-env:UserInstallation=file://{folder.FullName}/profile",
                    "--convert-to", "docx", "--outdir", output, input,
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

            var converted = DocxReader.Read(await File.ReadAllBytesAsync(Path.Combine(output, "redline.docx"), TestContext.Current.CancellationToken));
            Assert.Equal(Samples.Dubai, converted.BaseText);
            Assert.Equal(Samples.Bucharest, converted.ProposedText);
            Assert.Contains("Fédération de Russie", converted.Authors);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
