using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Services;

namespace SosRap.Api.Endpoints;

/// <summary>Clusters of similar reports, candidate new themes, and turning a candidate into a category.</summary>
internal static class ThemesApi
{
    public static IEndpointRouteBuilder MapThemesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Teemat");
        api.MapGet("/clusters", GetClusters)
            .WithName(nameof(GetClusters))
            .WithSummary("Kauden ilmiöryppäät: nimi, termit, jäsenet ja kehitys")
            .RequireAuthorization(Policies.Analyse)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/themes/candidates", GetThemeCandidates)
            .WithName(nameof(GetThemeCandidates))
            .WithSummary("Uudet teemaehdokkaat: kasvavat ryppäät, joita mikään luokka ei selitä")
            .RequireAuthorization(Policies.Analyse)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/themes/candidates/{id:maxlength(100)}/promote", PromoteTheme)
            .WithName(nameof(PromoteTheme))
            .WithSummary("Tee teemaehdokkaasta uusi luokka (uusi taksonomiaversio)")
            .RequireAuthorization(Policies.PromoteThemes)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    public static async Task<Results<Ok<ClustersResponse>, ValidationProblem, ProblemHttpResult>> GetClusters(
        [AsParameters] ThemeQuery query, IThemeService themes, CancellationToken cancellationToken)
    {
        var (from, to, label) = query.Range();
        var outcome = await themes.ClustersAsync(from, to, cancellationToken);
        if (!outcome.Status.Available) return HttpOutcomes.AnalysisUnavailable(outcome.Status);
        return TypedResults.Ok(new ClustersResponse(label, outcome.Status.ModelVersion ?? "?", outcome.Items.Select(c => new ClusterResponse(
            c.Id, c.Label, c.Terms, c.MemberIds.Count, c.MemberIds, c.Trend.Select(t => new PeriodCount(t.Period, t.Count)).ToList(), c.DominantCategories)).ToList()));
    }

    public static async Task<Results<Ok<ThemeCandidatesResponse>, ValidationProblem, ProblemHttpResult>> GetThemeCandidates(
        [AsParameters] ThemeQuery query, IThemeService themes, CancellationToken cancellationToken)
    {
        var (from, to, label) = query.Range();
        var outcome = await themes.CandidatesAsync(from, to, cancellationToken);
        if (!outcome.Status.Available) return HttpOutcomes.AnalysisUnavailable(outcome.Status);
        return TypedResults.Ok(new ThemeCandidatesResponse(label, outcome.Status.ModelVersion ?? "?", outcome.Items.Select(ToResponse).ToList()));
    }

    public static async Task<Results<Ok<TaxonomyResponse>, ValidationProblem, ProblemHttpResult>> PromoteTheme(
        string id, NewCategoryRequest request, [AsParameters] ThemeQuery query, ClaimsPrincipal principal, IThemeService themes,
        TaxonomyService taxonomy, CancellationToken cancellationToken)
    {
        var (from, to, _) = query.Range();
        var outcome = await themes.CandidatesAsync(from, to, cancellationToken);
        if (!outcome.Status.Available) return HttpOutcomes.AnalysisUnavailable(outcome.Status);
        var candidate = outcome.Items.FirstOrDefault(c => c.Id == id);
        if (candidate is null) return HttpOutcomes.Problem(StatusCodes.Status404NotFound, "Ei löydy", "Teemaehdokasta ei löydy tältä kaudelta.");
        var note = string.IsNullOrWhiteSpace(request.Note) ? $"Uusi luokka teemaehdokkaasta {candidate.Id} ({candidate.Label})" : request.Note;
        return (await taxonomy.AddCategoryAsync(CurrentUser.From(principal), request.Category!, note, "theme.promoted", cancellationToken)).ToOk();
    }

    private static ThemeCandidateResponse ToResponse(ThemeCandidate c) =>
        new(c.Id, c.Label, c.Terms, c.MemberIds, c.Trend.Select(t => new PeriodCount(t.Period, t.Count)).ToList(), c.Novelty, c.SuggestedCategoryId);
}
