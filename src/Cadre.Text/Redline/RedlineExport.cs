using System.Text;
using Cadre.Text.AkomaNtoso;
using Cadre.Text.Diff;
using Cadre.Text.Docx;

namespace Cadre.Text.Redline;

public enum RedlineFormat
{
    Docx,
    Html,
    Json,
    Akn,
}

/// <summary>A rendered redline: its bytes, media type and file extension.</summary>
public sealed record RedlineFile(byte[] Content, string ContentType, string Extension);

/// <summary>What a redline document says about itself: who proposed it and when, in which language, under which title.</summary>
public sealed record RedlineInfo(string Author, DateTime DateUtc, string Language, string? Title = null, string WorkUri = "/akn/int/statement/resolution/cadre/compare");

/// <summary>Renders an edit script in one of the export formats (DOCX with tracked changes, HTML, JSON, Akoma Ntoso).</summary>
public static class RedlineExport
{
    public static bool TryParseFormat(string? value, out RedlineFormat format) =>
        Enum.TryParse(value?.Trim(), ignoreCase: true, out format) && Enum.IsDefined(format);

    public static RedlineFile Render(EditScript script, RedlineFormat format, RedlineInfo info)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(info);
        return format switch
        {
            RedlineFormat.Docx => new RedlineFile(
                DocxRedlineWriter.Write(script, new DocxRedlineOptions { Author = info.Author, Date = info.DateUtc, Language = info.Language, Title = info.Title }),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            RedlineFormat.Html => new RedlineFile(Encoding.UTF8.GetBytes(HtmlDocument(script, info)), "text/html; charset=utf-8", "html"),
            RedlineFormat.Json => new RedlineFile(Encoding.UTF8.GetBytes(JsonRedline.Write(script, indented: true)), "application/json", "json"),
            RedlineFormat.Akn => new RedlineFile(
                Encoding.UTF8.GetBytes(AkomaNtosoWriter.WriteRedline(script, new AknMetadata(info.WorkUri, Iso6392(info.Language), DateOnly.FromDateTime(info.DateUtc)))),
                "application/akn+xml", "xml"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }

    /// <summary>The ISO 639-2 code Akoma Ntoso wants ("fra") for a language tag ("fr-FR").</summary>
    public static string Iso6392(string language) => (language.Length >= 2 ? language[..2].ToLowerInvariant() : language) switch
    {
        "en" => "eng",
        "fr" => "fra",
        "es" => "spa",
        "ar" => "ara",
        "zh" => "zho",
        "ru" => "rus",
        _ => language,
    };

    private static string HtmlDocument(EditScript script, RedlineInfo info)
    {
        var title = System.Net.WebUtility.HtmlEncode(info.Title ?? "Redline");
        var lang = System.Net.WebUtility.HtmlEncode(info.Language);
        return $"<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head><meta charset=\"utf-8\"><title>{title}</title></head>\n<body>\n<h1>{title}</h1>\n{HtmlRedline.Inline(script)}\n</body>\n</html>\n";
    }
}
