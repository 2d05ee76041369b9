using System.Globalization;
using System.Text;
using Cadre.Core.Consultation;
using Cadre.Core.Consultation.Handlers;

namespace Cadre.Web.Pages.Consultation.Surveys;

/// <summary>
/// The questions of the survey form as plain text, so that a chair can write them without JavaScript.
/// Questions are separated by a blank line; the first line is <c>KIND: question</c>, where KIND is
/// <c>ranking</c> (or <c>ranking 3</c> for the top 3), <c>single</c>, <c>multiple</c>, <c>likert</c>
/// (or <c>likert 7</c>) or <c>text</c>, followed by <c>optional</c> when an answer is not required;
/// each option follows on its own line as <c>CODE = label</c>.
/// </summary>
public static class QuestionText
{
    public sealed record ParseError(int Line, string Key, string? Argument = null);

    public static (List<QuestionInput> Questions, ParseError? Error) Parse(string? text, string language)
    {
        var questions = new List<QuestionInput>();
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        QuestionKind? kind = null;
        string? question = null;
        int? number = null;
        var optional = false;
        var options = new List<OptionInput>();
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i].Trim() : "";
            if (line.Length == 0)
            {
                if (kind is QuestionKind k)
                {
                    questions.Add(new QuestionInput(k, new Dictionary<string, string?> { [language] = question }, options.Count == 0 ? null : options,
                        !optional, k == QuestionKind.Ranking ? number : null, k == QuestionKind.Likert ? number ?? 5 : null));
                }
                kind = null;
                options = [];
                continue;
            }
            if (kind is null)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0) return (questions, new ParseError(i + 1, "Edit.Error.Header"));
                var words = line[..colon].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToList();
                kind = words.FirstOrDefault() switch
                {
                    "ranking" or "classement" => QuestionKind.Ranking,
                    "single" or "unique" => QuestionKind.SingleChoice,
                    "multiple" => QuestionKind.MultipleChoice,
                    "likert" or "scale" or "échelle" => QuestionKind.Likert,
                    "text" or "texte" => QuestionKind.FreeText,
                    _ => null,
                };
                if (kind is null) return (questions, new ParseError(i + 1, "Edit.Error.Kind", words.FirstOrDefault()));
                number = null;
                optional = false;
                foreach (var w in words.Skip(1))
                {
                    if (int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) number = n;
                    else if (w is "optional" or "facultative" or "facultatif") optional = true;
                    else return (questions, new ParseError(i + 1, "Edit.Error.Word", w));
                }
                question = line[(colon + 1)..].Trim();
                continue;
            }
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) return (questions, new ParseError(i + 1, "Edit.Error.Option"));
            options.Add(new OptionInput(line[..equals].Trim(), new Dictionary<string, string?> { [language] = line[(equals + 1)..].Trim() }));
        }
        return (questions, null);
    }

    public static string Write(Survey survey, string language)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var sb = new StringBuilder();
        foreach (var q in survey.Questions.OrderBy(q => q.Position))
        {
            if (sb.Length > 0) sb.Append('\n');
            var kind = q.Kind switch
            {
                QuestionKind.Ranking => "ranking" + (q.TopK is int k ? " " + k.ToString(CultureInfo.InvariantCulture) : ""),
                QuestionKind.SingleChoice => "single",
                QuestionKind.MultipleChoice => "multiple",
                QuestionKind.Likert => "likert " + (q.ScalePoints ?? 5).ToString(CultureInfo.InvariantCulture),
                _ => "text",
            };
            sb.Append(kind).Append(q.Required ? "" : " optional").Append(": ").Append(q.Text.Get(language)).Append('\n');
            foreach (var o in q.Options.OrderBy(o => o.Position)) sb.Append(o.Code).Append(" = ").Append(o.Label.Get(language)).Append('\n');
        }
        return sb.ToString();
    }
}
