using BenchmarkDotNet.Running;

namespace SosRap.Benchmarks;

/// <summary>
/// BenchmarkDotNet entry point: <c>dotnet run -c Release --project benchmarks/SosRap.Benchmarks -- --filter '*'</c>.
/// Other modes (e.g. the search bench) are dispatched by their first argument.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
