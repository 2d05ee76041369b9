using System.Text;
using Cadre.Core.Common;
using Cadre.Text.Docx;

namespace Cadre.Core.Governance.Documents;

/// <summary>An uploaded file of a language version, as a handler receives it.</summary>
public sealed record FileUpload(string Language, string FileName, byte[] Content);

/// <summary>Checks uploads by their content (not their name) and takes their text for search.</summary>
public static class DocumentFiles
{
    /// <summary>Largest file stored (the database holds the files).</summary>
    public const int MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxFilesPerDocument = 12;
    public const int MaxFileNameLength = 200;

    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Pdf = "application/pdf";
    public const string PlainText = "text/plain; charset=utf-8";

    /// <summary>Validates one upload; returns its content type and searchable text, or adds errors under <paramref name="field"/>.</summary>
    public static (string ContentType, string? Text)? Check(Validation v, string field, FileUpload file)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(file);
        var errors = 0;
        void Fail(string message) { v.Add(field, message); errors++; }
        if (!LocalizedText.IsSupported(file.Language)) Fail(Messages.Format("Error.UnknownLanguage", file.Language));
        var name = SafeName(file.FileName);
        if (name.Length == 0) Fail(Messages.Get("Error.Document.FileName"));
        if (file.Content is null || file.Content.Length == 0) { Fail(Messages.Get("Error.Document.FileEmpty")); return null; }
        if (file.Content.Length > MaxFileBytes) { Fail(Messages.Format("Error.Document.FileTooLarge", MaxFileBytes / 1024 / 1024)); return null; }
        var bytes = file.Content;
        var ext = Path.GetExtension(name).ToLowerInvariant();
        (string, string?)? result = null;
        if (bytes.Length >= 4 && bytes[0] == (byte)'%' && bytes[1] == (byte)'P' && bytes[2] == (byte)'D' && bytes[3] == (byte)'F')
        {
            result = (Pdf, null);
        }
        else if (bytes.Length >= 2 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K')
        {
            if (ext != ".docx") Fail(Messages.Get("Error.Document.FileType"));
            else
            {
                try
                {
                    var content = DocxReader.Read(bytes, new DocxReadOptions { MaxFileBytes = MaxFileBytes, MaxUnpackedBytes = 50 * 1024 * 1024, MaxCharactersInPart = 10_000_000 });
                    result = (Docx, Limit(content.ProposedText));
                }
                catch (DocxReadException ex)
                {
                    Fail(Messages.Format("Error.Document.DocxUnreadable", ex.Message));
                }
            }
        }
        else if (ext is ".txt" or ".text")
        {
            try
            {
                var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
                if (text.Contains('\0', StringComparison.Ordinal)) Fail(Messages.Get("Error.Document.FileType"));
                else result = (PlainText, Limit(text.TrimStart('\uFEFF')));
            }
            catch (DecoderFallbackException)
            {
                Fail(Messages.Get("Error.Document.TextNotUtf8"));
            }
        }
        else
        {
            Fail(Messages.Get("Error.Document.FileType"));
        }
        return errors == 0 ? result : null;
    }

    /// <summary>The file's name without any folder part or control characters; never used as a path.</summary>
    public static string SafeName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length > MaxFileNameLength ? name[..MaxFileNameLength] : name;
    }

    private static string Limit(string text) => text.Length > SearchFolding.MaxIndexedChars ? text[..SearchFolding.MaxIndexedChars] : text;
}
