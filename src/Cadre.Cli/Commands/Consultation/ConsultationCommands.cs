using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Cadre.Cli.Infrastructure;
using Cadre.Core.Consultation;

namespace Cadre.Cli.Commands.Consultation;

/// <summary><c>cadre consultation</c>: rank aggregation of ballot files, without a database.</summary>
public static class ConsultationCommands
{
    public const long MaxBytes = 64L * 1024 * 1024;

    public static Command Create(CliContext cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var consultation = new Command("consultation", CliText.Get("Consultation.Description"));
        consultation.Subcommands.Add(Aggregate(cli));
        return consultation;
    }

    private static Command Aggregate(CliContext cli)
    {
        var file = new Argument<string>("BALLOTS.csv") { Description = CliText.Get("Consultation.Aggregate.File") };
        var method = new Option<string>("--method", "-m") { Description = CliText.Get("Consultation.Aggregate.Method"), DefaultValueFactory = _ => "schulze", HelpName = "mean|borda|schulze" };
        method.AcceptOnlyFromAmong("mean", "borda", "schulze");
        var command = new Command("aggregate", CliText.Get("Consultation.Aggregate.Description")) { file, method };
        cli.SetAction(command, async (r, ct) =>
        {
            var path = r.GetValue(file)!;
            string text;
            if (path == "-")
            {
                text = await cli.Console.In.ReadToEndAsync(ct);
            }
            else
            {
                var info = new FileInfo(path);
                if (!info.Exists) throw CliException.Invalid("Consultation.Aggregate.NoFile", path);
                if (info.Length > MaxBytes) throw CliException.Invalid("Consultation.Aggregate.TooLarge", path, MaxBytes / (1024 * 1024));
                text = await File.ReadAllTextAsync(path, ct);
            }
            var (items, ballots) = BallotFile.Parse(text);
            object result = r.GetValue(method) switch
            {
                "mean" => Mean(items, ballots),
                "borda" => Borda(items, ballots),
                _ => Schulze(items, ballots),
            };
            cli.Console.Out.WriteLine(JsonSerializer.Serialize(result, CliJson.Options));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static object Mean(IReadOnlyList<string> items, IReadOnlyList<Ballot> ballots)
    {
        var means = RankAggregation.MeanRanks(ballots, items.Count);
        return new
        {
            Method = "mean",
            Ballots = ballots.Count,
            Ranking = means.Select(m => new { Rank = 1 + means.Count(o => o.Mean < m.Mean), Item = items[m.Item], MeanRank = Math.Round(m.Mean, 6), m.Distribution }),
        };
    }

    private static object Borda(IReadOnlyList<string> items, IReadOnlyList<Ballot> ballots)
    {
        var scores = RankAggregation.Borda(ballots, items.Count);
        return new
        {
            Method = "borda",
            Ballots = ballots.Count,
            Ranking = scores.Select(s => new { Rank = 1 + scores.Count(o => o.Points > s.Points), Item = items[s.Item], s.Points }),
        };
    }

    private static object Schulze(IReadOnlyList<string> items, IReadOnlyList<Ballot> ballots)
    {
        var s = RankAggregation.Schulze(ballots, items.Count);
        var n = items.Count;
        return new
        {
            Method = "schulze",
            Ballots = ballots.Count,
            Ranking = s.Order.Select(i => new { Rank = s.Ranks[i], Item = items[i] }),
            CondorcetWinner = s.CondorcetWinner is int w ? items[w] : null,
            Items = items,
            Pairwise = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => s.Pairwise[i, j]).ToArray()),
        };
    }
}

/// <summary>
/// A ballot file: one ballot a line, items in rank order (best first) separated by commas, quoted as
/// in CSV when an item holds a comma. Blank lines and lines starting with # are skipped. Every ballot
/// ranks every item exactly once; the items are those of the first ballot.
/// </summary>
public static class BallotFile
{
    public static (IReadOnlyList<string> Items, IReadOnlyList<Ballot> Ballots) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<string>? items = null;
        Dictionary<string, int>? index = null;
        var ballots = new List<Ballot>();
        var lineNumber = 0;
        using var reader = new StringReader(text);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (lineNumber == 1 && line.Length > 0 && line[0] == '\uFEFF') line = line[1..];
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#')) continue;
            var fields = Fields(line, lineNumber);
            if (fields.Any(f => f.Length == 0)) throw CliException.Invalid("Consultation.Aggregate.EmptyItem", lineNumber);
            if (items is null)
            {
                var repeated = fields.GroupBy(f => f, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
                if (repeated is not null) throw CliException.Invalid("Consultation.Aggregate.Repeated", lineNumber, repeated.Key);
                items = fields;
                index = items.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
            }
            var ranking = new List<int>(fields.Count);
            var seen = new HashSet<int>();
            foreach (var f in fields)
            {
                if (!index!.TryGetValue(f, out var i)) throw CliException.Invalid("Consultation.Aggregate.Unknown", lineNumber, f, string.Join(", ", items));
                if (!seen.Add(i)) throw CliException.Invalid("Consultation.Aggregate.Repeated", lineNumber, f);
                ranking.Add(i);
            }
            if (ranking.Count != items.Count)
            {
                var missing = items.Where((_, i) => !seen.Contains(i));
                throw CliException.Invalid("Consultation.Aggregate.Omitted", lineNumber, string.Join(", ", missing));
            }
            ballots.Add(new Ballot(ranking));
        }
        if (items is null) throw CliException.Invalid("Consultation.Aggregate.Empty");
        return (items, ballots);
    }

    private static List<string> Fields(string line, int lineNumber)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"' && current.ToString().Trim().Length == 0) { quoted = true; wasQuoted = true; current.Clear(); }
            else if (c == ',') { fields.Add(wasQuoted ? current.ToString() : current.ToString().Trim()); current.Clear(); wasQuoted = false; }
            else current.Append(c);
        }
        if (quoted) throw CliException.Invalid("Consultation.Aggregate.Quote", lineNumber);
        fields.Add(wasQuoted ? current.ToString() : current.ToString().Trim());
        return fields;
    }
}
