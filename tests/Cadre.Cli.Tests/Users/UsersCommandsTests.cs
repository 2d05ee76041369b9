using System.Text.Json.Nodes;
using Cadre.Cli.Infrastructure;
using Cadre.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cadre.Cli.Tests.Users;

public sealed class UsersCommandsTests : IAsyncLifetime
{
    private const string GoodPassword = "correct horse battery staple";
    private readonly TempDatabase _db = new();

    public ValueTask InitializeAsync() => new(_db.MigrateAsync());

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task<CliResult> AddAsync(string? password, params string[] args) =>
        _db.RunWithInputAsync(password is null ? null : password + "\n", ["users", "add", .. args]);

    [Fact]
    public async Task Add_reads_the_password_from_stdin_and_creates_the_user_with_roles_created_if_missing()
    {
        var r = await AddAsync(GoodPassword, "--email", "ada@example.org", "--role", "planner", "--role", "Reporter", "--name", "Ada Lovelace");

        Assert.True(r.ExitCode == 0, r.ToString());
        await _db.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<CadreUser>>();
            var user = await users.FindByEmailAsync("ada@example.org");
            Assert.NotNull(user);
            Assert.Equal("Ada Lovelace", user.DisplayName);
            Assert.True(await users.CheckPasswordAsync(user, GoodPassword));
            Assert.Equal(["Planner", "Reporter"], (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal));
            return 0;
        });
    }

    [Fact]
    public async Task A_too_short_password_is_rejected_with_exit_1_and_no_user_is_created()
    {
        var r = await AddAsync("short", "--email", "ada@example.org", "--role", "Planner");

        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Contains("password:", r.Error, StringComparison.Ordinal);
        Assert.Equal(0, await _db.CountAsync("id_users"));
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("123456789012")]
    [InlineData("qwertyuiop123")]
    public async Task A_common_password_is_rejected_with_exit_1(string password)
    {
        var r = await AddAsync(password, "--email", "ada@example.org", "--role", "Planner");

        Assert.True(r.ExitCode == ExitCodes.Invalid, r.ToString());
        Assert.Contains("password:", r.Error, StringComparison.Ordinal);
        Assert.Equal(0, await _db.CountAsync("id_users"));
    }

    [Fact]
    public async Task Every_error_is_reported_at_once()
    {
        Assert.Equal(0, (await AddAsync(GoodPassword, "--email", "ada@example.org", "--role", "Planner")).ExitCode);

        var r = await AddAsync("short", "--email", "ada@example.org", "--role", "Delegate", "--member", "XXX");

        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Contains("password:", r.Error, StringComparison.Ordinal);
        Assert.Contains("email:", r.Error, StringComparison.Ordinal);
        Assert.Contains("member:", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_role_exits_with_2()
    {
        var r = await AddAsync(GoodPassword, "--email", "ada@example.org", "--role", "Emperor");

        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("Emperor", r.Error, StringComparison.Ordinal);
        Assert.Equal(0, await _db.CountAsync("id_users"));
    }

    [Fact]
    public async Task A_missing_password_on_stdin_exits_with_2()
    {
        var r = await AddAsync(null, "--email", "ada@example.org", "--role", "Planner");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
    }

    [Fact]
    public async Task A_Delegate_needs_a_Member()
    {
        var r = await AddAsync(GoodPassword, "--email", "del@example.org", "--role", "Delegate");

        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Contains("member:", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_printed_by_users_token_is_accepted_by_AccessTokens()
    {
        Assert.Equal(0, (await AddAsync(GoodPassword, "--email", "ada@example.org", "--role", "Planner")).ExitCode);

        var quiet = await _db.RunAsync("users", "token", "--email", "ada@example.org", "--name", "ci", "--quiet");
        var chatty = await _db.RunAsync("users", "token", "--email", "ada@example.org", "--name", "laptop", "--days", "30");

        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        var token = quiet.Out.TrimEnd('\n');
        Assert.DoesNotContain('\n', token);
        Assert.StartsWith(PersonalAccessToken.Prefix, token, StringComparison.Ordinal);
        var chattyToken = chatty.Out.Split('\n').Single(l => l.StartsWith(PersonalAccessToken.Prefix, StringComparison.Ordinal));
        foreach (var t in new[] { token, chattyToken })
        {
            var user = await _db.WithScopeAsync(s => s.GetRequiredService<AccessTokens>().VerifyAsync(t));
            Assert.Equal("ada@example.org", user?.Email);
        }
    }

    [Fact]
    public async Task A_revoked_token_and_a_disabled_users_token_are_refused()
    {
        Assert.Equal(0, (await AddAsync(GoodPassword, "--email", "ada@example.org", "--role", "Planner")).ExitCode);
        var first = (await _db.RunAsync("users", "token", "--email", "ada@example.org", "--name", "one", "-q")).Out.Trim();
        var second = (await _db.RunAsync("users", "token", "--email", "ada@example.org", "--name", "two", "-q")).Out.Trim();
        var tokens = JsonNode.Parse((await _db.RunAsync("users", "tokens", "--email", "ada@example.org", "--json")).Out)!.AsArray();
        var firstId = (int)tokens.Single(t => (string?)t!["name"] == "one")!["id"]!;

        Assert.Equal(0, (await _db.RunAsync("users", "revoke-token", "--email", "ada@example.org", "--id", firstId.ToString(System.Globalization.CultureInfo.InvariantCulture))).ExitCode);
        Assert.Null(await _db.WithScopeAsync(s => s.GetRequiredService<AccessTokens>().VerifyAsync(first)));
        Assert.NotNull(await _db.WithScopeAsync(s => s.GetRequiredService<AccessTokens>().VerifyAsync(second)));

        Assert.Equal(0, (await _db.RunAsync("users", "disable", "--email", "ada@example.org")).ExitCode);
        Assert.Null(await _db.WithScopeAsync(s => s.GetRequiredService<AccessTokens>().VerifyAsync(second)));
        Assert.Equal(ExitCodes.Invalid, (await _db.RunAsync("users", "token", "--email", "ada@example.org", "--name", "three")).ExitCode);

        Assert.Equal(0, (await _db.RunAsync("users", "enable", "--email", "ada@example.org")).ExitCode);
        Assert.NotNull(await _db.WithScopeAsync(s => s.GetRequiredService<AccessTokens>().VerifyAsync(second)));
    }

    [Fact]
    public async Task Unknown_users_and_tokens_exit_with_1()
    {
        Assert.Equal(ExitCodes.Invalid, (await _db.RunAsync("users", "token", "--email", "nobody@example.org", "--name", "x")).ExitCode);
        Assert.Equal(0, (await AddAsync(GoodPassword, "--email", "ada@example.org", "--role", "Planner")).ExitCode);
        Assert.Equal(ExitCodes.Invalid, (await _db.RunAsync("users", "revoke-token", "--email", "ada@example.org", "--id", "999")).ExitCode);
    }

    [Fact]
    public async Task Token_days_out_of_range_exit_with_2()
    {
        var r = await _db.RunAsync("users", "token", "--email", "ada@example.org", "--name", "x", "--days", "0");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
    }

    [Fact]
    public async Task List_shows_users_with_roles_as_a_table_and_as_JSON()
    {
        Assert.Equal(0, (await AddAsync(GoodPassword, "--email", "ada@example.org", "--role", "Planner", "--role", "Admin")).ExitCode);

        var table = await _db.RunAsync("users", "list");
        var json = JsonNode.Parse((await _db.RunAsync("users", "list", "--json")).Out)!.AsArray();

        Assert.Contains("ada@example.org", table.Out, StringComparison.Ordinal);
        Assert.Contains("Admin, Planner", table.Out, StringComparison.Ordinal);
        var user = Assert.Single(json)!;
        Assert.Equal("ada@example.org", (string?)user["email"]);
        Assert.False((bool)user["disabled"]!);
    }
}
