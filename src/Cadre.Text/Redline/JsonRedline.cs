using System.Text.Encodings.Web;
using System.Text.Json;
using Cadre.Text.Diff;

namespace Cadre.Text.Redline;

/// <summary>
/// JSON of an edit script: <c>{"counts":{...},"runs":[{"kind":"equal","text":"..."},{"kind":"moveTo","text":"...","move":1}]}</c>.
/// </summary>
public static class JsonRedline
{
    public static string Write(EditScript script, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(script);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.Default }))
        {
            w.WriteStartObject();
            w.WriteStartObject("counts");
            w.WriteNumber("wordsKept", script.Counts.WordsKept);
            w.WriteNumber("wordsInserted", script.Counts.WordsInserted);
            w.WriteNumber("wordsDeleted", script.Counts.WordsDeleted);
            w.WriteNumber("wordsMoved", script.Counts.WordsMoved);
            w.WriteNumber("moves", script.Counts.Moves);
            w.WriteEndObject();
            w.WriteStartArray("runs");
            foreach (var run in script.Runs)
            {
                w.WriteStartObject();
                w.WriteString("kind", KindName(run.Kind));
                w.WriteString("text", run.Text);
                if (run.MoveId != 0)
                {
                    w.WriteNumber("move", run.MoveId);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads back what <see cref="Write"/> produced.</summary>
    public static EditScript Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var runs = new List<EditRun>();
        foreach (var run in doc.RootElement.GetProperty("runs").EnumerateArray())
        {
            var kind = run.GetProperty("kind").GetString() switch
            {
                "equal" => EditKind.Equal,
                "insert" => EditKind.Insert,
                "delete" => EditKind.Delete,
                "moveFrom" => EditKind.MoveFrom,
                "moveTo" => EditKind.MoveTo,
                var other => throw new FormatException($"Unknown run kind '{other}'."),
            };
            var move = run.TryGetProperty("move", out var m) ? m.GetInt32() : 0;
            runs.Add(new EditRun(kind, run.GetProperty("text").GetString() ?? "", move));
        }
        return new EditScript(runs);
    }

    private static string KindName(EditKind kind) => kind switch
    {
        EditKind.Equal => "equal",
        EditKind.Insert => "insert",
        EditKind.Delete => "delete",
        EditKind.MoveFrom => "moveFrom",
        _ => "moveTo",
    };
}
