namespace Cadre.Core.Common;

/// <summary>
/// Text held in each of the six UN languages. Missing languages fall back to the original language,
/// then English, then whatever is present.
/// </summary>
public sealed class LocalizedText
{
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "es", "ar", "zh", "ru"];

    public string? En { get; set; }
    public string? Fr { get; set; }
    public string? Es { get; set; }
    public string? Ar { get; set; }
    public string? Zh { get; set; }
    public string? Ru { get; set; }

    public LocalizedText() { }

    public LocalizedText(string? en, string? fr = null)
    {
        En = en;
        Fr = fr;
    }

    public static bool IsSupported(string? language) => language is not null && Languages.Contains(language);

    public string? this[string language]
    {
        get => language switch
        {
            "en" => En,
            "fr" => Fr,
            "es" => Es,
            "ar" => Ar,
            "zh" => Zh,
            "ru" => Ru,
            _ => null,
        };
        set
        {
            var v = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            switch (language)
            {
                case "en": En = v; break;
                case "fr": Fr = v; break;
                case "es": Es = v; break;
                case "ar": Ar = v; break;
                case "zh": Zh = v; break;
                case "ru": Ru = v; break;
                default: throw new ArgumentOutOfRangeException(nameof(language), language, "Unsupported language");
            }
        }
    }

    public bool IsEmpty => Languages.All(l => string.IsNullOrWhiteSpace(this[l]));

    /// <summary>The text in <paramref name="language"/>, else in the original language, else English, else any.</summary>
    public string Get(string language, string? originalLanguage = null)
    {
        var direct = this[language];
        if (!string.IsNullOrWhiteSpace(direct)) return direct;
        if (originalLanguage is not null && !string.IsNullOrWhiteSpace(this[originalLanguage])) return this[originalLanguage]!;
        if (!string.IsNullOrWhiteSpace(En)) return En;
        foreach (var l in Languages)
        {
            if (!string.IsNullOrWhiteSpace(this[l])) return this[l]!;
        }
        return string.Empty;
    }

    /// <summary>True when <see cref="Get"/> had to fall back to another language.</summary>
    public bool IsFallback(string language) => string.IsNullOrWhiteSpace(this[language]) && !IsEmpty;

    public Dictionary<string, string> ToDictionary()
    {
        var d = new Dictionary<string, string>();
        foreach (var l in Languages)
        {
            if (!string.IsNullOrWhiteSpace(this[l])) d[l] = this[l]!;
        }
        return d;
    }

    public static LocalizedText FromDictionary(IReadOnlyDictionary<string, string>? values)
    {
        var t = new LocalizedText();
        if (values is null) return t;
        foreach (var (k, v) in values)
        {
            if (IsSupported(k)) t[k] = v;
        }
        return t;
    }

    public LocalizedText Copy() => new() { En = En, Fr = Fr, Es = Es, Ar = Ar, Zh = Zh, Ru = Ru };

    public override string ToString() => Get("en");
}
