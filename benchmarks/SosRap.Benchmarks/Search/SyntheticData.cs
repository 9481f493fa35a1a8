namespace SosRap.Benchmarks.Search;

/// <summary>Fast seeded data for the BenchmarkDotNet benchmarks (uniform components, xorshift).</summary>
internal static class SyntheticData
{
    public static float[] Uniform(long count, ulong seed)
    {
        var x = new float[count];
        var s = seed | 1;
        for (long i = 0; i < count; i++)
        {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            x[i] = ((int)(s & 1023) - 511.5f) / 512f;
        }
        return x;
    }

    public static string[] Ids(int n) => Enumerable.Range(0, n).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
