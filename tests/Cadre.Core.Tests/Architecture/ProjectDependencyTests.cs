using System.Xml.Linq;
using Cadre.Core.Data;

namespace Cadre.Core.Tests.Architecture;

/// <summary>The dependency rules of ARCHITECTURE.md, read from the project files.</summary>
public sealed class ProjectDependencyTests
{
    /// <summary>Every project under src/ and bench/, and the projects it may reference. A new project must be added here.</summary>
    private static readonly Dictionary<string, string[]> AllowedReferences = new()
    {
        ["Cadre.Text"] = [],
        ["Cadre.Core"] = ["Cadre.Text"],
        ["Cadre.Migrations.Sqlite"] = ["Cadre.Core"],
        ["Cadre.Migrations.Postgres"] = ["Cadre.Core"],
        // Web and Cli reference the migration assemblies so that they are deployed with them.
        ["Cadre.Web"] = ["Cadre.Core", "Cadre.Migrations.Sqlite", "Cadre.Migrations.Postgres"],
        ["Cadre.Cli"] = ["Cadre.Core", "Cadre.Migrations.Sqlite", "Cadre.Migrations.Postgres"],
        ["Cadre.Benchmarks"] = ["Cadre.Core", "Cadre.Text", "Cadre.Web", "Cadre.Migrations.Sqlite", "Cadre.Migrations.Postgres"],
    };

    private sealed record ProjectFile(string Name, string Path, string Sdk, IReadOnlyList<string> References, IReadOnlyList<string> Packages, IReadOnlyList<string> Frameworks);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Cadre.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cadre.slnx not found above " + AppContext.BaseDirectory);
    }

    private static IReadOnlyList<ProjectFile> Projects(params string[] folders)
    {
        var root = RepoRoot();
        return folders.Select(f => System.IO.Path.Combine(root, f)).Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*.csproj", SearchOption.AllDirectories))
            .Where(p => !p.Split(System.IO.Path.DirectorySeparatorChar).Any(part => part is "TestSupport" or "bin" or "obj"))
            .Select(p =>
            {
                var xml = XDocument.Load(p);
                var items = xml.Descendants().ToList();
                return new ProjectFile(
                    System.IO.Path.GetFileNameWithoutExtension(p), p, (string?)xml.Root!.Attribute("Sdk") ?? "",
                    items.Where(e => e.Name.LocalName == "ProjectReference").Select(e => System.IO.Path.GetFileNameWithoutExtension(((string)e.Attribute("Include")!).Replace('\\', '/'))).ToList(),
                    items.Where(e => e.Name.LocalName == "PackageReference").Select(e => (string)e.Attribute("Include")!).ToList(),
                    items.Where(e => e.Name.LocalName == "FrameworkReference").Select(e => (string)e.Attribute("Include")!).ToList());
            })
            .ToList();
    }

    [Fact]
    public void Every_project_references_only_what_the_architecture_allows()
    {
        var problems = new List<string>();
        foreach (var p in Projects("src", "bench"))
        {
            if (!AllowedReferences.TryGetValue(p.Name, out var allowed))
            {
                problems.Add($"{p.Name} is not in the architecture's table (ARCHITECTURE.md, Projects and dependencies): add it with what it may reference.");
                continue;
            }
            problems.AddRange(p.References.Where(r => !allowed.Contains(r)).Select(r => $"{p.Name} must not reference {r}"));
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Nothing_but_tests_and_benchmarks_depends_on_the_web_host()
    {
        var offenders = Projects("src").Where(p => p.References.Contains("Cadre.Web")).Select(p => p.Name).ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Text_has_no_EF_Core_or_ASP_NET_Core_package()
    {
        var text = Projects("src").Single(p => p.Name == "Cadre.Text");
        Assert.Equal("Microsoft.NET.Sdk", text.Sdk);
        Assert.Empty(text.Frameworks);
        Assert.DoesNotContain(text.Packages, p =>
            p.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.OrdinalIgnoreCase)
            || p.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase)
            || p.StartsWith("Npgsql", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(typeof(Cadre.Text.Diff.WordDiff).Assembly.GetReferencedAssemblies(), a =>
            a.Name!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || a.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Core_does_not_use_the_ASP_NET_Core_shared_framework()
    {
        var core = Projects("src").Single(p => p.Name == "Cadre.Core");
        Assert.Equal("Microsoft.NET.Sdk", core.Sdk);
        Assert.DoesNotContain("Microsoft.AspNetCore.App", core.Frameworks);
        // Identity's and data protection's EF stores come as packages; the web stack (HTTP, MVC, routing) must not.
        var web = typeof(CadreDbContext).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Microsoft.AspNetCore.Http", StringComparison.Ordinal) || n.StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal) || n.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal)
                || n == "Microsoft.AspNetCore")
            .ToList();
        Assert.Empty(web);
    }

    [Fact]
    public void Migration_projects_hold_one_provider_each()
    {
        var sqlite = Directory.EnumerateFiles(System.IO.Path.Combine(RepoRoot(), "src", "Cadre.Migrations.Sqlite"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));
        Assert.DoesNotContain(sqlite, f => File.ReadAllText(f).Contains("Npgsql", StringComparison.Ordinal));
        var postgres = Directory.EnumerateFiles(System.IO.Path.Combine(RepoRoot(), "src", "Cadre.Migrations.Postgres"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));
        Assert.DoesNotContain(postgres, f => File.ReadAllText(f).Contains("Sqlite", StringComparison.Ordinal) && !f.EndsWith("DesignTimeFactory.cs", StringComparison.Ordinal));
    }
}
