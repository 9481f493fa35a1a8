namespace SosRap.Pipeline.IO;

/// <summary>Truncation that never splits a surrogate pair.</summary>
internal static class TextLimits
{
    public static string Cut(string value, int maxLength)
    {
        if (value.Length <= maxLength) return value;
        var cut = maxLength;
        if (char.IsHighSurrogate(value[cut - 1])) cut--;
        return value[..cut];
    }
}
