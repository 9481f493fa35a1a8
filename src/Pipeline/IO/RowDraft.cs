using System.Text.Json;

namespace SosRap.Pipeline.IO;

/// <summary>
/// One row as a format reader understood it, before the shared checks: typed values where the
/// conversion worked, the problems found so far, and how to write the row out if it is rejected.
/// </summary>
internal sealed class RowDraft
{
    public RowDraft(long row) => Row = row;

    public long Row { get; }

    /// <summary>False when the record could not even be split into columns (e.g. invalid JSON).</summary>
    public bool FieldsRead { get; set; } = true;

    public string? Id { get; set; }
    public string? Phenomenon { get; set; }
    public string? Proposal { get; set; }
    public string? Municipality { get; set; }
    public string? ServiceArea { get; set; }
    public DateOnly? ReportedAt { get; set; }
    public List<string>? Categories { get; set; }
    public string? Kind { get; set; }
    public int? AffectedClients { get; set; }
    public string? Responsible { get; set; }
    public string? Language { get; set; }
    public string? Theme { get; set; }
    public bool? ContainsPii { get; set; }

    /// <summary>Bit i set when column <c>ReportColumns.All[i]</c> had a non-empty value.</summary>
    public int Filled { get; set; }

    public List<(ProblemSeverity Severity, string? Field, string Message)> Problems { get; } = [];

    public bool HasErrors => Problems.Exists(p => p.Severity == ProblemSeverity.Error);

    /// <summary>Writes the properties that describe the original row into a rejected-row object.</summary>
    public Action<Utf8JsonWriter>? WriteOriginal { get; set; }

    public void Error(string? field, string message) => Problems.Add((ProblemSeverity.Error, field, message));

    public void Warning(string? field, string message) => Problems.Add((ProblemSeverity.Warning, field, message));

    public void MarkFilled(int column) => Filled |= 1 << column;
}
