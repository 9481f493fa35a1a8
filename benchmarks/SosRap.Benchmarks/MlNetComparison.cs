using System.Diagnostics;
using System.Globalization;
using SosRap.Pipeline.Clustering;
using SosRap.Pipeline.IO;
using SosRap.Pipeline.Text;

namespace SosRap.Benchmarks;

/// <summary>
/// <c>cluster-mlnet REPORTS OUTDIR [k…]</c>: the same representation (tf-idf → LSA-20) clustered by
/// SosRap's k-means and by ML.NET's <c>KMeansTrainer</c> (k-means++ init) at each k, assignments
/// written as <c>OUTDIR/{sosrap,mlnet}-k{k}.jsonl</c> for <c>cluster_eval.py</c>, times printed.
/// <c>cluster-mlnet --synthetic N K</c> times both on N synthetic 20-dimensional vectors.
/// </summary>
internal static class MlNetComparison
{
    public static int Run(string[] args, TextWriter output)
    {
        if (args[0] == "--synthetic")
        {
            var n = int.Parse(args[1], CultureInfo.InvariantCulture);
            var k = int.Parse(args[2], CultureInfo.InvariantCulture);
            var random = new Random(20261123);
            var x = new float[n * 20];
            for (var i = 0; i < x.Length; i++) x[i] = (float)random.NextDouble() + (i / 20 % 30 == i % 20 ? 3f : 0f);
            Time(output, "sosrap", n, k, () => new KMeansClusterer(new ClusteringOptions { Clusters = k, Restarts = 1 }).Cluster(x, n, 20));
            Time(output, "mlnet", n, k, () => KMeansClusterer.MlNet(new ClusteringOptions { Clusters = k, Seed = 42 }).Cluster(x, n, 20));
            return 0;
        }

        var (reports, _) = ReportReader.ReadFileAsync(args[0]).GetAwaiter().GetResult();
        Directory.CreateDirectory(args[1]);
        var ks = args.Length > 2 ? args[2..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [15];
        using var lemmatizer = new VoikkoLemmatizer();
        var analyzer = new TextAnalyzer(new FinnishTokenizer(), lemmatizer, Stopwords.Default.Union(SwedishFunctionWords.Stopwords));
        foreach (var k in ks)
        {
            foreach (var (name, factory) in new (string, Func<ClusteringOptions, IClusterer>)[]
                     {
                         ("sosrap", o => new KMeansClusterer(o with { Clusters = k })),
                         ("mlnet", o => KMeansClusterer.MlNet(o with { Clusters = k })),
                     })
            {
                var watch = Stopwatch.StartNew();
                var result = new ThemeAnalysis(analyzer, clustererFactory: factory).Run(reports);
                PredictionFiles.WriteClustersAsync(Path.Combine(args[1], $"{name}-k{k}.jsonl"), result.Assignments.ToAsyncEnumerable()).GetAwaiter().GetResult();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} k={k}: {result.Clusters.Count} clusters, {watch.Elapsed.TotalSeconds:0.00} s (whole analysis)"));
            }
        }

        return 0;
    }

    private static void Time(TextWriter output, string name, int n, int k, Func<ClusterLabels> run)
    {
        var watch = Stopwatch.StartNew();
        var result = run();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: n={n} k={k} clusters={result.ClusterCount} time={watch.Elapsed.TotalSeconds:0.00}s"));
    }
}
