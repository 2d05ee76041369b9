using System.Diagnostics;
using System.Text;
using Cadre.Text.Diff;

namespace Cadre.Text.Tests.Diff;

/// <summary>
/// <c>git diff --no-index --word-diff=porcelain</c> on Cadre's tokens, for GitComparisonTests and the Drafting benchmark
/// (bench/Cadre.Benchmarks compiles this same file): both texts are written with a space between any two adjacent
/// non-blank tokens, so that git's words are exactly Cadre's tokens and its lines Cadre's paragraphs.
/// </summary>
public static class GitWords
{
    /// <summary>The text as git should see it: Cadre's non-blank tokens separated by spaces, paragraphs on lines.</summary>
    public static string Spaced(string text)
    {
        var sb = new StringBuilder(text.Length + (text.Length / 4));
        var previousIsToken = false;
        foreach (var token in Tokenizer.Tokenize(text))
        {
            switch (token.Kind)
            {
                case TokenKind.LineBreak:
                    // Line breaks other than "\n" keep their identity with a mark that is not a word.
                    sb.Append(token.Text switch { "\n" => "", "\r\n" => " \u00B6", "\r" => " \u00B6\u00B6", _ => " \u00B6\u00B6\u00B6" }).Append('\n');
                    previousIsToken = false;
                    break;
                case TokenKind.Whitespace:
                    // A prefix-free code in spaces and tabs, so that blanks that differ still differ for git.
                    foreach (var c in token.Text)
                    {
                        sb.Append(c switch { ' ' => " ", '\t' => "\t ", _ => "\t\t" });
                    }
                    previousIsToken = false;
                    break;
                default:
                    if (previousIsToken)
                    {
                        sb.Append(' ');
                    }
                    // A lone surrogate cannot be written as UTF-8; any stand-in works as long as it is consistent.
                    sb.Append(token.Text.Replace("\uD800", "\\uD800", StringComparison.Ordinal));
                    previousIsToken = true;
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Words (Cadre's word and number tokens) that <c>git diff --word-diff=porcelain</c> inserts and deletes.</summary>
    public static (int Inserted, int Deleted) Diff(string folder, string a, string b)
    {
        File.WriteAllText(Path.Combine(folder, "a.txt"), Spaced(a));
        File.WriteAllText(Path.Combine(folder, "b.txt"), Spaced(b));
        var start = new ProcessStartInfo("git", ["diff", "--no-index", "--no-color", "--word-diff=porcelain", "a.txt", "b.txt"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return Count(output);
    }

    /// <summary>Words (Cadre's word and number tokens) that a <c>--word-diff=porcelain</c> output inserts and deletes.</summary>
    public static (int Inserted, int Deleted) Count(string output)
    {
        var inHunk = false;
        int inserted = 0, deleted = 0;
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                inHunk = true;
            }
            else if (inHunk && line.Length > 0 && line[0] == '+')
            {
                inserted += Tokenizer.CountWords(line[1..]);
            }
            else if (inHunk && line.Length > 0 && line[0] == '-')
            {
                deleted += Tokenizer.CountWords(line[1..]);
            }
        }
        return (inserted, deleted);
    }
}
