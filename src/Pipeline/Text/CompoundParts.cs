using SosRap.Pipeline.Text.Voikko;

namespace SosRap.Pipeline.Text;

/// <summary>
/// Splits a compound into the base forms of its parts from Voikko's compound boundaries (<c>[Bc]</c> in
/// FSTOUTPUT), and adds the two-or-more-part sub-compounds at either end, which are often the useful
/// search terms: <c>toimeentulotukipäätös</c> → <c>toimeentulo</c>, <c>tuki</c>, <c>päätös</c>,
/// <c>toimeentulotuki</c>, <c>tukipäätös</c>. Lexicalised compounds inside a part
/// (<c>toimeen=tulo</c>) are not split further.
/// </summary>
internal static class CompoundParts
{
    public static IReadOnlyList<string> Of(MorphAnalysis analysis, string lemma)
    {
        var fst = analysis.FstOutput;
        if (fst is null || !fst.Contains("[Bc]", StringComparison.Ordinal))
        {
            return [];
        }

        var chunks = fst.Split("[Bc]");
        var surfaces = new string[chunks.Length];
        var bases = new string[chunks.Length];
        for (var i = 0; i < chunks.Length; i++)
        {
            surfaces[i] = FstOutput.Surface(chunks[i]).TrimEnd('-');
            bases[i] = (FstOutput.BaseForm(chunks[i]) ?? surfaces[i]).TrimEnd('-');
            if (bases[i].Length == 0)
            {
                return [];
            }
        }

        // The last part's base form is what is left of the chosen lemma after the other parts'
        // surface forms, so that rules applied to the whole word (participle → verb) carry over.
        var prefixLength = 0;
        var lower = lemma.ToLowerInvariant();
        for (var i = 0; i < chunks.Length - 1; i++)
        {
            var s = surfaces[i].ToLowerInvariant();
            if (string.CompareOrdinal(lower, prefixLength, s, 0, s.Length) != 0)
            {
                prefixLength = -1;
                break;
            }

            prefixLength += s.Length;
            if (prefixLength < lower.Length && lower[prefixLength] == '-')
            {
                prefixLength++;
            }
        }

        var n = chunks.Length;
        if (prefixLength > 0 && prefixLength < lower.Length)
        {
            bases[n - 1] = lower[prefixLength..];
        }

        var parts = new List<string>(2 * n);
        foreach (var b in bases)
        {
            AddDistinct(parts, b);
        }

        for (var k = 2; k < n; k++)
        {
            // Leading k parts: surfaces of the first k-1 parts + base of part k (toimeentulo|tuki).
            AddDistinct(parts, string.Concat(string.Concat(surfaces[..(k - 1)]), bases[k - 1]));

            // Trailing parts from k on (tuki|päätös).
            AddDistinct(parts, string.Concat(string.Concat(surfaces[(n - k)..(n - 1)]), bases[n - 1]));
        }

        return parts;
    }

    private static void AddDistinct(List<string> parts, string part)
    {
        if (part.Length > 0 && !parts.Contains(part, StringComparer.Ordinal))
        {
            parts.Add(part);
        }
    }
}
