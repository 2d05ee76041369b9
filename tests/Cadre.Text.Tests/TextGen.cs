using CsCheck;

namespace Cadre.Text.Tests;

/// <summary>Random texts and edits built from pieces of real text in several scripts, with whitespace edge cases.</summary>
internal static class TextGen
{
    private static readonly string[] Pieces =
    [
        "le", "la", "Résolution", "71", "2020-2023", "2024-2027", "CWG-SFP", "2/6", "71/243", "considérant", "l'Union",
        "الاتحاد", "الدولي", "للاتصالات", "مُعَلِّم", "国际", "电", "信", "联盟", "。", "，",
        " ", " ", " ", " ", "  ", "\t", "\u00A0", "\n", "\n", "\n", "\r\n", "\r",
        ",", ";", "(", ")", "-", "e\u0301", "😀", "\uD800", "a)", "décide",
    ];

    public static readonly Gen<List<int>> PieceList = Gen.Int[0, Pieces.Length - 1].List[0, 80];

    public static readonly Gen<string> Text = PieceList.Select(Join);

    public static string Join(List<int> pieces) => string.Concat(pieces.Select(i => Pieces[i]));

    /// <summary>A base text and a proposal made from it by random insertions, deletions, replacements and line moves.</summary>
    public static readonly Gen<(string Base, string Proposal)> BaseAndProposal =
        Gen.Select(PieceList, Gen.Select(Gen.Int[0, 3], Gen.Int[0, 1000], Gen.Int[0, Pieces.Length - 1]).List[0, 12])
            .Select(t =>
            {
                var pieces = new List<int>(t.Item1);
                foreach (var (kind, where, piece) in t.Item2)
                {
                    var at = pieces.Count == 0 ? 0 : where % pieces.Count;
                    switch (kind)
                    {
                        case 0:
                            pieces.Insert(at, piece);
                            break;
                        case 1 when pieces.Count > 0:
                            pieces.RemoveAt(at);
                            break;
                        case 2 when pieces.Count > 0:
                            pieces[at] = piece;
                            break;
                        default:
                            break;
                    }
                }
                var proposal = Join(pieces);
                if (t.Item2.Count > 0 && t.Item2[0].Item1 == 3)
                {
                    proposal = MoveLine(proposal, t.Item2[0].Item2);
                }
                return (Join(t.Item1), proposal);
            });

    private static string MoveLine(string text, int seed)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count < 3)
        {
            return text;
        }
        var from = seed % lines.Count;
        var line = lines[from];
        lines.RemoveAt(from);
        lines.Insert((seed / 7) % lines.Count, line);
        return string.Join('\n', lines);
    }
}
