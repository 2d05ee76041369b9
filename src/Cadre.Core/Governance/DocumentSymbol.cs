using System.Globalization;
using System.Text.RegularExpressions;

namespace Cadre.Core.Governance;

public enum DocumentSeries
{
    /// <summary>A numbered document of the body or meeting (contributions, reports...).</summary>
    Main,
    /// <summary>Temporary document (DT).</summary>
    Temporary,
    /// <summary>Information document (INF).</summary>
    Information,
}

/// <summary>The parts of an ITU document symbol such as <c>TDAG-20/3/3</c> or <c>C20/28(Rev.1)-E</c>.</summary>
public sealed record DocumentSymbol(
    string Body,
    int? Year,
    int? Meeting,
    DocumentSeries Series,
    int Number,
    int? Revision,
    int? Addendum,
    int? Corrigendum,
    string? Language)
{
    /// <summary>The symbol without revision marks or language: the document that all versions share.</summary>
    public string BaseSymbol
    {
        get
        {
            var series = Series switch { DocumentSeries.Temporary => "DT/", DocumentSeries.Information => "INF/", _ => "" };
            var number = Number.ToString(CultureInfo.InvariantCulture);
            if (Body == "C" && Year is int cy) return $"C{cy:D2}/{series}{number}";
            var meeting = Meeting?.ToString(CultureInfo.InvariantCulture);
            if (Year is int y) return $"{Body}-{y:D2}/{series}{(meeting is null ? "" : meeting + "/")}{number}";
            return meeting is null ? $"{Body}/{series}{number}" : $"{Body} {meeting}/{series}{number}";
        }
    }

    public override string ToString()
    {
        var s = BaseSymbol;
        if (Revision is int r) s += $"(Rev.{r})";
        if (Addendum is int a) s += $"(Add.{a})";
        if (Corrigendum is int c) s += $"(Corr.{c})";
        if (Language is not null) s += "-" + Language;
        return s;
    }
}

/// <summary>
/// The grammar of ITU document symbols, as seen in the seeds:
/// <list type="bullet">
/// <item>Council documents: <c>C20/28</c> (C, two-digit year, number).</item>
/// <item>Meeting series of a body: <c>TDAG-20/59</c>, <c>TDAG-20/3/3</c> (meeting 3, document 3), <c>TDAG-20/DT/7</c>, <c>TDAG-20/INF/2</c>.</item>
/// <item>Groups numbering their own documents: <c>TDAG-WG-Prep/25</c>, <c>CWG-SFP 2/6</c> (meeting 2, document 6).</item>
/// <item>Then, in this order, any of <c>(Rev.N)</c>, <c>(Add.N)</c>, <c>(Corr.N)</c>, and a language suffix
/// <c>-E</c>, <c>-F</c>, <c>-S</c>, <c>-A</c>, <c>-C</c>, <c>-R</c>.</item>
/// </list>
/// </summary>
public static partial class SymbolGrammar
{
    public static readonly IReadOnlyDictionary<string, string> LanguageSuffixes = new Dictionary<string, string>
    {
        ["E"] = "en", ["F"] = "fr", ["S"] = "es", ["A"] = "ar", ["C"] = "zh", ["R"] = "ru",
    };

    [GeneratedRegex(@"^C(?<year>\d{2})/(?:(?<series>DT|INF)/)?(?<number>\d{1,5})(?<rest>.*)$")]
    private static partial Regex Council();

    [GeneratedRegex(@"^(?<body>[A-Z][A-Za-z]*(?:-[A-Za-z]+)*)-(?<year>\d{2})/(?:(?<series>DT|INF)/)?(?:(?<meeting>\d{1,3})/)?(?<number>\d{1,5})(?<rest>.*)$")]
    private static partial Regex Series();

    [GeneratedRegex(@"^(?<body>[A-Z][A-Za-z]*(?:-[A-Za-z]+)*)(?: (?<meeting>\d{1,3}))?/(?:(?<series>DT|INF)/)?(?<number>\d{1,5})(?<rest>.*)$")]
    private static partial Regex Group();

    [GeneratedRegex(@"^\((?<kind>Rev|Add|Corr)\.(?<n>\d{1,3})\)")]
    private static partial Regex Mark();

    public static bool TryParse(string? text, out DocumentSymbol? symbol, out string? error)
    {
        symbol = null;
        error = null;
        var s = text?.Trim() ?? "";
        if (s.Length == 0) { error = Common.Messages.Get("Symbol.Empty"); return false; }
        if (s.Length > 80) { error = Common.Messages.Format("Symbol.TooLong", 80); return false; }

        Match m;
        string body;
        if ((m = Council().Match(s)).Success) body = "C";
        else if ((m = Series().Match(s)).Success) body = m.Groups["body"].Value;
        else if ((m = Group().Match(s)).Success) body = m.Groups["body"].Value;
        else
        {
            error = s.Contains('/', StringComparison.Ordinal)
                ? Common.Messages.Get("Symbol.BadBody")
                : Common.Messages.Get("Symbol.NoSlash");
            return false;
        }
        var number = int.Parse(m.Groups["number"].Value, CultureInfo.InvariantCulture);
        if (number == 0) { error = Common.Messages.Get("Symbol.NumberZero"); return false; }
        int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
        int? meeting = m.Groups["meeting"].Success ? int.Parse(m.Groups["meeting"].Value, CultureInfo.InvariantCulture) : null;
        if (meeting == 0) { error = Common.Messages.Get("Symbol.MeetingZero"); return false; }
        var series = m.Groups["series"].Value switch { "DT" => DocumentSeries.Temporary, "INF" => DocumentSeries.Information, _ => DocumentSeries.Main };

        var rest = m.Groups["rest"].Value;
        int? rev = null, add = null, corr = null;
        var order = 0;
        while (rest.Length > 0 && rest[0] != '-')
        {
            var mark = Mark().Match(rest.TrimStart());
            if (!mark.Success)
            {
                error = Common.Messages.Format("Symbol.UnexpectedRest", rest);
                return false;
            }
            var n = int.Parse(mark.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (n == 0) { error = Common.Messages.Get("Symbol.MarkZero"); return false; }
            var (kind, rank) = mark.Groups["kind"].Value switch { "Rev" => ("Rev", 1), "Add" => ("Add", 2), _ => ("Corr", 3) };
            if (rank <= order) { error = Common.Messages.Format("Symbol.MarkOrder", kind); return false; }
            order = rank;
            switch (kind)
            {
                case "Rev": rev = n; break;
                case "Add": add = n; break;
                default: corr = n; break;
            }
            rest = rest.TrimStart()[mark.Length..];
        }
        string? language = null;
        if (rest.Length > 0)
        {
            var suffix = rest[1..];
            if (!LanguageSuffixes.ContainsKey(suffix))
            {
                error = Common.Messages.Format("Symbol.BadLanguage", suffix);
                return false;
            }
            language = suffix;
        }
        symbol = new DocumentSymbol(body, year, meeting, series, number, rev, add, corr, language);
        return true;
    }
}
