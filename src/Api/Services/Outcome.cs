namespace SosRap.Api.Services;

/// <summary>What an application service call came to: a value, or why not (the endpoint maps this to a status code and ProblemDetails).</summary>
internal enum OutcomeKind
{
    Ok,
    NotFound,
    Forbidden,
    Conflict,
    Invalid,
    Unavailable,
}

/// <summary>
/// The result of an application service call. Messages are Finnish, for the person using the
/// service, and never contain report text.
/// </summary>
internal sealed class Outcome<T>
{
    private Outcome(OutcomeKind kind, T? value, string? detail, IReadOnlyDictionary<string, string[]>? errors, IReadOnlyDictionary<string, object?>? extensions)
    {
        Kind = kind;
        Value = value;
        Detail = detail;
        Errors = errors;
        Extensions = extensions;
    }

    public OutcomeKind Kind { get; }
    public T? Value { get; }
    public string? Detail { get; }

    /// <summary>Field errors (wire names) when <see cref="Kind"/> is <see cref="OutcomeKind.Invalid"/>.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; }

    /// <summary>Extra ProblemDetails members, e.g. the allowed transitions of a 409.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null, null, null);

    public static Outcome<T> NotFound(string detail) => new(OutcomeKind.NotFound, default, detail, null, null);

    public static Outcome<T> Forbidden(string detail) => new(OutcomeKind.Forbidden, default, detail, null, null);

    public static Outcome<T> Conflict(string detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(OutcomeKind.Conflict, default, detail, null, extensions);

    public static Outcome<T> Invalid(string field, string message) =>
        new(OutcomeKind.Invalid, default, null, new Dictionary<string, string[]> { [field] = [message] }, null);

    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(OutcomeKind.Invalid, default, null, errors, null);

    public static Outcome<T> Unavailable(string detail) => new(OutcomeKind.Unavailable, default, detail, null, null);

    /// <summary>The same failure carrying another value type.</summary>
    public Outcome<TOther> As<TOther>() =>
        Kind == OutcomeKind.Ok ? throw new InvalidOperationException("Only a failure can change its value type.") : new(Kind, default, Detail, Errors, Extensions);
}
