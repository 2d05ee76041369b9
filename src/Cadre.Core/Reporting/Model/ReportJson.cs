using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cadre.Core.Reporting.Model;

/// <summary>The report model as JSON: the snapshot kept beside every generated file, and read back to rewrite it.</summary>
public static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static string Serialize(ReportDocument report) => JsonSerializer.Serialize(report, Options);

    public static ReportDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<ReportDocument>(json, Options) ?? throw new JsonException("Empty report model.");
}
