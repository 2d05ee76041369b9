using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cadre.Cli.Infrastructure;

/// <summary>JSON written for scripts (<c>--json</c>): camelCase, enums as strings, indented.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
