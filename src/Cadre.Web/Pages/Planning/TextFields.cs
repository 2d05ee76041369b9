using Cadre.Core.Common;

namespace Cadre.Web.Pages.Planning;

/// <summary>A content text as a form posts it: one field per UN language.</summary>
public sealed class TextFields
{
    public string? En { get; set; }
    public string? Fr { get; set; }
    public string? Es { get; set; }
    public string? Ar { get; set; }
    public string? Zh { get; set; }
    public string? Ru { get; set; }

    public string? this[string language] => language switch
    {
        "en" => En,
        "fr" => Fr,
        "es" => Es,
        "ar" => Ar,
        "zh" => Zh,
        "ru" => Ru,
        _ => null,
    };

    /// <summary>All six languages, so that an emptied field clears that language.</summary>
    public IReadOnlyDictionary<string, string?> ToRequest() =>
        LocalizedText.Languages.ToDictionary(l => l, l => this[l]);

    public bool HasOtherLanguages => !string.IsNullOrWhiteSpace(Es) || !string.IsNullOrWhiteSpace(Ar) || !string.IsNullOrWhiteSpace(Zh) || !string.IsNullOrWhiteSpace(Ru);

    public static TextFields From(LocalizedText? text) => text is null ? new() : new()
    {
        En = text.En,
        Fr = text.Fr,
        Es = text.Es,
        Ar = text.Ar,
        Zh = text.Zh,
        Ru = text.Ru,
    };
}

/// <summary>What the text-fields partial needs to draw one content text.</summary>
public sealed record TextFieldsModel(string Name, string Label, TextFields Value, bool Multiline = false, bool Required = false, string? Hint = null);
