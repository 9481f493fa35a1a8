using System.Globalization;
using System.Text;

namespace SosRap.Pipeline;

/// <summary>
/// Invalid input from a user or a file. Carries where the problem is (source, row, field) so the
/// CLI can print one clear line and the API can answer with a ProblemDetails naming the field.
/// The message never contains report text.
/// </summary>
public class InputException : Exception
{
    /// <summary>Creates an input error.</summary>
    /// <param name="problem">What is wrong, without report text.</param>
    /// <param name="source">File name or other origin, when known.</param>
    /// <param name="row">1-based row or line number, when known.</param>
    /// <param name="field">Column or field name, when known.</param>
    /// <param name="inner">Underlying exception, if any.</param>
    public InputException(string problem, string? source = null, long? row = null, string? field = null, Exception? inner = null)
        : base(Format(problem, source, row, field), inner)
    {
        Problem = problem;
        Source = source;
        Row = row;
        Field = field;
    }

    /// <summary>What is wrong, without the location prefix.</summary>
    public string Problem { get; }

    /// <summary>File name or other origin.</summary>
    public new string? Source { get; }

    /// <summary>1-based row or line number.</summary>
    public long? Row { get; }

    /// <summary>Column or field name.</summary>
    public string? Field { get; }

    private static string Format(string problem, string? source, long? row, string? field)
    {
        var sb = new StringBuilder();
        if (source is not null) sb.Append(source);
        if (row is not null) sb.Append(sb.Length > 0 ? ":" : "row ").Append(row.Value.ToString(CultureInfo.InvariantCulture));
        if (field is not null) sb.Append(sb.Length > 0 ? ": " : "").Append('\'').Append(field).Append('\'');
        if (sb.Length > 0) sb.Append(": ");
        return sb.Append(problem).ToString();
    }
}
