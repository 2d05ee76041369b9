using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace Cadre.Browser.Tests.Infrastructure;

/// <summary>
/// axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules (QUALITY.md, Accessibility). No rule is switched off:
/// a violation on a page is the page owner's to fix.
/// </summary>
public static class AxeCheck
{
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>
    /// Runs axe on the page as it is now and returns a readable list of the violations (rule id, impact, help,
    /// target selectors, HTML snippet), or null when there is none.
    /// </summary>
    /// <param name="state">What the page shows (e.g. "plans list, French"), for the message.</param>
    public static async Task<string?> FindViolationsAsync(this IPage page, string state)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var options = new AxeRunOptions
        {
            RunOnly = RunOnlyOptions.Tags(Tags),
            ResultTypes = [ResultType.Violations],
        };
        var result = await page.RunAxe(options);
        var violations = result.Violations ?? [];
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"axe: {state} ({page.Url}): {violations.Length} violation(s){(violations.Length == 0 ? "" : ": " + string.Join(", ", violations.Select(v => v.Id)))}");
        return violations.Length == 0 ? null : Describe(state, page.Url, violations);
    }

    /// <summary>Runs axe on the page as it is now and fails at once when any violation exists.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, string state)
    {
        if (await page.FindViolationsAsync(state) is { } violations) throw new XunitException(violations);
    }

    public static string Describe(string state, string url, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        text.AppendLine($"axe-core found WCAG A/AA violations on {state} ({url}):");
        foreach (var v in violations)
        {
            text.AppendLine($"- {v.Id} [{v.Impact}] {v.Help} ({v.HelpUrl})");
            foreach (var node in v.Nodes ?? [])
            {
                text.AppendLine($"    target: {node.Target}");
                text.AppendLine($"    html:   {Shorten(node.Html, 300)}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct().ToList();
                if (checks.Count > 0) text.AppendLine($"    why:    {Shorten(string.Join(" | ", checks), 400)}");
            }
        }
        return text.ToString();
    }

    private static string Shorten(string? s, int max)
    {
        s = (s ?? "").ReplaceLineEndings(" ");
        return s.Length <= max ? s : s[..max] + "…";
    }
}
