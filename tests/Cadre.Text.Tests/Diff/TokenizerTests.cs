using Cadre.Text.Diff;
using CsCheck;

namespace Cadre.Text.Tests.Diff;

public class TokenizerTests
{
    private static string[] Texts(string s) => Tokenizer.Tokenize(s).Select(t => t.Text).ToArray();

    [Fact]
    public void Concatenating_the_tokens_gives_back_the_input_exactly() =>
        TextGen.Text.Sample(text => Assert.Equal(text, string.Concat(Texts(text))), iter: 2000);

    [Fact]
    public void A_range_of_years_is_one_token() =>
        Assert.Equal(["période", " ", "2020-2023"], Texts("période 2020-2023"));

    [Fact]
    public void Run_together_revision_marks_stay_one_token() =>
        Assert.Equal(["2020-20232024-2027"], Texts("2020-20232024-2027"));

    [Fact]
    public void A_document_symbol_keeps_its_number_whole() =>
        Assert.Equal(["(", "Document", " ", "CWG-SFP", " ", "2/6", ")"], Texts("(Document CWG-SFP 2/6)"));

    [Fact]
    public void A_UN_resolution_number_and_a_decimal_are_one_token_each() =>
        Assert.Equal(["Résolutions", " ", "71/243", " ", "et", " ", "10,5", ";"], Texts("Résolutions 71/243 et 10,5;"));

    [Fact]
    public void Punctuation_whitespace_and_line_breaks_are_tokens_of_their_own()
    {
        var tokens = Tokenizer.Tokenize("a)\tles, \"x\"\r\nb");
        Assert.Equal(["a", ")", "\t", "les", ",", " ", "\"", "x", "\"", "\r\n", "b"], tokens.Select(t => t.Text));
        Assert.Equal(TokenKind.LineBreak, tokens[9].Kind);
        Assert.Equal(TokenKind.Whitespace, tokens[2].Kind);
        Assert.Equal(TokenKind.Punctuation, tokens[1].Kind);
    }

    [Fact]
    public void French_elisions_and_hyphenated_words_are_one_token() =>
        Assert.Equal(["l'Union", " ", "socio\u2011économique", " ", "hommes/femmes"], Texts("l'Union socio\u2011économique hommes/femmes"));

    [Fact]
    public void Each_Chinese_character_is_a_token() =>
        Assert.Equal(["国", "际", "电", "信", "联", "盟", "。"], Texts("国际电信联盟。"));

    [Fact]
    public void Arabic_words_keep_their_diacritics() =>
        Assert.Equal(["الاتحادُ", " ", "الدولي", "،"], Texts("الاتحادُ الدولي،"));

    [Fact]
    public void Words_are_counted_without_whitespace_or_punctuation() =>
        Assert.Equal(5, Tokenizer.CountWords("décide, d'adopter le plan 2024-2027."));
}
