namespace SosRap.Pipeline.IO;

/// <summary>The file formats reports are read from and written to; all carry the same columns.</summary>
public enum ReportFormat
{
    /// <summary>RFC 4180 CSV, UTF-8, <c>,</c> or <c>;</c> delimited, categories <c>|</c>-separated.</summary>
    Csv,

    /// <summary>One JSON object per line (also <c>.ndjson</c>), categories as an array.</summary>
    Jsonl,

    /// <summary>Apache Parquet: dates as DATE, categories as list&lt;string&gt;.</summary>
    Parquet,
}
