using System.Runtime.InteropServices;

namespace SosRap.Pipeline.Text.Voikko;

/// <summary>
/// The part of libvoikko's C API that SosRap uses (voikko.h, libvoikko 4.x). Strings go in as
/// NUL-terminated UTF-8 and analysis values come out as UCS-4 (<c>wchar_t</c> is 32 bits on Linux),
/// which libvoikko owns until <see cref="FreeAnalysis"/>: no per-value allocation or free.
/// </summary>
internal static unsafe partial class VoikkoNative
{
    /// <summary>Logical library name; <see cref="VoikkoLibrary"/> resolves it to the real file.</summary>
    public const string LibraryName = "voikko";

    /// <summary>Longest word libvoikko analyses (LIBVOIKKO_MAX_WORD_CHARS).</summary>
    public const int MaxWordChars = 255;

    /// <summary>VOIKKO_SPELL_OK.</summary>
    public const int SpellOk = 1;

    [LibraryImport(LibraryName, EntryPoint = "voikkoInit")]
    public static partial VoikkoHandle Init(out nint error, byte* langCode, byte* path);

    [LibraryImport(LibraryName, EntryPoint = "voikkoTerminate")]
    public static partial void Terminate(nint handle);

    [LibraryImport(LibraryName, EntryPoint = "voikkoSetBooleanOption")]
    public static partial int SetBooleanOption(VoikkoHandle handle, int option, int value);

    [LibraryImport(LibraryName, EntryPoint = "voikkoAnalyzeWordCstr")]
    public static partial nint** AnalyzeWord(VoikkoHandle handle, byte* word);

    [LibraryImport(LibraryName, EntryPoint = "voikko_free_mor_analysis")]
    public static partial void FreeAnalysis(nint** analysis);

    [LibraryImport(LibraryName, EntryPoint = "voikko_mor_analysis_value_ucs4")]
    public static partial int* AnalysisValue(nint* analysis, byte* key);

    [LibraryImport(LibraryName, EntryPoint = "voikkoSpellCstr")]
    public static partial int Spell(VoikkoHandle handle, byte* word);

    [LibraryImport(LibraryName, EntryPoint = "voikkoSuggestCstr")]
    public static partial byte** Suggest(VoikkoHandle handle, byte* word);

    [LibraryImport(LibraryName, EntryPoint = "voikkoFreeCstrArray")]
    public static partial void FreeCstrArray(byte** array);

    [LibraryImport(LibraryName, EntryPoint = "voikkoGetVersion")]
    public static partial byte* GetVersion();
}
