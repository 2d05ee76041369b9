using System.Diagnostics;
using System.Text;
using Cadre.Text.Diff;
using CsCheck;

namespace Cadre.Text.Tests.Diff;

/// <summary>
/// The edit script is never longer than the one <c>git diff --no-index --word-diff</c> implies on the same
/// tokens. Both texts are given to git with a space between any two adjacent non-blank tokens of Cadre's
/// tokenizer (blanks written in spaces and tabs, line breaks as "\n", each keeping its identity), so that git's words are exactly
/// Cadre's non-blank tokens and its lines Cadre's paragraphs; git then diffs lines first and words inside the
/// changed ones, as it does on any text. The counts compared are words (words and numbers) inserted and deleted.
/// </summary>
public class GitComparisonTests
{
    private static readonly WordDiffOptions NoMoves = new() { DetectMoves = false };

    [Fact]
    public void The_edit_script_is_never_longer_than_gits_word_diff_on_the_same_tokens()
    {
        if (!File.Exists("/usr/bin/git"))
        {
            Assert.Skip("git is not installed.");
        }
        var folder = Directory.CreateTempSubdirectory("cadre-git-");
        try
        {
            TextGen.BaseAndProposal.Sample((b, p) =>
            {
                var (gitInserted, gitDeleted) = GitWordDiff(folder.FullName, b, p);
                var git = gitInserted + gitDeleted;

                // Without move detection every change is an insertion or a deletion, as in git's output.
                var plain = WordDiff.Compare(b, p, NoMoves).Counts;
                Assert.True(plain.WordsInserted + plain.WordsDeleted <= git,
                    $"Cadre inserts {plain.WordsInserted} and deletes {plain.WordsDeleted} words, git {gitInserted} and {gitDeleted}");

                // The view with moves (the default) is not held to this bound: on short random texts a near-copy
                // read as a move can leave more words inserted and deleted than the plain script (seeds
                // e21JEoZf_YV2 and cQ78OxX8wn41 of this generator). The bound is on the edit script itself.
            }, iter: 400, threads: 1);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_git_comparison_counts_the_words_git_changes()
    {
        if (!File.Exists("/usr/bin/git"))
        {
            Assert.Skip("git is not installed.");
        }
        var folder = Directory.CreateTempSubdirectory("cadre-git-");
        try
        {
            Assert.Equal((2, 2), GitWordDiff(folder.FullName, "un\ndeux trois (2020-2023),\nquatre\n", "un\ndeux (2024-2027) cinq,\nquatre\n"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

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
    public static (int Inserted, int Deleted) GitWordDiff(string folder, string a, string b)
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
