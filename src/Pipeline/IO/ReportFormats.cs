using System.Diagnostics.CodeAnalysis;

namespace SosRap.Pipeline.IO;

/// <summary>Chooses a <see cref="ReportFormat"/> from a file name or an explicit name.</summary>
public static class ReportFormats
{
    /// <summary>The path that stands for standard input or standard output.</summary>
    public const string StandardStream = "-";

    /// <summary>Format names accepted by <see cref="TryParse"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["csv", "jsonl", "ndjson", "parquet"];

    /// <summary>The format implied by the extension of <paramref name="path"/>, if it is a known one.</summary>
    public static bool TryFromPath(string path, out ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ext = Path.GetExtension(path);
        return TryParse(ext.StartsWith('.') ? ext[1..] : ext, out format);
    }

    /// <summary>Parses a format name (<c>csv</c>, <c>jsonl</c>, <c>ndjson</c>, <c>parquet</c>), case-insensitively.</summary>
    public static bool TryParse([NotNullWhen(true)] string? name, out ReportFormat format)
    {
        switch (name?.Trim().ToUpperInvariant())
        {
            case "CSV": format = ReportFormat.Csv; return true;
            case "JSONL" or "NDJSON": format = ReportFormat.Jsonl; return true;
            case "PARQUET" or "PQ": format = ReportFormat.Parquet; return true;
            default: format = default; return false;
        }
    }

    /// <summary>
    /// The format to use for <paramref name="path"/>: <paramref name="explicitFormat"/> when given,
    /// else the file extension.
    /// </summary>
    /// <exception cref="InputException">Neither an explicit format nor a known extension.</exception>
    public static ReportFormat Resolve(string path, ReportFormat? explicitFormat)
    {
        if (explicitFormat is { } f) return f;
        if (TryFromPath(path, out var byExt)) return byExt;
        if (path == StandardStream)
            throw new InputException("muoto on annettava, kun luetaan tai kirjoitetaan vakiovirtaa (--format csv|jsonl|parquet)", path);
        throw new InputException(
            "tiedostomuotoa ei tunnisteta päätteestä; käytä päätettä .csv, .jsonl, .ndjson tai .parquet tai anna muoto (--format)",
            path);
    }

    /// <summary>The canonical lower-case name of a format.</summary>
    public static string Name(ReportFormat format) => format switch
    {
        ReportFormat.Csv => "csv",
        ReportFormat.Jsonl => "jsonl",
        ReportFormat.Parquet => "parquet",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
