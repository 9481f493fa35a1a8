using BenchmarkDotNet.Attributes;
using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Embeddings.Encoder;
using SosRap.Pipeline.IO;
using SosRap.Pipeline.Text;

namespace SosRap.Benchmarks;

/// <summary>
/// <see cref="EncoderEmbedder"/> inference per report on the project's 200 sample reports
/// (data/sample_reports.jsonl), with an encoder of the default shape (d = e = 128, 65,536 n-gram
/// buckets, vocabulary of the sample reports). The weights are random: inference cost does not depend
/// on their values. <c>Embed</c> takes analysed text; <c>AnalyzeAndEmbed</c> adds tokenizing and
/// lemmatizing with a warm Voikko cache. Times are per report.
/// <c>dotnet run -c Release --project benchmarks/SosRap.Benchmarks -- --filter '*Encoder*'</c>
/// </summary>
[MemoryDiagnoser]
public class EncoderBenchmarks
{
    private const int Reports = 200;

    private VoikkoLemmatizer _lemmatizer = null!;
    private TextAnalyzer _analyzer = null!;
    private EncoderEmbedder _embedder = null!;
    private string[] _texts = [];
    private AnalyzedText[] _analyses = [];
    private float[] _vector = [];

    [GlobalSetup]
    public void Setup()
    {
        _lemmatizer = new VoikkoLemmatizer();
        _analyzer = new TextAnalyzer(new FinnishTokenizer(), _lemmatizer, Stopwords.Default);
        var reports = ReportReader.ReadFileAsync(FindData("sample_reports.jsonl")).GetAwaiter().GetResult().Reports;
        _texts = [.. reports.Take(Reports).Select(r => r.FullText)];
        if (_texts.Length != Reports) throw new InvalidOperationException($"Expected {Reports} sample reports.");
        _analyses = [.. _texts.Select(_analyzer.Analyze)];

        var features = EncoderFeatures.Build(_analyses, new EncoderFeatureOptions());
        const int width = 128;
        var random = new Random(20261123);
        float[] Random(long n) => [.. Enumerable.Range(0, (int)n).Select(_ => (float)(random.NextDouble() - 0.5))];
        var model = new EncoderModel(features, width, Random((long)features.RowCount * width), Random(width * width), Random(width), width,
            EncoderActivation.None, [], null, null);
        _embedder = new EncoderEmbedder(model);
        _vector = new float[width];
        Console.WriteLine($"// vocabulary {features.Vocabulary.Count}, buckets used {features.KnownBucketCount}, terms per report {_analyses.Average(a => a.Terms.Count):0}");
    }

    [GlobalCleanup]
    public void Cleanup() => _lemmatizer.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Reports)]
    public int Embed()
    {
        var n = 0;
        foreach (var a in _analyses) n += _embedder.TryEmbed("", a, _vector) ? 1 : 0;
        return n;
    }

    [Benchmark(OperationsPerInvoke = Reports)]
    public int AnalyzeAndEmbed()
    {
        var n = 0;
        foreach (var t in _texts) n += _embedder.TryEmbed(t, _analyzer.Analyze(t), _vector) ? 1 : 0;
        return n;
    }

    // The repository's data folder, looked for upwards from the benchmark's folder (BenchmarkDotNet runs a copy).
    private static string FindData(string name)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data", name);
                if (File.Exists(candidate)) return candidate;
            }
        }

        throw new FileNotFoundException($"data/{name} was not found above {AppContext.BaseDirectory}.", name);
    }
}
