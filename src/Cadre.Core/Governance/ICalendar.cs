using System.Globalization;
using System.Text;

namespace Cadre.Core.Governance;

/// <summary>
/// Writes iCalendar (RFC 5545) files: CRLF line ends, lines folded at 75 octets (never inside a UTF-8 sequence),
/// TEXT values escaped, times in UTC (with the meeting's zone named in X-WR-TIMEZONE and the description),
/// a stable UID per meeting and a DTSTAMP.
/// </summary>
public static class ICalendar
{
    public sealed record Event(string Uid, DateTime StartUtc, DateTime EndUtc, string Summary, string? Description, string? Location, string? Url, DateTime StampUtc, int Sequence, bool AllDay = false);

    public static string Write(string calendarName, IEnumerable<Event> events, string productId = "-//Cadre//Governance//EN")
    {
        ArgumentNullException.ThrowIfNull(events);
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:" + productId);
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + Escape(calendarName));
        foreach (var e in events)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, "UID:" + e.Uid);
            Line(sb, "DTSTAMP:" + Utc(e.StampUtc));
            if (e.AllDay)
            {
                // A deadline is a day, not an instant: a DATE value, the same day everywhere.
                Line(sb, "DTSTART;VALUE=DATE:" + Date(e.StartUtc));
                Line(sb, "DTEND;VALUE=DATE:" + Date(e.EndUtc));
            }
            else
            {
                Line(sb, "DTSTART:" + Utc(e.StartUtc));
                Line(sb, "DTEND:" + Utc(e.EndUtc));
            }
            Line(sb, "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line(sb, "SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrEmpty(e.Description)) Line(sb, "DESCRIPTION:" + Escape(e.Description));
            if (!string.IsNullOrEmpty(e.Location)) Line(sb, "LOCATION:" + Escape(e.Location));
            if (!string.IsNullOrEmpty(e.Url)) Line(sb, "URL:" + e.Url);
            Line(sb, "END:VEVENT");
        }
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    public static string Date(DateTime day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Escapes a TEXT value: backslash, semicolon, comma and newlines.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length);
        foreach (var c in value.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case ';': sb.Append("\\;"); break;
                case ',': sb.Append("\\,"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Appends a content line folded at 75 octets, continuation lines starting with one space.</summary>
    private static void Line(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = 75;
        var i = 0;
        while (i < line.Length)
        {
            var len = char.IsSurrogatePair(line, i) ? 2 : 1;
            var bytes = Encoding.UTF8.GetByteCount(line.AsSpan(i, len));
            if (octets + bytes > limit)
            {
                sb.Append("\r\n ");
                octets = 1;
            }
            sb.Append(line, i, len);
            octets += bytes;
            i += len;
        }
        sb.Append("\r\n");
    }

    /// <summary>Unfolds and splits a calendar into (name, parameters, value) content lines; used by tests and importers.</summary>
    public static IReadOnlyList<(string Name, string Value)> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        var result = new List<(string, string)>();
        foreach (var raw in unfolded.Split("\r\n"))
        {
            if (raw.Length == 0) continue;
            var colon = raw.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) throw new FormatException("Content line without a colon: " + raw);
            result.Add((raw[..colon], raw[(colon + 1)..]));
        }
        return result;
    }

    /// <summary>Reverses <see cref="Escape"/>.</summary>
    public static string Unescape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var n = value[++i];
                sb.Append(n is 'n' or 'N' ? '\n' : n);
            }
            else sb.Append(value[i]);
        }
        return sb.ToString();
    }
}
