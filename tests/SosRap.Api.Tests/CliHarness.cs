using System.CommandLine;
using System.Diagnostics;
using SosRap.Api.Cli;

namespace SosRap.Api.Tests;

/// <summary>Runs the sosrap command line in-process (output captured) or as a real process (exit codes, stderr).</summary>
internal static class CliHarness
{
    public static async Task<(int Code, string Out, string Err)> InProcessAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        var code = await SosRapCli.Create().Parse(args).InvokeAsync(config, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built sosrap.dll (copied beside the tests) with <c>dotnet</c>, as a user would.</summary>
    public static async Task<(int Code, string Out, string Err)> ProcessAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "sosrap.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>A fresh folder, removed on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sosrap-cli-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        var p = File(name);
        System.IO.File.WriteAllText(p, content, new System.Text.UTF8Encoding(false));
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
