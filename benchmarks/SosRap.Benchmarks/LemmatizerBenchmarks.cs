using BenchmarkDotNet.Attributes;
using SosRap.Pipeline.Text;
using SosRap.Pipeline.Text.Voikko;

namespace SosRap.Benchmarks;

/// <summary>
/// Lemmatizer throughput on real Voikko. <c>Cold</c>: distinct word forms with the cache off, so every
/// word is analysed by Voikko and ranked; <c>Warm</c>: the same words from the cache;
/// <c>VoikkoAnalyzeOnly</c>: libvoikko's own analysis call and attribute reading, the floor under Cold.
/// Times are per word; with 2 threads the words are split between them.
/// <c>dotnet run -c Release --project benchmarks/SosRap.Benchmarks -- --filter '*Lemmatizer*'</c>
/// </summary>
[MemoryDiagnoser]
public class LemmatizerBenchmarks
{
    private const int WordCount = 3600;
    private const int WarmRepeats = 20;

    // Compounds of the domain's vocabulary in nine cases: distinct, valid, realistic forms.
    private static readonly string[] FirstParts =
    [
        "asunto", "perhe", "koulu", "kunta", "palvelu", "talous", "työ", "terveys", "sosiaali", "vuokra",
        "raha", "velka", "päihde", "vanhus", "nuoriso", "liikunta", "kulttuuri", "kotihoito", "ympäristö", "opiskelija",
    ];

    private static readonly (string Stem, bool Front)[] LastParts =
    [
        ("asia", false), ("kulu", false), ("maksu", false), ("palvelu", false), ("neuvonta", false), ("alue", false),
        ("toiminta", false), ("kriisi", false), ("vero", false), ("kuva", false), ("linja", false), ("ryhmä", true),
        ("työntekijä", true), ("kysely", true), ("päivä", true), ("kylä", true), ("hätä", true), ("tieto", false),
        ("osasto", false), ("tila", false),
    ];

    private static readonly string[] BackEndings = ["", "n", "ssa", "sta", "lla", "lle", "lta", "na", "ksi"];
    private static readonly string[] FrontEndings = ["", "n", "ssä", "stä", "llä", "lle", "ltä", "nä", "ksi"];

    private string[] _words = [];
    private VoikkoLemmatizer _cold = null!;
    private VoikkoLemmatizer _warm = null!;
    private VoikkoPool _pool = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _cold = new VoikkoLemmatizer(new VoikkoOptions { CacheCapacity = 0, MaxHandles = 2 });
        _warm = new VoikkoLemmatizer(new VoikkoOptions { CacheCapacity = 100_000, MaxHandles = 2 });
        _pool = new VoikkoPool(new VoikkoOptions());

        // Only forms Voikko knows, so that the cold path measures analysis, not typo correction.
        // Exactly WordCount words (the known ones, cycled if some were rejected) so that times per word are exact.
        var known = Generate().Where(w => _cold.Analyze(w).Source == LemmaSource.Dictionary).ToArray();
        _words = [.. Enumerable.Range(0, WordCount).Select(i => known[i % known.Length])];
        Console.WriteLine($"// {known.Length} distinct known word forms");
        foreach (var w in _words)
        {
            _warm.Analyze(w);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cold.Dispose();
        _warm.Dispose();
        _pool.Dispose();
    }

    [Benchmark(OperationsPerInvoke = WordCount)]
    public int Cold() => Run(_cold, 1);

    [Benchmark(OperationsPerInvoke = WordCount * WarmRepeats)]
    public int Warm() => Run(_warm, WarmRepeats);

    [Benchmark(OperationsPerInvoke = WordCount)]
    public int VoikkoAnalyzeOnly()
    {
        var total = 0;
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            var analyses = new List<MorphAnalysis>(8);
            using var lease = _pool.Rent();
            var n = 0;
            for (var i = t; i < _words.Length; i += Threads)
            {
                analyses.Clear();
                lease.Instance.Analyze(_words[i], analyses);
                n += analyses.Count;
            }

            Interlocked.Add(ref total, n);
        });
        return total;
    }

    private int Run(VoikkoLemmatizer lemmatizer, int repeats)
    {
        var total = 0;
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            var n = 0;
            for (var r = 0; r < repeats; r++)
            {
                for (var i = t; i < _words.Length; i += Threads)
                {
                    n += lemmatizer.Analyze(_words[i]).Lemma.Length;
                }
            }

            Interlocked.Add(ref total, n);
        });
        return total;
    }

    private static IEnumerable<string> Generate()
    {
        foreach (var first in FirstParts)
        {
            foreach (var (stem, front) in LastParts)
            {
                foreach (var ending in front ? FrontEndings : BackEndings)
                {
                    yield return first + stem + ending;
                }
            }
        }
    }
}
