using System.Globalization;
using Cadre.Core.Common;
using Cadre.Core.Governance.Documents;
using Cadre.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Cadre.Web.Pages.Governance.Documents;

/// <summary>What the document registry and contribution pages share: the Governance page helpers and their own strings.</summary>
public abstract class DocumentsPageModel : GovernancePageModel
{
    private IStringLocalizer<DocumentsText>? _d;

    /// <summary>A document or contribution interface string in the request's language.</summary>
    protected string D(string key, params object[] arguments) =>
        (_d ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<DocumentsText>>())[key, arguments].Value;

    /// <summary>Largest form post that carries a file (the file limit plus the other fields).</summary>
    public const int MaxFormBytes = DocumentFiles.MaxFileBytes + 256 * 1024;

    /// <summary>Reads an uploaded file into memory (the handlers check its size and content).</summary>
    protected static async Task<FileUpload?> ReadUploadAsync(IFormFile? file, string language, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return null;
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return new FileUpload(language, file.FileName, buffer.ToArray());
    }
}

/// <summary>Formatting shared by the document and contribution views.</summary>
public static class DocumentsFormat
{
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.CurrentCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
    };

    public static string Utc(DateTime utc) => string.Create(CultureInfo.CurrentCulture, $"{utc:d MMMM yyyy, HH:mm} UTC");

    public static string Utc(DateTime? utc) => utc is DateTime u ? Utc(u) : "";

    public static string LanguageName(string code) => Cadre.Web.Infrastructure.Localization.NativeNames.TryGetValue(code, out var n) ? n : code;

    /// <summary>The link that finds a document by its symbol (agenda items, liaison statements).</summary>
    public static string FindUrl(string symbol) => "/Governance/Documents/Find?symbol=" + Uri.EscapeDataString(symbol);

    public static IEnumerable<string> Languages => LocalizedText.Languages;
}

/// <summary>A short list of documents (versions, references) with what to say when it is empty.</summary>
public sealed record DocumentListView(IReadOnlyList<DocumentListItem> Items, string Empty, string Label);
