using System.Net;
using System.Net.Http.Json;
using System.Text;
using Cadre.Core.Identity;
using Cadre.Web.Api.Planning;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Web.Tests.Access;

/// <summary>
/// Every endpoint and page of the app, for anonymous callers and for each role, against the outcome
/// this table expects. A new endpoint the table does not cover fails the test, so that nobody adds
/// one without deciding who may use it.
/// </summary>
public sealed class AccessMatrixTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    private const string Anonymous = "anonymous";

    /// <summary>What a caller gets, by who they are.</summary>
    public enum Rule
    {
        /// <summary>200 for everyone (public reads of reference data, health, OpenAPI, open pages).</summary>
        Public,
        /// <summary>A read of a draft item (API or page): 404 for anonymous and Delegates, 200 for those who read drafts.</summary>
        DraftRead,
        /// <summary>An API write: 401 anonymous, 403 for every role but Planner; a Planner is let through (any answer but 401, 403 or 5xx).</summary>
        PlannerWrite,
        /// <summary>A page for signed-in users: anonymous callers are sent to sign in (302), others get 200.</summary>
        SignedInPage,
        /// <summary>A page for draft readers: anonymous to sign in (302), Delegates 302/403/404, draft readers 200.</summary>
        DraftPage,
        /// <summary>A page for Planners: anonymous to sign in (302), others refused (302 to access denied, or 403), Planners 200.</summary>
        PlannerPage,
        /// <summary>A page for Admins: anonymous to sign in (302), others refused, Admins 200.</summary>
        AdminPage,
        /// <summary>403 for everyone (the page that says access was refused).</summary>
        Refused,
        /// <summary>A redirect for everyone (302).</summary>
        Redirect,
        /// <summary>A form post without its antiforgery token: 400 for everyone.</summary>
        AntiforgeryRefused,
        /// <summary>404 for everyone (the API's catch-all).</summary>
        NotFound,
        /// <summary>Documents and contributions: an API write whose permission the handler decides per item and per Member (tested role by role in Governance/DocumentsApiTests and ContributionsApiTests): 401 anonymous; no 401 or 5xx for any signed-in role.</summary>
        SignedInWrite,
        /// <summary>Drafting: an API write of the secretariat: 401 anonymous, Chair and Planner let through, 403 for the other roles.</summary>
        SecretariatWrite,
        /// <summary>Drafting: an API write of a Delegate for their Member: 401 anonymous, a Delegate let through (403 or 404 for another Member's item), 403 for the other roles.</summary>
        DelegateWrite,
        /// <summary>Drafting: an API call any token holder may make (the comparison): 401 anonymous, 200 or 400 for every role.</summary>
        TokenWrite,
        /// <summary>Drafting: another Member's proposal or a compilation: 200 for Chair, Planner and Admin, 404 for everyone else.</summary>
        SecretariatRead,
        /// <summary>Drafting: a page of the secretariat: anonymous to sign in (302), Chair and Planner 200, others refused (302 or 403).</summary>
        SecretariatPage,
        /// <summary>Drafting: the proposal editor: anonymous to sign in (302), Delegates 200, others refused (302 or 403).</summary>
        DelegatePage,
        /// <summary>An API write of a Reporter (submit, correct, import values): 401 anonymous, 403 for every role but Reporter; a Reporter is let through (any answer but 401, 403 or 5xx).</summary>
        ReporterWrite,
        /// <summary>An API write of a Validator (approve, reject values): 401 anonymous, 403 for every role but Validator; a Validator is let through.</summary>
        ValidatorWrite,
        /// <summary>A page for Reporters (correcting a value): anonymous to sign in (302), others refused (302 to access denied, or 403), Reporters 200.</summary>
        ReporterPage,
        /// <summary>A page for Validators (rejecting a value): anonymous to sign in (302), others refused, Validators 200.</summary>
        ValidatorPage,
        /// <summary>A Governance write (API): 401 anonymous; Planner and Admin let through; a Chair who is not an officer of the body 403 (or 400/404 on an empty body); others 403.</summary>
        BodyWrite,
        /// <summary>A page for a body's managers: anonymous to sign in (302), Planner and Admin 200, others (a Chair of another body too) 302 or 403.</summary>
        BodyManagerPage,
        /// <summary>A survey write (API): 401 anonymous, 403 for every role but Chair and Planner, who are let through.</summary>
        SurveyManagerWrite,
        /// <summary>An unpublished survey's results (API or page): 404 for everyone but Chair and Planner (200).</summary>
        SurveyResultsRead,
        /// <summary>A survey export (API): 401 anonymous, 403 for every role but Chair and Planner (200).</summary>
        SurveyExport,
        /// <summary>A Delegate's own response (API): 401 anonymous, 403 for other roles, a Delegate is let through.</summary>
        SurveyDelegateApi,
        /// <summary>A page for Delegates: anonymous to sign in (302), others refused (302 or 403), Delegates 200.</summary>
        SurveyDelegatePage,
        /// <summary>A page for chairs and the secretariat: anonymous to sign in (302), others refused (302 or 403), Chair and Planner 200.</summary>
        SurveyManagerPage,
        /// <summary>Documents: a members-only document (page): 200 for users acting for a Member (Delegates) and the secretariat (Admin, Planner, Chair); 404 for anonymous callers and the other roles.</summary>
        MembersOnlyRead,
        /// <summary>Documents: the registration page: anonymous to sign in (302), Admin, Planner and Chair 200, others refused (302 or 403).</summary>
        RegistrarPage,
        /// <summary>Documents: an API registration: 401 anonymous, Admin, Planner and Chair let through, 403 for the other roles.</summary>
        RegistrarWrite,
        /// <summary>Contributions: another Member's draft (page): 200 for the secretariat (Admin, Planner), 404 for everyone else (a Chair before the deadline, a Delegate of another Member).</summary>
        OtherMembersDraft,
        /// <summary>Contributions: withdrawing another Member's draft: anonymous to sign in (302), a Delegate of another Member 404, other roles refused (302 or 403).</summary>
        LeadDelegatePage,
        /// <summary>Reporting: queueing a report's generation (API): 401 anonymous, 403 for every role but Planner; a Planner gets 202 (queued) or 400.</summary>
        ReportGenerate,
        /// <summary>Reporting: recording Council's decision (API): 401 anonymous, 403 for every role but Councillor; a Councillor is let through (400 on an empty body).</summary>
        CouncillorWrite,
        /// <summary>Reporting: the Council's decision page: anonymous to sign in (302), Councillors 200, others refused (302 or 403).</summary>
        CouncillorPage,
        /// <summary>Notifications (API): the caller's own inbox, with an access token: 401 anonymous; every signed-in role 200, or 404 for a notification that is not theirs.</summary>
        OwnNotifications,
        /// <summary>Drafting: importing a Word document with tracked changes (API): 401 anonymous, Chair, Planner and Delegate let through (400 without a file), 403 for the other roles.</summary>
        DraftingImportWrite,
        /// <summary>Drafting: the page importing a Word document with tracked changes: anonymous to sign in (302), Chair, Planner and Delegate 200, others refused (302 or 403).</summary>
        DraftingImportPage,
    }

    /// <summary>
    /// Every endpoint, keyed by method and route pattern as the app declares them, with the URL to
    /// call ({plan}, {element}, {level}, {link}, {vocabulary}, {entry} are filled with a draft plan's
    /// items) and the rule. Razor pages are keyed "PAGE /route"; they are called with GET.
    /// </summary>
    private static readonly Dictionary<string, (string Url, Rule Rule)> Table = new()
    {
        // API: plans
        ["GET /api/v1/plans"] = ("/api/v1/plans", Rule.Public),
        ["GET /api/v1/plans/{id:int}"] = ("/api/v1/plans/{plan}", Rule.DraftRead),
        ["GET /api/v1/plans/by-code/{code}"] = ("/api/v1/plans/by-code/{planCode}", Rule.DraftRead),
        ["POST /api/v1/plans"] = ("/api/v1/plans", Rule.PlannerWrite),
        ["PUT /api/v1/plans/{id:int}"] = ("/api/v1/plans/{plan}", Rule.PlannerWrite),
        ["POST /api/v1/plans/{id:int}/status"] = ("/api/v1/plans/{plan}/status", Rule.PlannerWrite),
        ["POST /api/v1/plans/{id:int}/clone"] = ("/api/v1/plans/{plan}/clone", Rule.PlannerWrite),
        ["DELETE /api/v1/plans/{id:int}"] = ("/api/v1/plans/{plan}?version=999", Rule.PlannerWrite),
        ["GET /api/v1/plans/{id:int}/export"] = ("/api/v1/plans/{plan}/export", Rule.DraftRead),
        ["POST /api/v1/plans/import"] = ("/api/v1/plans/import", Rule.PlannerWrite),
        ["GET /api/v1/plans/{id:int}/traceability"] = ("/api/v1/plans/{plan}/traceability?vocabulary={vocabulary}", Rule.DraftRead),
        // API: levels
        ["GET /api/v1/plans/{id:int}/levels"] = ("/api/v1/plans/{plan}/levels", Rule.DraftRead),
        ["POST /api/v1/plans/{id:int}/levels"] = ("/api/v1/plans/{plan}/levels", Rule.PlannerWrite),
        ["PUT /api/v1/plans/{id:int}/levels/{levelId:int}"] = ("/api/v1/plans/{plan}/levels/{level}", Rule.PlannerWrite),
        ["DELETE /api/v1/plans/{id:int}/levels/{levelId:int}"] = ("/api/v1/plans/{plan}/levels/{level}", Rule.PlannerWrite),
        // API: elements and links
        ["GET /api/v1/plans/{id:int}/elements"] = ("/api/v1/plans/{plan}/elements", Rule.DraftRead),
        ["POST /api/v1/plans/{id:int}/elements"] = ("/api/v1/plans/{plan}/elements", Rule.PlannerWrite),
        ["GET /api/v1/elements/{id:int}"] = ("/api/v1/elements/{element}", Rule.DraftRead),
        ["PUT /api/v1/elements/{id:int}"] = ("/api/v1/elements/{element}", Rule.PlannerWrite),
        ["POST /api/v1/elements/{id:int}/move"] = ("/api/v1/elements/{element}/move", Rule.PlannerWrite),
        ["DELETE /api/v1/elements/{id:int}"] = ("/api/v1/elements/{element}?version=999", Rule.PlannerWrite),
        ["POST /api/v1/elements/{id:int}/links"] = ("/api/v1/elements/{element}/links", Rule.PlannerWrite),
        ["DELETE /api/v1/links/{id:int}"] = ("/api/v1/links/{link}", Rule.PlannerWrite),
        // API: vocabularies
        ["GET /api/v1/vocabularies"] = ("/api/v1/vocabularies", Rule.Public),
        ["GET /api/v1/vocabularies/{code}"] = ("/api/v1/vocabularies/{vocabulary}", Rule.Public),
        ["POST /api/v1/vocabularies"] = ("/api/v1/vocabularies", Rule.PlannerWrite),
        ["PUT /api/v1/vocabularies/{code}"] = ("/api/v1/vocabularies/{vocabulary}", Rule.PlannerWrite),
        ["POST /api/v1/vocabularies/{code}/entries"] = ("/api/v1/vocabularies/{vocabulary}/entries", Rule.PlannerWrite),
        ["PUT /api/v1/vocabularies/{code}/entries/{entryId:int}"] = ("/api/v1/vocabularies/{vocabulary}/entries/{entry}", Rule.PlannerWrite),
        ["DELETE /api/v1/vocabularies/{code}/entries/{entryId:int}"] = ("/api/v1/vocabularies/{vocabulary}/entries/{entry}", Rule.PlannerWrite),
        // API: finance
        ["GET /api/v1/plans/{id:int}/financial-plan"] = ("/api/v1/plans/{plan}/financial-plan", Rule.DraftRead),
        ["PUT /api/v1/plans/{id:int}/financial-plan"] = ("/api/v1/plans/{plan}/financial-plan", Rule.PlannerWrite),
        ["DELETE /api/v1/plans/{id:int}/financial-plan"] = ("/api/v1/plans/{plan}/financial-plan?version=999", Rule.PlannerWrite),
        ["GET /api/v1/plans/{id:int}/budgets"] = ("/api/v1/plans/{plan}/budgets", Rule.DraftRead),
        ["PUT /api/v1/plans/{id:int}/budgets/{startYear:int}"] = ("/api/v1/plans/{plan}/budgets/2024", Rule.PlannerWrite),
        ["GET /api/v1/plans/{id:int}/attribution"] = ("/api/v1/plans/{plan}/attribution", Rule.DraftRead),
        ["PUT /api/v1/plans/{id:int}/goal-shares"] = ("/api/v1/plans/{plan}/goal-shares", Rule.PlannerWrite),
        ["GET /api/v1/plans/{id:int}/attribution-keys"] = ("/api/v1/plans/{plan}/attribution-keys", Rule.DraftRead),
        ["PUT /api/v1/plans/{id:int}/attribution-keys/{unit}"] = ("/api/v1/plans/{plan}/attribution-keys/ITU-D", Rule.PlannerWrite),
        ["DELETE /api/v1/plans/{id:int}/attribution-keys/{unit}"] = ("/api/v1/plans/{plan}/attribution-keys/ITU-D", Rule.PlannerWrite),
        ["GET /api/v1/plans/{id:int}/coherence"] = ("/api/v1/plans/{plan}/coherence", Rule.DraftRead),
        ["POST /api/v1/expenditure/preview"] = ("/api/v1/expenditure/preview", Rule.PlannerWrite),
        ["POST /api/v1/expenditure/import"] = ("/api/v1/expenditure/import", Rule.PlannerWrite),
        ["GET /api/v1/plans/{id:int}/risks"] = ("/api/v1/plans/{plan}/risks", Rule.DraftRead),
        ["POST /api/v1/plans/{id:int}/risks"] = ("/api/v1/plans/{plan}/risks", Rule.PlannerWrite),
        ["GET /api/v1/risks/{id:int}"] = ("/api/v1/risks/{risk}", Rule.DraftRead),
        ["PUT /api/v1/risks/{id:int}"] = ("/api/v1/risks/{risk}", Rule.PlannerWrite),
        ["DELETE /api/v1/risks/{id:int}"] = ("/api/v1/risks/{risk}?version=999", Rule.PlannerWrite),
        ["GET /api/v1/plans/{id:int}/operational-resources"] = ("/api/v1/plans/{plan}/operational-resources", Rule.DraftRead),
        ["PUT /api/v1/elements/{id:int}/resources"] = ("/api/v1/elements/{element}/resources", Rule.PlannerWrite),
        ["POST /api/v1/plans/{id:int}/roll-forward"] = ("/api/v1/plans/{plan}/roll-forward", Rule.PlannerWrite),
        // API: history
        ["GET /api/v1/history/{entityType}/{id:int}"] = ("/api/v1/history/element/{element}", Rule.DraftRead),
        ["* /api/{**path}"] = ("/api/v1/no-such-thing", Rule.NotFound),
        // API: results
        ["GET /api/v1/plans/{id:int}/indicators"] = ("/api/v1/plans/{plan}/indicators", Rule.DraftRead),
        ["POST /api/v1/plans/{id:int}/indicators"] = ("/api/v1/plans/{plan}/indicators", Rule.PlannerWrite),
        ["GET /api/v1/indicators/{id:int}"] = ("/api/v1/indicators/{indicator}", Rule.DraftRead),
        ["PUT /api/v1/indicators/{id:int}"] = ("/api/v1/indicators/{indicator}", Rule.PlannerWrite),
        ["DELETE /api/v1/indicators/{id:int}"] = ("/api/v1/indicators/{indicator}?version=999", Rule.PlannerWrite),
        ["GET /api/v1/plans/{id:int}/dimensions"] = ("/api/v1/plans/{plan}/dimensions", Rule.DraftRead),
        ["PUT /api/v1/plans/{id:int}/dimensions/{code}"] = ("/api/v1/plans/{plan}/dimensions/matrix", Rule.PlannerWrite),
        ["GET /api/v1/plans/{id:int}/thresholds"] = ("/api/v1/plans/{plan}/thresholds", Rule.DraftRead),
        ["PUT /api/v1/plans/{id:int}/thresholds"] = ("/api/v1/plans/{plan}/thresholds", Rule.PlannerWrite),
        ["GET /api/v1/plans/{id:int}/values"] = ("/api/v1/plans/{plan}/values", Rule.DraftRead),
        ["GET /api/v1/indicators/{id:int}/values"] = ("/api/v1/indicators/{indicator}/values", Rule.DraftRead),
        ["POST /api/v1/indicators/{id:int}/values"] = ("/api/v1/indicators/{indicator}/values", Rule.ReporterWrite),
        ["GET /api/v1/values/{id:int}"] = ("/api/v1/values/{value}", Rule.DraftRead),
        ["POST /api/v1/values/{id:int}/approve"] = ("/api/v1/values/{value}/approve", Rule.ValidatorWrite),
        ["POST /api/v1/values/{id:int}/reject"] = ("/api/v1/values/{value}/reject", Rule.ValidatorWrite),
        ["POST /api/v1/values/{id:int}/correct"] = ("/api/v1/values/{value}/correct", Rule.ReporterWrite),
        ["GET /api/v1/plans/{id:int}/values/template"] = ("/api/v1/plans/{plan}/values/template?format=csv", Rule.DraftRead),
        ["POST /api/v1/plans/{id:int}/values/import"] = ("/api/v1/plans/{plan}/values/import?dryRun=true", Rule.ReporterWrite),
        ["GET /api/v1/plans/{id:int}/progress"] = ("/api/v1/plans/{plan}/progress?asOf=2025", Rule.DraftRead),
        // Infrastructure
        ["GET /openapi/{documentName}.json"] = ("/openapi/v1.json", Rule.Public),
        ["* /healthz"] = ("/healthz", Rule.Public),
        ["GET /culture"] = ("/culture?culture=fr&returnUrl=/", Rule.Redirect),
        // Pages
        ["PAGE /"] = ("/", Rule.Public),
        ["PAGE /Index"] = ("/Index", Rule.Public),
        ["PAGE /Error"] = ("/Error?status=404", Rule.NotFound),
        // Pages: account
        ["GET /Account/Antiforgery"] = ("/Account/Antiforgery", Rule.SignedInPage),
        ["PAGE /Account/AccessDenied"] = ("/Account/AccessDenied", Rule.Public),
        ["PAGE /Account/Login"] = ("/Account/Login", Rule.Public),
        ["PAGE /Account/LoginWith2fa"] = ("/Account/LoginWith2fa", Rule.Redirect),
        ["PAGE /Account/Logout"] = ("/Account/Logout", Rule.Public),
        ["PAGE /Account/Manage"] = ("/Account/Manage", Rule.SignedInPage),
        ["PAGE /Admin/Users"] = ("/Admin/Users", Rule.AdminPage),
        ["PAGE /Admin/Users/Index"] = ("/Admin/Users/Index", Rule.AdminPage),
        ["PAGE /Admin/Users/Create"] = ("/Admin/Users/Create", Rule.AdminPage),
        ["PAGE /Admin/Users/Edit/{id}"] = ("/Admin/Users/Edit/{user}", Rule.AdminPage),
        // Pages: finance
        ["PAGE /Finance"] = ("/Finance", Rule.Public),
        ["PAGE /Finance/Plans/{id:int}"] = ("/Finance/Plans/{plan}", Rule.DraftRead),
        ["PAGE /Finance/Plans/{id:int}/Budgets"] = ("/Finance/Plans/{plan}/Budgets", Rule.DraftRead),
        ["PAGE /Finance/Plans/{id:int}/Attribution"] = ("/Finance/Plans/{plan}/Attribution", Rule.DraftRead),
        ["PAGE /Finance/Plans/{id:int}/Coherence"] = ("/Finance/Plans/{plan}/Coherence", Rule.DraftRead),
        ["PAGE /Finance/Plans/{id:int}/Risks"] = ("/Finance/Plans/{plan}/Risks", Rule.DraftPage),
        ["PAGE /Finance/Risks/{id:int}"] = ("/Finance/Risks/{risk}", Rule.DraftPage),
        ["PAGE /Finance/Plans/{id:int}/Keys/{unit}"] = ("/Finance/Plans/{plan}/Keys/ITU-D", Rule.PlannerPage),
        ["PAGE /Finance/Expenditure/Import"] = ("/Finance/Expenditure/Import", Rule.PlannerPage),
        ["PAGE /Finance/Operational/{id:int}/RollForward"] = ("/Finance/Operational/{opPlan}/RollForward", Rule.PlannerPage),
        ["PAGE /Finance/Plans/{id:int}/Edit"] = ("/Finance/Plans/{plan}/Edit", Rule.PlannerPage),
        ["PAGE /Finance/Plans/{id:int}/Delete"] = ("/Finance/Plans/{plan}/Delete", Rule.PlannerPage),
        ["PAGE /Finance/Plans/{id:int}/Budgets/{startYear:int}/Edit"] = ("/Finance/Plans/{plan}/Budgets/2024/Edit", Rule.PlannerPage),
        ["PAGE /Finance/Plans/{id:int}/Goals"] = ("/Finance/Plans/{plan}/Goals", Rule.PlannerPage),
        ["PAGE /Finance/Plans/{id:int}/Risks/Create"] = ("/Finance/Plans/{plan}/Risks/Create", Rule.PlannerPage),
        ["PAGE /Finance/Risks/{id:int}/Edit"] = ("/Finance/Risks/{risk}/Edit", Rule.PlannerPage),
        ["PAGE /Finance/Risks/{id:int}/Delete"] = ("/Finance/Risks/{risk}/Delete", Rule.PlannerPage),
        ["PAGE /Finance/Operational/{id:int}"] = ("/Finance/Operational/{opPlan}", Rule.DraftRead),
        ["PAGE /Finance/Operational/Elements/{id:int}/Resources"] = ("/Finance/Operational/Elements/{opElement}/Resources", Rule.PlannerPage),
        // Pages: planning
        ["PAGE /Planning/Plans"] = ("/Planning/Plans", Rule.Public),
        ["PAGE /Planning/Plans/Index"] = ("/Planning/Plans/Index", Rule.Public),
        ["PAGE /Planning/Plans/Create"] = ("/Planning/Plans/Create", Rule.PlannerPage),
        ["PAGE /Planning/Plans/Import"] = ("/Planning/Plans/Import", Rule.PlannerPage),
        ["PAGE /Planning/Plans/{id:int}"] = ("/Planning/Plans/{plan}", Rule.DraftRead),
        ["PAGE /Planning/Plans/{id:int}/Tree"] = ("/Planning/Plans/{plan}/Tree", Rule.DraftRead),
        ["PAGE /Planning/Plans/{id:int}/Matrix"] = ("/Planning/Plans/{plan}/Matrix?vocabulary={vocabulary}", Rule.DraftRead),
        ["PAGE /Planning/Plans/{id:int}/History"] = ("/Planning/Plans/{plan}/History", Rule.DraftRead),
        ["PAGE /Planning/Plans/{id:int}/Export"] = ("/Planning/Plans/{plan}/Export", Rule.DraftRead),
        ["PAGE /Planning/Plans/{id:int}/Edit"] = ("/Planning/Plans/{plan}/Edit", Rule.PlannerPage),
        ["PAGE /Planning/Plans/{id:int}/Status"] = ("/Planning/Plans/{plan}/Status", Rule.PlannerPage),
        ["PAGE /Planning/Plans/{id:int}/Clone"] = ("/Planning/Plans/{plan}/Clone", Rule.PlannerPage),
        ["PAGE /Planning/Plans/{id:int}/Delete"] = ("/Planning/Plans/{plan}/Delete", Rule.PlannerPage),
        ["PAGE /Planning/Plans/{id:int}/Levels/{level}"] = ("/Planning/Plans/{plan}/Levels/{level}", Rule.PlannerPage),
        ["PAGE /Planning/Elements/{id:int}"] = ("/Planning/Elements/{element}", Rule.DraftRead),
        ["PAGE /Planning/Elements/{id:int}/Edit"] = ("/Planning/Elements/{element}/Edit", Rule.PlannerPage),
        ["PAGE /Planning/Elements/{id:int}/Move"] = ("/Planning/Elements/{element}/Move", Rule.PlannerPage),
        ["PAGE /Planning/Elements/{id:int}/Delete"] = ("/Planning/Elements/{element}/Delete", Rule.PlannerPage),
        ["PAGE /Planning/Vocabularies"] = ("/Planning/Vocabularies", Rule.Public),
        ["PAGE /Planning/Vocabularies/Index"] = ("/Planning/Vocabularies/Index", Rule.Public),
        ["PAGE /Planning/Vocabularies/{code}"] = ("/Planning/Vocabularies/{vocabulary}", Rule.Public),
        ["PAGE /Planning/Vocabularies/{code}/Entries/{entryId:int}"] = ("/Planning/Vocabularies/{vocabulary}/Entries/{entry}", Rule.PlannerPage),
        // API: drafting ({instrument}, {published}, {draftVersion}, {proposal}, {compilation}: made by a Chair and a Delegate of FRA)
        ["POST /api/v1/drafting/compare"] = ("/api/v1/drafting/compare", Rule.TokenWrite),
        ["GET /api/v1/drafting/instruments"] = ("/api/v1/drafting/instruments", Rule.Public),
        ["GET /api/v1/drafting/instruments/{id:int}"] = ("/api/v1/drafting/instruments/{instrument}", Rule.Public),
        ["POST /api/v1/drafting/instruments"] = ("/api/v1/drafting/instruments", Rule.SecretariatWrite),
        ["POST /api/v1/drafting/instruments/{id:int}/versions"] = ("/api/v1/drafting/instruments/{instrument}/versions", Rule.SecretariatWrite),
        ["GET /api/v1/drafting/versions/{id:int}"] = ("/api/v1/drafting/versions/{draftVersion}", Rule.DraftRead),
        ["GET /api/v1/drafting/versions/{id:int}/akn"] = ("/api/v1/drafting/versions/{published}/akn", Rule.Public),
        ["POST /api/v1/drafting/versions/{id:int}/publish"] = ("/api/v1/drafting/versions/{draftVersion}/publish", Rule.SecretariatWrite),
        ["GET /api/v1/drafting/proposals"] = ("/api/v1/drafting/proposals", Rule.Public),
        ["GET /api/v1/drafting/proposals/{id:int}"] = ("/api/v1/drafting/proposals/{proposal}", Rule.SecretariatRead),
        ["GET /api/v1/drafting/proposals/{id:int}/redline"] = ("/api/v1/drafting/proposals/{proposal}/redline?format=json", Rule.SecretariatRead),
        ["POST /api/v1/drafting/proposals"] = ("/api/v1/drafting/proposals", Rule.DelegateWrite),
        ["PUT /api/v1/drafting/proposals/{id:int}"] = ("/api/v1/drafting/proposals/{proposal}", Rule.DelegateWrite),
        ["POST /api/v1/drafting/proposals/{id:int}/submit"] = ("/api/v1/drafting/proposals/{proposal}/submit", Rule.DelegateWrite),
        ["GET /api/v1/drafting/compilations"] = ("/api/v1/drafting/compilations", Rule.Public),
        ["GET /api/v1/drafting/compilations/{id:int}"] = ("/api/v1/drafting/compilations/{compilation}", Rule.SecretariatRead),
        ["POST /api/v1/drafting/compilations"] = ("/api/v1/drafting/compilations", Rule.SecretariatWrite),
        ["POST /api/v1/drafting/compilations/{id:int}/resolutions"] = ("/api/v1/drafting/compilations/{compilation}/resolutions", Rule.SecretariatWrite),
        ["POST /api/v1/drafting/compilations/{id:int}/complete"] = ("/api/v1/drafting/compilations/{compilation}/complete", Rule.SecretariatWrite),
        // Pages: drafting
        ["PAGE /Drafting/Instruments"] = ("/Drafting/Instruments", Rule.Public),
        ["PAGE /Drafting/Instruments/Index"] = ("/Drafting/Instruments/Index", Rule.Public),
        ["PAGE /Drafting/Instruments/Create"] = ("/Drafting/Instruments/Create", Rule.SecretariatPage),
        ["PAGE /Drafting/Instruments/{id:int}"] = ("/Drafting/Instruments/{instrument}", Rule.Public),
        ["PAGE /Drafting/Versions/{id:int}"] = ("/Drafting/Versions/{draftVersion}", Rule.DraftRead),
        ["PAGE /Drafting/Versions/Import"] = ("/Drafting/Versions/Import?instrumentId={instrument}", Rule.SecretariatPage),
        ["PAGE /Drafting/Proposals/Edit"] = ("/Drafting/Proposals/Edit?versionId={published}", Rule.DelegatePage),
        ["PAGE /Drafting/Proposals/{id:int}"] = ("/Drafting/Proposals/{proposal}", Rule.SecretariatRead),
        ["PAGE /Drafting/Compilations/Create"] = ("/Drafting/Compilations/Create?versionId={published}", Rule.SecretariatPage),
        ["PAGE /Drafting/Compilations/{id:int}"] = ("/Drafting/Compilations/{compilation}", Rule.SecretariatPage),
        // Pages: results
        ["PAGE /Results/Plans/{planId:int}/Indicators"] = ("/Results/Plans/{plan}/Indicators", Rule.DraftRead),
        ["PAGE /Results/Plans/{planId:int}/Indicators/Create"] = ("/Results/Plans/{plan}/Indicators/Create", Rule.PlannerPage),
        ["PAGE /Results/Indicators/{id:int}"] = ("/Results/Indicators/{indicator}", Rule.DraftRead),
        ["PAGE /Results/Indicators/{id:int}/Edit"] = ("/Results/Indicators/{indicator}/Edit", Rule.PlannerPage),
        ["PAGE /Results/Indicators/{id:int}/Delete"] = ("/Results/Indicators/{indicator}/Delete", Rule.PlannerPage),
        ["PAGE /Results/Values/{id:int}/Reject"] = ("/Results/Values/{value}/Reject", Rule.ValidatorPage),
        ["PAGE /Results/Values/{id:int}/Correct"] = ("/Results/Values/{value}/Correct", Rule.ReporterPage),
        ["PAGE /Results/MyWork"] = ("/Results/MyWork", Rule.SignedInPage),
        ["PAGE /Results/Plans/{planId:int}/Import"] = ("/Results/Plans/{plan}/Import", Rule.DraftPage),
        ["PAGE /Results/Plans/{planId:int}/Dashboard"] = ("/Results/Plans/{plan}/Dashboard", Rule.DraftRead),
        ["PAGE /Results/Elements/{id:int}/Dashboard"] = ("/Results/Elements/{element}/Dashboard", Rule.DraftRead),
        ["PAGE /Results/Plans/{planId:int}/Dimensions"] = ("/Results/Plans/{plan}/Dimensions", Rule.DraftRead),
        ["PAGE /Results/Plans/{planId:int}/Dimensions/Edit"] = ("/Results/Plans/{plan}/Dimensions/Edit", Rule.PlannerPage),
        ["PAGE /Results/Plans/{planId:int}/Settings"] = ("/Results/Plans/{plan}/Settings", Rule.PlannerPage),
        // Consultation: {survey} is an open survey with unpublished results
        ["GET /api/v1/surveys"] = ("/api/v1/surveys", Rule.Public),
        ["GET /api/v1/surveys/{id:int}"] = ("/api/v1/surveys/{survey}", Rule.Public),
        ["POST /api/v1/surveys"] = ("/api/v1/surveys", Rule.SurveyManagerWrite),
        ["PUT /api/v1/surveys/{id:int}"] = ("/api/v1/surveys/{survey}", Rule.SurveyManagerWrite),
        ["DELETE /api/v1/surveys/{id:int}"] = ("/api/v1/surveys/{survey}?version=999", Rule.SurveyManagerWrite),
        ["POST /api/v1/surveys/{id:int}/open"] = ("/api/v1/surveys/{survey}/open", Rule.SurveyManagerWrite),
        ["POST /api/v1/surveys/{id:int}/close"] = ("/api/v1/surveys/{survey}/close", Rule.SurveyManagerWrite),
        ["POST /api/v1/surveys/{id:int}/publish"] = ("/api/v1/surveys/{survey}/publish", Rule.SurveyManagerWrite),
        ["POST /api/v1/surveys/{id:int}/unpublish"] = ("/api/v1/surveys/{survey}/unpublish", Rule.SurveyManagerWrite),
        ["GET /api/v1/surveys/{id:int}/response"] = ("/api/v1/surveys/{survey}/response", Rule.SurveyDelegateApi),
        ["PUT /api/v1/surveys/{id:int}/response"] = ("/api/v1/surveys/{survey}/response", Rule.SurveyDelegateApi),
        ["GET /api/v1/surveys/{id:int}/results"] = ("/api/v1/surveys/{survey}/results", Rule.SurveyResultsRead),
        ["GET /api/v1/surveys/{id:int}/export"] = ("/api/v1/surveys/{survey}/export?format=xlsx", Rule.SurveyExport),
        ["PAGE /Consultation/Surveys"] = ("/Consultation/Surveys", Rule.Public),
        ["PAGE /Consultation/Surveys/Index"] = ("/Consultation/Surveys/Index", Rule.Public),
        ["PAGE /Consultation/Surveys/{id:int}"] = ("/Consultation/Surveys/{survey}", Rule.Public),
        ["PAGE /Consultation/Surveys/{id:int}/Answer"] = ("/Consultation/Surveys/{survey}/Answer", Rule.SurveyDelegatePage),
        ["PAGE /Consultation/Surveys/{id:int}/Results"] = ("/Consultation/Surveys/{survey}/Results", Rule.SurveyResultsRead),
        ["PAGE /Consultation/Surveys/{id:int}/Status"] = ("/Consultation/Surveys/{survey}/Status?action=close", Rule.SurveyManagerPage),
        ["PAGE /Consultation/Surveys/Edit/{id:int?}"] = ("/Consultation/Surveys/Edit", Rule.SurveyManagerPage),
        // Governance (bodies, meetings, liaisons, recommendations): {body} is a working group with a meeting, a liaison and a recommendation
        ["GET /api/v1/bodies"] = ("/api/v1/bodies", Rule.Public),
        ["GET /api/v1/bodies/{idOrCode}"] = ("/api/v1/bodies/{bodyCode}", Rule.Public),
        ["GET /api/v1/bodies/{id:int}/calendar.ics"] = ("/api/v1/bodies/{body}/calendar.ics", Rule.Public),
        ["GET /api/v1/meetings"] = ("/api/v1/meetings?when=upcoming", Rule.Public),
        ["GET /api/v1/meetings/{id:int}"] = ("/api/v1/meetings/{meeting}", Rule.Public),
        ["GET /api/v1/meetings/{id:int}.ics"] = ("/api/v1/meetings/{meeting}.ics", Rule.Public),
        ["POST /api/v1/meetings"] = ("/api/v1/meetings", Rule.BodyWrite),
        ["PUT /api/v1/meetings/{id:int}"] = ("/api/v1/meetings/{meeting}", Rule.BodyWrite),
        ["POST /api/v1/meetings/{id:int}/agenda-adoption"] = ("/api/v1/meetings/{meeting}/agenda-adoption", Rule.BodyWrite),
        ["DELETE /api/v1/meetings/{id:int}"] = ("/api/v1/meetings/{meeting}?version=999", Rule.BodyWrite),
        ["GET /api/v1/liaisons"] = ("/api/v1/liaisons", Rule.Public),
        ["GET /api/v1/liaisons/{id:int}"] = ("/api/v1/liaisons/{liaison}", Rule.Public),
        ["POST /api/v1/liaisons"] = ("/api/v1/liaisons", Rule.BodyWrite),
        ["PUT /api/v1/liaisons/{id:int}"] = ("/api/v1/liaisons/{liaison}", Rule.BodyWrite),
        ["DELETE /api/v1/liaisons/{id:int}"] = ("/api/v1/liaisons/{liaison}?version=999", Rule.BodyWrite),
        ["GET /api/v1/recommendations"] = ("/api/v1/recommendations?status=proposed", Rule.Public),
        ["GET /api/v1/recommendations/{id:int}"] = ("/api/v1/recommendations/{recommendation}", Rule.Public),
        ["POST /api/v1/recommendations"] = ("/api/v1/recommendations", Rule.BodyWrite),
        ["PUT /api/v1/recommendations/{id:int}"] = ("/api/v1/recommendations/{recommendation}", Rule.BodyWrite),
        ["DELETE /api/v1/recommendations/{id:int}"] = ("/api/v1/recommendations/{recommendation}?version=999", Rule.BodyWrite),
        ["POST /api/v1/recommendations/{id:int}/decision"] = ("/api/v1/recommendations/{recommendation}/decision", Rule.BodyWrite),
        ["POST /api/v1/bodies"] = ("/api/v1/bodies", Rule.BodyWrite),
        ["PUT /api/v1/bodies/{id:int}"] = ("/api/v1/bodies/{body}", Rule.BodyWrite),
        ["DELETE /api/v1/bodies/{id:int}"] = ("/api/v1/bodies/{body}?version=999", Rule.BodyWrite),
        ["POST /api/v1/bodies/{id:int}/officers"] = ("/api/v1/bodies/{body}/officers", Rule.BodyWrite),
        ["POST /api/v1/bodies/{id:int}/officers/{officerId:int}/end-term"] = ("/api/v1/bodies/{body}/officers/999999/end-term", Rule.BodyWrite),
        ["DELETE /api/v1/bodies/{id:int}/officers/{officerId:int}"] = ("/api/v1/bodies/{body}/officers/999999", Rule.BodyWrite),
        ["GET /api/v1/bodies/{id:int}/members"] = ("/api/v1/bodies/{body}/members", Rule.Public),
        ["POST /api/v1/bodies/{id:int}/members"] = ("/api/v1/bodies/{body}/members", Rule.BodyWrite),
        ["DELETE /api/v1/bodies/{id:int}/members/{memberCode}"] = ("/api/v1/bodies/{body}/members/NO-SUCH-MEMBER", Rule.BodyWrite),
        ["PAGE /Governance"] = ("/Governance", Rule.Public),
        ["PAGE /Governance/Bodies/{code}"] = ("/Governance/Bodies/{bodyCode}", Rule.Public),
        ["PAGE /Governance/Bodies/{code}/Calendar"] = ("/Governance/Bodies/{bodyCode}/Calendar", Rule.Public),
        ["PAGE /Governance/Meetings"] = ("/Governance/Meetings", Rule.Public),
        ["PAGE /Governance/Meetings/{id:int}"] = ("/Governance/Meetings/{meeting}", Rule.Public),
        ["PAGE /Governance/Meetings/Edit/{id:int?}"] = ("/Governance/Meetings/Edit?body={body}", Rule.BodyManagerPage),
        ["PAGE /Governance/Meetings/{id:int}/Delete"] = ("/Governance/Meetings/{meeting}/Delete", Rule.BodyManagerPage),
        ["PAGE /Governance/Liaisons"] = ("/Governance/Liaisons", Rule.Public),
        ["PAGE /Governance/Liaisons/{id:int}"] = ("/Governance/Liaisons/{liaison}", Rule.Public),
        ["PAGE /Governance/Recommendations"] = ("/Governance/Recommendations", Rule.Public),
        ["PAGE /Governance/Recommendations/{id:int}"] = ("/Governance/Recommendations/{recommendation}", Rule.Public),
        // Governance: documents and contributions (ids that do not exist: reads answer 404 to everyone; writes are decided per item by the handlers)
        ["GET /api/v1/documents"] = ("/api/v1/documents?q=report", Rule.Public),
        ["GET /api/v1/documents/{id:int}"] = ("/api/v1/documents/999999", Rule.NotFound),
        ["GET /api/v1/documents/{id:int}/files/{language}"] = ("/api/v1/documents/999999/files/en", Rule.NotFound),
        ["POST /api/v1/documents"] = ("/api/v1/documents", Rule.RegistrarWrite),
        ["PUT /api/v1/documents/{id:int}/files/{language}"] = ("/api/v1/documents/999999/files/en", Rule.SignedInWrite),
        ["GET /api/v1/symbols/parse"] = ("/api/v1/symbols/parse?symbol=TDAG-20/3/3", Rule.Public),
        ["GET /api/v1/contributions"] = ("/api/v1/contributions", Rule.Public),
        ["GET /api/v1/contributions/{id:int}"] = ("/api/v1/contributions/999999", Rule.NotFound),
        ["POST /api/v1/contributions"] = ("/api/v1/contributions", Rule.DelegateWrite),
        ["PUT /api/v1/contributions/{id:int}"] = ("/api/v1/contributions/999999", Rule.SignedInWrite),
        ["POST /api/v1/contributions/{id:int}/submit"] = ("/api/v1/contributions/999999/submit", Rule.SignedInWrite),
        ["POST /api/v1/contributions/{id:int}/proposals/{proposalId:int}/outcome"] = ("/api/v1/contributions/999999/proposals/1/outcome", Rule.SignedInWrite),
        // Governance forms (bodies, officers, members, liaisons, recommendations, work programme): {body} is managed by Planner and Admin only
        ["PAGE /Governance/Bodies/Edit/{id:int?}"] = ("/Governance/Bodies/Edit/{body}", Rule.BodyManagerPage),
        ["PAGE /Governance/Bodies/{code}/Officers"] = ("/Governance/Bodies/{bodyCode}/Officers", Rule.BodyManagerPage),
        ["PAGE /Governance/Bodies/{code}/Members"] = ("/Governance/Bodies/{bodyCode}/Members", Rule.BodyManagerPage),
        ["PAGE /Governance/Bodies/{code}/Members/{memberId:int}/Remove"] = ("/Governance/Bodies/{otherCode}/Members/{otherMember}/Remove", Rule.BodyManagerPage),
        ["PAGE /Governance/Bodies/{code}/Delete"] = ("/Governance/Bodies/{otherCode}/Delete", Rule.BodyManagerPage),
        ["PAGE /Governance/Bodies/{code}/Officers/{officerId:int}/Remove"] = ("/Governance/Bodies/{otherCode}/Officers/{otherOfficer}/Remove", Rule.BodyManagerPage),
        ["PAGE /Governance/Liaisons/Edit/{id:int?}"] = ("/Governance/Liaisons/Edit?from={body}", Rule.BodyManagerPage),
        ["PAGE /Governance/Liaisons/{id:int}/Delete"] = ("/Governance/Liaisons/{liaison}/Delete", Rule.BodyManagerPage),
        ["PAGE /Governance/Recommendations/Edit/{id:int?}"] = ("/Governance/Recommendations/Edit?body={body}", Rule.BodyManagerPage),
        ["PAGE /Governance/Recommendations/{id:int}/Status"] = ("/Governance/Recommendations/{recommendation}/Status", Rule.BodyManagerPage),
        ["PAGE /Governance/Recommendations/{id:int}/Delete"] = ("/Governance/Recommendations/{recommendation}/Delete", Rule.BodyManagerPage),
        ["PAGE /Governance/Work/Edit/{id:int?}"] = ("/Governance/Work/Edit/{workItem}", Rule.BodyManagerPage),
        ["PAGE /Governance/Work/{id:int}/Delete"] = ("/Governance/Work/{workItem}/Delete", Rule.BodyManagerPage),
        // Governance: document and contribution pages ({membersDoc}: a members-only document; {draftContribution}: a draft of another Member than the Delegate's)
        ["PAGE /Governance/Documents"] = ("/Governance/Documents?q=report&sort=-date", Rule.Public),
        ["PAGE /Governance/Documents/{id:int}"] = ("/Governance/Documents/{membersDoc}", Rule.MembersOnlyRead),
        ["PAGE /Governance/Documents/Register"] = ("/Governance/Documents/Register", Rule.RegistrarPage),
        ["PAGE /Governance/Documents/Find"] = ("/Governance/Documents/Find?symbol=TDAG-20/3/3", Rule.Redirect),
        ["PAGE /Governance/Contributions"] = ("/Governance/Contributions", Rule.Public),
        ["PAGE /Governance/Contributions/{id:int}"] = ("/Governance/Contributions/{draftContribution}", Rule.OtherMembersDraft),
        ["PAGE /Governance/Contributions/Edit/{id:int?}"] = ("/Governance/Contributions/Edit", Rule.DelegatePage),
        ["PAGE /Governance/Contributions/{id:int}/Withdraw"] = ("/Governance/Contributions/{draftContribution}/Withdraw", Rule.LeadDelegatePage),
        // Reporting: {report} is a draft annual report with an HTML file {reportFile} made by job {reportJob}; {publishedReport} is published
        ["GET /api/v1/plans/{id:int}/reports"] = ("/api/v1/plans/{plan}/reports", Rule.DraftRead),
        ["POST /api/v1/plans/{id:int}/reports"] = ("/api/v1/plans/{plan}/reports", Rule.PlannerWrite),
        ["GET /api/v1/reports/{id:int}"] = ("/api/v1/reports/{report}", Rule.DraftRead),
        ["PUT /api/v1/reports/{id:int}/narratives/{section}/{language}"] = ("/api/v1/reports/{report}/narratives/summary/en", Rule.PlannerWrite),
        ["POST /api/v1/reports/{id:int}/generate"] = ("/api/v1/reports/{report}/generate", Rule.ReportGenerate),
        ["GET /api/v1/report-jobs/{id:int}"] = ("/api/v1/report-jobs/{reportJob}", Rule.DraftRead),
        ["GET /api/v1/report-files/{id:int}"] = ("/api/v1/report-files/{reportFile}", Rule.DraftRead),
        ["POST /api/v1/reports/{id:int}/submit"] = ("/api/v1/reports/{report}/submit", Rule.PlannerWrite),
        ["POST /api/v1/reports/{id:int}/decision"] = ("/api/v1/reports/{report}/decision", Rule.CouncillorWrite),
        ["POST /api/v1/reports/{id:int}/publish"] = ("/api/v1/reports/{report}/publish", Rule.PlannerWrite),
        ["POST /api/v1/reports/{id:int}/correct"] = ("/api/v1/reports/{report}/correct", Rule.PlannerWrite),
        ["POST /api/v1/reports/{id:int}/next-plan"] = ("/api/v1/reports/{report}/next-plan", Rule.PlannerWrite),
        ["PAGE /Reporting"] = ("/Reporting", Rule.Public),
        ["PAGE /Reporting/Index"] = ("/Reporting/Index", Rule.Public),
        ["PAGE /Reporting/Create"] = ("/Reporting/Create", Rule.PlannerPage),
        ["PAGE /Reporting/{id:int}"] = ("/Reporting/{report}", Rule.DraftRead),
        ["PAGE /Reporting/{id:int}/Narrative"] = ("/Reporting/{report}/Narrative?section=summary&language=en", Rule.PlannerPage),
        ["PAGE /Reporting/{id:int}/Submit"] = ("/Reporting/{report}/Submit", Rule.PlannerPage),
        ["PAGE /Reporting/{id:int}/Decision"] = ("/Reporting/{report}/Decision", Rule.CouncillorPage),
        ["PAGE /Reporting/{id:int}/Publish"] = ("/Reporting/{report}/Publish", Rule.PlannerPage),
        ["PAGE /Reporting/{id:int}/Correct"] = ("/Reporting/{report}/Correct", Rule.PlannerPage),
        ["PAGE /Reporting/{id:int}/NextPlan"] = ("/Reporting/{report}/NextPlan", Rule.PlannerPage),
        ["PAGE /Reporting/Jobs/{id:int}"] = ("/Reporting/Jobs/{reportJob}", Rule.DraftRead),
        ["PAGE /Reporting/Files/{id:int}"] = ("/Reporting/Files/{reportFile}", Rule.DraftRead),
        ["PAGE /Reporting/Public/{id:int}"] = ("/Reporting/Public/{publishedReport}", Rule.Public),
        ["PAGE /Notifications"] = ("/Notifications", Rule.SignedInPage),
        ["GET /api/v1/notifications"] = ("/api/v1/notifications?unread=true", Rule.OwnNotifications),
        ["POST /api/v1/notifications/{id:int}/read"] = ("/api/v1/notifications/999999/read", Rule.OwnNotifications),
        ["POST /api/v1/notifications/read-all"] = ("/api/v1/notifications/read-all", Rule.OwnNotifications),
        ["GET /api/v1/report-files/{id:int}/tables"] = ("/api/v1/report-files/{reportFile}/tables", Rule.DraftRead),
        ["GET /api/v1/report-files/{id:int}/tables/{number:int}.csv"] = ("/api/v1/report-files/{reportFile}/tables/1.csv", Rule.DraftRead),
        ["GET /api/v1/report-files/{id:int}/tables.zip"] = ("/api/v1/report-files/{reportFile}/tables.zip", Rule.DraftRead),
        ["GET /api/v1/plans/{id:int}/iati/organisation.xml"] = ("/api/v1/plans/{plan}/iati/organisation.xml", Rule.DraftRead),
        ["GET /api/v1/plans/{id:int}/iati/activities.xml"] = ("/api/v1/plans/{plan}/iati/activities.xml", Rule.DraftRead),
        ["GET /api/v1/plans/{id:int}/iati.zip"] = ("/api/v1/plans/{plan}/iati.zip", Rule.DraftRead),
        ["POST /api/v1/reports/{id:int}/generate-all"] = ("/api/v1/reports/{report}/generate-all", Rule.ReportGenerate),
        ["POST /api/v1/drafting/instruments/{id:int}/import-docx"] = ("/api/v1/drafting/instruments/{instrument}/import-docx", Rule.DraftingImportWrite),
        ["POST /api/v1/drafting/proposals/{id:int}/contribution"] = ("/api/v1/drafting/proposals/{proposal}/contribution", Rule.DelegateWrite),
        ["PAGE /Drafting/Proposals/ImportDocx"] = ("/Drafting/Proposals/ImportDocx?instrumentId={instrument}", Rule.DraftingImportPage),
        ["PAGE /Drafting"] = ("/Drafting", Rule.Redirect),
        ["PAGE /Drafting/Index"] = ("/Drafting/Index", Rule.Redirect),
    };

    private static readonly string[] Actors = [Anonymous, .. Roles.All];

    private static IEnumerable<int> Expected(Rule rule, string actor) => (rule, actor) switch
    {
        (Rule.Public, _) => [200],
        (Rule.AntiforgeryRefused, _) => [400],
        (Rule.Redirect, _) => [302],
        (Rule.Refused, _) => [403],
        (Rule.NotFound, _) => [404],
        (Rule.DraftRead, Anonymous or Roles.Delegate) => [404],
        (Rule.DraftRead, _) => [200],
        (Rule.PlannerWrite, Anonymous) => [401],
        (Rule.PlannerWrite, Roles.Planner) => [200, 201, 204, 400, 404, 409],
        (Rule.PlannerWrite, _) => [403],
        (Rule.ReporterWrite or Rule.ValidatorWrite, Anonymous) => [401],
        (Rule.ReporterWrite, Roles.Reporter) => [200, 201, 204, 400, 404, 409],
        (Rule.ValidatorWrite, Roles.Validator) => [200, 201, 204, 400, 404, 409],
        (Rule.ReporterWrite or Rule.ValidatorWrite, _) => [403],
        (Rule.SignedInPage or Rule.DraftPage or Rule.PlannerPage or Rule.AdminPage or Rule.ReporterPage or Rule.ValidatorPage, Anonymous) => [302],
        (Rule.ReporterPage, Roles.Reporter) => [200],
        (Rule.ValidatorPage, Roles.Validator) => [200],
        (Rule.ReporterPage or Rule.ValidatorPage, _) => [302, 403],
        (Rule.SignedInPage, _) => [200],
        (Rule.DraftPage, Roles.Delegate) => [302, 403, 404],
        (Rule.DraftPage, _) => [200],
        (Rule.PlannerPage, Roles.Planner) => [200],
        (Rule.AdminPage, Roles.Admin) => [200],
        (Rule.PlannerPage or Rule.AdminPage, _) => [302, 403],
        (Rule.SecretariatWrite or Rule.DelegateWrite or Rule.TokenWrite, Anonymous) => [401],
        (Rule.SecretariatWrite, Roles.Chair or Roles.Planner) => [200, 201, 204, 400, 404, 409],
        (Rule.DelegateWrite, Roles.Delegate) => [200, 201, 204, 400, 403, 404, 409],
        (Rule.SecretariatWrite or Rule.DelegateWrite, _) => [403],
        (Rule.TokenWrite, _) => [200, 400],
        (Rule.SecretariatRead, Roles.Chair or Roles.Planner or Roles.Admin) => [200],
        (Rule.SecretariatRead, _) => [404],
        (Rule.SecretariatPage or Rule.DelegatePage, Anonymous) => [302],
        (Rule.SecretariatPage, Roles.Chair or Roles.Planner) => [200],
        (Rule.DelegatePage, Roles.Delegate) => [200],
        (Rule.SecretariatPage or Rule.DelegatePage, _) => [302, 403],
        (Rule.SurveyManagerWrite or Rule.SurveyExport or Rule.SurveyDelegateApi, Anonymous) => [401],
        (Rule.SurveyManagerWrite, Roles.Chair or Roles.Planner) => [200, 201, 204, 400, 404, 409],
        (Rule.SurveyResultsRead or Rule.SurveyExport, Roles.Chair or Roles.Planner) => [200],
        (Rule.SurveyManagerWrite or Rule.SurveyExport, _) => [403],
        (Rule.SurveyResultsRead, _) => [404],
        (Rule.SurveyDelegateApi, Roles.Delegate) => [200, 400, 404],
        (Rule.SurveyDelegateApi, _) => [403],
        (Rule.SurveyDelegatePage or Rule.SurveyManagerPage, Anonymous) => [302],
        (Rule.SurveyDelegatePage, Roles.Delegate) => [200],
        (Rule.SurveyManagerPage, Roles.Chair or Roles.Planner) => [200],
        (Rule.SurveyDelegatePage or Rule.SurveyManagerPage, _) => [302, 403],
        (Rule.BodyWrite, Anonymous) => [401],
        (Rule.BodyWrite, Roles.Planner or Roles.Admin) => [200, 201, 204, 400, 404, 409],
        (Rule.BodyWrite, Roles.Chair) => [400, 403, 404],
        (Rule.BodyWrite, _) => [403],
        (Rule.BodyManagerPage, Anonymous) => [302],
        (Rule.BodyManagerPage, Roles.Planner or Roles.Admin) => [200],
        (Rule.BodyManagerPage, _) => [302, 403],
        (Rule.MembersOnlyRead, Roles.Delegate or Roles.Admin or Roles.Planner or Roles.Chair) => [200],
        (Rule.MembersOnlyRead, _) => [404],
        (Rule.RegistrarPage or Rule.LeadDelegatePage, Anonymous) => [302],
        (Rule.RegistrarPage, Roles.Admin or Roles.Planner or Roles.Chair) => [200],
        (Rule.RegistrarPage, _) => [302, 403],
        (Rule.RegistrarWrite, Anonymous) => [401],
        (Rule.RegistrarWrite, Roles.Admin or Roles.Planner or Roles.Chair) => [200, 201, 204, 400, 404, 409],
        (Rule.RegistrarWrite, _) => [403],
        (Rule.OtherMembersDraft, Roles.Admin or Roles.Planner) => [200],
        (Rule.OtherMembersDraft, _) => [404],
        (Rule.LeadDelegatePage, Roles.Delegate) => [404],
        (Rule.LeadDelegatePage, _) => [302, 403],
        (Rule.SignedInWrite, Anonymous) => [401],
        (Rule.SignedInWrite, _) => [200, 201, 204, 400, 403, 404, 409, 415, 422],
        (Rule.ReportGenerate or Rule.CouncillorWrite, Anonymous) => [401],
        (Rule.ReportGenerate, Roles.Planner) => [202, 400],
        (Rule.CouncillorWrite, Roles.Councillor) => [200, 400, 404, 409],
        (Rule.ReportGenerate or Rule.CouncillorWrite, _) => [403],
        (Rule.CouncillorPage, Anonymous) => [302],
        (Rule.CouncillorPage, Roles.Councillor) => [200],
        (Rule.CouncillorPage, _) => [302, 403],
        (Rule.OwnNotifications, Anonymous) => [401],
        (Rule.OwnNotifications, _) => [200, 404],
        (Rule.DraftingImportWrite, Anonymous) => [401],
        (Rule.DraftingImportWrite, Roles.Chair or Roles.Planner or Roles.Delegate) => [400],
        (Rule.DraftingImportWrite, _) => [403],
        (Rule.DraftingImportPage, Anonymous) => [302],
        (Rule.DraftingImportPage, Roles.Chair or Roles.Planner or Roles.Delegate) => [200],
        (Rule.DraftingImportPage, _) => [302, 403],
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    private sealed record Call(string Key, string Method, string Url, Rule Rule);

    private IReadOnlyList<Call> Endpoints()
    {
        var source = App.Services.GetRequiredService<EndpointDataSource>();
        var calls = new List<Call>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null || endpoint.Metadata.Any(m => m is CompiledPageActionDescriptor))
            {
                calls.Add(new Call("PAGE " + pattern, "GET", "", Rule.Public));
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is null || methods.Count == 0) calls.Add(new Call("* " + pattern, "GET", "", Rule.Public));
            else calls.AddRange(methods.Select(m => new Call($"{m} {pattern}", m, "", Rule.Public)));
        }
        return calls.DistinctBy(c => c.Key).ToList();
    }

    [Fact]
    public void The_table_covers_every_endpoint_and_page_of_the_app()
    {
        var actual = Endpoints().Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var missing = actual.Except(Table.Keys).Order(StringComparer.Ordinal).ToList();
        var stale = Table.Keys.Except(actual).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            (missing.Count > 0 ? "Endpoints the access table does not cover (add each with who may use it):" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", missing) + Environment.NewLine : "")
            + (stale.Count > 0 ? "Table entries for endpoints that no longer exist:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", stale) : ""));
    }

    [Fact]
    public async Task Every_endpoint_answers_each_role_and_anonymous_as_the_table_says()
    {
        var ids = await FixtureAsync();
        var clients = new Dictionary<string, HttpClient> { [Anonymous] = App.AnonymousClient() };
        foreach (var role in Roles.All) clients[role] = await App.ClientAsAsync(role, role == Roles.Delegate ? "DEU" : null);

        var calls = Endpoints().Where(c => Table.ContainsKey(c.Key))
            .Select(c => c with { Url = Fill(Table[c.Key].Url, ids), Rule = Table[c.Key].Rule })
            .ToList();
        // Reads first, then writes, the Planner's last: a Planner's delete must not change what the others see.
        var order = calls.Where(c => c.Rule is not (Rule.PlannerWrite or Rule.SecretariatWrite or Rule.DelegateWrite or Rule.ReporterWrite or Rule.ValidatorWrite)).SelectMany(c => Actors.Select(a => (c, a)))
            .Concat(calls.Where(c => c.Rule is Rule.SecretariatWrite or Rule.DelegateWrite or Rule.ReporterWrite or Rule.ValidatorWrite).SelectMany(c => Actors.Select(a => (c, a))))
            .Concat(calls.Where(c => c.Rule == Rule.PlannerWrite).SelectMany(c => Actors.Where(a => a != Roles.Planner).Select(a => (c, a))))
            .Concat(calls.Where(c => c.Rule == Rule.PlannerWrite).Select(c => (c, Roles.Planner)));

        var failures = new StringBuilder();
        var count = 0;
        foreach (var (call, actor) in order)
        {
            using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Url);
            if (call.Rule == Rule.AntiforgeryRefused)
            {
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "fr", ["returnUrl"] = "/" });
            }
            else if (call.Method is "POST" or "PUT")
            {
                request.Content = Rest.RawJson("{}");
            }
            using var response = await clients[actor].SendAsync(request, Ct);
            count++;
            var status = (int)response.StatusCode;
            var expected = Expected(call.Rule, actor).ToList();
            if (!expected.Contains(status))
            {
                failures.AppendLine($"  {call.Method} {call.Url} as {actor}: got {status}, expected {string.Join(" or ", expected)} ({call.Rule})");
            }
            else if (call.Key.Contains("/api/", StringComparison.Ordinal) && status >= 400
                && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.AppendLine($"  {call.Method} {call.Url} as {actor}: {status} without a ProblemDetails body");
            }
            else if (call.Rule is Rule.SignedInPage or Rule.DraftPage or Rule.PlannerPage or Rule.AdminPage or Rule.ReporterPage or Rule.ValidatorPage or Rule.SurveyDelegatePage or Rule.SurveyManagerPage or Rule.BodyManagerPage or Rule.RegistrarPage or Rule.LeadDelegatePage or Rule.CouncillorPage && actor == Anonymous
                && response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) != true)
            {
                failures.AppendLine($"  {call.Method} {call.Url} as {actor}: redirected to {response.Headers.Location}, not to the sign-in page");
            }
        }
        Assert.True(count >= Table.Count * Actors.Length - Actors.Length, $"only {count} calls were made");
        Assert.True(failures.Length == 0, "Access matrix failures:" + Environment.NewLine + failures);
    }

    /// <summary>A draft plan with a level, two elements, a link and a vocabulary entry, for the URLs of the table.</summary>
    private async Task<Dictionary<string, string>> FixtureAsync()
    {
        var planner = await App.PlannerAsync();
        var vocabulary = await App.CreateVocabularyAsync("matrix-voc", "M1", "M2");
        var plan = await App.CreatePlanAsync("MATRIX-DRAFT");
        var someone = await App.CreateUserAsync(Roles.Reporter);
        var goal = await App.CreateElementAsync(plan.Id, "goal", "1");
        var indicator = await Rest.ReadAsync<Cadre.Web.Api.Results.IndicatorResponse>(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/indicators",
            new Cadre.Web.Api.Results.IndicatorBody(goal.Id, "M.1", new() { ["en"] = "Matrix indicator" }, Measure: Core.Results.Measure.Percentage), Rest.Json, Ct), HttpStatusCode.Created);
        var reporter = await App.ClientAsAsync(Roles.Reporter);
        var value = await Rest.ReadAsync<Cadre.Web.Api.Results.ValueResponse>(await reporter.PostAsJsonAsync($"/api/v1/indicators/{indicator.Id}/values",
            new Cadre.Web.Api.Results.SubmitValueBody("2025", 50), Rest.Json, Ct), HttpStatusCode.Created);
        var (_, survey) = await Consultation.SurveyTestData.CreateAsync(App, ct: Ct);
        var gov = await Governance.BodiesTestData.CreateAsync(App);
        var (membersDoc, draftContribution) = await Governance.DocumentPagesTests.MatrixItemsAsync(App, gov.GroupId);
        var link = await Rest.ReadAsync<CreatedLinkResponse>(await planner.PostAsJsonAsync($"/api/v1/elements/{goal.Id}/links",
            new CreateLinkRequest(vocabulary.Entries[0].Id, null), Rest.Json, Ct), HttpStatusCode.Created);
        var drafting = await Cadre.Web.Tests.Api.Drafting.DraftingFixture.CreateAsync(App, "matrix-1", "FRA");
        var risk = await Rest.ReadAsync<Cadre.Web.Api.Finance.RiskItemResponse>(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/risks",
            Cadre.Web.Tests.Api.Finance.FinanceApiTests.RiskRequest(goal.Id, "R-1"), Rest.Json, Ct), HttpStatusCode.Created);
        var opPlan = await Rest.ReadAsync<PlanResponse>(await planner.PostAsJsonAsync("/api/v1/plans",
            new CreatePlanRequest(Core.Planning.PlanKind.Operational, "MATRIX-OP", new() { ["en"] = "Operational" }, null, 2025, 2028, "en", "operational", "ITU-D"), Rest.Json, Ct),
            HttpStatusCode.Created);
        var reports = await ReportsFixtureAsync(plan.Id);
        var opElement = await App.CreateElementAsync(opPlan.Id, "output", "MO1");
        (await planner.PutAsJsonAsync($"/api/v1/plans/{plan.Id}/financial-plan", new Cadre.Web.Api.Finance.SaveFinancialPlanRequest(null, null, [], []), Rest.Json, Ct)).EnsureSuccessStatusCode();
        return new Dictionary<string, string>
        {
            ["opElement"] = opElement.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["instrument"] = drafting.Instrument.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["published"] = drafting.Published.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["draftVersion"] = drafting.Draft.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["proposal"] = drafting.Proposal.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["compilation"] = drafting.Compilation.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["opPlan"] = opPlan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["risk"] = risk.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["plan"] = plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["planCode"] = plan.Code,
            ["element"] = goal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["level"] = plan.Levels[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["link"] = link.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["vocabulary"] = vocabulary.Code,
            ["user"] = someone.Id,
            ["indicator"] = indicator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["value"] = value.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["entry"] = vocabulary.Entries[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["survey"] = survey.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["body"] = gov.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["bodyCode"] = gov.GroupCode,
            ["meeting"] = gov.MeetingId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["liaison"] = gov.LiaisonId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["recommendation"] = gov.RecommendationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["otherCode"] = gov.OtherCode,
            ["otherMember"] = gov.OtherMemberId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["otherOfficer"] = gov.OtherOfficerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["workItem"] = gov.WorkItemId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["membersDoc"] = membersDoc.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["draftContribution"] = draftContribution.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["report"] = reports.Draft.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["reportJob"] = reports.Job.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["reportFile"] = reports.File.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["publishedReport"] = reports.Published.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A draft annual report (2025) with an HTML file made by the worker, and a published one (2024), on <paramref name="planId"/>.</summary>
    private async Task<(int Draft, int Job, int File, int Published)> ReportsFixtureAsync(int planId)
    {
        var planner = await App.PlannerAsync();
        var councillor = await App.ClientAsAsync(Roles.Councillor);
        var draft = await Rest.ReadAsync<Cadre.Web.Api.Reporting.ReportResponse>(await planner.PostAsJsonAsync($"/api/v1/plans/{planId}/reports",
            new Cadre.Web.Api.Reporting.CreateReportRequest(Core.Reporting.Model.ReportKind.Annual, 2025), Rest.Json, Ct), HttpStatusCode.Created);
        var job = await Rest.ReadAsync<Cadre.Web.Api.Reporting.ReportJobResponse>(await planner.PostAsJsonAsync($"/api/v1/reports/{draft.Id}/generate",
            new Cadre.Web.Api.Reporting.GenerateReportRequest(Core.Reporting.ReportFormat.Html, "en"), Rest.Json, Ct), HttpStatusCode.Accepted);
        await App.Services.GetRequiredService<Cadre.Web.Infrastructure.ReportWorker>().ProcessPendingAsync(Ct);
        var file = (await Rest.ReadAsync<Cadre.Web.Api.Reporting.ReportResponse>(await planner.GetAsync($"/api/v1/reports/{draft.Id}", Ct))).Files.Single();
        var published = await Rest.ReadAsync<Cadre.Web.Api.Reporting.ReportResponse>(await planner.PostAsJsonAsync($"/api/v1/plans/{planId}/reports",
            new Cadre.Web.Api.Reporting.CreateReportRequest(Core.Reporting.Model.ReportKind.Annual, 2024), Rest.Json, Ct), HttpStatusCode.Created);
        published = await Rest.ReadAsync<Cadre.Web.Api.Reporting.ReportResponse>(await planner.PostAsJsonAsync($"/api/v1/reports/{published.Id}/submit",
            new Cadre.Web.Api.Reporting.ReportStepRequest(published.Version), Rest.Json, Ct));
        published = await Rest.ReadAsync<Cadre.Web.Api.Reporting.ReportResponse>(await councillor.PostAsJsonAsync($"/api/v1/reports/{published.Id}/decision",
            new Cadre.Web.Api.Reporting.CouncilDecisionRequest(published.Version, "Noted."), Rest.Json, Ct));
        await Rest.ReadAsync<Cadre.Web.Api.Reporting.ReportResponse>(await planner.PostAsJsonAsync($"/api/v1/reports/{published.Id}/publish",
            new Cadre.Web.Api.Reporting.ReportStepRequest(published.Version), Rest.Json, Ct));
        return (draft.Id, job.Id, file.Id, published.Id);
    }

    private static string Fill(string url, Dictionary<string, string> ids)
    {
        foreach (var (name, value) in ids) url = url.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        return url;
    }
}
