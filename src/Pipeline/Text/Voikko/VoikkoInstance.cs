using System.Collections.Frozen;
using System.Text;

namespace SosRap.Pipeline.Text.Voikko;

/// <summary>
/// One initialised Voikko handle. Not thread-safe, by libvoikko's contract: it is only ever used by
/// the thread that rented it from <see cref="VoikkoPool"/>.
/// </summary>
internal sealed unsafe class VoikkoInstance : IDisposable
{
    // Closed-set attribute values are interned so that an analysis allocates only its open-set strings.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownValues = new[]
    {
        "nimisana", "laatusana", "nimisana_laatusana", "huudahdussana", "etunimi", "sukunimi", "paikannimi", "nimi",
        "teonsana", "lyhenne", "seikkasana", "lukusana", "asemosana", "sidesana", "suhdesana", "kieltosana", "etuliite",
        "nimento", "omanto", "osanto", "olento", "tulento", "sisaolento", "sisaeronto", "sisatulento", "ulkoolento",
        "ulkoeronto", "ulkotulento", "vajanto", "seuranto", "keinonto", "kerrontosti", "kohdanto",
        "positive", "comparative", "superlative",
        "A-infinitive", "E-infinitive", "MA-infinitive", "MINEN-infinitive", "MAINEN-infinitive", "indicative",
        "conditional", "imperative", "potential", "singular", "plural",
        "present_active", "present_passive", "past_active", "past_passive", "agent", "negation",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly VoikkoHandle _handle;

    private VoikkoInstance(VoikkoHandle handle) => _handle = handle;

    /// <summary>Opens a handle on the Finnish dictionary in <paramref name="dictionaryDirectory"/>.</summary>
    /// <exception cref="VoikkoUnavailableException">libvoikko refused to initialise.</exception>
    public static VoikkoInstance Open(string language, string dictionaryDirectory)
    {
        Span<byte> lang = stackalloc byte[64];
        var path = new byte[Encoding.UTF8.GetByteCount(dictionaryDirectory) + 1];
        Encoding.UTF8.GetBytes(dictionaryDirectory, path);
        var langLength = Encoding.UTF8.GetBytes(language.AsSpan(0, Math.Min(language.Length, 60)), lang);
        lang[langLength] = 0;
        VoikkoHandle handle;
        nint error;
        fixed (byte* l = lang)
        fixed (byte* p = path)
        {
            handle = VoikkoNative.Init(out error, l, p);
        }

        if (handle.IsInvalid)
        {
            handle.Dispose();
            // The error string is static inside libvoikko: read, never freed.
            var reason = error == nint.Zero ? "unknown error" : new string((sbyte*)error);
            throw new VoikkoUnavailableException(
                $"Voikko could not open a '{language}' dictionary from '{dictionaryDirectory}': {reason}. {VoikkoUnavailableException.InstallHint}");
        }

        // Both default to true already; set explicitly because the lemmatizer relies on them
        // (sentence-initial capitals and all-caps headings must still be analysed).
        VoikkoNative.SetBooleanOption(handle, 6, 1); // VOIKKO_OPT_ACCEPT_FIRST_UPPERCASE
        VoikkoNative.SetBooleanOption(handle, 7, 1); // VOIKKO_OPT_ACCEPT_ALL_UPPERCASE
        return new VoikkoInstance(handle);
    }

    /// <summary>Appends Voikko's analyses of <paramref name="word"/> to <paramref name="results"/>, in Voikko's order.</summary>
    public void Analyze(ReadOnlySpan<char> word, List<MorphAnalysis> results)
    {
        if (word.IsEmpty || word.Length > VoikkoNative.MaxWordChars)
        {
            return;
        }

        Span<byte> utf8 = stackalloc byte[(VoikkoNative.MaxWordChars * 3) + 1];
        if (!TryEncode(word, utf8))
        {
            return;
        }

        nint** list;
        fixed (byte* w = utf8)
        {
            list = VoikkoNative.AnalyzeWord(_handle, w);
        }

        if (list == null)
        {
            return;
        }

        try
        {
            for (var i = 0; list[i] != null; i++)
            {
                var a = list[i];
                results.Add(new MorphAnalysis(
                    BaseForm: Value(a, "BASEFORM\0"u8, intern: false),
                    Class: Value(a, "CLASS\0"u8, intern: true),
                    Structure: Value(a, "STRUCTURE\0"u8, intern: false),
                    WordBases: Value(a, "WORDBASES\0"u8, intern: false),
                    FstOutput: Value(a, "FSTOUTPUT\0"u8, intern: false),
                    Case: Value(a, "SIJAMUOTO\0"u8, intern: true),
                    Participle: Value(a, "PARTICIPLE\0"u8, intern: true),
                    Comparison: Value(a, "COMPARISON\0"u8, intern: true),
                    Mood: Value(a, "MOOD\0"u8, intern: true),
                    Number: Value(a, "NUMBER\0"u8, intern: true)));
            }
        }
        finally
        {
            VoikkoNative.FreeAnalysis(list);
        }
    }

    /// <summary>Whether Voikko accepts <paramref name="word"/> as correctly spelled.</summary>
    public bool Spell(ReadOnlySpan<char> word)
    {
        Span<byte> utf8 = stackalloc byte[(VoikkoNative.MaxWordChars * 3) + 1];
        if (word.IsEmpty || word.Length > VoikkoNative.MaxWordChars || !TryEncode(word, utf8))
        {
            return false;
        }

        fixed (byte* w = utf8)
        {
            return VoikkoNative.Spell(_handle, w) == VoikkoNative.SpellOk;
        }
    }

    /// <summary>Voikko's spelling suggestions for <paramref name="word"/>, best first (possibly none).</summary>
    public List<string> Suggest(ReadOnlySpan<char> word)
    {
        var suggestions = new List<string>();
        Span<byte> utf8 = stackalloc byte[(VoikkoNative.MaxWordChars * 3) + 1];
        if (word.IsEmpty || word.Length > VoikkoNative.MaxWordChars || !TryEncode(word, utf8))
        {
            return suggestions;
        }

        byte** array;
        fixed (byte* w = utf8)
        {
            array = VoikkoNative.Suggest(_handle, w);
        }

        if (array == null)
        {
            return suggestions;
        }

        try
        {
            for (var i = 0; array[i] != null; i++)
            {
                suggestions.Add(new string((sbyte*)array[i], 0, StrLen(array[i]), Encoding.UTF8));
            }
        }
        finally
        {
            VoikkoNative.FreeCstrArray(array);
        }

        return suggestions;
    }

    public void Dispose() => _handle.Dispose();

    private static bool TryEncode(ReadOnlySpan<char> word, Span<byte> utf8)
    {
        if (!Encoding.UTF8.TryGetBytes(word, utf8[..^1], out var length) || utf8[..length].Contains((byte)0))
        {
            return false;
        }

        utf8[length] = 0;
        return true;
    }

    private static int StrLen(byte* s)
    {
        var n = 0;
        while (s[n] != 0)
        {
            n++;
        }

        return n;
    }

    private static string? Value(nint* analysis, ReadOnlySpan<byte> key, bool intern)
    {
        int* value;
        fixed (byte* k = key)
        {
            value = VoikkoNative.AnalysisValue(analysis, k);
        }

        if (value == null)
        {
            return null;
        }

        var length = 0;
        while (value[length] != 0)
        {
            length++;
        }

        // UCS-4 to UTF-16: FSTOUTPUT may be a few hundred code points, so rent above the stack limit.
        Span<char> chars = length <= 256 ? stackalloc char[512] : new char[length * 2];
        var n = 0;
        for (var i = 0; i < length; i++)
        {
            var rune = Rune.TryCreate(value[i], out var r) ? r : Rune.ReplacementChar;
            n += rune.EncodeToUtf16(chars[n..]);
        }

        var text = chars[..n];
        return intern && KnownValues.TryGetValue(text, out var known) ? known : text.ToString();
    }
}
