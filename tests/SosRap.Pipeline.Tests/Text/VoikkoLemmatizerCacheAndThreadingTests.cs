using System.Collections.Concurrent;
using SosRap.Pipeline.Text;
using SosRap.Pipeline.Text.Voikko;

namespace SosRap.Pipeline.Tests.Text;

public sealed class VoikkoLemmatizerCacheAndThreadingTests
{
    // Inflected forms, compounds, unknown words and typos: every path of the lemmatizer.
    private static readonly string[] Words =
    [
        "asunnottomuus", "asunnottomuudesta", "toimeentulotukipäätöksestä", "päätöksiä", "kaupungeissa", "lapsiperheiden",
        "vuokravakuuksia", "maksetaan", "haettiin", "tehty", "koskevien", "myöntämällä", "tekemisestä", "suuremman",
        "nopeasti", "sinne", "me", "niiden", "en", "kuin", "Kelan", "THL:n", "HYTE-ryhmälle", "TE-toimistoon",
        "kasittely", "sosiaalityontekijan", "Kalymnokselle", "mä", "hakemukssen", "Kainuussa", "Kajaanin",
        "Suomussalmella", "bussilinja", "lakkautettiin", "odottavat", "kahdeksan", "viikkoa", "ilmiöraportti",
        "rakenteellisen", "sosiaalityön", "hyvinvointialueen", "perusturvaan", "leikkaukset", "asumistuki",
        "velkaneuvonta", "päihdepalveluihin", "jonottaminen", "mielenterveyspalvelujen", "saatavuus", "heikentynyt",
    ];

    [Fact]
    public void Repeated_word_comes_from_the_cache_without_allocating()
    {
        using var lemmatizer = new VoikkoLemmatizer(new VoikkoOptions { CacheCapacity = 1000 });
        var first = lemmatizer.Analyze("toimeentulotukipäätöksestä");
        Assert.Equal(1, lemmatizer.CachedWordCount);

        var word = "toimeentulotukipäätöksestä".AsSpan();
        WordAnalysis? again = null;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            again = lemmatizer.Analyze(word);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Same(first, again);
        Assert.Equal(0, allocated);
        Assert.Equal(1, lemmatizer.CachedWordCount);
    }

    [Fact]
    public void Cache_stays_within_its_capacity_and_can_be_cleared()
    {
        using var lemmatizer = new VoikkoLemmatizer(new VoikkoOptions { CacheCapacity = 10 });
        foreach (var word in Words)
        {
            lemmatizer.Analyze(word);
        }

        Assert.InRange(lemmatizer.CachedWordCount, 1, 10);
        lemmatizer.ClearCache();
        Assert.Equal(0, lemmatizer.CachedWordCount);
    }

    [Fact]
    public void Without_cache_results_are_the_same_as_with_it()
    {
        using var cached = new VoikkoLemmatizer(new VoikkoOptions { CacheCapacity = 1000 });
        using var uncached = new VoikkoLemmatizer(new VoikkoOptions { CacheCapacity = 0 });
        foreach (var word in Words)
        {
            Assert.Equal(uncached.Analyze(word), cached.Analyze(word), WordAnalysisComparer.Instance);
        }

        Assert.Equal(0, uncached.CachedWordCount);
    }

    [Fact]
    public void Eight_threads_get_the_same_results_as_one()
    {
        using var reference = new VoikkoLemmatizer(new VoikkoOptions { CacheCapacity = 0, MaxHandles = 1 });
        var expected = Words.Select(w => reference.Analyze(w)).ToArray();

        // No cache, fewer handles than threads: every call goes to Voikko and threads wait for handles.
        using var shared = new VoikkoLemmatizer(new VoikkoOptions { CacheCapacity = 0, MaxHandles = 3 });
        var mismatches = new ConcurrentBag<string>();
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            for (var round = 0; round < 5; round++)
            {
                for (var k = 0; k < Words.Length; k++)
                {
                    var i = (k * 7 + t + round) % Words.Length; // a different order on every thread
                    var actual = shared.Analyze(Words[i]);
                    if (!WordAnalysisComparer.Instance.Equals(expected[i], actual))
                    {
                        mismatches.Add($"{Words[i]}: {actual.Lemma} ≠ {expected[i].Lemma}");
                    }
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(mismatches);
        Assert.InRange(shared.OpenHandles, 1, 3);
    }

    [Fact]
    public void Missing_dictionary_is_a_clear_error_naming_the_packages()
    {
        var empty = Directory.CreateTempSubdirectory("sosrap-no-voikko-");
        try
        {
            var e = Assert.Throws<VoikkoUnavailableException>(() => new VoikkoLemmatizer(new VoikkoOptions { DictionaryPath = empty.FullName }));
            Assert.Contains(empty.FullName, e.Message, StringComparison.Ordinal);
            Assert.Contains("voikko-fi", e.Message, StringComparison.Ordinal);
            Assert.Contains("libvoikko1", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void Dictionary_directory_is_found_from_any_level()
    {
        using var fromRoot = new VoikkoLemmatizer(new VoikkoOptions { DictionaryPath = "/usr/lib/voikko", CacheCapacity = 0 });
        using var fromVariant = new VoikkoLemmatizer(new VoikkoOptions { DictionaryPath = "/usr/lib/voikko/5/mor-standard", CacheCapacity = 0 });
        Assert.Equal("/usr/lib/voikko", fromVariant.DictionaryDirectory);
        Assert.Equal("talo", fromVariant.Analyze("taloissa").Lemma);
    }

    [Fact]
    public void Invalid_options_are_rejected_once_at_construction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new VoikkoLemmatizer(new VoikkoOptions { MaxHandles = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VoikkoLemmatizer(new VoikkoOptions { CacheCapacity = -1 }));
        Assert.Throws<ArgumentException>(() => new VoikkoLemmatizer(new VoikkoOptions { Language = " " }));
    }

    private sealed class WordAnalysisComparer : IEqualityComparer<WordAnalysis>
    {
        public static readonly WordAnalysisComparer Instance = new();

        public bool Equals(WordAnalysis? x, WordAnalysis? y) =>
            x is not null && y is not null && x.Lemma == y.Lemma && x.Source == y.Source && x.WordClass == y.WordClass
            && x.CompoundParts.SequenceEqual(y.CompoundParts);

        public int GetHashCode(WordAnalysis obj) => obj.Lemma.GetHashCode(StringComparison.Ordinal);
    }
}
