using Cadre.Core.Results;
using Microsoft.AspNetCore.Authorization;

namespace Cadre.Web.Pages.Results;

/// <summary>What waits for the signed-in user: values to report (a Reporter) and values to validate (a Validator).</summary>
[Authorize]
public sealed class MyWorkModel(TimeProvider clock) : ResultsPageModel
{
    public int Year { get; private set; }
    public List<(Indicator Indicator, IReadOnlyList<string> MissingPeriods, IReadOnlyList<ReportedValue> Rejected)> ToReport { get; private set; } = [];
    public List<(Indicator Indicator, ReportedValue Value)> ToValidate { get; private set; } = [];
    public bool IsReporter => Actor.IsInRole(Cadre.Core.Identity.Roles.Reporter);
    public bool IsValidator => Actor.IsInRole(Cadre.Core.Identity.Roles.Validator);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = clock.GetUtcNow().Year;
        ToReport = await Reads.ToReportAsync(Year, ct);
        ToValidate = await Reads.AwaitingValidationAsync(ct);
    }
}
