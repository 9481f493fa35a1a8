namespace SosRap.Pipeline.Tests;

/// <summary>Finds the project's data/ folder from the test binaries.</summary>
internal static class SampleData
{
    public static string Path(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SosRap.sln"))) return System.IO.Path.Combine(dir.FullName, "data", file);
        }

        throw new FileNotFoundException("SosRap.sln not found above the test binaries.");
    }
}
