using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Cadre.Core.Identity;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Web.Tests.Identity;

/// <summary>Signing in through the pages, as a browser does: GET the form, POST it with its antiforgery token.</summary>
internal static partial class IdentityTestSupport
{
    public const string Password = "a quiet lantern over the bay";

    public static async Task<CadreUser> CreateUserWithPasswordAsync(this CadreWebFactory app, string role, string? email = null, string password = Password)
    {
        var user = await app.CreateUserAsync(role);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        var stored = (await users.FindByIdAsync(user.Id))!;
        if (email is not null)
        {
            Check(await users.SetEmailAsync(stored, email));
            Check(await users.SetUserNameAsync(stored, email));
        }
        Check(await users.AddPasswordAsync(stored, password));
        return (await users.FindByIdAsync(user.Id))!;
    }

    public static async Task<string> FormTokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return FormToken(html);
    }

    public static string FormToken(string html)
    {
        var m = TokenPattern().Match(html);
        Assert.True(m.Success, "the page has a form with an antiforgery token");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var token = await FormTokenAsync(client, "/Account/Login");
        return await client.PostAsync("/Account/Login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>A client signed in with the cookie as <paramref name="user"/>.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this CadreWebFactory app, CadreUser user, string password = Password)
    {
        var client = app.AnonymousClient();
        var response = await PostLoginAsync(client, user.Email!, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await FormTokenAsync(client, pageUrl);
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(fields));
    }

    /// <summary>The current RFC 6238 code (SHA-1, 30 s, 6 digits) for a Base32 key, as an authenticator app shows it.</summary>
    public static string TotpCode(string base32Key, DateTimeOffset now)
    {
        var key = Base32Decode(base32Key);
        var counter = now.ToUnixTimeSeconds() / 30;
        var bytes = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian) Array.Reverse(bytes);
#pragma warning disable CA5350 // RFC 6238 authenticator codes are HMAC-SHA1 by definition; this mirrors the app, it protects nothing
        var hash = HMACSHA1.HashData(key, bytes);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = input.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. output];
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
