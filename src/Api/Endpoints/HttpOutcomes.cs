using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SosRap.Api.Services;

namespace SosRap.Api.Endpoints;

/// <summary>
/// Maps application outcomes to HTTP: 400 ValidationProblem naming the fields, 403/404/409/503
/// ProblemDetails (<c>application/problem+json</c>) with a Finnish explanation.
/// </summary>
internal static class HttpOutcomes
{
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> ToOk<T>(this Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok => TypedResults.Ok(outcome.Value),
        OutcomeKind.Invalid => Invalid(outcome),
        _ => Problem(outcome),
    };

    public static Results<Created<T>, ValidationProblem, ProblemHttpResult> ToCreated<T>(this Outcome<T> outcome, Func<T, string> location) => outcome.Kind switch
    {
        OutcomeKind.Ok => TypedResults.Created(location(outcome.Value!), outcome.Value),
        OutcomeKind.Invalid => Invalid(outcome),
        _ => Problem(outcome),
    };

    public static ValidationProblem Invalid<T>(Outcome<T> outcome) =>
        TypedResults.ValidationProblem(outcome.Errors!, title: "Pyynnössä on virheellisiä kenttiä");

    public static ProblemHttpResult Problem<T>(Outcome<T> outcome)
    {
        var (status, title) = outcome.Kind switch
        {
            OutcomeKind.NotFound => (StatusCodes.Status404NotFound, "Ei löydy"),
            OutcomeKind.Forbidden => (StatusCodes.Status403Forbidden, "Ei käyttöoikeutta"),
            OutcomeKind.Conflict => (StatusCodes.Status409Conflict, "Ristiriita"),
            OutcomeKind.Unavailable => (StatusCodes.Status503ServiceUnavailable, "Ei käytettävissä"),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Kind, "Not a problem outcome."),
        };
        return Problem(status, title, outcome.Detail, outcome.Extensions);
    }

    public static ProblemHttpResult Problem(int status, string title, string? detail, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>The 503 of an analysis component that is not in use.</summary>
    public static ProblemHttpResult AnalysisUnavailable(AnalysisStatus status) =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Analyysi ei ole käytettävissä", status.Reason);
}
