using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Features;
using SosRap.Pipeline.Text;

namespace SosRap.Benchmarks;

/// <summary>
/// Fitting on 10,000 synthetic reports already analysed (<see cref="TopicCorpus"/>): the tf-idf
/// featurizer with its corpus matrix, and the whole LSA fit (features + randomized SVD, 200
/// dimensions, 4 power iterations, all cores). Few, long iterations.
/// <c>dotnet run -c Release --project benchmarks/SosRap.Benchmarks -- --filter '*LsaFitBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class LsaFitBenchmarks
{
    private AnalyzedText[] _corpus = [];

    [GlobalSetup]
    public void Setup()
    {
        using var lemmatizer = new VoikkoLemmatizer();
        var analyzer = new TextAnalyzer(new FinnishTokenizer(), lemmatizer, Stopwords.Default);
        _corpus = EmbeddingBatch.AnalyzeAll(analyzer, TopicCorpus.Build(10_000));
    }

    [Benchmark(Baseline = true)]
    public int TfidfFitTransform10k() => new TfidfEstimator().FitTransform(_corpus).Vectors.NonZeroCount;

    [Benchmark]
    public int LsaFit10k() => new LsaEstimator(new LsaOptions { Dimension = 200 }).Fit(_corpus).Dimension;
}
