using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using SosRap.Models;
using SosRap.Pipeline.IO;
using Spectre.Console;

namespace SosRap.Api.Cli;

/// <summary>
/// <c>sosrap validate FILE</c>: checks a reports file and prints column fill rates, the
/// distributions per category, municipality, service area, half-year, kind and language, and
/// every problem found (file:row: 'field': message). Exit 0 when there are no errors (warnings
/// are printed but allowed), 1 when errors were found, 2 when the file cannot be read at all.
/// </summary>
internal static class ValidateCommand
{
    public const int ProblemsFound = 1;

    private static readonly CultureInfo Fi = CultureInfo.GetCultureInfo("fi-FI");

    internal sealed record Request(
        string Path,
        string? TaxonomyPath = null,
        bool SkipInvalid = false,
        string? RejectedPath = null,
        bool Json = false,
        ReportFormat? Format = null,
        char? Delimiter = null,
        int MaxProblems = 1000);

    public static Command Create()
    {
        var file = new Argument<string>("tiedosto") { Description = "Raporttitiedosto (.csv, .jsonl, .ndjson, .parquet) tai - (vakiosyöte)" };
        var taxonomy = new Option<string?>("--taxonomy") { Description = "Luokitus (JSON): luokkien tunnusten pitää löytyä siitä" };
        var skip = new Option<bool>("--skip-invalid") { Description = "Kirjoita virheelliset rivit syineen tiedostoon <tiedosto>.rejected.jsonl" };
        var rejected = new Option<string?>("--rejected") { Description = "Hylättyjen rivien tiedosto (oletus <tiedosto>.rejected.jsonl); ottaa --skip-invalid käyttöön" };
        var json = new Option<bool>("--json") { Description = "Tulosta tulos JSON-muodossa" };
        var format = new Option<string?>("--format") { Description = "Muoto, jos pääte ei kerro sitä: csv, jsonl tai parquet" };
        var delimiter = new Option<string?>("--delimiter") { Description = "CSV-erotin ',', ';' tai 'tab' (oletus: päätellään otsikkorivistä)" };
        var maxProblems = new Option<int>("--max-problems")
        {
            Description = "Listattavien ongelmien enimmäismäärä kumpaakin vakavuutta kohden (0 = kaikki)",
            DefaultValueFactory = _ => 1000,
        };

        var command = new Command("validate", "Tarkistaa raporttitiedoston: sarakkeiden täyttöaste, jakaumat ja jokainen ongelma rivi- ja kenttätarkkuudella. " +
            "Poistumiskoodi 0 = ei virheitä, 1 = virheitä löytyi, 2 = tiedostoa ei voi lukea.")
        {
            file, taxonomy, skip, rejected, json, format, delimiter, maxProblems,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var request = new Request(
                parseResult.GetRequiredValue(file),
                parseResult.GetValue(taxonomy),
                parseResult.GetValue(skip) || parseResult.GetValue(rejected) is not null,
                parseResult.GetValue(rejected),
                parseResult.GetValue(json),
                CliOptions.Format(parseResult.GetValue(format), "--format"),
                CliOptions.Delimiter(parseResult.GetValue(delimiter)),
                parseResult.GetValue(maxProblems));
            return RunAsync(request, parseResult.InvocationConfiguration.Output, cancellationToken, parseResult.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>Validates the file and writes the result; returns the exit code (file-level faults throw <see cref="Pipeline.InputException"/>).</summary>
    internal static async Task<int> RunAsync(Request request, TextWriter output, CancellationToken cancellationToken, TextWriter? error = null)
    {
        if (request.MaxProblems < 0) throw new Pipeline.InputException("arvon pitää olla 0 tai suurempi", field: "--max-problems");
        var taxonomy = await CliOptions.TaxonomyAsync(request.TaxonomyPath, cancellationToken).ConfigureAwait(false);
        var options = new ReportReadOptions
        {
            Format = request.Format,
            CsvDelimiter = request.Delimiter,
            Taxonomy = taxonomy,
            InvalidRows = request.SkipInvalid ? InvalidRowPolicy.Skip : InvalidRowPolicy.Collect,
            RejectedPath = request.SkipInvalid ? request.RejectedPath : null,
            MaxProblems = request.MaxProblems,
        };
        var reader = ReportReader.Open(request.Path, options);
        var stats = new ReportStatistics();
        using (var progress = RowProgress.For(error ?? TextWriter.Null))
        {
            await foreach (var report in reader.ReadAllAsync(progress, cancellationToken).ConfigureAwait(false)) stats.Add(report);
        }

        var summary = reader.Summary;

        if (request.Json) await WriteJsonAsync(output, summary, stats, cancellationToken).ConfigureAwait(false);
        else WriteText(output, summary, stats, taxonomy);
        return summary.ErrorCount > 0 ? ProblemsFound : 0;
    }

    private static void WriteText(TextWriter output, ReportReadSummary s, ReportStatistics stats, Taxonomy? taxonomy)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = output == Console.Out ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        if (output != Console.Out || Console.IsOutputRedirected) console.Profile.Width = 120;

        console.MarkupLine($"[bold]{Markup.Escape(s.Source)}[/] ({ReportFormats.Name(s.Format)})");
        console.MarkupLine(
            $"Rivejä {N(s.RowsRead)}, kelvollisia {N(s.RowsAccepted)}, virheellisiä [{(s.RowsRejected > 0 ? "red" : "green")}]{N(s.RowsRejected)}[/], " +
            $"virheitä {N(s.ErrorCount)}, varoituksia {N(s.WarningCount)}");
        console.WriteLine();

        var columns = new Table().Title("Sarakkeet (luetut rivit)").AddColumn("Sarake").AddColumn(new TableColumn("Täytetty").RightAligned())
            .AddColumn(new TableColumn("Tyhjä").RightAligned()).AddColumn(new TableColumn("Täyttöaste").RightAligned());
        foreach (var name in ReportColumns.All)
        {
            var c = s.Columns.TryGetValue(name, out var fill) ? fill : new ColumnFill(0, 0);
            var total = c.Filled + c.Empty;
            columns.AddRow(name, N(c.Filled), N(c.Empty), total == 0 ? "–" : (c.Filled / (double)total).ToString("P0", Fi));
        }

        console.Write(columns);
        console.WriteLine($"Jakaumat kelvollisista raporteista ({N(stats.Count)}):");
        Distribution(console, "Luokat", "Luokka", stats.Categories, id => taxonomy?.Categories.FirstOrDefault(c => c.Id == id)?.Name, "(ei luokkaa)", stats.Count);
        Distribution(console, "Kunnat", "Kunta", stats.Municipalities, null, "(ei kuntaa)", stats.Count);
        Distribution(console, "Palvelualueet", "Palvelualue", stats.ServiceAreas, null, "(ei palvelualuetta)", stats.Count);
        Distribution(console, "Puolivuotiskaudet", "Kausi", new SortedDictionary<string, long>(stats.Periods.ToDictionary(), StringComparer.Ordinal), PeriodName, "(ei päivämäärää)", stats.Count, ranked: false);
        Distribution(console, "Tyyppi", "Tyyppi", stats.Kinds, k => k == "hyva_kaytanto" ? "hyvä käytäntö" : "epäkohta", "", stats.Count);
        Distribution(console, "Kieli", "Kieli", stats.Languages, null, "", stats.Count);

        if (s.Problems.Count > 0)
        {
            console.MarkupLine($"[bold]Ongelmat[/] ({Count(s.ErrorCount, "virhe", "virhettä")}, {Count(s.WarningCount, "varoitus", "varoitusta")}):");
            output.Flush();
            foreach (var p in s.Problems)
                output.WriteLine($"  {(p.Severity == ProblemSeverity.Error ? "virhe   " : "varoitus")} {p}");
            var omitted = s.ErrorCount + s.WarningCount - s.Problems.Count;
            if (omitted > 0) output.WriteLine($"  … ja {N(omitted)} muuta (näytä kaikki: --max-problems 0)");
        }
        else console.MarkupLine("[green]Ei ongelmia.[/]");

        if (s.RejectedPath is not null)
            output.WriteLine($"Hylätyt rivit ({N(s.RowsRejected)}) kirjoitettu tiedostoon {s.RejectedPath}");
        output.Flush();
    }

    private static void Distribution(IAnsiConsole console, string title, string header, IReadOnlyDictionary<string, long> counts,
        Func<string, string?>? describe, string noneLabel, long total, bool ranked = true)
    {
        // Shares are of reports, so multi-label categories may add up to more than 100 %.
        if (counts.Count == 0) return;
        var table = new Table().Title(title).AddColumn(header);
        if (describe is not null) table.AddColumn("Nimi");
        table.AddColumn(new TableColumn("Raportteja").RightAligned()).AddColumn(new TableColumn("Osuus").RightAligned());
        foreach (var (key, count) in ranked ? ReportStatistics.Ranked(counts) : counts)
        {
            var label = key == ReportStatistics.None ? noneLabel : key;
            var cells = new List<string> { Markup.Escape(label) };
            if (describe is not null) cells.Add(Markup.Escape(key == ReportStatistics.None ? "" : describe(key) ?? ""));
            cells.Add(N(count));
            cells.Add((count / (double)total).ToString("P0", Fi));
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
    }

    private static string? PeriodName(string period) =>
        period.EndsWith("/1", StringComparison.Ordinal) ? "1.1.–30.6." + period[..4] : "1.7.–31.12." + period[..4];

    private static async Task WriteJsonAsync(TextWriter output, ReportReadSummary s, ReportStatistics stats, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("file", s.Source);
            w.WriteString("format", ReportFormats.Name(s.Format));
            w.WriteNumber("rows", s.RowsRead);
            w.WriteNumber("valid", s.RowsAccepted);
            w.WriteNumber("invalid", s.RowsRejected);
            w.WriteNumber("errors", s.ErrorCount);
            w.WriteNumber("warnings", s.WarningCount);
            w.WriteStartObject("columns");
            foreach (var name in ReportColumns.All)
            {
                var c = s.Columns.TryGetValue(name, out var fill) ? fill : new ColumnFill(0, 0);
                w.WriteStartObject(name);
                w.WriteNumber("filled", c.Filled);
                w.WriteNumber("empty", c.Empty);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            Counts(w, "categories", stats.Categories);
            Counts(w, "municipalities", stats.Municipalities);
            Counts(w, "service_areas", stats.ServiceAreas);
            Counts(w, "periods", new SortedDictionary<string, long>(stats.Periods.ToDictionary(), StringComparer.Ordinal));
            Counts(w, "kinds", stats.Kinds);
            Counts(w, "languages", stats.Languages);
            w.WriteStartArray("problems");
            foreach (var p in s.Problems)
            {
                w.WriteStartObject();
                w.WriteString("severity", p.Severity == ProblemSeverity.Error ? "error" : "warning");
                w.WriteString("source", p.Source);
                if (p.Row is { } row) w.WriteNumber("row", row);
                else w.WriteNull("row");
                w.WriteString("field", p.Field);
                w.WriteString("message", p.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteBoolean("problems_complete", s.ProblemsComplete);
            w.WriteString("rejected_file", s.RejectedPath);
            w.WriteEndObject();
        }

        await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).AsMemory(), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Counts as an object, largest first; reports without a value under the key <c>""</c>.</summary>
    private static void Counts(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, long> counts)
    {
        w.WriteStartObject(name);
        foreach (var (key, count) in counts is SortedDictionary<string, long> ? counts : ReportStatistics.Ranked(counts)) w.WriteNumber(key, count);
        w.WriteEndObject();
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Finnish count phrase: "1 virhe", "3 virhettä".</summary>
    private static string Count(long n, string one, string many) => N(n) + " " + (n == 1 ? one : many);
}
