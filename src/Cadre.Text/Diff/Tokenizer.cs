using System.Globalization;
using System.Text;

namespace Cadre.Text.Diff;

/// <summary>What a token is; words and numbers count as words in edit statistics.</summary>
public enum TokenKind
{
    Word,
    Number,
    Whitespace,
    LineBreak,
    Punctuation,
    Symbol,
}

/// <summary>A token of a text: its kind, its offset in the text and its exact characters.</summary>
public readonly record struct Token(TokenKind Kind, int Start, string Text)
{
    public bool IsWord => Kind is TokenKind.Word or TokenKind.Number;
}

/// <summary>
/// Splits text into word-level tokens so that concatenating them gives back the input exactly.
/// Numbers, dates, ranges and symbols ("2020-2023", "71/243", "CWG-SFP", "2/6", "10,5", "l'Union") stay whole;
/// whitespace runs, line breaks and each punctuation mark are tokens of their own; each CJK character is a token.
/// </summary>
public static class Tokenizer
{
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        var pos = 0;
        while (pos < text.Length)
        {
            var length = Next(text, pos, text.Length, out var kind);
            tokens.Add(new Token(kind, pos, text.Substring(pos, length)));
            pos += length;
        }
        return tokens;
    }

    /// <summary>Number of word tokens (words and numbers) in a text.</summary>
    public static int CountWords(string text) => CountWords(text, 0, text.Length);

    /// <summary>Words between <paramref name="start"/> and <paramref name="end"/>, counted no further than <paramref name="max"/>.</summary>
    internal static int CountWords(string text, int start, int end, int max = int.MaxValue)
    {
        var count = 0;
        var pos = start;
        while (pos < end && count < max)
        {
            pos += Next(text, pos, end, out var kind);
            if (kind is TokenKind.Word or TokenKind.Number)
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>Length of the token starting at <paramref name="pos"/>, scanning no further than <paramref name="end"/>.</summary>
    internal static int Next(string s, int pos, int end, out TokenKind kind)
    {
        var c = s[pos];
        if (c == '\r')
        {
            kind = TokenKind.LineBreak;
            return pos + 1 < end && s[pos + 1] == '\n' ? 2 : 1;
        }
        if (c is '\n' or '\u2028' or '\u2029' or '\u0085')
        {
            kind = TokenKind.LineBreak;
            return 1;
        }
        if (char.IsAsciiLetterOrDigit(c))
        {
            return ScanWord(s, pos, end, out kind);
        }
        if (char.IsWhiteSpace(c))
        {
            var i = pos + 1;
            while (i < end && char.IsWhiteSpace(s[i]) && !IsLineBreak(s[i]))
            {
                i++;
            }
            kind = TokenKind.Whitespace;
            return i - pos;
        }

        if (c < 0x80)
        {
            // ASCII punctuation, symbols and controls: no rune to decode, not CJK, not a word.
            kind = char.GetUnicodeCategory(c) is UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
                or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol
                ? TokenKind.Symbol
                : TokenKind.Punctuation;
            return 1 + MarksAfter(s, pos + 1, end);
        }

        var rune = ReadRune(s, pos, end, out var runeLength);
        var category = Rune.GetUnicodeCategory(rune);
        if (IsCjk(rune.Value))
        {
            kind = TokenKind.Word;
            return runeLength + MarksAfter(s, pos + runeLength, end);
        }
        if (IsWordCategory(category))
        {
            return ScanWord(s, pos, end, out kind);
        }
        kind = category is UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
            or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol
            ? TokenKind.Symbol
            : TokenKind.Punctuation;
        // Combining marks after a symbol (e.g. a keycap) belong to it.
        return runeLength + MarksAfter(s, pos + runeLength, end);
    }

    private static int ScanWord(string s, int pos, int end, out TokenKind kind)
    {
        var startsWithDigit = char.IsDigit(s[pos]);
        var i = pos;
        while (i < end)
        {
            // ASCII letters and digits, the common case, without decoding a rune.
            if (char.IsAsciiLetterOrDigit(s[i]))
            {
                i++;
                continue;
            }
            if (s[i] < 0x80)
            {
                // Other ASCII characters are neither letters nor digits nor CJK: only a joiner continues the word.
                if (i > pos && IsJoiner(s, i, end))
                {
                    i += 1;
                    continue;
                }
                break;
            }
            var rune = ReadRune(s, i, end, out var length);
            if (IsCjk(rune.Value))
            {
                break;
            }
            if (IsWordCategory(Rune.GetUnicodeCategory(rune)) || rune.Value is 0x200C or 0x200D)
            {
                i += length;
                continue;
            }
            if (i > pos && IsJoiner(s, i, end))
            {
                i += 1;
                continue;
            }
            break;
        }
        kind = startsWithDigit ? TokenKind.Number : TokenKind.Word;
        return i - pos;
    }

    // A joiner keeps "2020-2023", "71/243", "CWG-SFP", "10,5", "1.2", "10:30" and "l'Union" whole.
    internal static bool IsJoiner(string s, int i, int end)
    {
        var c = s[i];
        if (i + 1 >= end || c is not ('-' or '\u2010' or '\u2011' or '/' or '_' or '.' or ',' or ':' or '\'' or '\u2019'))
        {
            return false;
        }
        var before = s[i - 1];
        var after = s[i + 1];
        var afterRune = ReadRune(s, i + 1, end, out _);
        if (IsCjk(afterRune.Value) || !IsWordCategory(Rune.GetUnicodeCategory(afterRune)))
        {
            return false;
        }
        return c switch
        {
            '-' or '\u2010' or '\u2011' or '/' or '_' => true,
            '.' or ',' or ':' => char.IsDigit(before) && char.IsDigit(after),
            '\'' or '\u2019' => char.IsLetter(before) && char.IsLetter(after),
            _ => false,
        };
    }

    private static int MarksAfter(string s, int pos, int end)
    {
        var i = pos;
        while (i < end)
        {
            if (s[i] < 0x300)
            {
                // No combining mark (nor U+FE0F, U+200D) lies below U+0300.
                break;
            }
            var rune = ReadRune(s, i, end, out var length);
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || rune.Value is 0xFE0F or 0x200D)
            {
                i += length;
            }
            else
            {
                break;
            }
        }
        return i - pos;
    }

    private static Rune ReadRune(string s, int pos, int end, out int length)
    {
        var c = s[pos];
        if (char.IsHighSurrogate(c) && pos + 1 < end && char.IsLowSurrogate(s[pos + 1]))
        {
            length = 2;
            return new Rune(c, s[pos + 1]);
        }
        length = 1;
        // A lone surrogate is not a valid scalar; treat it as the replacement character for classification only.
        return char.IsSurrogate(c) ? Rune.ReplacementChar : new Rune(c);
    }

    private static bool IsLineBreak(char c) => c is '\r' or '\n' or '\u2028' or '\u2029' or '\u0085';

    private static bool IsWordCategory(UnicodeCategory category) => category is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    // Scripts written without spaces between words: one character is one token.
    private static bool IsCjk(int v) =>
        v is >= 0x3040 and <= 0x30FF      // Hiragana, Katakana
        or >= 0x3400 and <= 0x4DBF        // CJK Extension A
        or >= 0x4E00 and <= 0x9FFF        // CJK Unified Ideographs
        or >= 0xF900 and <= 0xFAFF        // CJK Compatibility Ideographs
        or >= 0x20000 and <= 0x3134F;     // CJK Extensions B-G
}
