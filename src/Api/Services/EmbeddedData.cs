using System.Reflection;

namespace SosRap.Api.Services;

/// <summary>The data files embedded in the service (from <c>data/</c>): sample reports, default taxonomy, 11 § support needs.</summary>
internal static class EmbeddedData
{
    public const string SampleReports = "SosRap.Api.Data.sample_reports.jsonl";
    public const string Taxonomy = "SosRap.Api.Data.taxonomy.json";
    public const string SupportNeeds = "SosRap.Api.Data.support_needs.json";

    /// <summary>Opens an embedded file; a missing one is a build error, so this throws.</summary>
    public static Stream Open(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Embedded resource {name} is missing from the build.");

    public static byte[] ReadAll(string name)
    {
        using var stream = Open(name);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
