using SosRap.Api.Cli;

namespace SosRap.Api.Tests;

/// <summary>
/// How <c>sosrap train-encoder</c> finds the separate training program, and what it says when it is
/// not built. (The verb end to end, with TorchSharp, is tested in SosRap.Training.Tests.)
/// </summary>
public sealed class TrainEncoderCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_trainer_beside_sosrap_is_preferred()
    {
        var bin = Directory.CreateDirectory(_dir.File("app")).FullName;
        File.WriteAllText(Path.Combine(bin, "sosrap-train.dll"), "");
        Assert.Equal(Path.Combine(bin, "sosrap-train.dll"), TrainEncoderCommand.FindTrainer(bin, null));
    }

    [Fact]
    public void The_training_project_output_of_the_same_configuration_is_found_in_artifacts()
    {
        var api = Directory.CreateDirectory(_dir.File("artifacts/bin/SosRap.Api/release")).FullName;
        var release = Directory.CreateDirectory(_dir.File("artifacts/bin/SosRap.Training/release_linux-x64")).FullName;
        var debug = Directory.CreateDirectory(_dir.File("artifacts/bin/SosRap.Training/debug_linux-x64")).FullName;
        File.WriteAllText(Path.Combine(debug, "sosrap-train.dll"), "");
        Assert.Equal(Path.Combine(debug, "sosrap-train.dll"), TrainEncoderCommand.FindTrainer(api + "/", null));
        File.WriteAllText(Path.Combine(release, "sosrap-train.dll"), "");
        Assert.Equal(Path.Combine(release, "sosrap-train.dll"), TrainEncoderCommand.FindTrainer(api + "/", null));
    }

    [Fact]
    public void An_override_path_wins_and_must_exist()
    {
        var file = _dir.Write("elsewhere.dll", "");
        Assert.Equal(file, TrainEncoderCommand.FindTrainer(_dir.Path, file));
        Assert.Null(TrainEncoderCommand.FindTrainer(_dir.Path, _dir.File("missing.dll")));
    }

    [Fact]
    public async Task Without_a_built_trainer_the_verb_says_how_to_build_it_and_exits_3()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await TrainEncoderCommand.RunTrainerAsync(["train"], output, error, TestContext.Current.CancellationToken, baseDirectory: _dir.Path);
        Assert.Equal(CliRunner.MissingDependency, code);
        Assert.Contains("sosrap-train ei ole käännetty", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("dotnet build src/Pipeline/Training/SosRap.Training.csproj -c Release", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public async Task Required_options_are_checked_before_anything_starts()
    {
        var (code, _, err) = await CliHarness.InProcessAsync("train-encoder", "--taxonomy", "t.json", "--output", "out");
        Assert.NotEqual(0, code);
        Assert.Contains("--input", err, StringComparison.Ordinal);
    }
}
