using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests.Api;

/// <summary>
/// The OpenAPI document is committed (docs/openapi/v1.json) so that every change to the API's
/// surface shows up in review. This test fails when the served document differs from it.
/// </summary>
public sealed class OpenApiDocumentTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    public const string UpdateVariable = "CADRE_UPDATE_OPENAPI";

    [Fact]
    public async Task The_served_OpenAPI_document_matches_the_committed_one()
    {
        var served = Normalize(await App.AnonymousClient().GetStringAsync("/openapi/v1.json", Ct));
        var path = Path.Combine(RepoRoot(), "docs", "openapi", "v1.json");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, served, Ct);
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing. Run the Web tests with {UpdateVariable}=1 to write it, and commit it.");
        var committed = (await File.ReadAllTextAsync(path, Ct)).ReplaceLineEndings("\n");
        if (committed != served)
        {
            Assert.Fail($"The API's OpenAPI document differs from {path}." + Environment.NewLine
                + $"If the change is intended, regenerate it with {UpdateVariable}=1 (e.g. `{UpdateVariable}=1 ./test.sh web-sqlite`) and commit it." + Environment.NewLine
                + Diff(committed, served));
        }
    }

    [Fact]
    public async Task Every_API_operation_has_a_name_a_summary_and_a_tag()
    {
        var document = JsonNode.Parse(await App.AnonymousClient().GetStringAsync("/openapi/v1.json", Ct))!;
        var paths = document["paths"]!.AsObject();
        Assert.NotEmpty(paths);
        foreach (var (path, item) in paths)
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "delete"))
            {
                Assert.False(string.IsNullOrEmpty((string?)operation!["operationId"]), $"{method} {path} has no operationId");
                Assert.False(string.IsNullOrEmpty((string?)operation["summary"]), $"{method} {path} has no summary");
                Assert.NotEmpty(operation["tags"]!.AsArray());
            }
        }
    }

    /// <summary>Indented, with the server address (it depends on where the app runs) removed, and LF line ends.</summary>
    private static string Normalize(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("servers");
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>A unified-style diff of the changed regions, small enough to read in a test failure.</summary>
    private static string Diff(string expected, string actual, int context = 3, int maxLines = 120)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        // Longest common subsequence on lines (documents are a few thousand lines).
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var lines = new List<(char Op, int Line, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { lines.Add((' ', x + 1, a[x])); x++; y++; }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) { lines.Add(('+', y + 1, b[y])); y++; }
            else { lines.Add(('-', x + 1, a[x])); x++; }
        }
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Op == ' ') continue;
            for (var k = Math.Max(0, i - context); k <= Math.Min(lines.Count - 1, i + context); k++) keep[k] = true;
        }
        var sb = new StringBuilder("--- committed\n+++ served\n");
        var written = 0;
        for (var i = 0; i < lines.Count && written < maxLines; i++)
        {
            if (!keep[i]) continue;
            if (i > 0 && !keep[i - 1]) sb.Append("@@ line ").Append(lines[i].Line).Append(" @@\n");
            sb.Append(lines[i].Op).Append(' ').Append(lines[i].Text).Append('\n');
            written++;
        }
        if (written >= maxLines) sb.Append("... (more differences)\n");
        return sb.ToString();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cadre.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cadre.slnx not found above " + AppContext.BaseDirectory);
    }
}
