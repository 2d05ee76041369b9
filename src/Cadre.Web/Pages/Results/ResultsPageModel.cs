using Cadre.Core.Data;
using Cadre.Web.Pages.Planning;
using Cadre.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Cadre.Web.Pages.Results;

/// <summary>What every Results page needs, on top of the Planning pages' refusals and error mapping.</summary>
public abstract class ResultsPageModel : PlanningPageModel
{
    private IStringLocalizer<ResultsText>? _results;
    private ResultsReads? _reads;

    /// <summary>The pages' reads, on the request's database context.</summary>
    protected ResultsReads Reads => _reads ??= new ResultsReads(HttpContext.RequestServices.GetRequiredService<CadreDbContext>());


    /// <summary>A Results interface string in the request's language.</summary>
    protected string RText(string key, params object[] arguments) =>
        (_results ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<ResultsText>>())[key, arguments].Value;
}
