namespace SosRap.Pipeline.Tests.IO;

/// <summary>A fresh folder under the system temp folder, removed on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sosrap-io-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        var p = File(name);
        System.IO.File.WriteAllText(p, content, new System.Text.UTF8Encoding(false));
        return p;
    }

    public string Write(string name, byte[] content)
    {
        var p = File(name);
        System.IO.File.WriteAllBytes(p, content);
        return p;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
