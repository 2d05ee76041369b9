using Cadre.Core.Data;
using Cadre.Core.Demo;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cadre.Cli.Tests.Planning;

/// <summary>The demo plans (vocabulary hierarchies, links between plans) survive export, import into a fresh database, and export.</summary>
public sealed class DemoRoundTripTests : IAsyncLifetime
{
    private readonly TempDatabase _source = new();
    private readonly TempDatabase _target = new();

    public async ValueTask InitializeAsync()
    {
        await _source.MigrateAsync();
        await _target.MigrateAsync();
        await _source.WithScopeAsync(s => DemoData.LoadAsync(s.GetRequiredService<CadreDbContext>()));
    }

    public async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync();
        await _target.DisposeAsync();
    }

    [Fact]
    public async Task Every_demo_plan_exports_identically_after_import_into_a_fresh_database()
    {
        var list = System.Text.Json.Nodes.JsonNode.Parse((await _source.RunAsync("planning", "list", "--json")).Out)!.AsArray();
        var codes = list.Select(p => (string)p!["code"]!).ToList();
        Assert.NotEmpty(codes);
        var exports = new Dictionary<string, string>();
        foreach (var code in codes) exports[code] = (await _source.RunAsync("planning", "export", "--plan", code)).Out;

        // Plans that link to other plans need those imported first: retry until nothing more goes in.
        var pending = codes.ToList();
        while (pending.Count > 0)
        {
            var done = new List<string>();
            foreach (var code in pending)
            {
                if ((await _target.RunWithInputAsync(exports[code], "planning", "import", "-")).ExitCode == 0) done.Add(code);
            }
            Assert.True(done.Count > 0, "could not import: " + string.Join(", ", pending));
            pending.RemoveAll(done.Contains);
        }

        foreach (var code in codes)
        {
            Assert.Equal(exports[code], (await _target.RunAsync("planning", "export", "--plan", code)).Out);
        }
    }
}
