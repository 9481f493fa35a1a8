using System.Text.Json.Nodes;

namespace SosRap.Api.Tests.Service;

/// <summary>The repository's own data files, read independently of the service (for expected values).</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>The category ids and support needs of <c>data/taxonomy.json</c>.</summary>
    public static IReadOnlyDictionary<string, string> TaxonomyNeeds() =>
        JsonNode.Parse(File.ReadAllText(Path("data/taxonomy.json")))!.AsArray()
            .ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!["support_need"]!.GetValue<string>());

    /// <summary>The need ids and law items of <c>data/support_needs.json</c>.</summary>
    public static IReadOnlyDictionary<string, int> SupportNeedItems() =>
        JsonNode.Parse(File.ReadAllText(Path("data/support_needs.json")))!.AsArray()
            .ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!["law_item"]!.GetValue<int>());

    /// <summary>The sample reports of <c>data/sample_reports.jsonl</c>.</summary>
    public static IReadOnlyList<JsonNode> SampleReports() =>
        File.ReadLines(Path("data/sample_reports.jsonl")).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!).ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SosRap.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("The repository root (SosRap.sln) is not above " + AppContext.BaseDirectory);
    }
}
