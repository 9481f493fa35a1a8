namespace SosRap.Pipeline.Text;

/// <summary>Bounded Levenshtein distance for short words.</summary>
internal static class EditDistance
{
    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> differ by at most <paramref name="max"/> edits.</summary>
    public static bool AtMost(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return false;
        }

        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > max)
            {
                return false;
            }

            current.CopyTo(previous);
        }

        return previous[b.Length] <= max;
    }
}
