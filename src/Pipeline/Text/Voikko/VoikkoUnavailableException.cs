namespace SosRap.Pipeline.Text.Voikko;

/// <summary>
/// The Voikko library or its Finnish dictionary is missing or unusable. The message says what was
/// looked for and which Debian packages provide it.
/// </summary>
public sealed class VoikkoUnavailableException : Exception
{
    /// <summary>Debian packages that provide Voikko and its Finnish morphology.</summary>
    public const string DebianPackages = "libvoikko1 voikko-fi";

    public VoikkoUnavailableException()
        : this("Voikko is not available.")
    {
    }

    public VoikkoUnavailableException(string message)
        : base(message)
    {
    }

    public VoikkoUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static string InstallHint =>
        $"Install the Debian packages {DebianPackages} (scripts/setup.sh does it: apt-get install -y {DebianPackages}).";
}
