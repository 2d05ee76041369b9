using System.Text.RegularExpressions;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Consultation;
using Cadre.Core.Consultation.Handlers;
using Cadre.Core.Governance;
using Cadre.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Consultation;

/// <summary>
/// Issue 5's survey journey: a Delegate answers the ITU-D objectives survey (first with a rank given
/// twice, then correctly), the chair publishes the results, and the results page shows the Schulze
/// order with its chart and tables. Every Consultation page is checked with axe in English and French.
/// </summary>
public sealed class SurveyJourneyTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly TestUser Chair = new("chair@browser.test", "saffron-tundra-beacon-6621", Roles.Chair);
    private static readonly TestUser MemberDelegate = new("delegate.mex@browser.test", "cobalt-prairie-ember-3158", Roles.Delegate);

    private static string T(string key, string language = "en") => UiText.Get("ConsultationText", key, language);

    private async Task<int> ArrangeAsync()
    {
        await App.CreateUserAsync(Chair);
        await App.CreateUserAsync(MemberDelegate);
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = App.CreateSystemDb(scope.ServiceProvider);
        var member = new Member { Code = "MEX", Name = new LocalizedText("Mexico", "Mexique"), Kind = MemberKind.MemberState };
        db.Members.Add(member);
        await db.SaveChangesAsync(Cancel);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        var user = await users.FindByEmailAsync(MemberDelegate.Email) ?? throw new InvalidOperationException("no delegate");
        user.MemberId = member.Id;
        await users.UpdateAsync(user);

        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        string[] objectives = ["D.1", "D.2", "D.3", "D.4"];
        var survey = await new SaveSurvey(db).HandleAsync(new SaveSurvey.Request(null, null, "BT-PRIORITIES",
            new Dictionary<string, string?> { ["en"] = "Priorities of the ITU-D objectives", ["fr"] = "Priorités des objectifs de l'UIT-D" }, null, null,
            now.AddDays(-1), now.AddDays(10), false,
            [
                new QuestionInput(QuestionKind.Ranking, new Dictionary<string, string?> { ["en"] = "Rank the objectives", ["fr"] = "Classez les objectifs" },
                    objectives.Select(o => new OptionInput(o, new Dictionary<string, string?> { ["en"] = "Objective " + o, ["fr"] = "Objectif " + o })).ToList()),
                new QuestionInput(QuestionKind.SingleChoice, new Dictionary<string, string?> { ["en"] = "Meet online?", ["fr"] = "Se réunir en ligne ?" },
                    [new OptionInput("yes", new Dictionary<string, string?> { ["en"] = "Yes", ["fr"] = "Oui" }), new OptionInput("no", new Dictionary<string, string?> { ["en"] = "No", ["fr"] = "Non" })]),
                new QuestionInput(QuestionKind.Likert, new Dictionary<string, string?> { ["en"] = "Satisfied?", ["fr"] = "Satisfait ?" }, ScalePoints: 5),
                new QuestionInput(QuestionKind.FreeText, new Dictionary<string, string?> { ["en"] = "Comments", ["fr"] = "Commentaires" }, Required: false),
            ]), Cancel);
        await new ChangeSurveyStatus(db).HandleAsync(new ChangeSurveyStatus.Request(survey.Id, survey.Version, SurveyAction.Open), Cancel);
        return survey.Id;
    }

    [Fact]
    public async Task A_Delegate_answers_the_survey_and_the_chair_publishes_the_results_with_the_chart_in_English_and_French()
    {
        var id = await ArrangeAsync();

        // The Delegate finds the survey and answers it.
        await OpenAsync("/", "home page, signed out");
        await SignInAsync(MemberDelegate);
        await NavigateAsync(() => Page.GetByRole(AriaRole.Navigation, new() { Name = UiText.Shared("Layout.MainNavigation") })
            .GetByRole(AriaRole.Link, new() { Name = UiText.Shared("Nav.Surveys"), Exact = true }).ClickAsync(), "surveys list");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "BT-PRIORITIES", Exact = true }).ClickAsync(), "survey page, not answered");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = T("Survey.Answer"), Exact = true }).ClickAsync(), "answer form, empty");

        // A rank given twice is refused, with the error linked to the question.
        await Page.GetByLabel("D.4: Objective D.4").SelectOptionAsync("1");
        await Page.GetByLabel("D.3: Objective D.3").SelectOptionAsync("1");
        await Page.GetByLabel("D.2: Objective D.2").SelectOptionAsync("3");
        await Page.GetByLabel("D.1: Objective D.1").SelectOptionAsync("4");
        await Page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("4", new() { Exact = true }).CheckAsync();
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = T("Answer.Submit"), Exact = true }).ClickAsync(), "answer form, rank given twice");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(new Regex("rank 1"));

        await Page.GetByLabel("D.3: Objective D.3").SelectOptionAsync("2");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = T("Answer.Submit"), Exact = true }).ClickAsync(), "survey page, answered");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("MEX");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = T("Survey.Revise"), Exact = true }).ClickAsync(), "answer form, filled");
        await Assertions.Expect(Page.GetByLabel("D.4: Objective D.4")).ToHaveValueAsync("1");
        await SwitchLanguageAsync("en", "fr", "answer form, French");
        await OpenAsync("/Consultation/Surveys", "surveys list, French");
        await OpenAsync($"/Consultation/Surveys/{id}", "survey page, French");

        // (That unpublished results are refused to a Delegate is checked over HTTP: a 404 here would be a console error.)
        await Page.GotoAsync("/culture?culture=en&returnUrl=/");
        await Page.GotoAsync("/");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = UiText.Shared("Layout.SignOut"), Exact = true }).ClickAsync(), "signed out");

        // The chair publishes the results after a confirmation step.
        await SignInAsync(Chair);
        await OpenAsync($"/Consultation/Surveys/{id}", "survey page, chair");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = T("Action.Publish"), Exact = true }).ClickAsync(), "publish confirmation");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = T("Action.Publish"), Exact = true }).ClickAsync(), "survey page, results published");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = T("Survey.SeeResults"), Exact = true }).ClickAsync(), "results page");
        await Assertions.Expect(Page.GetByText("1. D.4, 2. D.3, 3. D.2, 4. D.1")).ToBeVisibleAsync();
        var chart = Page.GetByRole(AriaRole.Img).First;
        await Assertions.Expect(chart).ToHaveAttributeAsync("alt", new Regex("D.4 3"));
        Assert.StartsWith("data:image/svg+xml;base64,", await chart.GetAttributeAsync("src"), StringComparison.Ordinal);
        await Assertions.Expect(Page.GetByRole(AriaRole.Table, new() { Name = T("Results.Pairwise") })).ToBeVisibleAsync();

        // The chair's other pages.
        await OpenAsync($"/Consultation/Surveys/{id}/Status?action=close", "close confirmation");
        await OpenAsync("/Consultation/Surveys/Edit", "new survey form, empty");
        await Page.GetByLabel(T("Edit.Questions"), new() { Exact = true }).FillAsync("ranking: Rank\nA = One");
        await NavigateAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = T("Edit.Save"), Exact = true }).ClickAsync(), "new survey form, errors");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();

        // The same pages in French.
        await SwitchLanguageAsync("en", "fr", "new survey form, French");
        await OpenAsync($"/Consultation/Surveys/{id}/Results", "results page, French");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Format("ConsultationText", "Results.Title", "fr", "BT-PRIORITIES"));
        await OpenAsync($"/Consultation/Surveys/{id}/Status?action=close", "close confirmation, French");
        await OpenAsync($"/Consultation/Surveys/{id}", "survey page, chair, French");
    }
}
