using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Services;

namespace SosRap.Api.Endpoints;

/// <summary>Reports: submit, read, list, edit (author, while new), workflow transitions and reviewer feedback.</summary>
internal static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Ilmoitukset");

        api.MapPost("", SubmitReport)
            .WithName(nameof(SubmitReport))
            .WithSummary("Tallenna uusi ilmiöilmoitus")
            .WithDescription("Tekstit anonymisoidaan ennen tallennusta; alkuperäistä tekstiä ei tallenneta eikä kirjata lokiin. Vastauksessa luokitusehdotukset ja samankaltaiset ilmoitukset, kun ne ovat käytössä.")
            .RequireAuthorization(Policies.SubmitReports)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        api.MapGet("", ListReports)
            .WithName(nameof(ListReports))
            .WithSummary("Listaa ilmoitukset, jotka saat nähdä")
            .WithDescription("Työntekijä näkee omansa, esihenkilö lisäksi palvelualueidensa ilmoitukset, työryhmä kaikki.")
            .RequireAuthorization(Policies.ReadReports)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/{id:maxlength(100)}", GetReport)
            .WithName(nameof(GetReport))
            .WithSummary("Hae yksi ilmoitus")
            .RequireAuthorization(Policies.ReadReports)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapPut("/{id:maxlength(100)}", UpdateReport)
            .WithName(nameof(UpdateReport))
            .WithSummary("Muokkaa omaa ilmoitusta (vain tilassa uusi)")
            .RequireAuthorization(Policies.SubmitReports)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        api.MapPost("/{id:maxlength(100)}/transitions", TransitionReport)
            .WithName(nameof(TransitionReport))
            .WithSummary("Siirrä ilmoitus käsittelyn seuraavaan tilaan")
            .WithDescription("uusi → alkukasitelty | yhdistetty | uusi (palautus), alkukasitelty → tyoryhmassa → raportoitu → valitetty. Muu siirto: 409 ja sallitut tilat.")
            .RequireAuthorization(Policies.HandleReports)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapPost("/{id:maxlength(100)}/feedback", AddFeedback)
            .WithName(nameof(AddFeedback))
            .WithSummary("Hyväksy, hylkää tai lisää luokkia (palaute luokitusehdotuksista)")
            .RequireAuthorization(Policies.HandleReports)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        return app;
    }

    public static async Task<Results<Created<ReportResponse>, ValidationProblem, ProblemHttpResult>> SubmitReport(
        ReportInput input, ClaimsPrincipal principal, ReportService reports, CancellationToken cancellationToken) =>
        (await reports.SubmitAsync(CurrentUser.From(principal), input, cancellationToken)).ToCreated(r => "/api/reports/" + r.Id);

    public static async Task<Ok<PagedList<ReportSummary>>> ListReports(
        [AsParameters] ReportListQuery query, ClaimsPrincipal principal, ReportService reports, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reports.ListAsync(CurrentUser.From(principal), query, cancellationToken));

    public static async Task<Results<Ok<ReportResponse>, ValidationProblem, ProblemHttpResult>> GetReport(
        string id, ClaimsPrincipal principal, ReportService reports, CancellationToken cancellationToken) =>
        (await reports.GetAsync(CurrentUser.From(principal), id, cancellationToken)).ToOk();

    public static async Task<Results<Ok<ReportResponse>, ValidationProblem, ProblemHttpResult>> UpdateReport(
        string id, ReportInput input, ClaimsPrincipal principal, ReportService reports, CancellationToken cancellationToken) =>
        (await reports.UpdateAsync(CurrentUser.From(principal), id, input, cancellationToken)).ToOk();

    public static async Task<Results<Ok<ReportResponse>, ValidationProblem, ProblemHttpResult>> TransitionReport(
        string id, TransitionRequest request, ClaimsPrincipal principal, ReportService reports, CancellationToken cancellationToken) =>
        (await reports.TransitionAsync(CurrentUser.From(principal), id, request, cancellationToken)).ToOk();

    public static async Task<Results<Ok<ReportResponse>, ValidationProblem, ProblemHttpResult>> AddFeedback(
        string id, FeedbackRequest request, ClaimsPrincipal principal, ReportService reports, CancellationToken cancellationToken) =>
        (await reports.FeedbackAsync(CurrentUser.From(principal), id, request, cancellationToken)).ToOk();
}
