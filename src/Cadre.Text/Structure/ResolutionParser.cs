using System.Text.RegularExpressions;

namespace Cadre.Text.Structure;

public enum BlockKind
{
    Preamble,
    Operative,
}

/// <summary>A numbered item ("a)", "1", "i)", a dash) with its text, sub-items and footnote numbers.</summary>
public sealed record OutlineItem(string Label, string Text, IReadOnlyList<OutlineItem> Children, IReadOnlyList<string> FootnoteRefs);

/// <summary>
/// A preamble or operative block: its key phrase as written ("considérant en outre", "instructs the Council"),
/// the full heading line, any text before its items, and the items.
/// </summary>
public sealed record OutlineBlock(BlockKind Kind, string Phrase, string Heading, string? Intro, IReadOnlyList<OutlineItem> Items);

public sealed record Footnote(string Number, string Text);

/// <summary>A line the parser could not place, with its 1-based line number and why.</summary>
public sealed record UnplacedLine(int LineNumber, string Text, string Reason);

/// <summary>The outline of a resolution: title, enacting formula, preamble and operative blocks, footnotes, and what could not be placed.</summary>
public sealed record ResolutionOutline(
    string? Title,
    string? EnactingFormula,
    IReadOnlyList<OutlineBlock> Preamble,
    IReadOnlyList<OutlineBlock> Operative,
    IReadOnlyList<Footnote> Footnotes,
    IReadOnlyList<UnplacedLine> Unplaced);

/// <summary>
/// Reads the plain text (or the paragraphs of a DOCX) of a resolution into an outline. Knows the English and
/// French key phrases of preamble and operative blocks; reports every line it cannot place instead of dropping it.
/// Run-together revision marks in headings ("se félicitantconsidérant en outre") are read as the last phrase.
/// </summary>
public static partial class ResolutionParser
{
    private static readonly string[] PreamblePhrases =
    [
        "considering further", "considering also", "considering", "noting further", "noting with satisfaction", "noting with concern", "noting",
        "recognizing further", "recognizing", "bearing in mind", "welcoming", "recalling", "taking into account", "emphasizing", "aware", "mindful", "convinced", "having regard to",
        "considérant en outre", "considérant également", "considérant", "notant en outre", "notant avec satisfaction", "notant avec préoccupation", "notant",
        "reconnaissant en outre", "reconnaissant", "ayant à l'esprit", "se félicitant", "rappelant", "tenant compte", "soulignant", "consciente", "convaincue",
    ];

    private static readonly string[] OperativePhrases =
    [
        "resolves further", "resolves", "decides", "instructs the Secretary-General", "instructs the Directors of the Bureaux", "instructs the Director",
        "instructs the Council", "invites Member States", "invites Sector Members", "invites the Council", "invites", "requests", "encourages", "urges", "calls upon",
        "décide en outre", "décide", "charge le Secrétaire général", "charge les Directeurs des Bureaux", "charge le Directeur", "charge le Conseil",
        "invite les États Membres", "invite les Membres des Secteurs", "invite le Conseil", "invite", "prie", "encourage", "exhorte",
    ];

    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex Bookmark();

    [GeneratedRegex(@"\[footnoteRef:(\d+)\]")]
    private static partial Regex FootnoteRef();

    [GeneratedRegex(@"\s*\[(\d+):\s*(.*)\]\s*$")]
    private static partial Regex FootnoteText();

    [GeneratedRegex(@"^(?<label>[a-z]{1,2}\)|[ivxlc]+\)|\d+[a-z]?\)?|[–—-])\t(?<text>.*)$")]
    private static partial Regex ItemLine();

    [GeneratedRegex(@"^(la|le|the)\s.*(conférence|conference|assemblée|assembly|council|conseil).*,$", RegexOptions.IgnoreCase)]
    private static partial Regex Enacting();

    public static ResolutionOutline Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'));
    }

    public static ResolutionOutline Parse(IReadOnlyList<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var footnotes = new List<Footnote>();
        var unplaced = new List<UnplacedLine>();
        var preamble = new List<BlockBuilder>();
        var operative = new List<BlockBuilder>();
        string? title = null;
        string? enacting = null;
        var beforeEnacting = new List<(int, string)>();
        BlockBuilder? block = null;

        for (var n = 0; n < paragraphs.Count; n++)
        {
            var line = Bookmark().Replace(paragraphs[n], "").Trim(' ', '\r');
            var footnoteMatch = FootnoteText().Match(line);
            if (footnoteMatch.Success)
            {
                footnotes.Add(new Footnote(footnoteMatch.Groups[1].Value, footnoteMatch.Groups[2].Value.Trim()));
                line = line[..footnoteMatch.Index];
            }
            if (line.Length == 0)
            {
                continue;
            }
            if (enacting is null)
            {
                if (Enacting().IsMatch(line))
                {
                    enacting = line;
                    if (beforeEnacting.Count > 0)
                    {
                        title = beforeEnacting[^1].Item2;
                        beforeEnacting.RemoveAt(beforeEnacting.Count - 1);
                    }
                    unplaced.AddRange(beforeEnacting.Select(l => new UnplacedLine(l.Item1, l.Item2, "before the title")));
                    beforeEnacting.Clear();
                }
                else
                {
                    beforeEnacting.Add((n + 1, line));
                }
                continue;
            }
            if (HeadingPhrase(line) is { } heading)
            {
                block = new BlockBuilder(heading.Kind, heading.Phrase, line);
                (heading.Kind == BlockKind.Preamble ? preamble : operative).Add(block);
                continue;
            }
            if (block is null)
            {
                unplaced.Add(new UnplacedLine(n + 1, line, "after the enacting formula but before any preamble or operative block"));
                continue;
            }
            var item = ItemLine().Match(line);
            if (item.Success)
            {
                block.AddItem(item.Groups["label"].Value, item.Groups["text"].Value);
            }
            else if (block.Items.Count == 0)
            {
                block.Intro = block.Intro is null ? line : block.Intro + "\n" + line;
            }
            else
            {
                unplaced.Add(new UnplacedLine(n + 1, line, $"text without an item label after the items of \"{block.Phrase}\""));
            }
        }
        if (enacting is null)
        {
            unplaced.AddRange(beforeEnacting.Select(l => new UnplacedLine(l.Item1, l.Item2, "no enacting formula (\"La Conférence ...,\" / \"The ... Conference ...,\") found")));
        }
        return new ResolutionOutline(title, enacting,
            preamble.Select(b => b.Build()).ToList(), operative.Select(b => b.Build()).ToList(), footnotes, unplaced);
    }

    private static (BlockKind Kind, string Phrase)? HeadingPhrase(string line)
    {
        if (line.Contains('\t', StringComparison.Ordinal) || line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 14)
        {
            return null;
        }
        var trimmed = line.TrimEnd(',', ':', ';', '.', ' ');
        var first = MatchPhrase(trimmed, 0);
        if (first is null)
        {
            return null;
        }
        // Run-together revision marks: "se félicitantconsidérant en outre" reads as the phrase that follows.
        var rest = first.Value.End;
        if (rest < trimmed.Length && char.IsLetter(trimmed[rest]) && MatchPhrase(trimmed, rest) is { } second)
        {
            return (second.Kind, trimmed[rest..second.End]);
        }
        if (rest < trimmed.Length && char.IsLetter(trimmed[rest]))
        {
            return null;
        }
        return (first.Value.Kind, trimmed[..first.Value.End]);
    }

    private static (BlockKind Kind, int End)? MatchPhrase(string line, int start)
    {
        foreach (var (phrases, kind) in new[] { (PreamblePhrases, BlockKind.Preamble), (OperativePhrases, BlockKind.Operative) })
        {
            foreach (var phrase in phrases)
            {
                if (string.Compare(line, start, phrase, 0, phrase.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return (kind, start + phrase.Length);
                }
            }
        }
        return null;
    }

    private sealed class BlockBuilder(BlockKind kind, string phrase, string heading)
    {
        public string Phrase { get; } = phrase;
        public string? Intro { get; set; }
        public List<(string Label, string Text, List<(string Label, string Text)> Children)> Items { get; } = [];

        public void AddItem(string label, string text)
        {
            var isDash = label is "–" or "—" or "-";
            var isRoman = Regex.IsMatch(label, @"^[ivxlc]+\)$");
            var last = Items.Count > 0 ? Items[^1] : default;
            // "i)" after "h)" is a letter; "i)" after "3" is a sub-item; dashes under a numbered item are sub-items.
            var lastIsNumber = Items.Count > 0 && char.IsDigit(last.Label[0]);
            var letterSequence = Items.Count > 0 && last.Label.Length == 2 && label.Length == 2 && label[0] == last.Label[0] + 1;
            if (Items.Count > 0 && ((isRoman && !letterSequence && lastIsNumber) || (isDash && lastIsNumber)))
            {
                last.Children.Add((label, text));
            }
            else
            {
                Items.Add((label, text, []));
            }
        }

        public OutlineBlock Build() => new(kind, Phrase, heading, Intro,
            Items.Select(i => Item(i.Label, i.Text, i.Children.Select(c => Item(c.Label, c.Text, [])).ToList())).ToList());

        private static OutlineItem Item(string label, string text, List<OutlineItem> children)
        {
            var refs = FootnoteRef().Matches(text).Select(m => m.Groups[1].Value).ToList();
            return new OutlineItem(label, FootnoteRef().Replace(text, "").TrimEnd(), children, refs);
        }
    }
}
