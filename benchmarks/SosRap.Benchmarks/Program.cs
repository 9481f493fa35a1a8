using BenchmarkDotNet.Running;
using SosRap.Benchmarks.Search;

namespace SosRap.Benchmarks;

/// <summary>
/// BenchmarkDotNet entry point: <c>dotnet run -c Release --project benchmarks/SosRap.Benchmarks -- --filter '*'</c>.
/// Other modes are dispatched by their first argument: <c>search &lt;prefix&gt; …</c> (the search
/// bench against the FAISS measuring kit's dataset files) and <c>search-data &lt;prefix&gt; …</c>.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "search":
                return SearchBench.Run(args[1..], Console.Out);
            case "search-data":
                return SearchBench.Generate(args[1..], Console.Out);
            case "suggest-latency":
                return SuggestionBench.Run(args[1..], Console.Out);
            case "cluster-bench":
                return ClusterBench.Run(args[1..], Console.Out);
            case "cluster-mlnet":
                return MlNetComparison.Run(args[1..], Console.Out);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
