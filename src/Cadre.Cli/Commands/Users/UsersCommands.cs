using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Cadre.Cli.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Cli.Commands.Users;

/// <summary><c>cadre users</c>: accounts and personal access tokens.</summary>
public static class UsersCommands
{
    public const int MaxTokenDays = 3650;

    public static Command Create(CliContext cli)
    {
        var users = new Command("users", CliText.Get("Users.Description"));
        users.Subcommands.Add(Add(cli));
        users.Subcommands.Add(List(cli));
        users.Subcommands.Add(Token(cli));
        users.Subcommands.Add(Tokens(cli));
        users.Subcommands.Add(RevokeToken(cli));
        users.Subcommands.Add(Disable(cli));
        users.Subcommands.Add(Enable(cli));
        return users;
    }

    private static Option<string> EmailOption() => new("--email") { Description = CliText.Get("Users.Email"), Required = true, HelpName = "E" };

    private static Command Add(CliContext cli)
    {
        var email = EmailOption();
        var roles = new Option<string[]>("--role")
        {
            Description = CliText.Format("Users.Add.Role", string.Join(", ", Roles.All)),
            Required = true,
            HelpName = "R",
        }.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, [.. Roles.All]);
        var member = new Option<string?>("--member") { Description = CliText.Get("Users.Add.Member"), HelpName = "CODE" };
        var name = new Option<string?>("--name") { Description = CliText.Get("Users.Add.Name"), HelpName = "N" };
        var command = new Command("add", CliText.Get("Users.Add.Description")) { email, roles, member, name };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var password = await ReadPasswordAsync(cli.Console, ct);
            var users = session.Get<UserManager<CadreUser>>();
            var db = session.Db;
            var roleNames = r.GetValue(roles)!.Select(x => Roles.Normalize(x)!).Distinct().ToList();
            var address = r.GetValue(email)!.Trim();

            var v = new Validation();
            var user = new CadreUser
            {
                UserName = address,
                Email = address,
                EmailConfirmed = true,
                DisplayName = string.IsNullOrWhiteSpace(r.GetValue(name)) ? address : r.GetValue(name)!.Trim(),
                CreatedAtUtc = db.UtcNow,
            };
            v.MaxLength("name", user.DisplayName, 200);
            if (r.GetValue(member) is { } memberCode)
            {
                var code = memberCode.Trim();
                var m = await db.Members.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct);
                if (m is null) v.Add("member", CliText.Format("Users.Add.UnknownMember", memberCode));
                else user.MemberId = m.Id;
            }
            else if (roleNames.Contains(Roles.Delegate))
            {
                v.Add("member", CliText.Get("Users.Add.DelegateNeedsMember"));
            }
            // Every problem at once: the user's (email format, duplicate) and the password policy's.
            foreach (var validator in users.UserValidators)
            {
                foreach (var e in (await validator.ValidateAsync(users, user)).Errors) v.Add(e.Code.Contains("UserName", StringComparison.Ordinal) || e.Code.Contains("Email", StringComparison.Ordinal) ? "email" : "user", e.Description);
            }
            foreach (var validator in users.PasswordValidators)
            {
                foreach (var e in (await validator.ValidateAsync(users, user, password)).Errors) v.Add("password", e.Description);
            }
            v.ThrowIfAny();

            // Stored through the same administration service as the Admin pages (audited, roles created if missing).
            await session.Get<UserAdministration>().CreateAsync(
                new UserAdministration.CreateRequest(address, user.DisplayName, roleNames, r.GetValue(member)?.Trim(), password), ct);
            cli.Console.Out.WriteLine(CliText.Format("Users.Add.Done", address, string.Join(", ", roleNames)));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The password never comes from an argument (it would stay in shell history and process lists).</summary>
    private static async Task<string> ReadPasswordAsync(CliConsole console, CancellationToken ct)
    {
        if (console.InputIsTerminal)
        {
            var first = await console.PromptSecretAsync(CliText.Get("Users.Add.PasswordPrompt"), ct);
            var second = await console.PromptSecretAsync(CliText.Get("Users.Add.PasswordAgain"), ct);
            if (first != second) throw new ValidationFailedException("password", CliText.Get("Users.Add.PasswordMismatch"));
            return first;
        }
        var line = await console.In.ReadLineAsync(ct);
        return line ?? throw CliException.Usage("Users.Add.NoPassword");
    }

    private static async Task<CadreUser> FindUserAsync(CliSession session, string email) =>
        await session.Get<UserManager<CadreUser>>().FindByEmailAsync(email.Trim())
        ?? throw new NotFoundException(CliText.Format("Users.NotFound", email));

    private static Command List(CliContext cli)
    {
        var json = new Option<bool>("--json") { Description = CliText.Get("Option.Json") };
        var command = new Command("list", CliText.Get("Users.List.Description")) { json };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var db = session.Db;
            var now = db.UtcNow;
            var admin = session.Get<UserAdministration>();
            var users = new List<UserAdministration.UserRow>();
            for (var page = 1; ; page++)
            {
                var result = await admin.SearchAsync(null, "email", page, 200, ct);
                users.AddRange(result.Items);
                if (!result.HasNext) break;
            }
            var tokens = (await db.PersonalAccessTokens.AsNoTracking().ToListAsync(ct)).Where(t => t.IsActive(now)).ToLookup(t => t.UserId);
            var rows = users.Select(u => new UserRow(u.Email, u.DisplayName, u.Roles, u.MemberCode, u.IsDisabled, tokens[u.Id].Count(), DateTime.SpecifyKind(u.CreatedAtUtc, DateTimeKind.Utc))).ToList();
            if (r.GetValue(json))
            {
                cli.Console.Out.WriteLine(JsonSerializer.Serialize(rows, CliJson.Options));
                return ExitCodes.Ok;
            }
            cli.Console.WriteTable(
                [CliText.Get("Users.Column.Email"), CliText.Get("Users.Column.Name"), CliText.Get("Users.Column.Roles"), CliText.Get("Users.Column.Member"), CliText.Get("Users.Column.Status"), CliText.Get("Users.Column.Tokens")],
                rows.Select(u => (IReadOnlyList<string>)[u.Email, u.Name, string.Join(", ", u.Roles), u.Member ?? "", CliText.Get(u.Disabled ? "Users.Disabled" : "Users.Active"), u.ActiveTokens.ToString(CultureInfo.CurrentCulture)]));
            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record UserRow(string Email, string Name, IReadOnlyList<string> Roles, string? Member, bool Disabled, int ActiveTokens, DateTime CreatedAtUtc);

    private static Command Token(CliContext cli)
    {
        var email = EmailOption();
        var name = new Option<string>("--name") { Description = CliText.Get("Users.Token.Name"), Required = true, HelpName = "N" };
        var days = new Option<int?>("--days") { Description = CliText.Format("Users.Token.Days", MaxTokenDays), HelpName = "D" };
        days.Validators.Add(result =>
        {
            if (result.GetValue(days) is int d && (d < 1 || d > MaxTokenDays)) result.AddError(CliText.Format("Users.Token.DaysRange", MaxTokenDays));
        });
        var quiet = new Option<bool>("--quiet", "-q") { Description = CliText.Get("Users.Token.Quiet") };
        var command = new Command("token", CliText.Get("Users.Token.Description")) { email, name, days, quiet };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var user = await FindUserAsync(session, r.GetValue(email)!);
            if (user.IsDisabled) throw CliException.Invalid("Users.Token.UserDisabled", user.Email);
            var lifetime = r.GetValue(days) is int d ? TimeSpan.FromDays(d) : (TimeSpan?)null;
            var created = await session.Get<AccessTokens>().CreateAsync(user.Id, r.GetValue(name)!, lifetime, ct);
            if (r.GetValue(quiet))
            {
                cli.Console.Out.WriteLine(created.Token);
                return ExitCodes.Ok;
            }
            cli.Console.Out.WriteLine(created.ExpiresAtUtc is { } expires
                ? CliText.Format("Users.Token.CreatedExpiring", created.Name, created.Id, user.Email, expires.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
                : CliText.Format("Users.Token.Created", created.Name, created.Id, user.Email));
            cli.Console.Out.WriteLine(created.Token);
            cli.Console.Out.WriteLine(CliText.Get("Users.Token.ShownOnce"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Tokens(CliContext cli)
    {
        var email = EmailOption();
        var json = new Option<bool>("--json") { Description = CliText.Get("Option.Json") };
        var command = new Command("tokens", CliText.Get("Users.Tokens.Description")) { email, json };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var user = await FindUserAsync(session, r.GetValue(email)!);
            var tokens = await session.Get<AccessTokens>().ListAsync(user.Id, ct);
            if (r.GetValue(json))
            {
                cli.Console.Out.WriteLine(JsonSerializer.Serialize(tokens, CliJson.Options));
                return ExitCodes.Ok;
            }
            var now = session.Db.UtcNow;
            cli.Console.WriteTable(
                [CliText.Get("Tokens.Column.Id"), CliText.Get("Tokens.Column.Name"), CliText.Get("Tokens.Column.Hint"), CliText.Get("Tokens.Column.Created"), CliText.Get("Tokens.Column.Expires"), CliText.Get("Tokens.Column.Status")],
                tokens.Select(t => (IReadOnlyList<string>)[
                    t.Id.ToString(CultureInfo.InvariantCulture), t.Name, t.Hint + "…", Date(t.CreatedAtUtc), t.ExpiresAtUtc is { } e ? Date(e) : "",
                    CliText.Get(t.RevokedAtUtc is not null ? "Tokens.Revoked" : t.ExpiresAtUtc <= now ? "Tokens.Expired" : "Tokens.Active")]));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Date(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Command RevokeToken(CliContext cli)
    {
        var email = EmailOption();
        var id = new Option<int>("--id") { Description = CliText.Get("Users.RevokeToken.Id"), Required = true, HelpName = "N" };
        var command = new Command("revoke-token", CliText.Get("Users.RevokeToken.Description")) { email, id };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var user = await FindUserAsync(session, r.GetValue(email)!);
            await session.Get<AccessTokens>().RevokeAsync(user.Id, r.GetValue(id), ct);
            cli.Console.Out.WriteLine(CliText.Format("Users.RevokeToken.Done", r.GetValue(id), user.Email));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Disable(CliContext cli) => SetDisabled(cli, "disable", disabled: true);

    private static Command Enable(CliContext cli) => SetDisabled(cli, "enable", disabled: false);

    private static Command SetDisabled(CliContext cli, string verb, bool disabled)
    {
        var email = EmailOption();
        var key = disabled ? "Users.Disable" : "Users.Enable";
        var command = new Command(verb, CliText.Get(key + ".Description")) { email };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var user = await FindUserAsync(session, r.GetValue(email)!);
            // Disabling changes the security stamp: the user's open sessions end within a minute (QUALITY.md).
            await session.Get<UserAdministration>().SetDisabledAsync(user.Id, disabled, ct);
            cli.Console.Out.WriteLine(CliText.Format(key + ".Done", user.Email));
            return ExitCodes.Ok;
        });
        return command;
    }
}
