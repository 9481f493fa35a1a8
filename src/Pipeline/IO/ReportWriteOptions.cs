namespace SosRap.Pipeline.IO;

/// <summary>How reports are written. Validated once by <see cref="Validate"/>.</summary>
public sealed record ReportWriteOptions
{
    /// <summary>Defaults: format from the extension, <c>,</c>-delimited CSV without BOM, CRLF line ends.</summary>
    public static ReportWriteOptions Default { get; } = new();

    /// <summary>Explicit format; null chooses by file extension.</summary>
    public ReportFormat? Format { get; init; }

    /// <summary>CSV delimiter: <c>,</c> (default), <c>;</c> (Finnish Excel) or tab.</summary>
    public char CsvDelimiter { get; init; } = ',';

    /// <summary>Write a UTF-8 byte order mark before CSV, so that Excel opens it as UTF-8.</summary>
    public bool CsvByteOrderMark { get; init; }

    /// <summary>CSV record separator: <c>"\r\n"</c> (RFC 4180, default) or <c>"\n"</c>.</summary>
    public string CsvNewLine { get; init; } = "\r\n";

    /// <summary>
    /// Reports per Parquet row group. A reader decodes one group at a time, so this bounds the
    /// memory of reading the file back (≈ 3–4 × the group's text size).
    /// </summary>
    public int ParquetRowGroupSize { get; init; } = 10_000;

    /// <summary>Options for Finnish Excel: <c>;</c> delimiter and a byte order mark.</summary>
    public static ReportWriteOptions Excel { get; } = new() { CsvDelimiter = ';', CsvByteOrderMark = true };

    /// <summary>Checks the values; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public ReportWriteOptions Validate()
    {
        if (CsvDelimiter is not (',' or ';' or '\t'))
            throw new ArgumentException($"{nameof(CsvDelimiter)} must be ',', ';' or a tab.", nameof(CsvDelimiter));
        if (CsvNewLine is not ("\r\n" or "\n"))
            throw new ArgumentException($"{nameof(CsvNewLine)} must be \"\\r\\n\" or \"\\n\".", nameof(CsvNewLine));
        if (ParquetRowGroupSize < 1)
            throw new ArgumentException($"{nameof(ParquetRowGroupSize)} must be positive, was {ParquetRowGroupSize}.", nameof(ParquetRowGroupSize));
        return this;
    }
}
