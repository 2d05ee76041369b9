using Microsoft.AspNetCore.Mvc;
using Cadre.Core.Common;
using Cadre.Core.Reporting;
using Cadre.Core.Reporting.Handlers;

namespace Cadre.Web.Pages.Reporting;

/// <summary>
/// A workflow step's confirmation page: GET says what the step does, POST (with the report's version as read)
/// does it. Each step checks who may take it here and again in its Core handler.
/// </summary>
public abstract class StepModel(ReportingQueries queries) : ReportingPageModel
{
    public Report Report { get; private set; } = null!;

    [BindProperty]
    public int? Version { get; set; }

    protected abstract bool Allowed { get; }

    /// <summary>The step; returns the id of the report to show next.</summary>
    protected abstract Task<int> RunAsync(int id, CancellationToken ct);

    protected abstract string DoneMessage { get; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!Allowed) return Refuse();
        try
        {
            Report = await queries.GetAsync(id, ct);
            Version = Report.Version;
            return Page();
        }
        catch (CadreException ex)
        {
            return Fail(ex) ?? NotFound();
        }
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!Allowed) return Refuse();
        try
        {
            var next = await RunAsync(id, ct);
            Flash(DoneMessage);
            return Redirect($"/Reporting/{next}");
        }
        catch (CadreException ex)
        {
            if (Fail(ex) is { } result) return result;
        }
        try
        {
            Report = await queries.GetAsync(id, ct);
        }
        catch (CadreException ex)
        {
            return Fail(ex) ?? NotFound();
        }
        return Page();
    }

    public string ReportTitle => Title(Report.Plan?.Code ?? "", Report.Kind, Report.Year, Report.VersionNumber);
}

public sealed class SubmitModel(ReportingQueries queries, SubmitReport handler) : StepModel(queries)
{
    protected override bool Allowed => CanManage;
    protected override string DoneMessage => Text("Submit.Done");

    protected override async Task<int> RunAsync(int id, CancellationToken ct) =>
        (await handler.HandleAsync(new SubmitReport.Request(id, Version), ct)).Id;
}

public sealed class PublishModel(ReportingQueries queries, PublishReport handler) : StepModel(queries)
{
    protected override bool Allowed => CanManage;
    protected override string DoneMessage => Text("Publish.Done");

    protected override async Task<int> RunAsync(int id, CancellationToken ct) =>
        (await handler.HandleAsync(new PublishReport.Request(id, Version), ct)).Id;
}

public sealed class CorrectModel(ReportingQueries queries, CorrectReport handler) : StepModel(queries)
{
    protected override bool Allowed => CanManage;
    protected override string DoneMessage => Text("Correct.Done");

    protected override async Task<int> RunAsync(int id, CancellationToken ct) =>
        (await handler.HandleAsync(new CorrectReport.Request(id), ct)).Id;
}

public sealed class DecisionModel(ReportingQueries queries, RecordCouncilDecision handler) : StepModel(queries)
{
    [BindProperty]
    public string? Decision { get; set; }

    protected override bool Allowed => CanDecide;
    protected override string DoneMessage => Text("Decision.Done");

    protected override async Task<int> RunAsync(int id, CancellationToken ct) =>
        (await handler.HandleAsync(new RecordCouncilDecision.Request(id, Version, Decision), ct)).Id;
}

public sealed class NextPlanModel(ReportingQueries queries, CreateNextPlanFromEvaluation handler) : StepModel(queries)
{
    [BindProperty]
    public string? NewCode { get; set; }

    [BindProperty]
    public int? StartYear { get; set; }

    [BindProperty]
    public int? EndYear { get; set; }

    protected override bool Allowed => CanManage;
    protected override string DoneMessage => Text("NextPlan.Done");

    protected override async Task<int> RunAsync(int id, CancellationToken ct)
    {
        var v = new Validation();
        if (StartYear is null) v.Add("startYear", Messages.Get("Error.Required"));
        if (EndYear is null) v.Add("endYear", Messages.Get("Error.Required"));
        v.ThrowIfAny();
        return (await handler.HandleAsync(new CreateNextPlanFromEvaluation.Request(id, NewCode, StartYear!.Value, EndYear!.Value), ct)).Id;
    }
}
