using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace Cadre.Browser.Tests.Infrastructure;

/// <summary>One element that breaks an axe rule.</summary>
public sealed record AxeNode(string Target, string Html, string Why);

/// <summary>One axe rule broken on one page state.</summary>
public sealed record AxeViolation(string RuleId, string? Impact, string Help, string HelpUrl, IReadOnlyList<AxeNode> Nodes);

/// <summary>The violations found on one page state.</summary>
public sealed record AxeFinding(string State, string Url, IReadOnlyList<AxeViolation> Violations);

/// <summary>
/// axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules (QUALITY.md, Accessibility). No rule is switched off
/// and nothing is excluded: a violation on a page is the page owner's to fix.
/// </summary>
public static class AxeCheck
{
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>Runs axe on the page as it is now; returns the violations, or null when there is none.</summary>
    /// <param name="state">What the page shows (e.g. "plans list, French"), for the messages.</param>
    public static async Task<AxeFinding?> FindViolationsAsync(this IPage page, string state)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var options = new AxeRunOptions
        {
            RunOnly = RunOnlyOptions.Tags(Tags),
            ResultTypes = [ResultType.Violations],
        };
        var result = await page.RunAxe(options);
        var violations = (result.Violations ?? []).Select(v => new AxeViolation(
            v.Id, v.Impact, v.Help, v.HelpUrl,
            (v.Nodes ?? []).Select(n => new AxeNode(
                n.Target?.ToString() ?? "",
                Shorten(n.Html, 300),
                Shorten(string.Join(" | ", (n.Any ?? []).Concat(n.All ?? []).Concat(n.None ?? []).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct()), 400))).ToList())).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"axe: {state} ({page.Url}): {violations.Count} violation(s){(violations.Count == 0 ? "" : ": " + string.Join(", ", violations.Select(v => v.RuleId)))}");
        return violations.Count == 0 ? null : new AxeFinding(state, page.Url, violations);
    }

    /// <summary>Runs axe on the page as it is now and fails at once when any violation exists.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, string state)
    {
        if (await page.FindViolationsAsync(state) is { } finding) throw new XunitException(Describe([finding]));
    }

    /// <summary>
    /// A readable report: each page state with its broken rules, then each violation once (rule id, impact, help,
    /// target selector, HTML snippet, why) with the page states where it occurs.
    /// </summary>
    public static string Describe(IReadOnlyList<AxeFinding> findings)
    {
        var text = new StringBuilder();
        text.AppendLine($"axe-core found WCAG A/AA violations on {findings.Count} page state(s):");
        foreach (var f in findings) text.AppendLine($"- {f.State} ({f.Url}): {string.Join(", ", f.Violations.Select(v => v.RuleId))}");
        text.AppendLine("Violations:");
        var byRule = findings
            .SelectMany(f => f.Violations.Select(v => (Finding: f, Violation: v)))
            .GroupBy(x => x.Violation.RuleId, StringComparer.Ordinal);
        foreach (var rule in byRule)
        {
            var first = rule.First().Violation;
            text.AppendLine($"- {first.RuleId} [{first.Impact}] {first.Help} ({first.HelpUrl})");
            var nodes = rule
                .SelectMany(x => x.Violation.Nodes.Select(n => (x.Finding.State, Node: n)))
                .GroupBy(x => x.Node.Html, StringComparer.Ordinal); // axe words a selector differently from page to page
            foreach (var node in nodes)
            {
                var n = node.First().Node;
                text.AppendLine($"    target: {n.Target}");
                text.AppendLine($"    html:   {n.Html}");
                if (n.Why.Length > 0) text.AppendLine($"    why:    {n.Why}");
                text.AppendLine($"    on:     {string.Join("; ", node.Select(x => x.State).Distinct())}");
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
