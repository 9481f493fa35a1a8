using BenchmarkDotNet.Attributes;
using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Features;
using SosRap.Pipeline.Text;

namespace SosRap.Benchmarks;

/// <summary>
/// One report of 100 words against models fitted on 10,000 synthetic reports (<see cref="TopicCorpus"/>):
/// featurizing an analysed text into caller buffers (<c>Featurize</c>) or into a new
/// <see cref="SparseVector"/>, the 200-dimensional LSA embedding of an analysed text, and the whole
/// per-report path from raw text (tokenize, lemmatize with a warm cache, featurize, embed).
/// <c>dotnet run -c Release --project benchmarks/SosRap.Benchmarks -- --filter '*FeatureBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
public class FeatureBenchmarks
{
    private VoikkoLemmatizer _lemmatizer = null!;
    private TextAnalyzer _analyzer = null!;
    private TfidfModel _tfidf = null!;
    private LsaEmbedder _lsa = null!;
    private string _text = "";
    private AnalyzedText _analysis = AnalyzedText.Empty;
    private int[] _ids = [];
    private float[] _values = [];
    private float[] _embedding = [];

    [GlobalSetup]
    public void Setup()
    {
        _lemmatizer = new VoikkoLemmatizer();
        _analyzer = new TextAnalyzer(new FinnishTokenizer(), _lemmatizer, Stopwords.Default);
        var corpus = EmbeddingBatch.AnalyzeAll(_analyzer, TopicCorpus.Build(10_000));
        _lsa = new LsaEstimator(new LsaOptions { Dimension = 200 }).Fit(corpus);
        _tfidf = _lsa.Features;
        _text = TopicCorpus.Report(100);
        _analysis = _analyzer.Analyze(_text);
        _ids = new int[_tfidf.GetMaxEntryCount(_analysis)];
        _values = new float[_ids.Length];
        _embedding = new float[_lsa.Dimension];
        Console.WriteLine($"// {_tfidf.FeatureCount} features, LSA dimension {_lsa.Dimension}; the report has {_analysis.Terms.Count} content words " +
            $"({_analysis.Terms.Count(t => t.Source == LemmaSource.Fallback)} unknown to Voikko) and {_tfidf.Transform(_analysis).Count} features");
    }

    [GlobalCleanup]
    public void Cleanup() => _lemmatizer.Dispose();

    [Benchmark(Baseline = true)]
    public int Featurize() => _tfidf.Transform(_analysis, _ids, _values);

    [Benchmark]
    public int FeaturizeToVector() => _tfidf.Transform(_analysis).Count;

    [Benchmark]
    public bool LsaEmbed() => _lsa.TryEmbed(_text, _analysis, _embedding);

    [Benchmark]
    public bool AnalyzeFeaturizeEmbed() => _lsa.TryEmbed(_text, _analyzer.Analyze(_text), _embedding);
}
