namespace SosRap.Pipeline.IO;

/// <summary>How serious an input problem is.</summary>
public enum ProblemSeverity
{
    /// <summary>The row (or file) cannot be used as it is.</summary>
    Error,

    /// <summary>The row is used, but something was ignored or changed (e.g. truncated).</summary>
    Warning,
}
