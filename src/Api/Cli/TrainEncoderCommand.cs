using System.CommandLine;
using System.Diagnostics;

namespace SosRap.Api.Cli;

/// <summary>
/// <c>sosrap train-encoder</c>: trains the neural text encoder. The training itself runs in the
/// separate program <c>sosrap-train</c> (src/Pipeline/Training, TorchSharp), started here as a child
/// process with the same arguments, so that sosrap, its service and SosRap.Pipeline never load
/// libtorch. The child's progress lines stream through; its exit code is returned. Options not
/// declared here are passed on as they are (see <c>sosrap-train train --help</c>).
/// </summary>
internal static class TrainEncoderCommand
{
    /// <summary>Environment variable with the path of <c>sosrap-train.dll</c>, overriding the search.</summary>
    public const string TrainerPathVariable = "SOSRAP_TRAIN_DLL";

    public const string TrainerFileName = "sosrap-train.dll";

    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Opetusraportit (CSV, JSONL tai Parquet); luokat 'categories'-sarakkeessa", Required = true };
        var taxonomy = new Option<string>("--taxonomy") { Description = "Luokitus (taxonomy.json)", Required = true };
        var output = new Option<string>("--output") { Description = "Hakemisto, johon encoder.bin ja training.json kirjoitetaan", Required = true };
        var dim = new Option<int?>("--dim") { Description = "Upotuksen ulottuvuus (oletus 128)" };
        var epochs = new Option<int?>("--epochs") { Description = "Opetuskierrosten enimmäismäärä (oletus 40; varhainen pysäytys)" };
        var seed = new Option<int?>("--seed") { Description = "Satunnaisluvun siemen (oletus 1): sama siemen ja data antavat saman mallin" };
        var threads = new Option<int?>("--threads") { Description = "Suoritinsäikeet (oletus 2)" };
        var unlabelled = new Option<string[]>("--unlabelled") { Description = "Lisäraportteja vain itseohjautuvaan opetukseen; voi toistaa" };
        var command = new Command("train-encoder",
            "Opettaa neuroverkkoenkooderin (lemmat, yhdyssanojen osat ja merkki-n-grammit → vektori) luokitelluista raporteista. " +
            "Opetus ajetaan erillisellä ohjelmalla sosrap-train (TorchSharp); muut valinnat välitetään sille sellaisinaan, ks. 'sosrap-train train --help'.")
        {
            input, taxonomy, output, dim, epochs, seed, threads, unlabelled,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (r, cancellationToken) =>
        {
            var args = new List<string> { "train", "--input", r.GetRequiredValue(input), "--taxonomy", r.GetRequiredValue(taxonomy), "--output", r.GetRequiredValue(output) };
            void Add(string name, int? value)
            {
                if (value is { } v) args.AddRange([name, v.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }

            Add("--dim", r.GetValue(dim));
            Add("--epochs", r.GetValue(epochs));
            Add("--seed", r.GetValue(seed));
            Add("--threads", r.GetValue(threads));
            foreach (var u in r.GetValue(unlabelled) ?? []) args.AddRange(["--unlabelled", u]);
            args.AddRange(r.UnmatchedTokens);
            return await RunTrainerAsync(args, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs <c>sosrap-train</c> with <paramref name="args"/>, streaming its output; returns its exit code.</summary>
    /// <param name="args">Arguments for sosrap-train.</param>
    /// <param name="output">Receives the child's standard output.</param>
    /// <param name="error">Receives the child's standard error.</param>
    /// <param name="cancellationToken">Stops the child.</param>
    /// <param name="baseDirectory">Where to look instead of beside sosrap.dll (tests); the environment override is then ignored.</param>
    internal static async Task<int> RunTrainerAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken,
        string? baseDirectory = null)
    {
        var trainer = baseDirectory is null
            ? FindTrainer(AppContext.BaseDirectory, Environment.GetEnvironmentVariable(TrainerPathVariable))
            : FindTrainer(baseDirectory, null);
        if (trainer is null)
        {
            await error.WriteLineAsync(
                "sosrap: opetusohjelmaa sosrap-train ei ole käännetty. Käännä se: dotnet build src/Pipeline/Training/SosRap.Training.csproj -c Release " +
                $"(./sosrap train-encoder kääntää sen itse) tai anna sen polku ympäristömuuttujassa {TrainerPathVariable}.").ConfigureAwait(false);
            return CliRunner.MissingDependency;
        }

        // The console's own writers are inherited so the child streams straight to the terminal;
        // other writers (tests, a host) get the child's lines relayed as they come.
        var inherit = ReferenceEquals(output, Console.Out) && ReferenceEquals(error, Console.Error);
        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = !inherit,
            RedirectStandardError = !inherit,
        };
        start.ArgumentList.Add(trainer);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("sosrap-train could not be started.");
        var relay = inherit ? Task.CompletedTask : Task.WhenAll(RelayAsync(process.StandardOutput, output), RelayAsync(process.StandardError, error));
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await relay.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode;
    }

    /// <summary>
    /// Where sosrap-train.dll is: the override, beside sosrap.dll, or in the build output of the
    /// training project next to this one (artifacts/bin/SosRap.Training/&lt;config&gt;_linux-x64).
    /// </summary>
    internal static string? FindTrainer(string baseDirectory, string? overridePath)
    {
        if (!string.IsNullOrEmpty(overridePath)) return File.Exists(overridePath) ? Path.GetFullPath(overridePath) : null;
        var beside = Path.Combine(baseDirectory, TrainerFileName);
        if (File.Exists(beside)) return beside;
        var dir = new DirectoryInfo(Path.TrimEndingDirectorySeparator(baseDirectory));
        var bin = dir.Parent?.Parent;
        if (bin is null) return null;
        var configuration = dir.Name;
        foreach (var config in new[] { configuration, "release", "debug" }.Distinct(StringComparer.Ordinal))
        {
            var candidate = Path.Combine(bin.FullName, "SosRap.Training", config + "_linux-x64", TrainerFileName);
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }

    // The dotnet host that runs this process, so the child uses the same runtime.
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    private static async Task RelayAsync(StreamReader from, TextWriter to)
    {
        string? line;
        while ((line = await from.ReadLineAsync().ConfigureAwait(false)) is not null)
        {
            await to.WriteLineAsync(line).ConfigureAwait(false);
            await to.FlushAsync().ConfigureAwait(false);
        }
    }
}
