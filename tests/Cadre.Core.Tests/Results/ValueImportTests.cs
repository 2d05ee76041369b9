using System.Text;
using Cadre.Core.Data;
using Cadre.Core.Results;
using Cadre.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Tests.Results;

public sealed class ValueImportTests
{
    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task A_sheet_with_bad_rows_lists_every_error_and_stores_nothing(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        await f.IndicatorAsync("1.1.a", dimensions: ["sex"]);
        await f.IndicatorAsync("1.1.b", owner: ResultsFixture.OtherReporter);
        const string sheet = """
            indicator,period,dimension,value,comment
            1.1.a,2025,,70,ok
            1.1.a,2030,,70,outside the plan
            9.9,2025,,70,unknown indicator
            1.1.a,2026,,abc,not a number
            1.1.a,2025,,71,duplicate
            1.1.a,2026,itu-region:africa,50,dimension the indicator lacks
            1.1.b,2025,,50,not mine
            1.1.a,2027,,150,out of range
            """;
        await using var db = f.As(ResultsFixture.ReporterActor);
        var result = await new ValueImport(db).CommitAsync(f.PlanId, Csv(sheet), SheetFormat.Csv);
        Assert.True(result.HasErrors);
        Assert.Equal(8, result.Rows.Count);
        Assert.Empty(result.Rows[0].Errors);
        Assert.All(result.Rows.Skip(1), r => Assert.NotEmpty(r.Errors));
        Assert.Equal([3, 4, 5, 6, 7, 8, 9], result.Rows.Where(r => !r.IsValid).Select(r => r.RowNumber));
        Assert.Contains("2", result.Rows[4].Errors[0], StringComparison.Ordinal); // duplicate of row 2
        Assert.Equal(0, await db.ReportedValues.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task A_clean_sheet_is_stored_whole_as_provisional_values(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        await f.IndicatorAsync("1.1.a", dimensions: ["sex"]);
        await f.IndicatorAsync("1.1.m", measure: Measure.Milestone, baseline: null, endTarget: 1);
        const string sheet = """
            indicator,name,unit,period,dimension,value,text,comment,evidence_url
            1.1.a,x,%,2024,,68,,,https://www.itu.int/itu-d/reports/statistics/
            1.1.a,x,%,2024,sex:female,65,,,
            1.1.a,x,%,2025,,,,,
            1.1.m,x,yes/no,2025,,yes,,,
            """;
        await using (var db = f.As(ResultsFixture.ReporterActor))
        {
            var preview = await new ValueImport(db).PreviewAsync(f.PlanId, Csv(sheet), SheetFormat.Csv);
            Assert.False(preview.HasErrors);
            Assert.Equal(3, preview.Rows.Count); // the blank template row is skipped
            Assert.Equal(0, await db.ReportedValues.CountAsync());
            var result = await new ValueImport(db).CommitAsync(f.PlanId, Csv(sheet), SheetFormat.Csv);
            Assert.False(result.HasErrors);
        }
        await using var check = f.As(ResultsFixture.PlannerActor);
        var values = await check.ReportedValues.OrderBy(v => v.Id).ToListAsync();
        Assert.Equal(3, values.Count);
        Assert.All(values, v => Assert.Equal(ValueStatus.Provisional, v.Status));
        Assert.Equal(1m, values[2].Value);
    }

    [Theory]
    [InlineData(SheetFormat.Csv)]
    [InlineData(SheetFormat.Xlsx)]
    public async Task The_template_lists_every_indicator_and_period_and_reads_back_without_errors(SheetFormat format)
    {
        await using var f = await ResultsFixture.CreateAsync(DatabaseProvider.Sqlite);
        await f.IndicatorAsync("1.1.a");
        await f.IndicatorAsync("1.1.b");
        await using var db = f.As(ResultsFixture.ReporterActor);
        using var buffer = new MemoryStream();
        await new ValueImport(db).WriteTemplateAsync(f.PlanId, null, format, buffer);
        buffer.Position = 0;
        var preview = await new ValueImport(db).PreviewAsync(f.PlanId, buffer, format);
        // Every row is blank, so nothing to import: a file-level message, no row errors.
        Assert.Empty(preview.Rows);
        Assert.Single(preview.FileErrors);
        buffer.Position = 0;
        var rows = MiniExcelLibs.MiniExcel.Query(buffer, useHeaderRow: true, excelType: format == SheetFormat.Csv ? MiniExcelLibs.ExcelType.CSV : MiniExcelLibs.ExcelType.XLSX).ToList();
        Assert.Equal(8, rows.Count); // 2 indicators × 4 years
    }

    [Fact]
    public async Task An_oversized_file_is_refused_before_it_is_parsed()
    {
        await using var f = await ResultsFixture.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = f.As(ResultsFixture.ReporterActor);
        using var big = new MemoryStream(new byte[ValueImport.MaxFileBytes + 10]);
        var preview = await new ValueImport(db).PreviewAsync(f.PlanId, big, SheetFormat.Csv);
        Assert.True(preview.HasErrors);
        Assert.Single(preview.FileErrors);
    }
}
