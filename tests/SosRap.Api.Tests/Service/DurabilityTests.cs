using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace SosRap.Api.Tests.Service;

/// <summary>
/// Every report the service acknowledged with 2xx survives a SIGKILL in the middle of a stream of
/// concurrent submissions: the real <c>sosrap serve</c> process on SQLite is killed, started again
/// on the same file, and asked for each acknowledged report.
/// </summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_acknowledged_report_is_there_after_a_kill_and_restart()
    {
        var adminKey = "dur-" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        var database = Path.Combine(_folder.Path, "durable.db");
        string[] args = ["--urls", "http://127.0.0.1:0", "--environment", "Production", "--db", database];
        var environment = new Dictionary<string, string> { ["SosRap__Auth__AdminApiKey"] = adminKey };

        var acknowledged = new ConcurrentBag<string>();
        var attempted = 0;
        string workerKey;
        await using (var first = ServeProcess.Start(args, environment, _folder.Path))
        {
            var url = await first.StartedAsync(Ct);
            using var admin = Client(url, adminKey);
            var user = await admin.PostJsonAsync("/api/users", new { name = "Kestävä", role = "tyontekija", service_areas = new[] { "Aikuissosiaalityö" } }, Ct);
            workerKey = (await admin.PostJsonAsync($"/api/users/{user.Body["id"]}/keys", new { label = "k" }, Ct)).Body["key"]!.GetValue<string>();

            using var stop = new CancellationTokenSource();
            using var worker = Client(url, workerKey);
            var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    Interlocked.Increment(ref attempted);
                    try
                    {
                        var reply = await worker.PostJsonAsync("/api/reports", new
                        {
                            phenomenon = $"Kestävyyskoe {w}-{i}: vuokravakuus jäi maksamatta ja asunto meni ohi.",
                            service_area = "Aikuissosiaalityö",
                            municipality = "Kajaani",
                            categories = new[] { "asuminen" },
                        }, CancellationToken.None);
                        if (reply.Code == 201) acknowledged.Add(reply.Body["id"]!.GetValue<string>());
                    }
                    catch (HttpRequestException)
                    {
                        // The process was killed under this request: not acknowledged.
                    }
                    catch (TaskCanceledException)
                    {
                    }
                }
            }, CancellationToken.None)).ToList();

            // Kill in full flight, once a good number of reports has been acknowledged.
            while (acknowledged.Count < 150) await Task.Delay(20, Ct);
            first.Kill();
            // Writers keep trying for a moment: against a killed server every such request must fail,
            // so the check below also proves the kill took effect while reports were being written.
            await Task.Delay(300, Ct);
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        Assert.True(acknowledged.Count >= 150);
        Assert.True(attempted > acknowledged.Count, "requests after the kill should have failed");

        await using var second = ServeProcess.Start(args, environment, _folder.Path);
        var again = await second.StartedAsync(Ct);
        using var reader = Client(again, workerKey);
        var missing = new List<string>();
        foreach (var id in acknowledged)
        {
            var reply = await reader.GetJsonAsync("/api/reports/" + id, Ct);
            if (reply.Code != 200) missing.Add(id);
        }

        Assert.Empty(missing);
        var total = (await reader.GetJsonAsync("/api/reports?page_size=1", Ct)).Body["total"]!.GetValue<long>();
        Assert.InRange(total, acknowledged.Count, attempted);

        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", (string?)await check.ExecuteScalarAsync(Ct));
    }

    private static HttpClient Client(Uri url, string key)
    {
        var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public void Dispose() => _folder.Dispose();
}
