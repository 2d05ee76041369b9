using System.Text;
using Cadre.Core.Common;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Handlers;

namespace Cadre.Core.Tests.Governance;

public sealed class MeetingsICalendarTests
{
    private static ICalendar.Event Event(string summary, string? description = null) => new(
        "meeting-1@cadre.example", new DateTime(2020, 7, 17, 11, 0, 0, DateTimeKind.Utc), new DateTime(2020, 7, 17, 14, 0, 0, DateTimeKind.Utc),
        summary, description, null, "https://cadre.example/governance/meetings/1", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), 0);

    [Theory]
    [InlineData("Première réunion du GT-GCDT-SOP, en ligne; avec interprétation\\ et « guillemets »")]
    [InlineData("会议：战略和运营规划工作组第一次会议，在线举行，提供口译服务。会议：战略和运营规划工作组第一次会议")]
    [InlineData("Emoji 🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉")]
    public void Long_lines_are_folded_at_75_octets_without_splitting_characters_and_unfold_to_the_same_text(string summary)
    {
        var text = ICalendar.Write("TDAG-WG-SOP", [Event(summary, "Line one\nLine two, with; marks")]);
        foreach (var line in text.Split("\r\n")) Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line);
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)));
        var lines = ICalendar.Parse(text);
        Assert.Equal(summary, ICalendar.Unescape(lines.Single(l => l.Name == "SUMMARY").Value));
        Assert.Equal("Line one\nLine two, with; marks", ICalendar.Unescape(lines.Single(l => l.Name == "DESCRIPTION").Value));
        Assert.Equal("20200717T110000Z", lines.Single(l => l.Name == "DTSTART").Value);
    }

    [Fact]
    public void Text_values_escape_backslash_semicolon_comma_and_newline()
    {
        Assert.Equal("a\\\\b\\;c\\,d\\ne", ICalendar.Escape("a\\b;c,d\r\ne"));
    }

    [Theory]
    [InlineData("Europe/Zurich", 2020, 3, 29, 2, 30, true)]
    [InlineData("Europe/Zurich", 2020, 3, 29, 3, 0, false)]
    [InlineData("Europe/Zurich", 2020, 10, 25, 2, 30, false)]
    [InlineData("America/New_York", 2020, 3, 8, 2, 59, true)]
    [InlineData("UTC", 2020, 3, 29, 2, 30, false)]
    public void Local_times_in_a_clock_gap_are_refused(string zone, int y, int mo, int d, int h, int mi, bool refused)
    {
        var v = new Validation();
        var tz = GovernanceInput.Zone(v, "timeZone", zone);
        var utc = GovernanceInput.ToUtc(v, "start", new DateTime(y, mo, d, h, mi, 0), tz);
        Assert.Equal(refused, v.HasErrors);
        Assert.Equal(refused, utc is null);
    }

    [Fact]
    public void An_agenda_typed_one_item_a_line_reads_back_to_labels_titles_and_documents()
    {
        var v = new Validation();
        var items = GovernanceInput.ParseAgendaText("1) Opening\n\n3 a) Working methods | TDAG-20/DT/7; C20/28\n3 b). Documents", "fr", v);
        Assert.False(v.HasErrors);
        Assert.Equal(["1", "3 a)", "3 b)"], items.Select(i => i.Label));
        Assert.Equal("Working methods", items[1].Title["fr"]);
        Assert.Equal(["TDAG-20/DT/7", "C20/28"], items[1].Documents);
        GovernanceInput.ParseAgendaText("Opening without a number", "en", v);
        Assert.True(v.HasErrors);
    }
}
