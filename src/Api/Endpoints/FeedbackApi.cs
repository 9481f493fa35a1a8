using Microsoft.AspNetCore.Http.HttpResults;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Services;

namespace SosRap.Api.Endpoints;

/// <summary>Reviewer decisions on suggestions, for training the suggester.</summary>
internal static class FeedbackApi
{
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/feedback", ListFeedback)
            .WithTags("Luokitusehdotukset")
            .WithName(nameof(ListFeedback))
            .WithSummary("Käsittelijöiden päätökset ehdotuksista (hyväksytty, hylätty, lisätty), vanhin ensin")
            .RequireAuthorization(Policies.ReadFeedback)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    public static async Task<Ok<FeedbackPage>> ListFeedback([AsParameters] FeedbackQuery query, ReportService reports, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reports.FeedbackPageAsync(query.After ?? 0, query.Limit ?? 500, cancellationToken));
}
