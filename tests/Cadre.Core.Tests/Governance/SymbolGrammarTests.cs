using Cadre.Core.Governance;

namespace Cadre.Core.Tests.Governance;

public sealed class SymbolGrammarTests
{
    public static TheoryData<string, string, int?, int?, DocumentSeries, int, int?, int?, int?, string?> Valid() => new()
    {
        // symbol, body, year, meeting, series, number, rev, add, corr, language
        { "TDAG-20/3/3", "TDAG", 20, 3, DocumentSeries.Main, 3, null, null, null, null },
        { "TDAG-20/59", "TDAG", 20, null, DocumentSeries.Main, 59, null, null, null, null },
        { "TDAG-20/DT/7", "TDAG", 20, null, DocumentSeries.Temporary, 7, null, null, null, null },
        { "TDAG-20/3/7", "TDAG", 20, 3, DocumentSeries.Main, 7, null, null, null, null },
        { "TDAG-WG-Prep/25-E", "TDAG-WG-Prep", null, null, DocumentSeries.Main, 25, null, null, null, "E" },
        { "TDAG-WG-RDTP/9-E", "TDAG-WG-RDTP", null, null, DocumentSeries.Main, 9, null, null, null, "E" },
        { "C20/28", "C", 20, null, DocumentSeries.Main, 28, null, null, null, null },
        { "C20/35", "C", 20, null, DocumentSeries.Main, 35, null, null, null, null },
        { "CWG-SFP 2/6", "CWG-SFP", null, 2, DocumentSeries.Main, 6, null, null, null, null },
        { "CWG-SFP 2/5", "CWG-SFP", null, 2, DocumentSeries.Main, 5, null, null, null, null },
        { "C20/28(Rev.1)", "C", 20, null, DocumentSeries.Main, 28, 1, null, null, null },
        { "C20/28(Rev.1)-F", "C", 20, null, DocumentSeries.Main, 28, 1, null, null, "F" },
        { "TDAG-20/59(Add.2)-E", "TDAG", 20, null, DocumentSeries.Main, 59, null, 2, null, "E" },
        { "TDAG-20/59(Corr.1)", "TDAG", 20, null, DocumentSeries.Main, 59, null, null, 1, null },
        { "TDAG-20/59(Rev.2)(Add.1)(Corr.3)-R", "TDAG", 20, null, DocumentSeries.Main, 59, 2, 1, 3, "R" },
        { "C20/INF/3-S", "C", 20, null, DocumentSeries.Information, 3, null, null, null, "S" },
        { "TSAG-22/DT/14-A", "TSAG", 22, null, DocumentSeries.Temporary, 14, null, null, null, "A" },
        { "RAG-21/12-C", "RAG", 21, null, DocumentSeries.Main, 12, null, null, null, "C" },
        { "  C20/28  ", "C", 20, null, DocumentSeries.Main, 28, null, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Real_symbols_are_parsed_into_their_parts(string text, string body, int? year, int? meeting, DocumentSeries series, int number, int? rev, int? add, int? corr, string? language)
    {
        Assert.True(SymbolGrammar.TryParse(text, out var s, out var error), error);
        Assert.Equal(new DocumentSymbol(body, year, meeting, series, number, rev, add, corr, language), s);
        // Printing the parts gives the symbol back.
        Assert.Equal(text.Trim(), s!.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("TDAG")]
    [InlineData("TDAG-20")]
    [InlineData("TDAG-20/")]
    [InlineData("/59")]
    [InlineData("tdag-20/59")]
    [InlineData("TDAG-20/0")]
    [InlineData("TDAG-20/59-X")]
    [InlineData("TDAG-20/59-EN")]
    [InlineData("TDAG-20/59(Rev.0)")]
    [InlineData("TDAG-20/59(Rev.1)(Rev.2)")]
    [InlineData("TDAG-20/59(Add.1)(Rev.1)")]
    [InlineData("TDAG-20/59(Rev 1)")]
    [InlineData("TDAG-20/59 draft")]
    [InlineData("C2020/28")]
    [InlineData("20/59")]
    [InlineData("TDAG-20/DT/")]
    [InlineData("TDAG-20/59-E-F")]
    public void Bad_symbols_are_refused_with_a_reason(string text)
    {
        Assert.False(SymbolGrammar.TryParse(text, out var s, out var error));
        Assert.Null(s);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Versions_of_a_document_share_their_base_symbol()
    {
        Assert.True(SymbolGrammar.TryParse("C20/28(Rev.1)-F", out var a, out _));
        Assert.True(SymbolGrammar.TryParse("C20/28-E", out var b, out _));
        Assert.Equal("C20/28", a!.BaseSymbol);
        Assert.Equal(a.BaseSymbol, b!.BaseSymbol);
    }
}
