using System.Globalization;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Cadre.Core.Results.Handlers;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Cadre.Core.Results;

public enum SheetFormat
{
    Xlsx,
    Csv,
}

/// <summary>One row of an uploaded sheet, as read, with every error found in it (row numbers as the spreadsheet shows them: the header is row 1).</summary>
public sealed record ImportRow(int RowNumber, string? Indicator, string? Period, string? DimensionValue, string? Value, string? Comment, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>What an import would do: every row with its errors. Nothing is stored unless <see cref="HasErrors"/> is false and the caller commits.</summary>
public sealed record ImportPreview(string PlanCode, IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> FileErrors)
{
    public int ErrorRowCount => Rows.Count(r => !r.IsValid);
    public bool HasErrors => FileErrors.Count > 0 || ErrorRowCount > 0;
}

/// <summary>
/// Bulk entry of values: a template for a plan (optionally one responsible unit) as .xlsx or .csv, and an
/// import that first checks every row (unknown indicator, period outside the plan or not matching the
/// indicator's frequency, value not a number or out of range, duplicate row, dimension value the indicator
/// does not have, indicator not the reporter's) and then stores all rows in one transaction, or nothing.
/// Used by the web upload page, the API and the CLI.
/// </summary>
public sealed class ValueImport(CadreDbContext db)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxRows = 20_000;

    public static readonly IReadOnlyList<string> Columns = ["indicator", "name", "unit", "period", "dimension", "value", "text", "comment", "evidence_url"];

    public static SheetFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xlsx" => SheetFormat.Xlsx,
        ".csv" => SheetFormat.Csv,
        _ => null,
    };

    /// <summary>Writes the template: one row per indicator and reporting period of the plan (values blank, except those already reported and not validated).</summary>
    public async Task WriteTemplateAsync(int planId, string? responsibleUnit, SheetFormat format, Stream output, string language = "en", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Plan", planId));
        if (!PlanningPermissions.CanRead(db.Actor, plan)) throw new NotFoundException(Messages.Format("Error.NotFound.Plan", planId));
        var q = db.Indicators.AsNoTracking().Where(i => i.PlanId == planId);
        if (!string.IsNullOrWhiteSpace(responsibleUnit)) q = q.Where(i => i.ResponsibleUnit == responsibleUnit);
        var indicators = await q.OrderBy(i => i.Code).ToListAsync(ct);
        var rows = new List<Dictionary<string, object?>>();
        foreach (var i in indicators)
        {
            foreach (var period in PeriodsOf(i, plan))
            {
                rows.Add(new Dictionary<string, object?>
                {
                    ["indicator"] = i.Code,
                    ["name"] = i.Name.Get(language, plan.OriginalLanguage),
                    ["unit"] = i.Measure switch
                    {
                        Measure.Milestone => "yes/no",
                        Measure.Qualitative => "0-3",
                        Measure.Percentage => "%",
                        _ => i.Unit ?? i.Currency ?? "",
                    },
                    ["period"] = period,
                    ["dimension"] = "",
                    ["value"] = "",
                    ["text"] = "",
                    ["comment"] = "",
                    ["evidence_url"] = "",
                });
            }
        }
        if (rows.Count == 0) rows.Add(Columns.ToDictionary(c => c, _ => (object?)""));
        await output.SaveAsAsync(rows, printHeader: true, excelType: format == SheetFormat.Csv ? ExcelType.CSV : ExcelType.XLSX, cancellationToken: ct);
    }

    /// <summary>The reporting periods of an indicator within its plan.</summary>
    public static IEnumerable<string> PeriodsOf(Indicator indicator, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(plan);
        return indicator.Frequency switch
        {
            Frequency.Annual => Enumerable.Range(plan.StartYear, plan.EndYear - plan.StartYear + 1).Select(y => y.ToString(CultureInfo.InvariantCulture)),
            Frequency.Quarterly => Enumerable.Range(plan.StartYear, plan.EndYear - plan.StartYear + 1).SelectMany(y => Enumerable.Range(1, 4).Select(q => FormattableString.Invariant($"{y}-Q{q}"))),
            _ => ResultsInput.CustomPeriodList(indicator.CustomPeriods),
        };
    }

    /// <summary>Reads and checks a sheet; stores nothing.</summary>
    public async Task<ImportPreview> PreviewAsync(int planId, Stream content, SheetFormat format, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var (preview, _) = await CheckAsync(planId, content, format, progress, ct);
        return preview;
    }

    /// <summary>
    /// Checks the sheet and, when every row is valid, stores every row as a provisional value in one transaction.
    /// Returns the preview; when it has errors nothing was stored.
    /// </summary>
    public async Task<ImportPreview> CommitAsync(int planId, Stream content, SheetFormat format, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var (preview, plans) = await CheckAsync(planId, content, format, progress, ct);
        if (preview.HasErrors) return preview;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = plans.Select(p => p.Indicator.Id).Distinct().ToList();
        var latest = (await db.ReportedValues.Where(v => ids.Contains(v.IndicatorId)).ToListAsync(ct))
            .GroupBy(v => (v.IndicatorId, v.SeriesKey)).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Revision)!);
        foreach (var p in plans)
        {
            var value = latest.GetValueOrDefault((p.Indicator.Id, p.Key));
            if (value is not { Status: ValueStatus.Provisional })
            {
                value = new ReportedValue
                {
                    IndicatorId = p.Indicator.Id,
                    Period = p.Period.Code,
                    Year = p.Period.Year,
                    SubPeriod = p.Period.Sub,
                    DimensionValueId = p.DimensionValueId,
                    SeriesKey = p.Key,
                    Revision = (value?.Revision ?? 0) + 1,
                };
                db.ReportedValues.Add(value);
            }
            ValueRules.Fill(db, value, p.Value, p.Text, p.Comment, p.EvidenceUrl is null ? null : new Evidence(p.EvidenceUrl));
        }
        await ValueRules.SaveAsync(db, ct);
        await tx.CommitAsync(ct);
        return preview;
    }

    private sealed record Planned(Indicator Indicator, Period Period, int? DimensionValueId, string Key, decimal Value, string? Text, string? Comment, string? EvidenceUrl);

    private async Task<(ImportPreview, List<Planned>)> CheckAsync(int planId, Stream content, SheetFormat format, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!db.Actor.IsAuthenticated || !db.Actor.IsInRole(Identity.Roles.Reporter)) throw new ForbiddenException(Messages.Get("Error.Forbidden"));
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Plan", planId));
        if (!PlanningPermissions.CanRead(db.Actor, plan)) throw new NotFoundException(Messages.Format("Error.NotFound.Plan", planId));

        var fileErrors = new List<string>();
        var raw = new List<IDictionary<string, object?>>();
        using (var buffer = new MemoryStream())
        {
            var limited = new byte[81920];
            int n;
            while ((n = await content.ReadAsync(limited, ct)) > 0)
            {
                buffer.Write(limited, 0, n);
                if (buffer.Length > MaxFileBytes)
                {
                    fileErrors.Add(Messages.Format("Error.Results.FileTooLarge", MaxFileBytes / (1024 * 1024)));
                    return (new ImportPreview(plan.Code, [], fileErrors), []);
                }
            }
            buffer.Position = 0;
            try
            {
                foreach (var row in buffer.Query(useHeaderRow: true, excelType: format == SheetFormat.Csv ? ExcelType.CSV : ExcelType.XLSX))
                {
                    if (raw.Count >= MaxRows)
                    {
                        fileErrors.Add(Messages.Format("Error.Results.TooManyRows", MaxRows));
                        return (new ImportPreview(plan.Code, [], fileErrors), []);
                    }
                    raw.Add((IDictionary<string, object?>)row);
                }
            }
#pragma warning disable CA1031 // Any failure to read the file is reported to the user as an unreadable file.
            catch (Exception)
#pragma warning restore CA1031
            {
                fileErrors.Add(Messages.Get("Error.Results.FileUnreadable"));
                return (new ImportPreview(plan.Code, [], fileErrors), []);
            }
        }
        if (raw.Count > 0)
        {
            var headers = raw[0].Keys.Select(k => k.Trim().ToLowerInvariant()).ToHashSet();
            foreach (var required in new[] { "indicator", "period", "value" }.Where(c => !headers.Contains(c)))
            {
                fileErrors.Add(Messages.Format("Error.Results.MissingColumn", required));
            }
            if (fileErrors.Count > 0) return (new ImportPreview(plan.Code, [], fileErrors), []);
        }

        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId)
            .Include(i => i.Dimensions).ThenInclude(d => d.Dimension!).ThenInclude(d => d.Values)
            .AsSplitQuery().ToDictionaryAsync(i => i.Code, StringComparer.OrdinalIgnoreCase, ct);
        var rows = new List<ImportRow>();
        var planned = new List<Planned>();
        var seen = new Dictionary<(int, string), int>();
        var validatedSeries = (await db.ReportedValues.AsNoTracking().Where(v => v.Indicator!.PlanId == planId)
                .GroupBy(v => new { v.IndicatorId, v.SeriesKey }).Select(g => new { g.Key.IndicatorId, g.Key.SeriesKey, Rev = g.Max(v => v.Revision) })
                .ToListAsync(ct))
            .ToDictionary(x => (x.IndicatorId, x.SeriesKey), x => x.Rev);
        var validatedLatest = (await db.ReportedValues.AsNoTracking().Where(v => v.Indicator!.PlanId == planId && v.Status == ValueStatus.Validated)
                .Select(v => new { v.IndicatorId, v.SeriesKey, v.Revision }).ToListAsync(ct))
            .Where(v => validatedSeries.GetValueOrDefault((v.IndicatorId, v.SeriesKey)) == v.Revision)
            .Select(v => (v.IndicatorId, v.SeriesKey)).ToHashSet();

        for (var r = 0; r < raw.Count; r++)
        {
            var cells = raw[r].ToDictionary(k => k.Key.Trim().ToLowerInvariant(), k => Cell(k.Value));
            var rowNumber = r + 2;
            var code = cells.GetValueOrDefault("indicator");
            var periodText = cells.GetValueOrDefault("period");
            var dimension = cells.GetValueOrDefault("dimension");
            var valueText = cells.GetValueOrDefault("value");
            var text = cells.GetValueOrDefault("text");
            var comment = cells.GetValueOrDefault("comment");
            var url = cells.GetValueOrDefault("evidence_url");
            progress?.Report(r + 1);
            if (string.IsNullOrWhiteSpace(valueText) && string.IsNullOrWhiteSpace(text))
            {
                continue; // A template row left blank: nothing to report.
            }
            var errors = new List<string>();
            Indicator? indicator = null;
            if (string.IsNullOrWhiteSpace(code)) errors.Add(Messages.Get("Error.Results.IndicatorRequired"));
            else if (!indicators.TryGetValue(code.Trim(), out indicator)) errors.Add(Messages.Format("Error.Results.UnknownIndicator", code));
            else if (!ResultsPermissions.CanSubmit(db.Actor, indicator)) errors.Add(Messages.Format("Error.Results.NotYourIndicatorCode", indicator.Code));
            var period = default(Period);
            DimensionValue? dv = null;
            decimal parsed = 0;
            if (indicator is not null)
            {
                if (ResultsInput.ParsePeriod(indicator, plan, periodText, out period) is string pe) errors.Add(pe);
                if (!string.IsNullOrWhiteSpace(dimension))
                {
                    dv = SaveIndicator.FindDimensionValue(indicator.Dimensions.Select(d => d.Dimension!), dimension);
                    if (dv is null) errors.Add(Messages.Format("Error.Results.DimensionValueNotOnIndicator", dimension));
                }
                if (!ResultsInput.TryParseValue(indicator.Measure, valueText, out parsed))
                {
                    errors.Add(Messages.Format("Error.Results.NotANumber", valueText));
                }
                else if (ResultsInput.CheckValue(indicator.Measure, parsed) is string ve)
                {
                    errors.Add(ve);
                }
            }
            if (text is { Length: > 4000 } || comment is { Length: > 2000 }) errors.Add(Messages.Format("Error.TooLong", text is { Length: > 4000 } ? 4000 : 2000));
            if (ResultsInput.CheckEvidenceUrl(url) is string ue) errors.Add(ue);
            if (indicator is not null && errors.Count == 0)
            {
                var key = ReportedValue.KeyOf(period.Code, dv?.Id);
                if (seen.TryGetValue((indicator.Id, key), out var first)) errors.Add(Messages.Format("Error.Results.DuplicateRow", first));
                else seen[(indicator.Id, key)] = rowNumber;
                if (validatedLatest.Contains((indicator.Id, key))) errors.Add(Messages.Format("Error.Results.AlreadyValidated", period.Code));
                if (errors.Count == 0)
                {
                    planned.Add(new Planned(indicator, period, dv?.Id, key, parsed, text, comment, string.IsNullOrWhiteSpace(url) ? null : url.Trim()));
                }
            }
            rows.Add(new ImportRow(rowNumber, code, periodText, dimension, valueText, comment, errors));
        }
        if (rows.Count == 0) fileErrors.Add(Messages.Get("Error.Results.NoRows"));
        return (new ImportPreview(plan.Code, rows, fileErrors), planned);
    }

    private static string? Cell(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
