using Microsoft.AspNetCore.Http.HttpResults;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Services;

namespace SosRap.Api.Endpoints;

/// <summary>Category suggestions for a bare text, as in Annif's REST API.</summary>
internal static class SuggestApi
{
    public static IEndpointRouteBuilder MapSuggestApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/suggest", Suggest)
            .WithTags("Luokitusehdotukset")
            .WithName(nameof(Suggest))
            .WithSummary("Ehdota luokkia tekstille")
            .WithDescription("Teksti anonymisoidaan ensin eikä sitä tallenneta. 503, kun luokitusmallia ei ole otettu käyttöön.")
            .RequireAuthorization(Policies.Suggest)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    public static async Task<Results<Ok<SuggestResponse>, ValidationProblem, ProblemHttpResult>> Suggest(
        SuggestRequest request, IReportRedactor redactor, ISuggestionService suggester, TaxonomyService taxonomy, CancellationToken cancellationToken)
    {
        if (!suggester.Status.Available) return HttpOutcomes.AnalysisUnavailable(suggester.Status);
        var current = await taxonomy.CurrentAsync(cancellationToken);
        if (current is null) return HttpOutcomes.Problem(StatusCodes.Status503ServiceUnavailable, "Ei käytettävissä", "Taksonomiaa ei ole vielä alustettu.");
        var redacted = redactor.Redact(request.Text);
        // The whole ranking is asked for and cut here, so that a category unknown to the current taxonomy cannot take a place.
        var outcome = await suggester.SuggestAsync(
            new SuggestionQuery(redacted.Text, request.Language, current.Version, current.Categories.Count, request.Threshold), cancellationToken);
        if (!outcome.Status.Available) return HttpOutcomes.AnalysisUnavailable(outcome.Status);
        var items = outcome.Suggestions
            .Where(s => s.Score >= request.Threshold && current.Contains(s.Category))
            .OrderByDescending(s => s.Score)
            .Take(request.Limit)
            .Select(s => new SuggestionItem(s.Category, current.Find(s.Category)?.Name, s.Score, null, new EvidenceItem(s.EvidenceLemmas, s.EvidenceReportIds)))
            .ToList();
        return TypedResults.Ok(new SuggestResponse(outcome.Status.ModelVersion ?? "?", items,
            new RedactionSummary(redacted.Total, new SortedDictionary<string, int>(redacted.Counts.ToDictionary(), StringComparer.Ordinal))));
    }
}
