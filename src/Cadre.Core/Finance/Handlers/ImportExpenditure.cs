using System.Globalization;
using System.IO.Compression;
using System.Text;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Cadre.Core.Finance.Handlers;

/// <summary>One row of an expenditure file, as read, with what is wrong with it.</summary>
public sealed record ExpenditureRow(int Line, int? Year, string? Unit, CostCategory? Category, decimal? Amount, string? Description, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

public sealed record ExpenditurePreview(IReadOnlyList<ExpenditureRow> Rows, IReadOnlyList<string> FileErrors)
{
    public bool IsValid => FileErrors.Count == 0 && Rows.Count > 0 && Rows.All(r => r.IsValid);
    public decimal Total => Rows.Where(r => r.IsValid).Sum(r => r.Amount ?? 0);
}

/// <summary>
/// Imports actual expenditure from a spreadsheet (.xlsx or .csv) with the columns year, unit, category
/// (staff or non-staff), amount (CHF) and description. Every row is checked first; the import stores all
/// rows or none. Expenditure for a year without a budget, or of a closed biennium, is refused.
/// </summary>
public sealed class ImportExpenditure(CadreDbContext db)
{
    public const long MaxBytes = 1024 * 1024;
    public const int MaxRows = 10_000;
    private const long MaxUnpackedBytes = 20L * 1024 * 1024;
    private const int MaxEntries = 50;
    private static readonly string[] Columns = ["year", "unit", "category", "amount", "description"];

    /// <summary>Checks every row and says what is wrong, without storing anything.</summary>
    /// <param name="content">The file.</param>
    /// <param name="planId">The strategic plan whose budgets take the expenditure; null: the budgets of any plan (one must cover each year).</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<ExpenditurePreview> PreviewAsync(byte[] content, int? planId = null, CancellationToken ct = default)
    {
        FinancePermissions.EnsureCanEdit(db.Actor);
        var (rows, fileErrors) = Read(content);
        if (fileErrors.Count > 0) return new ExpenditurePreview([], fileErrors);
        var budgets = await BudgetsAsync(planId, ct);
        var checkedRows = rows.Select(r =>
        {
            if (r.Year is not int y) return r;
            var matching = budgets.Where(b => y >= b.StartYear && y <= b.EndYear).ToList();
            var budget = matching.FirstOrDefault();
            var errors = r.Errors.ToList();
            if (budget is null) errors.Add(Messages.Format("Finance.Import.NoBudget", y));
            else if (matching.Count > 1) errors.Add(Messages.Format("Finance.Import.SeveralBudgets", y));
            else if (budget.Closed) errors.Add(Messages.Format("Finance.Import.Closed", y, budget.StartYear, budget.EndYear));
            return r with { Errors = errors };
        }).ToList();
        return new ExpenditurePreview(checkedRows, rows.Count == 0 ? [Messages.Get("Finance.Import.Empty")] : []);
    }

    /// <summary>Stores every row, or nothing when any row has an error (the errors are keyed <c>rows[line]</c>).</summary>
    public async Task<int> HandleAsync(byte[] content, int? planId = null, CancellationToken ct = default)
    {
        var preview = await PreviewAsync(content, planId, ct);
        if (!preview.IsValid)
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (preview.FileErrors.Count > 0) errors["file"] = [.. preview.FileErrors];
            foreach (var r in preview.Rows.Where(r => !r.IsValid)) errors[$"rows[{r.Line}]"] = [.. r.Errors];
            throw new ValidationFailedException(errors);
        }
        var budgets = await BudgetsAsync(planId, ct);
        var now = db.UtcNow;
        foreach (var r in preview.Rows)
        {
            var budget = budgets.First(b => r.Year >= b.StartYear && r.Year <= b.EndYear);
            db.Expenditures.Add(new Expenditure
            {
                BudgetId = budget.Id,
                Year = r.Year!.Value,
                Unit = r.Unit!,
                Category = r.Category!.Value,
                Amount = r.Amount!.Value,
                Description = r.Description,
                ImportedAtUtc = now,
            });
        }
        await db.SaveChangesAsync(ct);
        return preview.Rows.Count;
    }

    private sealed record BudgetPeriod(int Id, int StartYear, int EndYear, bool Closed);

    private async Task<List<BudgetPeriod>> BudgetsAsync(int? planId, CancellationToken ct)
    {
        if (planId is int id && !await db.FinancialPlans.AnyAsync(f => f.PlanId == id, ct))
        {
            throw new NotFoundException(Messages.Format("Error.NotFound.Plan", id));
        }
        return await db.Budgets.AsNoTracking().Where(b => planId == null || b.FinancialPlan!.PlanId == planId)
            .Select(b => new BudgetPeriod(b.Id, b.StartYear, b.EndYear, b.Closed)).ToListAsync(ct);
    }

    /// <summary>Reads the rows of a file; the file's type is told by its content, never by its name.</summary>
    public static (List<ExpenditureRow> Rows, List<string> FileErrors) Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0) return ([], [Messages.Get("Finance.Import.Empty")]);
        if (content.Length > MaxBytes) return ([], [Messages.Format("Finance.Import.TooLarge", MaxBytes / 1024)]);
        var isXlsx = content.Length > 4 && content[0] == 0x50 && content[1] == 0x4B && content[2] == 0x03 && content[3] == 0x04;
        if (isXlsx)
        {
            try
            {
                using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
                if (zip.Entries.Count > MaxEntries || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes) return ([], [Messages.Get("Finance.Import.Unreadable")]);
            }
            catch (InvalidDataException)
            {
                return ([], [Messages.Get("Finance.Import.Unreadable")]);
            }
        }
        else
        {
            try
            {
                _ = new UTF8Encoding(false, true).GetString(content);
            }
            catch (DecoderFallbackException)
            {
                return ([], [Messages.Get("Finance.Import.Unreadable")]);
            }
        }

        List<IDictionary<string, object?>> raw;
        try
        {
            using var stream = new MemoryStream(content);
            raw = MiniExcel.Query(stream, useHeaderRow: true, excelType: isXlsx ? ExcelType.XLSX : ExcelType.CSV)
                .Take(MaxRows + 1)
                .Select(r => (IDictionary<string, object?>)r)
                .ToList();
        }
#pragma warning disable CA1031 // A malformed file can fail in many ways inside the parser; each is the same answer to the user.
        catch (Exception)
#pragma warning restore CA1031
        {
            return ([], [Messages.Get("Finance.Import.Unreadable")]);
        }
        if (raw.Count > MaxRows) return ([], [Messages.Format("Finance.Import.TooManyRows", MaxRows)]);
        if (raw.Count == 0) return ([], [Messages.Get("Finance.Import.Empty")]);
        var headers = raw[0].Keys.Select(k => (Key: k, Name: k.Trim().ToLowerInvariant())).ToList();
        var missing = Columns.Take(4).Where(c => headers.All(h => h.Name != c)).ToList();
        if (missing.Count > 0) return ([], [Messages.Format("Finance.Import.MissingColumns", string.Join(", ", missing), string.Join(", ", Columns))]);
        string? Cell(IDictionary<string, object?> row, string column)
        {
            var key = headers.First(h => h.Name == column).Key;
            return row.TryGetValue(key, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() : null;
        }

        var rows = new List<ExpenditureRow>();
        for (var i = 0; i < raw.Count; i++)
        {
            var r = raw[i];
            var line = i + 2;
            var errors = new List<string>();
            var yearText = Cell(r, "year");
            var unitText = Cell(r, "unit");
            var categoryText = Cell(r, "category");
            var amountText = Cell(r, "amount");
            var description = headers.Any(h => h.Name == "description") ? Cell(r, "description") : null;
            if (string.IsNullOrEmpty(yearText) && string.IsNullOrEmpty(unitText) && string.IsNullOrEmpty(categoryText) && string.IsNullOrEmpty(amountText)) continue;

            int? year = int.TryParse(yearText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200 ? y : null;
            if (year is null) errors.Add(Messages.Format("Finance.Import.BadYear", yearText));
            var unit = FinanceUnits.Normalize(unitText);
            if (unit is null) errors.Add(Messages.Format("Finance.Error.UnknownUnit", unitText, string.Join(", ", FinanceUnits.All)));
            CostCategory? category = ParseCategory(categoryText);
            if (category is null) errors.Add(Messages.Format("Finance.Import.BadCategory", categoryText));
            decimal? amount = decimal.TryParse(amountText, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var a) ? a : null;
            if (amount is null) errors.Add(Messages.Format("Finance.Import.BadAmount", amountText));
            else
            {
                var v = new Validation();
                Money.Check(v, "amount", amount.Value);
                if (v.HasErrors)
                {
                    try
                    {
                        v.ThrowIfAny();
                    }
                    catch (ValidationFailedException ex)
                    {
                        errors.AddRange(ex.Errors.SelectMany(e => e.Value));
                    }
                }
            }
            if (description is { Length: > 400 }) errors.Add(Messages.Format("Error.TooLong", 400));
            rows.Add(new ExpenditureRow(line, year, unit, category, amount, string.IsNullOrWhiteSpace(description) ? null : description, errors));
        }
        return (rows, []);
    }

    private static CostCategory? ParseCategory(string? text)
    {
        var t = text?.Trim().Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return t?.ToLowerInvariant() switch
        {
            "staff" or "personnel" => CostCategory.Staff,
            "nonstaff" or "horspersonnel" => CostCategory.NonStaff,
            _ => null,
        };
    }
}
