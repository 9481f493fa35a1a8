using System.Diagnostics;
using TorchSharp;

namespace SosRap.Training.Tests;

/// <summary>The build step that makes TorchSharp's native library loadable on Debian 12.</summary>
public sealed class NativeLibraryTests
{
    [Fact]
    public async Task The_copied_libtorchsharp_has_no_hard_glibcxx_3_4_32_requirement()
    {
        var library = Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");
        Assert.True(File.Exists(library), library);
        var start = new ProcessStartInfo("ldd", [library]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)
            + await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        // ldd names a missing weak version "weak version ... not found"; a hard one would stop the loader.
        foreach (var line in output.Split('\n').Where(l => l.Contains("not found", StringComparison.Ordinal) && l.Contains("version", StringComparison.Ordinal)))
            Assert.Contains("weak version", line, StringComparison.Ordinal);
        Assert.DoesNotContain("=> not found", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Libtorch_loads_and_computes()
    {
        using var x = torch.tensor(new float[] { 1, 2, 3 });
        Assert.Equal(6f, x.sum().item<float>());
    }
}
