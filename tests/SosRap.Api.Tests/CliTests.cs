using SosRap.Api.Cli;

namespace SosRap.Api.Tests;

public sealed class CliTests
{
    [Fact]
    public async Task Unknown_verb_fails_with_a_nonzero_exit_code()
    {
        var code = await SosRapCli.RunAsync(["no-such-verb"]);
        Assert.NotEqual(0, code);
    }
}
