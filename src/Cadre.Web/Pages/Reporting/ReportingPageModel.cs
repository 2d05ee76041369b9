using Microsoft.AspNetCore.Mvc;
using Cadre.Core.Reporting;
using Cadre.Core.Reporting.Model;
using Cadre.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Cadre.Web.Pages.Reporting;

/// <summary>What every Reporting page needs on top of <see cref="CadrePageModel"/>: permissions, labels and strings.</summary>
public abstract class ReportingPageModel : CadrePageModel
{
    private IStringLocalizer<ReportingText>? _text;

    protected override IReadOnlySet<string> WholeItemErrorKeys => Whole;

    private static readonly IReadOnlySet<string> Whole = new HashSet<string>(StringComparer.Ordinal) { "status", "kind", "source", "content" };

    public bool CanManage => ReportingPermissions.CanManage(Actor);

    public bool CanDecide => ReportingPermissions.CanRecordDecision(Actor);

    public bool CanReadDrafts => Core.Planning.PlanningPermissions.CanReadDrafts(Actor);

    protected string Text(string key, params object[] arguments) =>
        (_text ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<ReportingText>>())[key, arguments].Value;

    public string StatusLabel(ReportWorkflowStatus status) => Text("Status." + status);

    public string KindLabel(ReportKind kind) => Text("Kind." + kind);

    public string Title(string planCode, ReportKind kind, int year, int version) =>
        kind == ReportKind.Evaluation ? Text("Report.TitleEvaluation", planCode, year, version) : Text("Report.TitleAnnual", planCode, year, version);
}
