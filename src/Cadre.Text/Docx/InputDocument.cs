using System.Text;

namespace Cadre.Text.Docx;

/// <summary>
/// Reads an uploaded or local file as text: a DOCX (recognized by its content, not its name) with its tracked
/// changes, or UTF-8 plain text. Anything else is refused with a <see cref="DocxReadException"/>.
/// </summary>
public static class InputDocument
{
    public static DocxContent Read(byte[] bytes, DocxReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        options ??= new DocxReadOptions();
        if (bytes.LongLength > options.MaxFileBytes)
            throw new DocxReadException(DocxReadError.TooLarge, $"The file is larger than {options.MaxFileBytes} bytes.");
        // Zip (DOCX, DOCM) and OLE compound files (encrypted or legacy Word) both go to the DOCX reader, which says why it refuses them.
        var isZip = bytes.Length >= 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K';
        var isOle = bytes.Length >= 4 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0;
        if (isZip || isOle) return DocxReader.Read(bytes, options);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new DocxReadException(DocxReadError.NotADocx, "The file is neither a DOCX document nor UTF-8 plain text.", e);
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (text.Any(c => c == '\0' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))))
            throw new DocxReadException(DocxReadError.NotADocx, "The file is neither a DOCX document nor plain text (it holds control characters).");
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return new DocxContent(paragraphs, paragraphs, []);
    }
}
