namespace SosRap.Pipeline.Features;

/// <summary>
/// Character n-grams of a word padded as <c>&lt;word&gt;</c> (as fastText does, so prefixes and
/// suffixes differ from inner n-grams), hashed with 32-bit FNV-1a over the UTF-16 code units.
/// The hash is fixed by this code — never <see cref="string.GetHashCode()"/>, which differs
/// between processes — so a saved model maps the same n-gram to the same bucket forever. For
/// ASCII text it equals FNV-1a of the bytes.
/// </summary>
internal static class CharNgrams
{
    public const char Start = '<';
    public const char End = '>';
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>How many n-grams <see cref="Hash"/> yields for a word of <paramref name="wordLength"/> characters.</summary>
    public static int Count(int wordLength, int minN, int maxN)
    {
        var padded = wordLength + 2;
        var count = 0;
        for (var n = minN; n <= maxN && n <= padded; n++) count += padded - n + 1;
        return count;
    }

    /// <summary>Writes the hash of every n-gram of <c>&lt;word&gt;</c>, shortest first, into <paramref name="hashes"/>; returns how many.</summary>
    public static int Hash(ReadOnlySpan<char> word, int minN, int maxN, Span<uint> hashes)
    {
        var padded = word.Length + 2;
        var k = 0;
        for (var n = minN; n <= maxN && n <= padded; n++)
        {
            for (var start = 0; start + n <= padded; start++)
            {
                var h = OffsetBasis;
                for (var p = start; p < start + n; p++)
                {
                    h ^= At(word, p);
                    h *= Prime;
                }

                hashes[k++] = h;
            }
        }

        return k;
    }

    /// <summary>The n-gram text at a position of the padded word (for naming features).</summary>
    public static string Text(ReadOnlySpan<char> word, int start, int n)
    {
        Span<char> buffer = stackalloc char[n];
        for (var p = 0; p < n; p++) buffer[p] = At(word, start + p);
        return new string(buffer);
    }

    /// <summary>FNV-1a of a string (used by tests to check the bucket of a written-out n-gram).</summary>
    public static uint HashText(ReadOnlySpan<char> text)
    {
        var h = OffsetBasis;
        foreach (var c in text)
        {
            h ^= c;
            h *= Prime;
        }

        return h;
    }

    private static char At(ReadOnlySpan<char> word, int paddedPosition) =>
        paddedPosition == 0 ? Start : paddedPosition == word.Length + 1 ? End : word[paddedPosition - 1];
}
