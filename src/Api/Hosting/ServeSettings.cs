namespace SosRap.Api.Hosting;

/// <summary>The command-line values of <c>sosrap serve</c>; null leaves configuration as it is.</summary>
internal sealed record ServeSettings
{
    public string? Urls { get; init; }
    public string? Database { get; init; }
    public string? DataDirectory { get; init; }
    public string Environment { get; init; } = "Development";
    public bool? SampleData { get; init; }
}
