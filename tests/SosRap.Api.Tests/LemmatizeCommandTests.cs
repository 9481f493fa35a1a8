using System.CommandLine;
using SosRap.Api.Cli;

namespace SosRap.Api.Tests;

public sealed class LemmatizeCommandTests
{
    [Fact]
    public async Task Tokens_mode_writes_one_line_per_token_and_keeps_sentence_breaks()
    {
        const string input = "Odotamme\nKelan\npäätöksiä\n.\n\nMe\nodotamme\n\n";
        var (code, output) = await RunAsync(input, "lemmatize", "--tokens");

        Assert.Equal(0, code);
        Assert.Equal(
            "Odotamme\todottaa\nKelan\tKela\npäätöksiä\tpäätös\n.\t.\n\nMe\tminä\nodotamme\todottaa\n\n",
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Tokens_mode_with_parts_adds_compound_parts_column()
    {
        var (code, output) = await RunAsync("toimeentulotukipäätöksestä\n", "lemmatize", "--tokens", "--parts");

        Assert.Equal(0, code);
        Assert.Equal(
            "toimeentulotukipäätöksestä\ttoimeentulotukipäätös\ttoimeentulo|tuki|päätös|toimeentulotuki|tukipäätös\n",
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Text_mode_tokenizes_and_lemmatizes_each_line()
    {
        var (code, output) = await RunAsync("Vuokravakuuksia ei makseta.\n", "lemmatize");

        Assert.Equal(0, code);
        Assert.Equal(
            "Vuokravakuuksia\tvuokravakuus\nei\tei\nmakseta\tmaksaa\n.\t.\n\n",
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Missing_dictionary_exits_with_the_missing_dependency_code()
    {
        var empty = Directory.CreateTempSubdirectory("sosrap-no-voikko-");
        try
        {
            var error = new StringWriter();
            var root = new RootCommand { LemmatizeCommand.Create(new StringReader("talo\n")) };
            var code = await root.Parse(["lemmatize", "--voikko-path", empty.FullName])
                .InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error }, TestContext.Current.CancellationToken);

            Assert.Equal(CliRunner.MissingDependency, code);
            Assert.Contains("voikko-fi", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete();
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var root = new RootCommand { LemmatizeCommand.Create(new StringReader(input)) };
        var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = new StringWriter() }, TestContext.Current.CancellationToken);
        return (code, output.ToString());
    }
}
