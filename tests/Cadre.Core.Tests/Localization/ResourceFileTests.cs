using System.Xml.Linq;

namespace Cadre.Core.Tests.Localization;

/// <summary>Every interface string exists in English and French (issue 2, Languages).</summary>
public sealed class ResourceFileTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cadre.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cadre.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Resource files that hold data, not interface text, relative to src/.</summary>
    private static readonly HashSet<string> NotInterfaceText = new(StringComparer.Ordinal)
    {
        // The list of common passwords that sign-up refuses; the same in every language.
        "Cadre.Core/Identity/Resources/CommonPasswords.resx",
    };

    /// <summary>The neutral (English) resource files under src/: Name.resx, not Name.fr.resx.</summary>
    public static TheoryData<string> EnglishFiles()
    {
        var src = Path.Combine(RepoRoot(), "src");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.resx", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !Path.GetFileNameWithoutExtension(f).Contains('.', StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(src, file).Replace(Path.DirectorySeparatorChar, '/');
            if (!NotInterfaceText.Contains(relative)) data.Add(relative);
        }
        return data;
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    [Fact]
    public void There_are_resource_files_to_check() => Assert.NotEmpty(EnglishFiles());

    [Theory]
    [MemberData(nameof(EnglishFiles))]
    public void Every_key_has_a_non_empty_English_and_French_value(string relative)
    {
        var english = Path.Combine(RepoRoot(), "src", relative);
        var french = Path.ChangeExtension(english, null) + ".fr.resx";
        Assert.True(File.Exists(french), $"{relative} has no French file {Path.GetFileName(french)}");
        var en = Read(english);
        var fr = Read(french);
        var problems = new List<string>();
        problems.AddRange(en.Keys.Except(fr.Keys).Select(k => $"'{k}' is missing in French"));
        problems.AddRange(fr.Keys.Except(en.Keys).Select(k => $"'{k}' is in French only"));
        problems.AddRange(en.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"'{e.Key}' has an empty English value"));
        problems.AddRange(fr.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"'{e.Key}' has an empty French value"));
        // Format placeholders must match, or string.Format fails (or drops a value) in one language.
        foreach (var key in en.Keys.Intersect(fr.Keys))
        {
            var a = Placeholders(en[key]);
            var b = Placeholders(fr[key]);
            if (!a.SetEquals(b)) problems.Add($"'{key}' has placeholders {{{string.Join(",", a.Order())}}} in English but {{{string.Join(",", b.Order())}}} in French");
        }
        Assert.True(problems.Count == 0, relative + ":" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    private static HashSet<int> Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"(?<!\{)\{(\d+)(?:[,:][^}]*)?\}")
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
}
