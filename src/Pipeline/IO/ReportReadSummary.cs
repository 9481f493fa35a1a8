namespace SosRap.Pipeline.IO;

/// <summary>What reading one file found: counts, column fill rates and problems.</summary>
public sealed record ReportReadSummary
{
    /// <summary>File name, or <c>-</c> for standard input.</summary>
    public required string Source { get; init; }

    /// <summary>Format the file was read as.</summary>
    public required ReportFormat Format { get; init; }

    /// <summary>Data rows met (the CSV header not counted).</summary>
    public long RowsRead { get; init; }

    /// <summary>Rows returned as reports.</summary>
    public long RowsAccepted { get; init; }

    /// <summary>Rows not returned because they had errors.</summary>
    public long RowsRejected { get; init; }

    /// <summary>Errors found in all, listed or not.</summary>
    public long ErrorCount { get; init; }

    /// <summary>Warnings found in all, listed or not.</summary>
    public long WarningCount { get; init; }

    /// <summary>Problems kept for listing, in file order (capped by <see cref="ReportReadOptions.MaxProblems"/>).</summary>
    public IReadOnlyList<InputProblem> Problems { get; init; } = [];

    /// <summary>True when every problem found is in <see cref="Problems"/>.</summary>
    public bool ProblemsComplete => Problems.Count == ErrorCount + WarningCount;

    /// <summary>Filled/empty counts per known column, over the rows whose fields could be read.</summary>
    public IReadOnlyDictionary<string, ColumnFill> Columns { get; init; } = new Dictionary<string, ColumnFill>();

    /// <summary>Where rejected rows were written, when any were.</summary>
    public string? RejectedPath { get; init; }
}
