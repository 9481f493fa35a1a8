using SosRap.Pipeline.Text.Voikko;

namespace SosRap.Pipeline.Tests.Text;

public sealed class VoikkoLibraryTests
{
    [Fact]
    public void Environment_variable_overrides_the_dictionary_location()
    {
        // Only a valid alternative spelling of the real location: other tests open Voikko meanwhile.
        var previous = Environment.GetEnvironmentVariable(VoikkoOptions.DictionaryPathVariable);
        Environment.SetEnvironmentVariable(VoikkoOptions.DictionaryPathVariable, "/usr/lib/voikko/5");
        try
        {
            Assert.Equal("/usr/lib/voikko", VoikkoLibrary.FindDictionary(null));
        }
        finally
        {
            Environment.SetEnvironmentVariable(VoikkoOptions.DictionaryPathVariable, previous);
        }
    }

    [Fact]
    public void Explicit_path_wins_and_a_bad_one_names_its_source()
    {
        var e = Assert.Throws<VoikkoUnavailableException>(() => VoikkoLibrary.FindDictionary("/nonexistent/voikko"));
        Assert.Contains("/nonexistent/voikko", e.Message, StringComparison.Ordinal);
        Assert.Contains("VoikkoOptions.DictionaryPath", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Library_is_found_on_the_system()
    {
        Assert.Contains("voikko", VoikkoLibrary.EnsureLoaded(null), StringComparison.Ordinal);
    }
}
