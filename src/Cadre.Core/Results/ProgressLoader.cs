using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cadre.Core.Results;

/// <summary>
/// Loads what <see cref="ProgressEngine"/> needs for a plan (or one indicator) with plain data readers over a narrow
/// projection: no change tracking, no entity or anonymous object per row, the values streamed in indicator order and
/// folded into each indicator's yearly observations as they arrive. Works on every provider (SQLite and PostgreSQL):
/// the SQL is built from the EF model's table and column names. Gives exactly what the LINQ version gave (a test
/// compares the two on both databases): per indicator, the specs with targets per year, and per year the value that
/// counts, the latest validated revision of each period (summed over the year's periods for per-period numbers and
/// amounts reported more often than yearly, else the year's last period).
/// </summary>
internal static class ProgressLoader
{
    /// <summary>Each statement for a whole plan and for one indicator of it.</summary>
    private sealed record Statements(string Indicators, string Targets, string Values, string IndicatorsOne, string TargetsOne, string ValuesOne);

    // The SQL depends only on the model and the provider: built once per provider.
    private static readonly ConcurrentDictionary<string, Statements> Cache = new(StringComparer.Ordinal);

    public static async Task<ProgressService.PlanData> LoadAsync(CadreDbContext db, int planId, int? indicatorId, CancellationToken ct, bool names = true)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.StartYear, p.EndYear }).FirstAsync(ct);
        var sql = Cache.GetOrAdd(db.Database.ProviderName ?? "", _ => Build(db));
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var single = indicatorId is not null;

            // 1. The indicators, in their order.
            var rows = new List<IndicatorRow>();
            await using (var cmd = Command(connection, transaction, single ? sql.IndicatorsOne : sql.Indicators, planId, indicatorId))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                while (await r.ReadAsync(ct))
                {
                    // Names and units only for pages (not for figures alone).
                    var name = names ? new LocalizedText
                    {
                        En = Text(r, 3), Fr = Text(r, 4), Es = Text(r, 5), Ar = Text(r, 6), Zh = Text(r, 7), Ru = Text(r, 8),
                    } : NoName;
                    var measure = Enum.Parse<Measure>(r.GetString(10));
                    var frequency = Enum.Parse<Frequency>(r.GetString(15));
                    var cumulative = r.GetBoolean(16);
                    rows.Add(new IndicatorRow(
                        r.GetInt32(0), r.GetInt32(1), names ? r.GetString(2) : "", name, names ? Text(r, 9) : null, measure, Enum.Parse<Direction>(r.GetString(11)),
                        Number(r, 12), r.IsDBNull(13) ? null : r.GetInt32(13), Number(r, 14),
                        frequency != Frequency.Annual && !cumulative && measure is Measure.Number or Measure.Currency,
                        r.GetDecimal(17), Number(r, 18), Number(r, 19)));
                }
            }
            var index = new Dictionary<int, int>(rows.Count);
            for (var k = 0; k < rows.Count; k++) index[rows[k].Id] = k;

            // 2. The targets for the whole (no dimension value).
            var periodTargets = new List<(int Indicator, string Period, int Year, decimal Value)>();
            var endTargets = new Dictionary<int, decimal>();
            await using (var cmd = Command(connection, transaction, single ? sql.TargetsOne : sql.Targets, planId, indicatorId))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                while (await r.ReadAsync(ct))
                {
                    var id = r.GetInt32(0);
                    if (r.IsDBNull(1)) endTargets.TryAdd(id, r.GetDecimal(3));
                    else periodTargets.Add((id, r.GetString(1), r.GetInt32(2), r.GetDecimal(3)));
                }
            }
            var targets = new Dictionary<int, decimal>?[rows.Count];
            // Per year: the sum of the year's period targets, or the target of its last period (in code order).
            var lastPeriod = new Dictionary<(int, int), string>();
            foreach (var (id, period, year, value) in periodTargets)
            {
                if (!index.TryGetValue(id, out var k)) continue;
                var t = targets[k] ??= [];
                if (rows[k].Sums)
                {
                    t[year] = t.GetValueOrDefault(year) + value;
                }
                else if (!lastPeriod.TryGetValue((id, year), out var seen) || string.CompareOrdinal(period, seen) >= 0)
                {
                    lastPeriod[(id, year)] = period;
                    t[year] = value;
                }
            }

            // 3. The validated values for the whole, in indicator order, folded per indicator as they come.
            var observations = new Dictionary<int, List<Observation>>(rows.Count);
            var latest = new Dictionary<string, (int Revision, int Year, int Sub, decimal Value)>(StringComparer.Ordinal);
            var current = -1;
            var subs = new List<int>();
            void Flush()
            {
                if (current < 0 || latest.Count == 0) return;
                if (!index.TryGetValue(current, out var k))
                {
                    latest.Clear();
                    return;
                }
                var sums = rows[k].Sums;
                var byYear = new List<Observation>(latest.Count);
                subs.Clear();
                foreach (var (_, (_, year, sub, value)) in latest)
                {
                    var at = -1;
                    for (var j = 0; j < byYear.Count; j++)
                    {
                        if (byYear[j].Year == year)
                        {
                            at = j;
                            break;
                        }
                    }
                    if (at < 0)
                    {
                        byYear.Add(new Observation(current, year, value));
                        subs.Add(sub);
                    }
                    else if (sums)
                    {
                        byYear[at] = new Observation(current, year, byYear[at].Value + value);
                    }
                    else if (sub > subs[at])
                    {
                        subs[at] = sub;
                        byYear[at] = new Observation(current, year, value);
                    }
                }
                observations[current] = byYear;
                latest.Clear();
            }
            await using (var cmd = Command(connection, transaction, single ? sql.ValuesOne : sql.Values, planId, indicatorId))
            {
                cmd.Parameters.Add(Parameter(cmd, "@validated", nameof(ValueStatus.Validated)));
                await using var r = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
                while (await r.ReadAsync(ct))
                {
                    var id = r.GetInt32(0);
                    if (id != current)
                    {
                        Flush();
                        current = id;
                    }
                    var key = r.GetString(1);
                    var year = r.GetInt32(2);
                    var sub = r.GetInt32(3);
                    var revision = r.GetInt32(4);
                    var value = r.GetDecimal(5);
                    if (!latest.TryGetValue(key, out var seen) || revision > seen.Revision) latest[key] = (revision, year, sub, value);
                }
                Flush();
            }

            var specs = new List<IndicatorSpec>(rows.Count);
            var info = new Dictionary<int, ProgressService.IndicatorInfo>(rows.Count);
            for (var k = 0; k < rows.Count; k++)
            {
                var row = rows[k];
                var t = targets[k] ?? [];
                var endTarget = endTargets.TryGetValue(row.Id, out var et) ? et : row.EndTarget;
                if (endTarget is decimal end && !t.ContainsKey(plan.EndYear)) t[plan.EndYear] = end;
                specs.Add(new IndicatorSpec(row.Id, row.ElementId, row.Measure, row.Direction, row.BaselineValue, row.BaselineYear ?? plan.StartYear - 1, t, row.Weight, row.BandLow, row.BandHigh));
                if (names) info[row.Id] = new ProgressService.IndicatorInfo(row.Code, row.Name, row.Unit, row.BaselineYear);
            }
            return new ProgressService.PlanData(specs, observations, info);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record IndicatorRow(
        int Id, int ElementId, string Code, LocalizedText Name, string? Unit, Measure Measure, Direction Direction,
        decimal? BaselineValue, int? BaselineYear, decimal? EndTarget, bool Sums, decimal Weight, decimal? BandLow, decimal? BandHigh);

    private static readonly LocalizedText NoName = new();

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static decimal? Number(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDecimal(i);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string text, int planId, int? indicatorId)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = text;
        cmd.Transaction = transaction;
        cmd.Parameters.Add(Parameter(cmd, "@plan", planId));
        if (indicatorId is int one) cmd.Parameters.Add(Parameter(cmd, "@one", one));
        return cmd;
    }

    private static DbParameter Parameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        return p;
    }

    /// <summary>The three statements, with the tables' and columns' names taken from the model and quoted for the provider.</summary>
    private static Statements Build(CadreDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var model = db.Model;
        (string Table, Func<string, string> Column) Of<T>()
        {
            var et = model.FindEntityType(typeof(T))!;
            var store = StoreObjectIdentifier.Table(et.GetTableName()!, et.GetSchema());
            return (sql.DelimitIdentifier(et.GetTableName()!, et.GetSchema()), path =>
            {
                var parts = path.Split('.');
                IProperty property = parts.Length == 1
                    ? et.FindProperty(parts[0])!
                    : et.FindComplexProperty(parts[0])!.ComplexType.FindProperty(parts[1])!;
                return sql.DelimitIdentifier(property.GetColumnName(store)!);
            });
        }
        var (indicators, i) = Of<Indicator>();
        var (targets, t) = Of<IndicatorTarget>();
        var (values, v) = Of<ReportedValue>();
        // {0}: nothing for the whole plan, or the condition for one indicator.
        var indicatorSql =
            $"SELECT i.{i("Id")}, i.{i("ElementId")}, i.{i("Code")}, i.{i("Name.En")}, i.{i("Name.Fr")}, i.{i("Name.Es")}, i.{i("Name.Ar")}, i.{i("Name.Zh")}, i.{i("Name.Ru")}, " +
            $"i.{i("Unit")}, i.{i("Measure")}, i.{i("Direction")}, i.{i("BaselineValue")}, i.{i("BaselineYear")}, i.{i("EndTarget")}, i.{i("Frequency")}, i.{i("Cumulative")}, " +
            $"i.{i("Weight")}, i.{i("BandLow")}, i.{i("BandHigh")} " +
            $"FROM {indicators} AS i WHERE i.{i("PlanId")} = @plan{{0}} ORDER BY i.{i("SortOrder")}, i.{i("Code")}";
        var targetSql =
            $"SELECT t.{t("IndicatorId")}, t.{t("Period")}, t.{t("Year")}, t.{t("Value")} FROM {targets} AS t " +
            $"INNER JOIN {indicators} AS i ON i.{i("Id")} = t.{t("IndicatorId")} " +
            $"WHERE i.{i("PlanId")} = @plan AND t.{t("DimensionValueId")} IS NULL{{0}}";
        // In indicator order, so that each indicator's values arrive together and are folded at once.
        var valueSql =
            $"SELECT v.{v("IndicatorId")}, v.{v("SeriesKey")}, v.{v("Year")}, v.{v("SubPeriod")}, v.{v("Revision")}, v.{v("Value")} FROM {values} AS v " +
            $"INNER JOIN {indicators} AS i ON i.{i("Id")} = v.{v("IndicatorId")} " +
            $"WHERE i.{i("PlanId")} = @plan AND v.{v("DimensionValueId")} IS NULL AND v.{v("Status")} = @validated AND v.{v("Value")} IS NOT NULL{{0}} " +
            $"ORDER BY v.{v("IndicatorId")}";
        var one = $" AND i.{i("Id")} = @one";
        static string Whole(string text) => text.Replace("{0}", "", StringComparison.Ordinal);
        string Single(string text) => text.Replace("{0}", one, StringComparison.Ordinal);
        return new Statements(Whole(indicatorSql), Whole(targetSql), Whole(valueSql), Single(indicatorSql), Single(targetSql), Single(valueSql));
    }
}
