using System.Globalization;

namespace SosRap.LoadTest;

/// <summary>Command-line settings of the load generator, parsed and checked once.</summary>
internal sealed record LoadTestOptions
{
    public Uri? Url { get; init; }
    public string? Key { get; init; }
    public string? ServeDll { get; init; }
    public string Endpoint { get; init; } = "submit";
    public int Rate { get; init; } = 200;
    public int DurationSeconds { get; init; } = 60;
    public int WarmupSeconds { get; init; } = 5;
    public int? ServerPid { get; init; }
    public string Texts { get; init; } = "data/sample_reports.jsonl";
    public bool SampleData { get; init; }

    public const string Usage = """
        SosRap load test: sends requests at a fixed rate (open loop) and reports latency percentiles,
        errors and the server's resident memory over time.

          --serve-dll PATH     start `dotnet PATH serve` on a fresh SQLite database in a temp folder (Production, own admin key)
          --sample-data        with --serve-dll: demo mode instead (the 200 sample reports; the suggestion model is
                               trained at start) and wait until suggestions and similar reports are in use
          --url URL --key KEY  or test a running service with a worker's API key
          --server-pid PID     with --url: the server process to sample memory from
          --endpoint NAME      submit (POST /api/reports, default) or suggest (POST /api/suggest)
          --rate N             requests per second (default 200)
          --duration S         measured seconds (default 60)
          --warmup S           unmeasured seconds first, at the same rate (default 5)
          --texts PATH         JSONL reports whose texts are sent (default data/sample_reports.jsonl)
        """;

    public static LoadTestOptions Parse(string[] args)
    {
        var o = new LoadTestOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--url" => o with { Url = new Uri(Value()) },
                "--key" => o with { Key = Value() },
                "--serve-dll" => o with { ServeDll = Value() },
                "--endpoint" => o with { Endpoint = Value() },
                "--rate" => o with { Rate = Int() },
                "--duration" => o with { DurationSeconds = Int() },
                "--warmup" => o with { WarmupSeconds = Int() },
                "--server-pid" => o with { ServerPid = Int() },
                "--texts" => o with { Texts = Value() },
                "--sample-data" => o with { SampleData = true },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        if (o.Endpoint is not ("submit" or "suggest")) throw new ArgumentException("--endpoint must be submit or suggest");
        if (o.Rate is < 1 or > 10_000) throw new ArgumentException("--rate must be 1–10000");
        if (o.DurationSeconds is < 1 or > 3600) throw new ArgumentException("--duration must be 1–3600");
        if (o.ServeDll is null && (o.Url is null || o.Key is null)) throw new ArgumentException("give --serve-dll, or --url with --key");
        if (o.SampleData && o.ServeDll is null) throw new ArgumentException("--sample-data needs --serve-dll");
        if (!File.Exists(o.Texts)) throw new ArgumentException($"texts file {o.Texts} not found");
        return o;
    }
}
