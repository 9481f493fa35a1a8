using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SosRap.LoadTest;

/// <summary>
/// Open-loop load: request i is due at start + i/rate whether or not earlier ones have answered,
/// and its latency is counted from that due time (so a stalled server shows up as latency instead
/// of silently lowering the rate — no coordinated omission).
/// </summary>
internal static partial class LoadTestCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        LoadTestOptions options;
        try
        {
            options = LoadTestOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync("loadtest: " + e.Message + "\n\n" + LoadTestOptions.Usage);
            return 2;
        }

        var texts = File.ReadLines(options.Texts).Where(l => l.Length > 0)
            .Select(l => JsonNode.Parse(l)!).Select(n => (Phenomenon: n["phenomenon"]!.GetValue<string>(), Proposal: n["proposal"]?.GetValue<string>() ?? "",
                Area: n["service_area"]?.GetValue<string>() ?? "Aikuissosiaalityö", Municipality: n["municipality"]?.GetValue<string>())).ToList();

        Server? server = null;
        try
        {
            Uri url;
            string key;
            int? pid;
            if (options.ServeDll is not null)
            {
                server = await Server.StartAsync(options.ServeDll, options.SampleData);
                (url, key, pid) = (server.Url, server.WorkerKey, server.Pid);
            }
            else
            {
                (url, key, pid) = (options.Url!, options.Key!, options.ServerPid);
            }

            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            using var client = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Add("X-Api-Key", key);

            var loadBefore = await File.ReadAllTextAsync("/proc/loadavg");
            Console.WriteLine($"# {options.Endpoint} at {options.Rate}/s for {options.DurationSeconds} s (+{options.WarmupSeconds} s warm-up) against {url}");
            await RunPhaseAsync(client, options, texts, options.WarmupSeconds, pid, measure: false);
            var result = await RunPhaseAsync(client, options, texts, options.DurationSeconds, pid, measure: true);
            var loadAfter = await File.ReadAllTextAsync("/proc/loadavg");
            result.Print(options, loadBefore.Trim(), loadAfter.Trim());
            return result.Errors == 0 ? 0 : 1;
        }
        finally
        {
            if (server is not null) await server.DisposeAsync();
        }
    }

    private static async Task<PhaseResult> RunPhaseAsync(HttpClient client, LoadTestOptions options,
        IReadOnlyList<(string Phenomenon, string Proposal, string Area, string? Municipality)> texts, int seconds, int? pid, bool measure)
    {
        var total = options.Rate * seconds;
        var latencies = new double[total];
        var statuses = new int[total];
        var memory = new List<(double At, long Rss)>();
        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        var tick = Stopwatch.Frequency / (double)options.Rate;
        var start = Stopwatch.GetTimestamp();
        var nextSample = 0.0;
        var cpuBefore = pid is { } p0 ? CpuSeconds(p0) : 0;
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * tick);
            while (true)
            {
                var wait = (due - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency;
                if (wait <= 0) break;
                if (wait > 2) await Task.Delay(TimeSpan.FromMilliseconds(wait - 1));
                else Thread.SpinWait(50);
            }

            if (measure && pid is { } p && clock.Elapsed.TotalSeconds >= nextSample)
            {
                memory.Add((clock.Elapsed.TotalSeconds, Rss(p)));
                nextSample += 1;
            }

            var index = i;
            var text = texts[i % texts.Count];
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = options.Endpoint == "submit"
                        ? await client.PostAsJsonAsync("/api/reports", new Dictionary<string, object?>
                        {
                            ["phenomenon"] = text.Phenomenon,
                            ["proposal"] = text.Proposal,
                            ["service_area"] = text.Area,
                            ["municipality"] = text.Municipality,
                        })
                        : await client.PostAsJsonAsync("/api/suggest", new Dictionary<string, object?> { ["text"] = text.Phenomenon, ["limit"] = 5 });
                    await response.Content.CopyToAsync(Stream.Null);
                    statuses[index] = (int)response.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    statuses[index] = -1;
                }

                latencies[index] = (Stopwatch.GetTimestamp() - due) * 1000.0 / Stopwatch.Frequency;
            }));
        }

        await Task.WhenAll(inFlight);
        if (measure && pid is { } last) memory.Add((clock.Elapsed.TotalSeconds, Rss(last)));
        var cpu = pid is { } p1 ? CpuSeconds(p1) - cpuBefore : double.NaN;
        return new PhaseResult(latencies, statuses, memory, clock.Elapsed.TotalSeconds, cpu);
    }

    /// <summary>Resident set size of a process in bytes, from /proc.</summary>
    private static long Rss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(Digits().Match(line).Value, CultureInfo.InvariantCulture) * 1024;
        }

        return 0;
    }

    /// <summary>User + system CPU time of a process in seconds, from /proc/PID/stat (clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    private sealed record PhaseResult(double[] Latencies, int[] Statuses, List<(double At, long Rss)> Memory, double Seconds, double ServerCpuSeconds)
    {
        public int Errors => Statuses.Count(s => s is < 200 or > 299);

        public void Print(LoadTestOptions options, string loadBefore, string loadAfter)
        {
            var sorted = Latencies.Order().ToArray();
            double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            var codes = string.Join(", ", Statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{(g.Key == -1 ? "no answer" : g.Key.ToString(CultureInfo.InvariantCulture))}: {g.Count()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| endpoint | rate/s | achieved/s | requests | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | mean ms |"));
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {options.Endpoint} | {options.Rate} | {Latencies.Length / Seconds:0.0} | {Latencies.Length} | {Errors} | {P(0.50):0.0} | {P(0.90):0.0} | {P(0.99):0.0} | {P(0.999):0.0} | {sorted[^1]:0.0} | {Latencies.Average():0.0} |"));
            Console.WriteLine($"status codes: {codes}");
            if (Memory.Count > 0)
            {
                var mb = Memory.Select(m => m.Rss / 1048576.0).ToList();
                var third = Math.Max(1, mb.Count / 3);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"server RSS MiB: start {mb[0]:0} · first third mean {mb.Take(third).Average():0} · last third mean {mb.TakeLast(third).Average():0} · min {mb.Min():0} · max {mb.Max():0} · end {mb[^1]:0}"));
                Console.WriteLine("server RSS MiB per 10 s: " + string.Join(" ", Memory.Where((_, i) => i % 10 == 0).Select(m => (m.Rss / 1048576.0).ToString("0", CultureInfo.InvariantCulture))));
            }

            if (!double.IsNaN(ServerCpuSeconds))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"server CPU: {ServerCpuSeconds:0.0} s over {Seconds:0.0} s = {ServerCpuSeconds / Seconds:0.00} cores, {ServerCpuSeconds * 1000 / Latencies.Length:0.00} ms per request"));
            }

            Console.WriteLine($"load average before: {loadBefore}; after: {loadAfter}");
        }
    }

    /// <summary>A sosrap serve child process on a fresh SQLite database, with a worker user for the load.</summary>
    private sealed partial class Server : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _folder;

        private Server(Process process, string folder, Uri url, string workerKey)
        {
            _process = process;
            _folder = folder;
            Url = url;
            WorkerKey = workerKey;
        }

        public Uri Url { get; }
        public string WorkerKey { get; }
        public int Pid => _process.Id;

        public static async Task<Server> StartAsync(string dll, bool sampleData)
        {
            var folder = Path.Combine(Path.GetTempPath(), "sosrap-load-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(folder);
            var adminKey = "load-" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
            foreach (var a in new[] { Path.GetFullPath(dll), "serve", "--urls", "http://127.0.0.1:0", "--environment", sampleData ? "Development" : "Production",
                         "--db", Path.Combine(folder, "load.db"), "--data-dir", Path.Combine(folder, "var") })
                start.ArgumentList.Add(a);
            start.Environment["SosRap__Auth__AdminApiKey"] = adminKey;
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(start)!;
            var started = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not null && Address().Match(e.Data) is { Success: true } m) started.TrySetResult(new Uri(m.Groups[1].Value));
            };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var url = await started.Task.WaitAsync(TimeSpan.FromSeconds(120));

            using var admin = new HttpClient { BaseAddress = url };
            admin.DefaultRequestHeaders.Add("X-Api-Key", adminKey);
            var user = await (await admin.PostAsJsonAsync("/api/users", new Dictionary<string, object>
            {
                ["name"] = "Kuormitus", ["role"] = "tyontekija", ["service_areas"] = new[] { "Aikuissosiaalityö" },
            })).Content.ReadFromJsonAsync<JsonElement>();
            var key = await (await admin.PostAsJsonAsync($"/api/users/{user.GetProperty("id").GetString()}/keys",
                new Dictionary<string, object> { ["label"] = "kuormitus" })).Content.ReadFromJsonAsync<JsonElement>();
            var server = new Server(process, folder, url, key.GetProperty("key").GetString()!);
            if (sampleData) await server.WaitForAnalysisAsync();
            return server;
        }

        /// <summary>Waits until the suggestion model answers (it is trained in the background after start).</summary>
        private async Task WaitForAnalysisAsync()
        {
            using var client = new HttpClient { BaseAddress = Url };
            client.DefaultRequestHeaders.Add("X-Api-Key", WorkerKey);
            var clock = Stopwatch.StartNew();
            while (true)
            {
                using var reply = await client.PostAsJsonAsync("/api/suggest", new Dictionary<string, object?> { ["text"] = "Vuokravakuus puuttuu." });
                if (reply.IsSuccessStatusCode)
                {
                    // The clusters are computed right after the model; let that finish too before measuring.
                    await Task.Delay(TimeSpan.FromSeconds(10));
                    Console.WriteLine($"# analysis ready {clock.Elapsed.TotalSeconds:0} s after start");
                    return;
                }

                if (clock.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("the suggestion model was not ready in 10 minutes");
                await Task.Delay(500);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
            Directory.Delete(_folder, recursive: true);
        }

        [GeneratedRegex(@"Avaa selaimessa: (http://\S+?)/?\s")]
        private static partial Regex Address();
    }
}
