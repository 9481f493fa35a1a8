using System.Text;
using SosRap.Pipeline.IO;

namespace SosRap.Api.Tests.Service;

/// <summary>The research export: handled reports of the period only, redacted texts, no people, coarse dates, audited.</summary>
public abstract class ExportTests(ServiceFixture fixture) : ServiceTests(fixture)
{
    private async Task<(string Id, string Town)> HandledAsync(string period, string date, string phenomenon)
    {
        var town = UniqueWord();
        var report = await Fx.SubmitAsync("worker-a", municipality: town, reportedAt: date, phenomenon: phenomenon, categories: ["asuminen", "velat"]);
        await Fx.Client("lead-a").PostJsonAsync($"/api/reports/{report["id"]}/transitions", new { to = "alkukasitelty" }, Ct);
        _ = period;
        return (report["id"]!.GetValue<string>(), town);
    }

    private async Task<(byte[] Bytes, string? ContentType, string? FileName)> DownloadAsync(string user, string query)
    {
        using var response = await Fx.Client(user).GetAsync("/api/export?" + query, Ct);
        Assert.Equal(200, (int)response.StatusCode);
        return (await response.Content.ReadAsByteArrayAsync(Ct), response.Content.Headers.ContentType?.ToString(),
            response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    private static async Task<List<Models.Report>> ReadAsync(byte[] bytes, ReportFormat format)
    {
        var reader = ReportReader.Open(new MemoryStream(bytes), "export", new ReportReadOptions { Format = format });
        var list = new List<Models.Report>();
        await foreach (var r in reader.ReadAllAsync(cancellationToken: Ct)) list.Add(r);
        return list;
    }

    [Fact]
    public async Task Csv_export_has_the_periods_handled_reports_redacted_with_month_dates_and_no_people()
    {
        var (id, _) = await HandledAsync("2023H1", "2023-03-17", "Asiakas Pekka K. jäi ilman asuntoa.");
        var newOne = await Fx.SubmitAsync("worker-a", reportedAt: "2023-03-18");
        var otherPeriod = await HandledAsync("2023H2", "2023-08-01", "Toisen kauden ilmoitus.");

        var (bytes, type, name) = await DownloadAsync("researcher", "period=2023H1");
        Assert.Equal("text/csv; charset=utf-8", type);
        Assert.Equal("sosrap-2023H1.csv", name);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("Pekka", text, StringComparison.Ordinal);
        Assert.DoesNotContain("worker-a", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Fx.UserId("worker-a").ToString(), text, StringComparison.OrdinalIgnoreCase);
        var reports = await ReadAsync(bytes, ReportFormat.Csv);
        var mine = Assert.Single(reports, r => r.Id == id);
        Assert.Equal("Asiakas [NIMI] jäi ilman asuntoa.", mine.Phenomenon);
        Assert.Equal(new DateOnly(2023, 3, 1), mine.ReportedAt);
        Assert.Equal(["asuminen", "velat"], mine.Categories);
        Assert.DoesNotContain(reports, r => r.Id == newOne["id"]!.GetValue<string>() || r.Id == otherPeriod.Id);
        Assert.All(reports, r => Assert.Equal(1, r.ReportedAt!.Value.Day));
    }

    [Fact]
    public async Task Parquet_and_jsonl_exports_read_back_and_day_precision_keeps_the_day()
    {
        var (id, _) = await HandledAsync("2022H2", "2022-11-23", "Parquet-ilmoitus.");
        var (parquet, type, name) = await DownloadAsync("group", "period=2022H2&format=parquet&date_precision=day");
        Assert.Equal("application/vnd.apache.parquet", type);
        Assert.Equal("sosrap-2022H2.parquet", name);
        Assert.Equal("PAR1"u8.ToArray(), parquet[..4]);
        var fromParquet = Assert.Single(await ReadAsync(parquet, ReportFormat.Parquet), r => r.Id == id);
        Assert.Equal(new DateOnly(2022, 11, 23), fromParquet.ReportedAt);
        Assert.Equal("Parquet-ilmoitus.", fromParquet.Phenomenon);

        var (jsonl, jsonlType, _) = await DownloadAsync("group", "period=2022H2&format=jsonl");
        Assert.StartsWith("application/jsonl", jsonlType, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2022, 11, 1), Assert.Single(await ReadAsync(jsonl, ReportFormat.Jsonl), r => r.Id == id).ReportedAt);
    }

    [Fact]
    public async Task Every_export_is_in_the_audit_log()
    {
        await DownloadAsync("researcher", "period=2021H1&format=jsonl");
        var audit = await Fx.Client("admin").GetJsonAsync("/api/audit?entity_type=export&entity_id=2021H1", Ct);
        var entry = audit.Body["items"]![0]!;
        Assert.Equal("export", entry["action"]!.GetValue<string>());
        Assert.Equal(Fx.UserId("researcher").ToString(), entry["actor_id"]!.GetValue<string>());
        Assert.Contains(entry["changes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "format" && c["new"]!.GetValue<string>() == "jsonl");
    }
}

public sealed class ExportSqliteTests(SqliteService fixture) : ExportTests(fixture), IClassFixture<SqliteService>;

public sealed class ExportPostgresTests(PostgresService fixture) : ExportTests(fixture), IClassFixture<PostgresService>;
