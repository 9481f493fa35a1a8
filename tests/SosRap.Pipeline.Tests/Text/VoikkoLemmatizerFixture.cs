using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Tests.Text;

/// <summary>One real Voikko lemmatizer shared by the tests of a class (opening one loads the dictionary).</summary>
public sealed class VoikkoLemmatizerFixture : IDisposable
{
    public VoikkoLemmatizer Lemmatizer { get; } = new();

    public void Dispose() => Lemmatizer.Dispose();
}
