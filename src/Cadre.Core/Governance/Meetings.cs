using Cadre.Core.Common;

namespace Cadre.Core.Governance;

public enum MeetingMode
{
    Physical,
    Virtual,
    Hybrid,
}

/// <summary>
/// A meeting of a body. Times are stored in UTC with the IANA time zone the meeting was planned in,
/// so that they are shown as the participants were told (17 July 2020, 13:00-16:00 Geneva time).
/// </summary>
public sealed class Meeting : IVersioned, IAudited
{
    public int Id { get; set; }
    public int BodyId { get; set; }
    public Body? Body { get; set; }
    public LocalizedText Title { get; set; } = new();
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    /// <summary>IANA time zone id, e.g. <c>Europe/Zurich</c>.</summary>
    public string TimeZone { get; set; } = "UTC";
    public MeetingMode Mode { get; set; }
    /// <summary>Where a physical or hybrid meeting takes place.</summary>
    public string? Venue { get; set; }
    /// <summary>The online platform (e.g. Interprefy, Zoom); shown to registered participants only.</summary>
    public string? Platform { get; set; }
    /// <summary>The link to join; shown to registered participants only.</summary>
    public string? JoinLink { get; set; }
    /// <summary>Language codes with interpretation, separated by commas (e.g. <c>ar,en,es,fr,ru,zh</c>).</summary>
    public string InterpretationLanguages { get; set; } = "";
    public DateTime? AgendaAdoptedAtUtc { get; set; }
    /// <summary>Symbol of the meeting report, once issued.</summary>
    public string? ReportSymbol { get; set; }
    public LocalizedText ReportSummary { get; set; } = new();
    public int Version { get; set; }

    public List<AgendaItem> Agenda { get; set; } = [];

    public IReadOnlyList<string> InterpretationLanguageList =>
        InterpretationLanguages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// An agenda item: <c>3</c> (<see cref="SubItem"/> 0) or <c>3 a)</c> (<see cref="SubItem"/> 1), with its documents.
/// </summary>
public sealed class AgendaItem : IAudited
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    /// <summary>The item number, from 1.</summary>
    public int Number { get; set; }
    /// <summary>0 for an item, 1 for sub-item a), 2 for b)...</summary>
    public int SubItem { get; set; }
    public LocalizedText Title { get; set; } = new();
    /// <summary>Document symbols, separated by <c>; </c>.</summary>
    public string Documents { get; set; } = "";

    /// <summary>The label as printed on the agenda: <c>3</c> or <c>3 a)</c>.</summary>
    public string Label => SubItem == 0
        ? Number.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : $"{Number.ToString(System.Globalization.CultureInfo.InvariantCulture)} {(char)('a' + SubItem - 1)})";

    public IReadOnlyList<string> DocumentList => Symbols.Split(Documents);
}

/// <summary>Lists of document symbols kept in one column.</summary>
public static class Symbols
{
    public const string Separator = "; ";

    public static IReadOnlyList<string> Split(string? list) =>
        (list ?? "").Split([';', '\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Join(IEnumerable<string> symbols) => string.Join(Separator, symbols);
}
