using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Cadre.Web.Api;
using Cadre.Web.Api.Consultation;
using Cadre.Web.Api.Drafting;
using Cadre.Web.Api.Finance;
using Cadre.Web.Api.Governance;
using Cadre.Web.Api.Planning;
using Cadre.Web.Api.Results;
using Cadre.Web.Identity;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddCadreData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentActor, HttpCurrentActor>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddCadreIdentity(builder.Environment);
// Throttling, API antiforgery, the MFA requirement, HSTS, the audit of refused accesses (Infrastructure/SecuritySetup.cs).
builder.Services.AddCadreSecurity(builder.Configuration, builder.Environment);
if (builder.Environment.IsDevelopment()) builder.Services.AddScoped<IDemoLoader, DemoAccounts>();
builder.Services.AddCadreLocalization();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<Problems.ExceptionHandler>();
builder.Services.AddRazorPages();
// Razor escapes every non-ASCII letter by default (é becomes &#xE9;), which doubles French and Arabic pages; HTML-special characters stay escaped.
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks();
builder.Services.AddMemoryCache();
// Public pages that many people open (the dashboard) are served from memory for anonymous visitors, per
// language, until a write in this process or 30 seconds. Signed-in requests are never cached.
builder.Services.AddOutputCache(o => o.AddPolicy(OutputCachePolicies.PublicDashboard, b => b
    .Expire(TimeSpan.FromSeconds(30))
    .VaryByValue(_ => new KeyValuePair<string, string>("culture", System.Globalization.CultureInfo.CurrentUICulture.Name))
    .VaryByValue(_ => new KeyValuePair<string, string>("data", CadreDbContext.DataVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
// Keys live in the database so that several web nodes share them (ARCHITECTURE.md, Runtime).
builder.Services.AddDataProtection().SetApplicationName("Cadre").PersistKeysToDbContext<CadreDbContext>();

builder.Services.AddPlanning();
// The API's JSON settings, body limits and ProblemDetails for every error (Api/ApiSetup.cs).
builder.Services.AddPlanningApi();
builder.Services.AddResultsArea();
builder.Services.AddDraftingArea();
builder.Services.AddGovernanceArea();
builder.Services.AddConsultationArea();
builder.Services.AddFinanceArea();
Cadre.Core.Reporting.ReportingModule.AddReporting(builder.Services);
Cadre.Web.Api.Reporting.ReportingArea.AddReportingArea(builder.Services);

var app = builder.Build();

// The dashboards' chart font is registered with ScottPlot's shared font-resolver list (a plain List) here, before any
// request or background report job draws a chart, so that the registration cannot race another thread's drawing.
_ = Cadre.Web.Infrastructure.ChartsFont.Available;

await app.PrepareDevelopmentDatabaseAsync();

app.UseExceptionHandler(app.Environment.IsDevelopment() ? "/Error" : "/Error");
app.UseCadreSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseCadreSecurity();
app.UseAuthorization();
app.UseOutputCache();
app.UseAntiforgery();

app.MapOpenApi("/openapi/{documentName}.json");
app.MapHealthChecks("/healthz");
app.MapCultureSwitch();
app.MapRazorPages();
app.MapAntiforgeryToken();
app.MapPlanningApi();
app.MapResultsArea();
app.MapDraftingArea();
app.MapGovernanceArea();
app.MapConsultationArea();
app.MapFinanceArea();
Cadre.Web.Api.Reporting.ReportingArea.MapReportingArea(app);

await app.RunAsync();

/// <summary>Entry point; public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
