using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Tests.Text;

public sealed class StopwordsTests
{
    [Theory]
    [InlineData("ja")]
    [InlineData("olla")]
    [InlineData("ei")]
    [InlineData("se")]
    [InlineData("että")]
    [InlineData("myös")]
    [InlineData("kanssa")]
    [InlineData("esim")]
    public void Default_list_has_function_words(string lemma)
    {
        Assert.True(Stopwords.Default.Contains(lemma));
    }

    [Theory]
    [InlineData("asiakas")]
    [InlineData("tilanne")]
    [InlineData("työntekijä")]
    [InlineData("aika")]
    [InlineData("toimeentulotuki")]
    [InlineData("kaksi")]
    public void Default_list_keeps_generic_report_words_and_numerals_as_content(string lemma)
    {
        Assert.False(Stopwords.Default.Contains(lemma));
    }

    [Fact]
    public void Default_list_is_read_from_the_embedded_file_without_comments()
    {
        Assert.InRange(Stopwords.Default.Count, 100, 300);
        Assert.DoesNotContain(Stopwords.Default.Words, w => w.StartsWith('#') || w.Any(char.IsWhiteSpace));
    }

    [Fact]
    public void Lookup_ignores_case()
    {
        Assert.True(Stopwords.Default.Contains("JA"));
        Assert.True(Stopwords.Default.Contains("Että"));
    }

    [Fact]
    public async Task User_file_is_loaded_with_comments_and_blank_lines()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sosrap-stopwords-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "\uFEFF# oma lista\n\nkunta  # kunnan nimi ei kerro aiheesta\r\nhyvinvointialue\n", TestContext.Current.CancellationToken);
        try
        {
            var list = await Stopwords.LoadAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(2, list.Count);
            Assert.True(list.Contains("kunta"));
            Assert.True(list.Contains("hyvinvointialue"));
            Assert.False(list.Contains("ja"));
            Assert.True(list.Union(Stopwords.Default).Contains("ja"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Line_with_two_words_is_an_input_error_naming_the_source_and_row()
    {
        var e = Assert.Throws<InputException>(() => Stopwords.Parse(new StringReader("ja\n# kommentti\nkaksi sanaa\n"), "oma.txt"));
        Assert.Equal("oma.txt", e.Source);
        Assert.Equal(3, e.Row);
        Assert.StartsWith("oma.txt:3: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_file_is_reported_as_such()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => Stopwords.LoadAsync(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.txt"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Lists_from_words_validate_their_entries()
    {
        Assert.True(Stopwords.FromWords(["kunta"]).Contains("Kunta"));
        Assert.Throws<ArgumentException>(() => Stopwords.FromWords(["kaksi sanaa"]));
        Assert.Throws<ArgumentException>(() => Stopwords.FromWords([" "]));
        Assert.Equal(0, Stopwords.None.Count);
    }
}
