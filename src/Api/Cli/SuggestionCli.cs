using System.Globalization;
using SosRap.Models;
using SosRap.Pipeline;
using SosRap.Pipeline.Evaluation;
using SosRap.Pipeline.Suggestions;
using SosRap.Pipeline.Text.Voikko;

namespace SosRap.Api.Cli;

/// <summary>Helpers shared by the <c>train</c>, <c>suggest</c> and <c>eval</c> verbs.</summary>
internal static class SuggestionCli
{
    public static readonly CultureInfo Fi = CultureInfo.GetCultureInfo("fi-FI");

    public static SuggestionBackend Backend(string? value) => value switch
    {
        null or "" => SuggestionBackend.Default,
        "ensemble" => SuggestionBackend.Ensemble,
        "knn" => SuggestionBackend.Knn,
        "linear" => SuggestionBackend.Linear,
        "centroid" => SuggestionBackend.Centroid,
        "zeroshot" => SuggestionBackend.ZeroShot,
        _ => throw new InputException($"tuntematon taustajärjestelmä '{value}'; sallitut: ensemble, knn, linear, centroid, zeroshot", field: "--backend"),
    };

    /// <summary>Runs <paramref name="body"/>, turning a missing Voikko into one line and exit code 3.</summary>
    public static async Task<int> WithVoikkoAsync(TextWriter log, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (VoikkoUnavailableException e)
        {
            await log.WriteLineAsync(
                $"sosrap: Voikko tai sen suomen sanakirja puuttuu (asenna Debian-paketit {VoikkoUnavailableException.DebianPackages}, esim. scripts/setup.sh): {e.Message}").ConfigureAwait(false);
            return CliRunner.MissingDependency;
        }
    }

    public static string MetricsLine(string name, SuggestionScores s) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-9} P@1 {s.PrecisionAt1:0.000}  P@{s.K} {s.PrecisionAtK:0.000}  R@{s.K} {s.RecallAtK:0.000}  F1@{s.K} {s.F1AtK:0.000}  NDCG@5 {s.NdcgAt5:0.000}  hit@{s.K} {s.HitAtK:0.000}");

    public static async Task WriteReliabilityAsync(TextWriter w, IReadOnlyList<ReliabilityBin> table)
    {
        await w.WriteLineAsync("luotettavuus (pistemäärä → osuus oikeita):").ConfigureAwait(false);
        foreach (var b in table.Where(b => b.Count > 0))
            await w.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  [{b.Low:0.0}, {b.High:0.0})  n={b.Count,5}  keskipiste {b.MeanScore:0.000}  oikein {b.Observed:0.000}")).ConfigureAwait(false);
        await w.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  ECE {ReliabilityBin.ExpectedCalibrationError(table):0.000}")).ConfigureAwait(false);
    }

    public static string CategoryName(Taxonomy taxonomy, string id) => taxonomy.Categories.FirstOrDefault(c => c.Id == id)?.Name ?? id;
}
