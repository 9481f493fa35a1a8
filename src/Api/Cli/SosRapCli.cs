using System.CommandLine;

namespace SosRap.Api.Cli;

/// <summary>The <c>sosrap</c> command line: one root command, one file per verb.</summary>
internal static class SosRapCli
{
    /// <summary>Builds the root command with every verb.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "SosRap — rakenteellisen sosiaalityön ilmiöraporttien analyysi: lemmatisointi, luokitusehdotukset, teemojen ryhmittely ja palvelu.");
        // Each verb lives in its own file and adds itself here.
        root.Subcommands.Add(LemmatizeCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(ConvertCommand.Create());
        root.Subcommands.Add(RedactCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(TrainEncoderCommand.Create());
        root.Subcommands.Add(CompareRepresentationsCommand.Create());
        root.Subcommands.Add(FitLsaCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(SuggestCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ClusterCommand.Create());
        root.Subcommands.Add(ThemesCommand.Create());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static Task<int> RunAsync(string[] args) => CliRunner.RunAsync(Create(), args);
}
