using System.Text;

namespace SosRap.Pipeline.Text.Voikko;

/// <summary>
/// Reads Voikko's FSTOUTPUT (e.g. <c>[Lt][Xp]tehdä[X]teh[Ll][Rt][Xj]ty[X]ty[Sn][Ny]</c>) to derive the
/// lemmas that BASEFORM does not give: the verb under a participle or a MINEN-infinitive, and the
/// surface form without clitics. Tags are <c>[..]</c>; <c>[Xp]base[X]</c>/<c>[Xj]suffix[X]</c> carry a
/// morpheme's base form, <c>[Xr]…[X]</c>/<c>[Xs]…[X]</c> carry annotations; all other characters are
/// the surface form. The base form rule mirrors libvoikko's <c>FinnishVfstAnalyzer::parseBaseform</c>:
/// surface characters up to the last <c>[Xp]</c>/<c>[Xj]</c>, then that block's base.
/// </summary>
internal static class FstOutput
{
    /// <summary>
    /// The verb a participle was derived from (<c>tehty</c> → <c>tehdä</c>, <c>luokitteleva</c> →
    /// <c>luokitella</c>), or <see langword="null"/> when <paramref name="fst"/> has no participle tag.
    /// </summary>
    public static string? ParticipleVerb(string fst)
    {
        var r = LastIndexOfTagStart(fst, 'R', fst.Length);
        if (r < 0)
        {
            return null;
        }

        // Cut at the class tag that starts the participle ([Ll] or, for agent participles, [Ln]).
        var cut = LastIndexOfTagStart(fst, 'L', r);
        if (cut <= 0)
        {
            return null;
        }

        return BaseForm(fst.AsSpan(0, cut));
    }

    /// <summary>
    /// The noun lemma of a MINEN-infinitive (<c>tekemisestään</c> → <c>tekeminen</c>): the surface stem
    /// before the <c>[Tn4]</c> tag plus <c>minen</c>; <see langword="null"/> when there is no such tag.
    /// </summary>
    public static string? MinenNoun(string fst)
    {
        var t = fst.IndexOf("[Tn4]", StringComparison.Ordinal);
        if (t <= 0)
        {
            return null;
        }

        var stem = Surface(fst.AsSpan(0, t));
        return stem.Length == 0 ? null : stem + "minen";
    }

    /// <summary>Number of surface characters before the first occurrence of <paramref name="tag"/>, or -1.</summary>
    public static int SurfaceLengthBefore(string fst, string tag)
    {
        var t = fst.IndexOf(tag, StringComparison.Ordinal);
        return t < 0 ? -1 : Surface(fst.AsSpan(0, t)).Length;
    }

    /// <summary>Base form of a (possibly truncated) FST output, lower-case.</summary>
    internal static string? BaseForm(ReadOnlySpan<char> fst)
    {
        var sb = new StringBuilder(fst.Length);
        var lastBaseStart = -1;
        var lastBase = ReadOnlySpan<char>.Empty;
        for (var i = 0; i < fst.Length; i++)
        {
            var c = fst[i];
            if (c != '[')
            {
                sb.Append(c);
                continue;
            }

            var close = fst[i..].IndexOf(']');
            if (close < 0)
            {
                return null;
            }

            var tag = fst.Slice(i + 1, close - 1);
            i += close;
            if (tag is "Xp" or "Xj" or "Xr" or "Xs")
            {
                var end = fst[(i + 1)..].IndexOf("[X]");
                if (end < 0)
                {
                    return null;
                }

                if (tag is "Xp" or "Xj")
                {
                    lastBaseStart = sb.Length;
                    lastBase = fst.Slice(i + 1, end);
                }

                i += end + 3;
            }
        }

        if (lastBaseStart >= 0)
        {
            sb.Length = lastBaseStart;
            foreach (var c in lastBase)
            {
                if (c != '=')
                {
                    sb.Append(c);
                }
            }
        }

        return sb.Length == 0 ? null : sb.ToString().ToLowerInvariant();
    }

    /// <summary>Surface characters: everything outside tags and outside <c>[X?]…[X]</c> blocks.</summary>
    internal static string Surface(ReadOnlySpan<char> fst)
    {
        var sb = new StringBuilder(fst.Length);
        for (var i = 0; i < fst.Length; i++)
        {
            var c = fst[i];
            if (c != '[')
            {
                sb.Append(c);
                continue;
            }

            var close = fst[i..].IndexOf(']');
            if (close < 0)
            {
                break;
            }

            var tag = fst.Slice(i + 1, close - 1);
            i += close;
            if (tag.Length == 2 && tag[0] == 'X')
            {
                var end = fst[(i + 1)..].IndexOf("[X]");
                if (end < 0)
                {
                    break;
                }

                i += end + 3;
            }
        }

        return sb.ToString();
    }

    private static int LastIndexOfTagStart(string fst, char letter, int before)
    {
        for (var i = before - 2; i >= 0; i--)
        {
            if (fst[i] == '[' && fst[i + 1] == letter)
            {
                return i;
            }
        }

        return -1;
    }
}
