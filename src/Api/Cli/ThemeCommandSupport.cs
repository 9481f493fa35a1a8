using System.Globalization;
using SosRap.Models;
using SosRap.Pipeline;
using SosRap.Pipeline.Clustering;
using SosRap.Pipeline.IO;
using SosRap.Pipeline.Text;
using SosRap.Pipeline.Text.Voikko;

namespace SosRap.Api.Cli;

/// <summary>What the <c>cluster</c> and <c>themes</c> verbs share: reading, running the analysis, writing the outputs.</summary>
internal static class ThemeCommandSupport
{
    internal sealed record Outputs(string? Assignments, string? Clusters, string? Html, string Format);

    public static ClusterMethod Method(string value) => value switch
    {
        "auto" => ClusterMethod.Auto,
        "kmeans" => ClusterMethod.KMeans,
        "graph" => ClusterMethod.Graph,
        "mlnet-kmeans" => ClusterMethod.MlNetKMeans,
        _ => throw new InputException($"tuntematon menetelmä '{value}'; sallitut: auto, kmeans, graph, mlnet-kmeans", field: "--method"),
    };

    public static PeriodScheme Period(string value) =>
        Periods.TryParse(value, out var scheme) ? scheme : throw new InputException($"tuntematon jakso '{value}'; sallitut: half-year, quarter, year", field: "--period");

    public static string Format(string value) => value is "jsonl" or "parquet"
        ? value
        : throw new InputException($"tuntematon muoto '{value}'; sallitut: jsonl, parquet", field: "--format");

    public static ThemeAnalysisOptions Options(ClusterMethod method, int? k, int seed, PeriodScheme period)
    {
        try
        {
            return new ThemeAnalysisOptions
            {
                Clustering = new ClusteringOptions { Method = method, Clusters = k, Seed = seed },
                Period = period,
            }.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InputException($"arvo {e.ActualValue} ei kelpaa", field: e.ParamName == nameof(ClusteringOptions.Clusters) ? "--k" : null, inner: e);
        }
    }

    /// <summary>An ISO date option (<c>--from</c>, <c>--to</c>), or null when not given.</summary>
    public static DateOnly? Date(string? value, string option) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date
        : throw new InputException($"päivämäärä '{value}' ei ole muotoa VVVV-KK-PP", field: option);

    public static async Task<List<Report>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var (reports, _) = await ReportReader.ReadFileAsync(path, new ReportReadOptions { InvalidRows = InvalidRowPolicy.Fail }, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return reports;
    }

    /// <summary>Creates the Voikko analyzer, or writes the Finnish message and returns null.</summary>
    public static async Task<(VoikkoLemmatizer? Lemmatizer, TextAnalyzer? Analyzer)> AnalyzerAsync(string? voikkoPath, TextWriter error)
    {
        try
        {
            var lemmatizer = new VoikkoLemmatizer(new VoikkoOptions { DictionaryPath = voikkoPath });
            // Swedish function words too: Swedish reports would otherwise get labels such as "och · på · med".
            return (lemmatizer, new TextAnalyzer(new FinnishTokenizer(), lemmatizer, Stopwords.Default.Union(SwedishFunctionWords.Stopwords)));
        }
        catch (VoikkoUnavailableException e)
        {
            await error.WriteLineAsync(
                $"sosrap: Voikko tai sen suomen sanakirja puuttuu (asenna Debian-paketit {VoikkoUnavailableException.DebianPackages}, esim. scripts/setup.sh): {e.Message}").ConfigureAwait(false);
            return (null, null);
        }
    }

    public static async Task WriteAsync(ThemeAnalysisResult result, IReadOnlyList<Report> reports, Outputs outputs, string title, CancellationToken cancellationToken)
    {
        foreach (var path in new[] { outputs.Assignments, outputs.Clusters, outputs.Html })
        {
            var folder = path is null or "-" ? null : Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null) Directory.CreateDirectory(folder);
        }

        if (outputs.Format == "parquet")
        {
            if (outputs.Assignments is not null) await ClusterParquet.WriteAssignmentsAsync(outputs.Assignments, result.Assignments, cancellationToken).ConfigureAwait(false);
            if (outputs.Clusters is not null) await ClusterParquet.WriteClustersAsync(outputs.Clusters, result.Clusters, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (outputs.Assignments is not null) await PredictionFiles.WriteClustersAsync(outputs.Assignments, result.Assignments.ToAsyncEnumerable(), cancellationToken).ConfigureAwait(false);
            if (outputs.Clusters is not null) await ClusterFiles.WriteAsync(outputs.Clusters, result.Clusters, cancellationToken).ConfigureAwait(false);
        }

        if (outputs.Html is not null) await AtomicFile.WriteAllTextAsync(outputs.Html, ClusterHtml.Render(result, reports.Count, title), cancellationToken).ConfigureAwait(false);
    }

    public static async Task SummaryAsync(ThemeAnalysisResult result, int reportCount, TextWriter error)
    {
        foreach (var notice in result.Notices) await error.WriteLineAsync("sosrap: huom: " + notice).ConfigureAwait(false);
        var chosen = result.KCriterion.Count > 1 ? $", k valittu automaattisesti (siluetti {result.KCriterion.Min(p => p.Key)}–{result.KCriterion.Max(p => p.Key)})" : "";
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"sosrap: {reportCount} raporttia → {result.Clusters.Count} ryhmää ({result.Method}{chosen}), {result.OutlierCount} ryhmittymätöntä, uusia ilmiöehdokkaita {result.Candidates.Count}")).ConfigureAwait(false);
    }

    public static ReportLog Log(TextWriter error) => new(error);

    // Writes each stage on its own line of stderr (never report text).
    internal sealed class ReportLog(TextWriter error) : IProgress<string>
    {
        public void Report(string value) => error.WriteLine("sosrap: " + value);
    }
}
