using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Identity;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Cadre.Core.Reporting;
using Cadre.Core.Reporting.Handlers;
using Cadre.Core.Reporting.Model;
using Cadre.Core.Tests.Data;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Tests.Reporting;

public sealed class ReportWorkflowTests
{
    private static readonly FixedActor Planner = new("planner@test", "u-planner", [Roles.Planner]);
    private static readonly FixedActor Councillor = new("councillor@test", "u-council", [Roles.Councillor]);
    private static readonly FixedActor Delegate = new("delegate@test", "u-delegate", [Roles.Delegate], "CHE");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A plan with the sample's code and period, and elements with the sample's codes (for section keys).</summary>
    private static async Task<int> CreatePlanAsync(TestDatabase database)
    {
        await using var db = database.Context(Planner);
        var sample = SampleReportSource.Small().Data;
        var plan = await new CreatePlan(db).HandleAsync(new CreatePlan.Request(PlanKind.Strategic, sample.Plan.Code,
            new Dictionary<string, string?> { ["en"] = "Strategic plan" }, null, sample.Plan.StartYear, sample.Plan.EndYear), Ct);
        var goal = await db.FrameworkLevels.FirstAsync(l => l.PlanId == plan.Id && l.AllowedAtRoot, Ct);
        db.PlanElements.Add(new PlanElement { PlanId = plan.Id, LevelId = goal.Id, Code = "1", Title = new LocalizedText("Universal connectivity") });
        await db.SaveChangesAsync(Ct);
        return plan.Id;
    }

    private static async Task<Report> CreateReportAsync(TestDatabase database, int planId, int year = 2025)
    {
        await using var db = database.Context(Planner);
        return await new CreateReport(db).HandleAsync(new CreateReport.Request(planId, ReportKind.Annual, year), Ct);
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task A_report_goes_from_draft_to_Council_to_publication_and_then_never_changes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await CreatePlanAsync(database);
        var report = await CreateReportAsync(database, planId);
        Assert.Equal(ReportWorkflowStatus.Draft, report.Status);
        Assert.Equal(1, report.VersionNumber);

        await using (var db = database.Context(Planner))
        {
            await new SaveReportNarrative(db).HandleAsync(new SaveReportNarrative.Request(report.Id, "element:1", "en", "Coverage grew."), Ct);
            report = await new SubmitReport(db).HandleAsync(new SubmitReport.Request(report.Id, report.Version), Ct);
            Assert.Equal(ReportWorkflowStatus.Submitted, report.Status);
            // Submitted: the narratives are frozen.
            await Assert.ThrowsAsync<ValidationFailedException>(() =>
                new SaveReportNarrative(db).HandleAsync(new SaveReportNarrative.Request(report.Id, "element:1", "en", "Changed."), Ct));
            // Only a Councillor records the Council's decision.
            await Assert.ThrowsAsync<ForbiddenException>(() =>
                new RecordCouncilDecision(db).HandleAsync(new RecordCouncilDecision.Request(report.Id, null, "Noted."), Ct));
        }
        await using (var db = database.Context(Councillor))
        {
            var empty = await Assert.ThrowsAsync<ValidationFailedException>(() =>
                new RecordCouncilDecision(db).HandleAsync(new RecordCouncilDecision.Request(report.Id, null, "  "), Ct));
            Assert.Contains("decision", empty.Errors.Keys);
            await Assert.ThrowsAsync<ForbiddenException>(() => new PublishReport(db).HandleAsync(new PublishReport.Request(report.Id, null), Ct));
            report = await new RecordCouncilDecision(db).HandleAsync(new RecordCouncilDecision.Request(report.Id, null, "Council took note of the report (Decision 123)."), Ct);
        }
        await using (var db = database.Context(Planner))
        {
            report = await new PublishReport(db).HandleAsync(new PublishReport.Request(report.Id, report.Version), Ct);
            Assert.Equal(ReportWorkflowStatus.Published, report.Status);
            foreach (var attempt in new Func<Task>[]
            {
                () => new SaveReportNarrative(db).HandleAsync(new SaveReportNarrative.Request(report.Id, "element:1", "en", "Changed."), Ct),
                () => new SubmitReport(db).HandleAsync(new SubmitReport.Request(report.Id, null), Ct),
                () => new PublishReport(db).HandleAsync(new PublishReport.Request(report.Id, null), Ct),
                () => new QueueReportGeneration(db).HandleAsync(new QueueReportGeneration.Request(report.Id, ReportFormat.Docx, "en"), Ct),
            })
            {
                await Assert.ThrowsAsync<ValidationFailedException>(attempt);
            }
        }
        await using (var db = database.Context(Councillor))
        {
            await Assert.ThrowsAsync<ValidationFailedException>(() =>
                new RecordCouncilDecision(db).HandleAsync(new RecordCouncilDecision.Request(report.Id, null, "Another decision."), Ct));
        }

        await using var check = database.Context(Delegate);
        var stored = await new ReportingQueries(check).GetAsync(report.Id, Ct);
        Assert.Equal(ReportWorkflowStatus.Published, stored.Status);
        Assert.Equal("Council took note of the report (Decision 123).", stored.CouncilDecision);
        Assert.Equal("councillor@test", stored.CouncilDecisionBy);
        Assert.Equal("Coverage grew.", Assert.Single(stored.Narratives).Text);
        Assert.NotNull(stored.PublishedAtUtc);
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task A_correction_of_a_published_report_is_a_new_draft_version_with_its_narratives(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await CreatePlanAsync(database);
        var report = await CreateReportAsync(database, planId);
        await using (var db = database.Context(Planner))
        {
            await new SaveReportNarrative(db).HandleAsync(new SaveReportNarrative.Request(report.Id, "summary", "fr", "Résumé."), Ct);
            // No correction of an unpublished report, and no second first version.
            await Assert.ThrowsAsync<ValidationFailedException>(() => new CorrectReport(db).HandleAsync(new CorrectReport.Request(report.Id), Ct));
            await Assert.ThrowsAsync<ValidationFailedException>(() => new CreateReport(db).HandleAsync(new CreateReport.Request(planId, ReportKind.Annual, 2025), Ct));
            await new SubmitReport(db).HandleAsync(new SubmitReport.Request(report.Id, null), Ct);
        }
        await using (var db = database.Context(Councillor))
        {
            await new RecordCouncilDecision(db).HandleAsync(new RecordCouncilDecision.Request(report.Id, null, "Approved."), Ct);
        }
        Report correction;
        await using (var db = database.Context(Planner))
        {
            await new PublishReport(db).HandleAsync(new PublishReport.Request(report.Id, null), Ct);
            correction = await new CorrectReport(db).HandleAsync(new CorrectReport.Request(report.Id), Ct);
            // Only one open version at a time.
            await Assert.ThrowsAsync<ValidationFailedException>(() => new CorrectReport(db).HandleAsync(new CorrectReport.Request(report.Id), Ct));
        }
        Assert.Equal(2, correction.VersionNumber);
        Assert.Equal(ReportWorkflowStatus.Draft, correction.Status);
        Assert.Equal(report.Id, correction.CorrectsReportId);
        await using var check = database.Context(Planner);
        Assert.Equal("Résumé.", (await check.ReportNarratives.SingleAsync(n => n.ReportId == correction.Id, Ct)).Text);
        var original = await check.Reports.SingleAsync(r => r.Id == report.Id, Ct);
        Assert.Equal(ReportWorkflowStatus.Published, original.Status);
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task A_year_outside_the_plan_and_an_unknown_section_are_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await CreatePlanAsync(database);
        await using (var db = database.Context(Planner))
        {
            var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => new CreateReport(db).HandleAsync(new CreateReport.Request(planId, ReportKind.Annual, 2030), Ct));
            Assert.Contains("2024", ex.Errors["year"][0], StringComparison.Ordinal);
            await Assert.ThrowsAsync<NotFoundException>(() => new CreateReport(db).HandleAsync(new CreateReport.Request(planId + 99, ReportKind.Annual, 2025), Ct));
        }
        await using (var db = database.Context(Councillor))
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => new CreateReport(db).HandleAsync(new CreateReport.Request(planId, ReportKind.Annual, 2025), Ct));
        }
        var report = await CreateReportAsync(database, planId);
        await using (var db = database.Context(Planner))
        {
            var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
                new SaveReportNarrative(db).HandleAsync(new SaveReportNarrative.Request(report.Id, "element:9.9", "en", "Text"), Ct));
            Assert.Contains("sectionKey", ex.Errors.Keys);
            await Assert.ThrowsAsync<ValidationFailedException>(() =>
                new SaveReportNarrative(db).HandleAsync(new SaveReportNarrative.Request(report.Id, "summary", "xx", "Text"), Ct));
        }
        await using var check = database.Context(Planner);
        Assert.Equal(1, await check.Reports.CountAsync(Ct));
        Assert.Equal(0, await check.ReportNarratives.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task Generation_keeps_the_file_with_the_model_it_was_made_from(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await CreatePlanAsync(database);
        var report = await CreateReportAsync(database, planId);
        ReportGenerationJob job;
        await using (var db = database.Context(Planner))
        {
            await new SaveReportNarrative(db).HandleAsync(new SaveReportNarrative.Request(report.Id, "element:1", "fr", "Texte enregistré."), Ct);
            job = await new QueueReportGeneration(db).HandleAsync(new QueueReportGeneration.Request(report.Id, ReportFormat.Docx, "fr"), Ct);
        }
        Assert.Equal(ReportJobStatus.Queued, job.Status);
        await using (var db = database.Context(Planner))
        {
            Assert.Equal(job.Id, await new ReportingQueries(db).NextQueuedJobAsync(Ct));
            job = await new RunReportGeneration(db, SampleReportSource.Small(), new SampleChartRenderer()).HandleAsync(job.Id, Ct);
        }
        Assert.Equal(ReportJobStatus.Done, job.Status);
        Assert.Equal(100, job.ProgressPercent);

        await using var check = database.Context(Planner);
        var artefact = await new ReportingQueries(check).ArtefactAsync(job.ArtefactId!.Value, Ct);
        Assert.Equal(artefact.Content.LongLength, artefact.SizeBytes);
        Assert.EndsWith("-fr.docx", artefact.FileName, StringComparison.Ordinal);
        var model = ReportJson.Deserialize(artefact.ModelJson);
        Assert.Equal("fr", model.Metadata.Language);
        Assert.Equal(["Texte enregistré."], model.Sections.Single(s => s.Key == "element:1").Narrative!.For("fr"));
        // The snapshot writes the same document again.
        Assert.Equal(ReportFixtures.DocxOutline(artefact.Content), ReportFixtures.DocxOutline(Cadre.Core.Reporting.Writers.DocxReportWriter.Write(model)));
        using var doc = WordprocessingDocument.Open(new MemoryStream(artefact.Content), false);
        Assert.Contains("Texte enregistré.", doc.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task Generation_without_a_data_source_fails_with_a_clear_message_and_stores_no_file(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await CreatePlanAsync(database);
        var report = await CreateReportAsync(database, planId);
        await using (var db = database.Context(Planner))
        {
            var job = await new QueueReportGeneration(db).HandleAsync(new QueueReportGeneration.Request(report.Id, ReportFormat.Html, "en"), Ct);
            job = await new RunReportGeneration(db).HandleAsync(job.Id, Ct);
            Assert.Equal(ReportJobStatus.Failed, job.Status);
            Assert.Contains("no report data source", job.Error, StringComparison.Ordinal);
            await Assert.ThrowsAsync<ValidationFailedException>(() => new RunReportGeneration(db).HandleAsync(job.Id, Ct));
        }
        await using var check = database.Context(Planner);
        Assert.Equal(0, await check.ReportArtefacts.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task An_unpublished_report_is_hidden_from_those_who_may_not_read_drafts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await CreatePlanAsync(database);
        var report = await CreateReportAsync(database, planId);
        await using var db = database.Context(Delegate);
        await Assert.ThrowsAsync<NotFoundException>(() => new ReportingQueries(db).GetAsync(report.Id, Ct));
        Assert.Empty(await new ReportingQueries(db).ListAsync(planId, Ct));
        await using var anonymous = database.Context(new AnonymousActor());
        await Assert.ThrowsAsync<NotFoundException>(() => new ReportingQueries(anonymous).GetAsync(report.Id, Ct));
        await using var council = database.Context(Councillor);
        Assert.Single(await new ReportingQueries(council).ListAsync(planId, Ct));
    }

    private sealed class AnonymousActor : ICurrentActor
    {
        public string? UserId => null;
        public string Name => "anonymous";
        public string? MemberCode => null;
        public bool IsAuthenticated => false;
        public bool IsInRole(string role) => false;
    }
}
