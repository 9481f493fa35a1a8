using SosRap.Models;
using SosRap.Pipeline;
using SosRap.Pipeline.IO;

namespace SosRap.Api.Cli;

/// <summary>Parsing helpers shared by the report file verbs.</summary>
internal static class CliOptions
{
    /// <summary>Parses a <c>--format</c> value; null when none was given.</summary>
    public static ReportFormat? Format(string? value, string option)
    {
        if (value is null) return null;
        if (ReportFormats.TryParse(value, out var f)) return f;
        throw new InputException($"tuntematon muoto '{value}'; sallitut: csv, jsonl, parquet", field: option);
    }

    /// <summary>Parses a <c>--delimiter</c> value: <c>,</c>, <c>;</c> or <c>tab</c>.</summary>
    public static char? Delimiter(string? value) => value switch
    {
        null => null,
        "," => ',',
        ";" => ';',
        "tab" or "\\t" or "\t" => '\t',
        _ => throw new InputException("erottimen pitää olla ',', ';' tai 'tab'", field: "--delimiter"),
    };

    public static async Task<Taxonomy?> TaxonomyAsync(string? path, CancellationToken cancellationToken) =>
        path is null ? null : await TaxonomyJson.LoadAsync(path, cancellationToken).ConfigureAwait(false);
}
