using System.CommandLine;
using SosRap.Pipeline;
using SosRap.Pipeline.Text.Voikko;

namespace SosRap.Training;

/// <summary>
/// The <c>sosrap-train</c> command line: <c>train</c> (what <c>sosrap train-encoder</c> runs) and
/// <c>evaluate</c> (kNN suggestions and k-means clusters for the quality measurements). Exit codes as
/// in sosrap: 0 ok, 2 invalid input, 3 missing system dependency, 130 cancelled.
/// </summary>
internal static class TrainingCli
{
    public const int InvalidInput = 2;
    public const int MissingDependency = 3;
    public const int Cancelled = 130;

    public static RootCommand Create()
    {
        var root = new RootCommand("sosrap-train — SosRap-enkooderin opetus (TorchSharp, CPU). Käynnistetään yleensä komennolla 'sosrap train-encoder'.");
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? error = null)
    {
        error ??= Console.Error;
        var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Error = error };
        try
        {
            return await Create().Parse(args).InvokeAsync(config).ConfigureAwait(false);
        }
        catch (InputException e)
        {
            await error.WriteLineAsync($"sosrap-train: virhe: {e.Message}").ConfigureAwait(false);
            return InvalidInput;
        }
        catch (FileNotFoundException e)
        {
            await error.WriteLineAsync($"sosrap-train: tiedostoa ei löydy: {e.FileName ?? e.Message}").ConfigureAwait(false);
            return InvalidInput;
        }
        catch (DirectoryNotFoundException e)
        {
            await error.WriteLineAsync($"sosrap-train: hakemistoa ei löydy: {e.Message}").ConfigureAwait(false);
            return InvalidInput;
        }
        catch (VoikkoUnavailableException e)
        {
            await error.WriteLineAsync(
                $"sosrap-train: Voikko tai sen suomen sanakirja puuttuu (asenna Debian-paketit {VoikkoUnavailableException.DebianPackages}, esim. scripts/setup.sh): {e.Message}")
                .ConfigureAwait(false);
            return MissingDependency;
        }
        catch (DllNotFoundException e)
        {
            await error.WriteLineAsync($"sosrap-train: järjestelmäkirjasto puuttuu: {e.Message}").ConfigureAwait(false);
            return MissingDependency;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("sosrap-train: keskeytetty").ConfigureAwait(false);
            return Cancelled;
        }
    }
}
