using System.Globalization;
using System.Text;

namespace SosRap.Pipeline.IO;

/// <summary>
/// One problem found in an input file: where (source, row, field) and what, never the report text.
/// </summary>
/// <param name="Severity">Error (row rejected) or warning (row kept).</param>
/// <param name="Source">File name, or <c>-</c> for standard input.</param>
/// <param name="Row">1-based row: the line where the record starts (CSV, JSONL) or the row index (Parquet); null for the whole file.</param>
/// <param name="Field">Column name, when the problem is in one column.</param>
/// <param name="Message">What is wrong, in Finnish, without report text.</param>
public sealed record InputProblem(ProblemSeverity Severity, string Source, long? Row, string? Field, string Message)
{
    /// <summary>Formats as <c>source:row: 'field': message</c>, like <see cref="InputException"/>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(Source);
        if (Row is { } row) sb.Append(':').Append(row.ToString(CultureInfo.InvariantCulture));
        if (Field is not null) sb.Append(": '").Append(Field).Append('\'');
        return sb.Append(": ").Append(Message).ToString();
    }
}
