using SosRap.Models;

namespace SosRap.Pipeline.IO;

/// <summary>How reports are read and validated. Validated once by <see cref="Validate"/>.</summary>
public sealed record ReportReadOptions
{
    /// <summary>Defaults: format from the extension, fail on invalid rows.</summary>
    public static ReportReadOptions Default { get; } = new();

    /// <summary>Explicit format; null chooses by file extension (or content, for standard input).</summary>
    public ReportFormat? Format { get; init; }

    /// <summary>CSV delimiter; null detects <c>,</c> or <c>;</c> from the header line.</summary>
    public char? CsvDelimiter { get; init; }

    /// <summary>When given, category ids must be ids of this taxonomy.</summary>
    public Taxonomy? Taxonomy { get; init; }

    /// <summary>What to do with rows that have errors.</summary>
    public InvalidRowPolicy InvalidRows { get; init; } = InvalidRowPolicy.Fail;

    /// <summary>
    /// Where <see cref="InvalidRowPolicy.Skip"/> writes rejected rows; null means
    /// <c>&lt;input&gt;.rejected.jsonl</c> next to the input.
    /// </summary>
    public string? RejectedPath { get; init; }

    /// <summary>
    /// Longest text kept in one field, in UTF-16 characters. Longer values are truncated to this
    /// length with a warning; the row is kept.
    /// </summary>
    public int MaxFieldLength { get; init; } = 100_000;

    /// <summary>
    /// Most problems kept for listing. With <see cref="InvalidRowPolicy.Fail"/> reading also stops
    /// after this many errors; otherwise later problems are only counted. 0 keeps every problem.
    /// </summary>
    public int MaxProblems { get; init; } = 100;

    /// <summary>Longest JSONL line accepted, in bytes; longer lines are rejected unread.</summary>
    public int MaxLineBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Checks the values; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public ReportReadOptions Validate()
    {
        if (MaxFieldLength < 16)
            throw new ArgumentException($"{nameof(MaxFieldLength)} must be at least 16, was {MaxFieldLength}.", nameof(MaxFieldLength));
        if (MaxProblems < 0)
            throw new ArgumentException($"{nameof(MaxProblems)} must be 0 (no cap) or positive, was {MaxProblems}.", nameof(MaxProblems));
        if (MaxLineBytes < 1024)
            throw new ArgumentException($"{nameof(MaxLineBytes)} must be at least 1024, was {MaxLineBytes}.", nameof(MaxLineBytes));
        if (CsvDelimiter is { } d && d is not (',' or ';' or '\t'))
            throw new ArgumentException($"{nameof(CsvDelimiter)} must be ',', ';' or a tab.", nameof(CsvDelimiter));
        if (!Enum.IsDefined(InvalidRows))
            throw new ArgumentException($"Unknown {nameof(InvalidRows)} value {InvalidRows}.", nameof(InvalidRows));
        if (RejectedPath is not null && InvalidRows != InvalidRowPolicy.Skip)
            throw new ArgumentException($"{nameof(RejectedPath)} is only used with {nameof(InvalidRowPolicy)}.{nameof(InvalidRowPolicy.Skip)}.", nameof(RejectedPath));
        return this;
    }
}
