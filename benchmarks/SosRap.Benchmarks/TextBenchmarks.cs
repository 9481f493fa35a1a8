using BenchmarkDotNet.Attributes;
using SosRap.Pipeline.Text;
using SosRap.Pipeline.Text.Pii;

namespace SosRap.Benchmarks;

/// <summary>
/// Throughput of the text stages on synthetic report text: tokenizing (into a reused list),
/// sentence splitting, finding personal data, and full redaction (text out). <c>Chars</c> is the
/// input size: one report (~600 characters) or a 1 MB batch.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class TextBenchmarks
{
    private readonly FinnishTokenizer tokenizer = new();
    private readonly PiiRedactor redactor = new();
    private readonly List<Token> tokens = new(1 << 18);
    private readonly List<Range> sentences = new(1 << 15);
    private readonly List<Redaction> found = new(1 << 12);
    private string text = "";

    [Params(600, 1 << 20)]
    public int Chars { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        text = TextCorpus.Build(Chars);
        tokenizer.Tokenize(text, tokens);
    }

    [Benchmark(Baseline = true)]
    public int Tokenize()
    {
        tokens.Clear();
        tokenizer.Tokenize(text, tokens);
        return tokens.Count;
    }

    [Benchmark]
    public int SplitSentences()
    {
        sentences.Clear();
        tokenizer.SplitSentences(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens), sentences);
        return sentences.Count;
    }

    [Benchmark]
    public int FindPii()
    {
        found.Clear();
        redactor.Find(text, found);
        return found.Count;
    }

    [Benchmark]
    public int Redact() => redactor.Redact(text).Text.Length;

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn());
    }
}
