using Microsoft.AspNetCore.Mvc;
using Cadre.Core.Common;
using Cadre.Core.Reporting;
using Cadre.Core.Reporting.Model;
using Cadre.Core.Reporting.Writers;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Html;

namespace Cadre.Web.Pages.Reporting;

/// <summary>
/// The report as a web page, inside the site's layout: the HTML writer's fragment, written from the model kept
/// with the newest HTML file (in the reader's language if there is one). Public once published; a preview for
/// draft readers before.
/// </summary>
public sealed class PublicModel(ReportingQueries queries) : ReportingPageModel
{
    public Report Report { get; private set; } = null!;
    public ReportArtefact? Html { get; private set; }
    public IHtmlContent? ReportHtml { get; private set; }
    public IReadOnlyList<ReportingQueries.ArtefactSummary> Files { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        try
        {
            Report = await queries.GetAsync(id, ct);
            Files = await queries.ArtefactsAsync(id, ct);
            var language = Language is not null && LocalizedText.IsSupported(Language) ? Language : Localization.CurrentLanguage;
            Html = await queries.LatestArtefactAsync(id, ReportFormat.Html, language, ct);
        }
        catch (CadreException ex)
        {
            return Fail(ex) ?? NotFound();
        }
        if (Html is not null)
        {
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            HtmlReportWriter.WriteFragment(ReportJson.Deserialize(Html.ModelJson), writer);
            ReportHtml = new HtmlString(writer.ToString());
        }
        return Page();
    }

    public string ReportTitle => Title(Report.Plan?.Code ?? "", Report.Kind, Report.Year, Report.VersionNumber);
}
