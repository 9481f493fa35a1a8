using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Services;

namespace SosRap.Api.Endpoints;

/// <summary>Counts per category or per Social Welfare Act 11 § support need, per period, municipality or service area.</summary>
internal static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/statistics", GetStatistics)
            .WithTags("Tilastot")
            .WithName(nameof(GetStatistics))
            .WithSummary("Käsiteltyjen ilmoitusten määrät luokittain tai 11 §:n tuen tarpeittain")
            .WithDescription("Tutkijalle pienet solut (alle SosRap:Statistics:SuppressBelow) näytetään salattuina.")
            .RequireAuthorization(Policies.Statistics)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    public static async Task<Ok<StatisticsResponse>> GetStatistics(
        [AsParameters] StatisticsQuery query, ClaimsPrincipal principal, StatisticsService statistics, CancellationToken cancellationToken) =>
        TypedResults.Ok(await statistics.ComputeAsync(CurrentUser.From(principal), query, cancellationToken));
}
