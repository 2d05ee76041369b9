namespace Cadre.Text.Tests;

internal static class RepoPaths
{
    /// <summary>The folder holding Cadre.slnx, found by walking up from the test's base directory.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Cadre.slnx")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("Cadre.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Golden(string name) => Path.Combine(Root, "tests", "Cadre.Text.Tests", "Golden", name);

    /// <summary>Compares with a golden file; set CADRE_UPDATE_GOLDEN=1 to rewrite it.</summary>
    public static void AssertGolden(string name, string actual)
    {
        var path = Golden(name);
        if (Environment.GetEnvironmentVariable("CADRE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }
        Assert.True(File.Exists(path), $"Golden file {path} is missing; run the tests with CADRE_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
