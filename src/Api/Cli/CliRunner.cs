using System.CommandLine;
using SosRap.Pipeline;

namespace SosRap.Api.Cli;

/// <summary>
/// Runs a parsed command and turns expected failures into one clear line on stderr and a
/// non-zero exit code. Exit codes: 0 ok, 1 problems found (e.g. validate), 2 invalid input,
/// 3 missing system dependency, 130 cancelled.
/// </summary>
internal static class CliRunner
{
    public const int InvalidInput = 2;
    public const int MissingDependency = 3;
    public const int Cancelled = 130;

    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        try
        {
            return await root.Parse(args).InvokeAsync(config).ConfigureAwait(false);
        }
        catch (InputException e)
        {
            await Console.Error.WriteLineAsync($"sosrap: virhe: {e.Message}").ConfigureAwait(false);
            return InvalidInput;
        }
        catch (FileNotFoundException e)
        {
            await Console.Error.WriteLineAsync($"sosrap: tiedostoa ei löydy: {e.FileName ?? e.Message}").ConfigureAwait(false);
            return InvalidInput;
        }
        catch (DirectoryNotFoundException e)
        {
            await Console.Error.WriteLineAsync($"sosrap: hakemistoa ei löydy: {e.Message}").ConfigureAwait(false);
            return InvalidInput;
        }
        catch (DllNotFoundException e)
        {
            await Console.Error.WriteLineAsync($"sosrap: järjestelmäkirjasto puuttuu: {e.Message} (aja scripts/setup.sh)").ConfigureAwait(false);
            return MissingDependency;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("sosrap: keskeytetty").ConfigureAwait(false);
            return Cancelled;
        }
    }
}
