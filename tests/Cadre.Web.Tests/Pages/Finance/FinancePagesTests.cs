using System.Net;
using Cadre.Core.Demo;
using Cadre.Core.Identity;
using Cadre.Web.Tests.Identity;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Pages.Finance;

/// <summary>Every Finance page renders the demo data for a Planner, in English and French.</summary>
public sealed class FinancePagesTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    [Fact]
    public async Task Every_finance_page_shows_the_demo_in_english_and_french()
    {
        await using (var db = App.NewDbContext()) await DemoData.LoadAsync(db, Ct);
        int plan, risk, op;
        await using (var db = App.NewDbContext())
        {
            plan = await db.Plans.Where(p => p.Code == DemoData.StrategicPlanCode).Select(p => p.Id).SingleAsync(Ct);
            risk = await db.Risks.Select(r => r.Id).FirstAsync(Ct);
            op = await db.Plans.Where(p => p.Code == "ITU-D-OP-2025-2028").Select(p => p.Id).SingleAsync(Ct);
        }
        var planner = await App.ClientAsAsync(Roles.Planner);
        string[] urls =
        [
            "/Finance", $"/Finance/Plans/{plan}", $"/Finance/Plans/{plan}?layout=results", $"/Finance/Plans/{plan}/Budgets", $"/Finance/Plans/{plan}/Attribution",
            $"/Finance/Plans/{plan}/Coherence", $"/Finance/Plans/{plan}/Risks", $"/Finance/Risks/{risk}", $"/Finance/Plans/{plan}/Keys/ITU-D",
            "/Finance/Expenditure/Import", $"/Finance/Operational/{op}/RollForward", $"/Finance/Operational/{op}", $"/Finance/Plans/{plan}/Edit",
            $"/Finance/Plans/{plan}/Delete", $"/Finance/Plans/{plan}/Budgets/2026/Edit", $"/Finance/Plans/{plan}/Goals", $"/Finance/Plans/{plan}/Risks/Create",
            $"/Finance/Risks/{risk}/Edit", $"/Finance/Risks/{risk}/Delete",
        ];
        foreach (var culture in new[] { "en", "fr" })
        {
            foreach (var url in urls)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.AcceptLanguage.ParseAdd(culture);
                using var response = await planner.SendAsync(request, Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} ({culture}): {(int)response.StatusCode}\n{body[..Math.Min(body.Length, 2000)]}");
                Assert.Single(System.Text.RegularExpressions.Regex.Matches(body, "<h1[ >]"));
                Assert.DoesNotContain(" style=\"", body, StringComparison.Ordinal);
            }
        }
        using var coherence = new HttpRequestMessage(HttpMethod.Get, $"/Finance/Plans/{plan}/Coherence");
        coherence.Headers.AcceptLanguage.ParseAdd("fr");
        var text = await (await planner.SendAsync(coherence, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("O5", text, StringComparison.Ordinal);
        Assert.Contains("Corriger", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_expenditure_file_shows_its_error_without_a_count_of_zero_rows()
    {
        var planner = await App.SignedInClientAsync(await App.CreateUserWithPasswordAsync(Roles.Planner));
        var token = IdentityTestSupport.FormToken(await planner.GetStringAsync("/Finance/Expenditure/Import", Ct));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent([0, 1, 2, 3, 0xFF, 0xFE]), "Upload", "junk.xlsx" },
        };

        using var response = await planner.PostAsync("/Finance/Expenditure/Import?handler=Preview", form, Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The file is neither a readable .xlsx workbook nor a UTF-8 .csv file.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("0 of 0 rows", body, StringComparison.Ordinal);
    }
}
