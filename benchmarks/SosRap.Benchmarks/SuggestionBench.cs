using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using SosRap.Models;
using SosRap.Pipeline.Suggestions;

namespace SosRap.Benchmarks;

/// <summary>
/// Category suggestions against a large history. The model is trained (3-fold cross-validation,
/// all backends and the ensemble) on the first 10,000 reports of <see cref="TopicCorpus"/> with
/// random categories (timing only: the labels carry no signal), then the rest of the history is
/// added through <see cref="SuggestionModel.AddFeedback"/>, which is how reviewed reports enter the kNN
/// index. The query texts are further corpus reports the model has not seen.
/// </summary>
internal static class SuggestionBench
{
    public static (SuggestionModel Model, List<string> Queries, TimeSpan TrainTime) Build(int history, int queries)
    {
        var texts = TopicCorpus.Build(history + queries);
        var taxonomy = Taxonomy();
        var ids = taxonomy.Categories.Select(c => c.Id).ToArray();
        var random = new Random(5);
        string[] Labels() => random.NextDouble() < 0.7 ? [ids[random.Next(ids.Length)]] : [ids[random.Next(ids.Length)], ids[random.Next(ids.Length)]];
        var trainCount = Math.Min(history, 10_000);
        var reports = Enumerable.Range(0, trainCount).Select(i => new Report { Id = "H" + i, Phenomenon = texts[i], Categories = Labels().Distinct().ToArray() }).ToList();
        var watch = Stopwatch.StartNew();
        var model = SuggestionModel.Train(reports, taxonomy, new SuggestionTrainingOptions { Folds = 3 });
        var trainTime = watch.Elapsed;
        for (var i = trainCount; i < history; i++) model.AddFeedback("H" + i, texts[i], Labels().Distinct().ToArray(), [], []);
        return (model, texts.GetRange(history, queries), trainTime);
    }

    /// <summary><c>suggest-latency [history] [queries]</c>: p50/p99 of one suggestion (ensemble, evidence included) on one thread.</summary>
    public static int Run(string[] args, TextWriter output)
    {
        var history = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var queries = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        var setup = Stopwatch.StartNew();
        var (model, texts, trainTime) = Build(history, queries);
        using (model)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"history {history:N0} (training on {Math.Min(history, 10_000):N0}: {trainTime.TotalSeconds:0.0} s; setup {setup.Elapsed.TotalSeconds:0.0} s), {queries:N0} query reports, mean {texts.Average(t => t.Split(' ').Length):0} words"));
            // The first pass meets every query's words for the first time (Voikko, spelling fallbacks);
            // the ensemble is measured again last, with the lemma cache as warm as for the single backends.
            var pass = 0;
            foreach (var backend in (SuggestionBackend[])[SuggestionBackend.Ensemble, SuggestionBackend.Knn, SuggestionBackend.Centroid, SuggestionBackend.Ensemble])
            {
                var label = pass++ == 0 ? "Ensemble (words first seen)" : backend == SuggestionBackend.Ensemble ? "Ensemble (words seen before)" : backend.ToString();
                foreach (var t in texts.Take(200)) model.Suggest(t, 5, 0f, backend); // warm-up: JIT and the lemma cache
                var times = new double[texts.Count];
                for (var i = 0; i < texts.Count; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    model.Suggest(texts[i], 5, 0f, backend);
                    times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }

                Array.Sort(times);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{label,-29} p50 {times[times.Length / 2]:0.000} ms  p99 {times[(int)(times.Length * 0.99)]:0.000} ms  max {times[^1]:0.000} ms"));
            }
        }

        return 0;
    }

    private static Taxonomy Taxonomy()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "data", "taxonomy.json");
            if (File.Exists(path)) return Pipeline.IO.TaxonomyJson.Parse(File.ReadAllBytes(path), path);
        }

        throw new FileNotFoundException("data/taxonomy.json not found above the benchmark binaries.");
    }
}

/// <summary>
/// One suggestion from raw text (redact, analyse, featurize, every backend, stacker, calibration,
/// evidence) against a 100,000-report history; see <see cref="SuggestionBench"/>.
/// <c>dotnet run -c Release --project benchmarks/SosRap.Benchmarks -- --filter '*SuggestionBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class SuggestionBenchmarks
{
    private SuggestionModel _model = null!;
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        (_model, var queries, _) = SuggestionBench.Build(100_000, 1);
        _text = queries[0];
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    [Benchmark(Baseline = true)]
    public int Ensemble() => _model.Suggest(_text, 5, 0f, SuggestionBackend.Ensemble).Suggestions.Count;

    [Benchmark]
    public int Knn() => _model.Suggest(_text, 5, 0f, SuggestionBackend.Knn).Suggestions.Count;

    [Benchmark]
    public int ZeroShot() => _model.Suggest(_text, 5, 0f, SuggestionBackend.ZeroShot).Suggestions.Count;
}
