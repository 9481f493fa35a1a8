using System.Diagnostics;
using System.Globalization;
using SosRap.Pipeline.Clustering;

namespace SosRap.Benchmarks;

/// <summary>
/// <c>cluster-bench [n] [d] [method]</c>: clusters n synthetic unit embeddings of dimension d
/// (seeded Gaussian blobs around 30 centres, the shape of LSA report vectors) end to end with the
/// chosen clusterer (automatic k for k-means) and prints the time, the k chosen and the peak working set.
/// </summary>
internal static class ClusterBench
{
    public static int Run(string[] args, TextWriter output)
    {
        var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var d = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var method = args.Length > 2 ? args[2] : "kmeans";
        var random = new Random(20261123);
        const int centres = 30;
        var centre = new float[centres * d];
        for (var i = 0; i < centre.Length; i++) centre[i] = (float)Gaussian(random);
        var x = new float[(long)n * d];
        for (var i = 0; i < n; i++)
        {
            var c = random.Next(centres);
            var row = x.AsSpan(i * d, d);
            for (var j = 0; j < d; j++) row[j] = centre[(c * d) + j] + (float)(0.6 * Gaussian(random));
            var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot(row, row));
            for (var j = 0; j < d; j++) row[j] /= norm;
        }

        var options = new ClusteringOptions { Method = method == "graph" ? ClusterMethod.Graph : ClusterMethod.KMeans };
        IClusterer clusterer = method == "graph" ? new GraphClusterer(options) : new KMeansClusterer(options);
        var watch = Stopwatch.StartNew();
        var result = clusterer.Cluster(x, n, d);
        var clusterTime = watch.Elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cluster-bench: n={n} d={d} method={clusterer.Name} k={result.ClusterCount} outliers={result.OutlierCount} time={clusterTime.TotalSeconds:0.00}s " +
            $"peak_working_set={Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0}MB processors={Environment.ProcessorCount}"));
        return 0;
    }

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
