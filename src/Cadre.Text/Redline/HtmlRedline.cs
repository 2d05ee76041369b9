using System.Text;
using Cadre.Text.Diff;

namespace Cadre.Text.Redline;

/// <summary>
/// HTML views of an edit script. Every piece of text is HTML-encoded; line breaks become &lt;br&gt;.
/// Moves are &lt;del&gt;/&lt;ins&gt; with the class "move" and a data-move id, so that they read as changes without styles.
/// </summary>
public static class HtmlRedline
{
    /// <summary>The new text with deletions and insertions inline, as one &lt;div class="redline"&gt;.</summary>
    public static string Inline(EditScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var sb = new StringBuilder("<div class=\"redline\">");
        foreach (var run in script.Runs)
        {
            AppendRun(sb, run);
        }
        return sb.Append("</div>").ToString();
    }

    /// <summary>
    /// A two-column table, base on the left and new text on the right, one row per paragraph that both share
    /// (a row ends at each unchanged line break).
    /// </summary>
    public static string SideBySide(EditScript script, string baseCaption = "Base", string newCaption = "Proposal")
    {
        ArgumentNullException.ThrowIfNull(script);
        var sb = new StringBuilder("<table class=\"redline-side-by-side\"><thead><tr><th scope=\"col\">")
            .Append(Encode(baseCaption)).Append("</th><th scope=\"col\">").Append(Encode(newCaption)).Append("</th></tr></thead><tbody>");
        var left = new StringBuilder();
        var right = new StringBuilder();
        var open = false;
        foreach (var run in script.Runs)
        {
            if (run.Kind != EditKind.Equal)
            {
                if (run.InBase)
                {
                    AppendRun(left, run);
                }
                else
                {
                    AppendRun(right, run);
                }
                open = true;
                continue;
            }
            var text = run.Text;
            var start = 0;
            for (var k = 0; k < text.Length; k++)
            {
                if (text[k] != '\n')
                {
                    continue;
                }
                var piece = text[start..k];
                left.Append(Encode(piece));
                right.Append(Encode(piece));
                Row(sb, left, right);
                open = false;
                start = k + 1;
            }
            if (start < text.Length)
            {
                left.Append(Encode(text[start..]));
                right.Append(Encode(text[start..]));
                open = true;
            }
        }
        if (open)
        {
            Row(sb, left, right);
        }
        return sb.Append("</tbody></table>").ToString();
    }

    private static void Row(StringBuilder sb, StringBuilder left, StringBuilder right)
    {
        sb.Append("<tr><td>").Append(left).Append("</td><td>").Append(right).Append("</td></tr>");
        left.Clear();
        right.Clear();
    }

    private static void AppendRun(StringBuilder sb, EditRun run)
    {
        var text = Encode(run.Text);
        switch (run.Kind)
        {
            case EditKind.Insert:
                sb.Append("<ins>").Append(text).Append("</ins>");
                break;
            case EditKind.Delete:
                sb.Append("<del>").Append(text).Append("</del>");
                break;
            case EditKind.MoveFrom:
                sb.Append("<del class=\"move\" data-move=\"").Append(run.MoveId).Append("\">").Append(text).Append("</del>");
                break;
            case EditKind.MoveTo:
                sb.Append("<ins class=\"move\" data-move=\"").Append(run.MoveId).Append("\">").Append(text).Append("</ins>");
                break;
            default:
                sb.Append(text);
                break;
        }
    }

    // Encodes the five HTML-significant characters only, so that accented, Arabic and Chinese text stays readable.
    private static string Encode(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        for (var k = 0; k < text.Length; k++)
        {
            switch (text[k])
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\r' when k + 1 < text.Length && text[k + 1] == '\n': break;
                case '\r' or '\n': sb.Append("<br>\n"); break;
                default: sb.Append(text[k]); break;
            }
        }
        return sb.ToString();
    }
}
