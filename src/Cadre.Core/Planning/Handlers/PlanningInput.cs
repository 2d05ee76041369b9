using System.Text.RegularExpressions;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Planning.Handlers;

/// <summary>Checks shared by the Planning handlers.</summary>
internal static partial class PlanningInput
{
    public const int CodeMaxLength = 40;
    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    [GeneratedRegex(@"^[\p{L}\p{Nd}][\p{L}\p{Nd}._\-]*$")]
    private static partial Regex CodePattern();

    public static string? NormalizeCode(string? code) => code?.Trim();

    public static void Code(Validation v, string field, string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) v.Add(field, Messages.Get("Error.Required"));
        else if (code.Length > CodeMaxLength || !CodePattern().IsMatch(code)) v.Add(field, Messages.Format("Error.InvalidCode", CodeMaxLength));
    }

    /// <summary>Checks a per-language text: known languages and length; optionally at least one value.</summary>
    public static LocalizedText Text(Validation v, string field, IReadOnlyDictionary<string, string?>? values, int maxLength, bool required)
    {
        var text = new LocalizedText();
        if (values is not null)
        {
            foreach (var (lang, value) in values)
            {
                if (!LocalizedText.IsSupported(lang))
                {
                    v.Add(field, Messages.Format("Error.UnknownLanguage", lang));
                    continue;
                }
                if (value is not null && value.Trim().Length > maxLength)
                {
                    v.Add($"{field}.{lang}", Messages.Format("Error.TooLong", maxLength));
                    continue;
                }
                text[lang] = value;
            }
        }
        if (required && text.IsEmpty) v.Add(field, Messages.Get("Error.TitleRequired"));
        return text;
    }

    /// <summary>Replaces only the languages given, so that an edit in one language keeps the others.</summary>
    public static void Merge(LocalizedText target, LocalizedText changes, IReadOnlyDictionary<string, string?>? given)
    {
        if (given is null) return;
        foreach (var lang in given.Keys.Where(LocalizedText.IsSupported)) target[lang] = changes[lang];
    }

    public static void Years(Validation v, int start, int end)
    {
        if (start is < MinYear or > MaxYear) v.Add("startYear", Messages.Format("Error.YearRange", MinYear, MaxYear));
        if (end is < MinYear or > MaxYear) v.Add("endYear", Messages.Format("Error.YearRange", MinYear, MaxYear));
        if (end < start) v.Add("endYear", Messages.Get("Error.EndBeforeStart"));
    }

    public static void Language(Validation v, string field, string? language)
    {
        if (!LocalizedText.IsSupported(language)) v.Add(field, Messages.Format("Error.UnknownLanguage", language));
    }

    /// <summary>Loads a plan that the current user may change: a Planner, and the plan not superseded.</summary>
    public static async Task<Plan> PlanForEditAsync(CadreDbContext db, int planId, CancellationToken ct)
    {
        PlanningPermissions.EnsureCanEdit(db.Actor);
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Plan", planId));
        if (plan.Status == PlanStatus.Superseded) throw new ValidationFailedException("plan", Messages.Format("Error.PlanReadOnly", plan.Code));
        return plan;
    }

    public static async Task<(Dictionary<int, TreeNode> Nodes, Dictionary<string, LevelRule> Levels)> TreeAsync(CadreDbContext db, int planId, CancellationToken ct)
    {
        var levels = await db.FrameworkLevels.Where(l => l.PlanId == planId).ToListAsync(ct);
        var levelCodeById = levels.ToDictionary(l => l.Id, l => l.Code);
        var nodes = await db.PlanElements.Where(e => e.PlanId == planId)
            .Select(e => new { e.Id, e.ParentId, e.LevelId, e.SortOrder, e.Code })
            .ToListAsync(ct);
        return (
            nodes.ToDictionary(n => n.Id, n => new TreeNode(n.Id, n.ParentId, levelCodeById[n.LevelId], n.SortOrder, n.Code)),
            levels.ToDictionary(l => l.Code, ToRule, StringComparer.Ordinal));
    }

    public static LevelRule ToRule(FrameworkLevel l) => new(l.Code, l.AllowedAtRoot, l.ParentCodes);

    public static string LevelName(FrameworkLevel level) => level.Name.Get(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
}
