using System.CommandLine;
using System.Globalization;
using SosRap.Pipeline.IO;

namespace SosRap.Api.Cli;

/// <summary>
/// <c>sosrap convert IN OUT</c>: reads reports in one format and writes them in another (by
/// extension, or <c>--from</c>/<c>--to</c>), checking every row on the way. The output is written
/// through a temporary file, so a failed run leaves no partial file. The summary goes to stderr,
/// so that <c>OUT</c> may be <c>-</c> (standard output).
/// </summary>
internal static class ConvertCommand
{
    internal sealed record Request(
        string Input,
        string Output,
        ReportFormat? From = null,
        ReportFormat? To = null,
        string? TaxonomyPath = null,
        bool SkipInvalid = false,
        string? RejectedPath = null,
        char? InputDelimiter = null,
        char OutputDelimiter = ',',
        bool ByteOrderMark = false);

    public static Command Create()
    {
        var input = new Argument<string>("lähde") { Description = "Luettava raporttitiedosto (.csv, .jsonl, .ndjson, .parquet) tai - (vakiosyöte)" };
        var output = new Argument<string>("kohde") { Description = "Kirjoitettava tiedosto (muoto päätteestä) tai - (vakiotuloste, vaatii --to)" };
        var from = new Option<string?>("--from") { Description = "Lähteen muoto, jos pääte ei kerro: csv, jsonl, parquet" };
        var to = new Option<string?>("--to") { Description = "Kohteen muoto, jos pääte ei kerro: csv, jsonl, parquet" };
        var taxonomy = new Option<string?>("--taxonomy") { Description = "Luokitus (JSON): luokkien tunnusten pitää löytyä siitä" };
        var skip = new Option<bool>("--skip-invalid") { Description = "Ohita virheelliset rivit ja kirjoita ne syineen tiedostoon <lähde>.rejected.jsonl" };
        var rejected = new Option<string?>("--rejected") { Description = "Hylättyjen rivien tiedosto; ottaa --skip-invalid käyttöön" };
        var delimiter = new Option<string?>("--delimiter") { Description = "Lähteen CSV-erotin ',', ';' tai 'tab' (oletus: päätellään)" };
        var outDelimiter = new Option<string?>("--out-delimiter") { Description = "Kohteen CSV-erotin ',' (oletus), ';' tai 'tab'" };
        var bom = new Option<bool>("--bom") { Description = "Kirjoita CSV:n alkuun UTF-8-tunniste (BOM)" };
        var excel = new Option<bool>("--excel") { Description = "CSV suomenkieliselle Excelille: erotin ';' ja BOM" };

        var command = new Command("convert", "Muuntaa raporttitiedoston muodosta toiseen (CSV, JSONL, Parquet) ja tarkistaa rivit samalla. " +
            "Virheellinen rivi keskeyttää muunnoksen (poistumiskoodi 2), ellei --skip-invalid ole annettu.")
        {
            input, output, from, to, taxonomy, skip, rejected, delimiter, outDelimiter, bom, excel,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var isExcel = parseResult.GetValue(excel);
            var request = new Request(
                parseResult.GetRequiredValue(input),
                parseResult.GetRequiredValue(output),
                CliOptions.Format(parseResult.GetValue(from), "--from"),
                CliOptions.Format(parseResult.GetValue(to), "--to"),
                parseResult.GetValue(taxonomy),
                parseResult.GetValue(skip) || parseResult.GetValue(rejected) is not null,
                parseResult.GetValue(rejected),
                CliOptions.Delimiter(parseResult.GetValue(delimiter)),
                CliOptions.Delimiter(parseResult.GetValue(outDelimiter)) ?? (isExcel ? ';' : ','),
                parseResult.GetValue(bom) || isExcel);
            return RunAsync(request, parseResult.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    /// <summary>Converts and writes a summary line to <paramref name="log"/>; returns the exit code.</summary>
    internal static async Task<int> RunAsync(Request request, TextWriter log, CancellationToken cancellationToken)
    {
        var taxonomy = await CliOptions.TaxonomyAsync(request.TaxonomyPath, cancellationToken).ConfigureAwait(false);
        var readOptions = new ReportReadOptions
        {
            Format = request.From,
            CsvDelimiter = request.InputDelimiter,
            Taxonomy = taxonomy,
            InvalidRows = request.SkipInvalid ? InvalidRowPolicy.Skip : InvalidRowPolicy.Fail,
            RejectedPath = request.SkipInvalid ? request.RejectedPath : null,
        };
        var writeOptions = new ReportWriteOptions
        {
            Format = ReportFormats.Resolve(request.Output, request.To),
            CsvDelimiter = request.OutputDelimiter,
            CsvByteOrderMark = request.ByteOrderMark,
        };
        var reader = ReportReader.Open(request.Input, readOptions);
        long written;
        using (var progress = RowProgress.For(log))
        {
            written = await ReportWriter.WriteFileAsync(request.Output, reader.ReadAllAsync(progress, cancellationToken), writeOptions,
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var s = reader.Summary;
        var line = $"sosrap: {Count(written, "raportti", "raporttia")} {request.Input} ({ReportFormats.Name(s.Format)}) → {request.Output} ({ReportFormats.Name(writeOptions.Format!.Value)})";
        if (s.RowsRejected > 0) line += $"; {Count(s.RowsRejected, "virheellinen rivi", "virheellistä riviä")} ohitettu → {s.RejectedPath}";
        if (s.WarningCount > 0) line += $"; {Count(s.WarningCount, "varoitus", "varoitusta")}";
        await log.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        foreach (var p in s.Problems.Where(p => p.Severity == ProblemSeverity.Warning).Take(20))
            await log.WriteLineAsync($"  varoitus {p}".AsMemory(), cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private static string Count(long n, string one, string many) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
}
