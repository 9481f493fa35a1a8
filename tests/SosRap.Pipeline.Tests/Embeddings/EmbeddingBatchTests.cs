using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Tests.Text;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Tests.Embeddings;

public sealed class EmbeddingBatchTests(VoikkoLemmatizerFixture fixture) : IClassFixture<VoikkoLemmatizerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TextAnalyzer _analyzer = new(new FinnishTokenizer(), fixture.Lemmatizer, Stopwords.Default);

    private static readonly string[] Sentences =
    [
        "Vuokravakuuksia ei myönnetä, ja asiakkaat jäävät ilman asuntoa.",
        "Bussivuoroja on karsittu, joten asiointi kaupungissa vaikeutuu.",
        "Kelan toimeentulotukipäätökset viipyvät yli seitsemän arkipäivää.",
        "Nuoret jäävät ilman opiskelupaikkaa eikä ohjaamo tavoita kaikkia.",
        "Omaishoitajat uupuvat, kun lyhytaikaishoitoa ei ole saatavilla.",
    ];

    [Fact]
    public void Embeds_every_text_in_input_order_as_single_calls_would()
    {
        var texts = Enumerable.Range(0, 300).Select(i => Sentences[i % Sentences.Length] + (i % 7 == 0 ? " Lisäksi ulosotto." : "")).ToList();
        texts[5] = "";
        texts[6] = "!!! 123";
        var lsa = new LsaEstimator(new LsaOptions { Dimension = 4 }).Fit(EmbeddingBatch.AnalyzeAll(_analyzer, texts, cancellationToken: Ct), cancellationToken: Ct);
        var reports = new List<int>();
        var batch = EmbeddingBatch.EmbedAll(lsa, _analyzer, texts, new SyncProgress(reports), Ct);

        Assert.Equal(texts.Count, batch.Count);
        Assert.Equal(lsa.Dimension, batch.Dimension);
        Assert.Equal(texts.Count * lsa.Dimension, batch.Vectors.Length);
        var single = new float[lsa.Dimension];
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(lsa.TryEmbed(texts[i], _analyzer.Analyze(texts[i]), single), batch.IsEmbedded(i));
            Assert.Equal(single, batch.Row(i).ToArray());
        }

        Assert.False(batch.IsEmbedded(5));
        Assert.False(batch.IsEmbedded(6));
        Assert.Equal(texts.Count - 2, batch.EmbeddedCount);
        Assert.Equal(texts.Count, reports[^1]);
        Assert.Equal(reports.Order(), reports);
    }

    [Fact]
    public void Analysing_a_stream_keeps_the_order_across_blocks()
    {
        var texts = Enumerable.Range(0, 50).Select(i => Sentences[i % Sentences.Length]).ToList();
        var streamed = EmbeddingBatch.AnalyzeStream(_analyzer, texts, blockSize: 7, cancellationToken: Ct).ToList();
        Assert.Equal(texts.Count, streamed.Count);
        for (var i = 0; i < texts.Count; i++) Assert.Equal(_analyzer.Analyze(texts[i]).Lemmas, streamed[i].Lemmas);
    }

    [Fact]
    public void Cancellation_stops_the_batch()
    {
        var texts = Enumerable.Repeat(Sentences[0], 1000).ToList();
        var lsa = new LsaEstimator(new LsaOptions { Dimension = 2 }).Fit(EmbeddingBatch.AnalyzeAll(_analyzer, Sentences, cancellationToken: Ct), cancellationToken: Ct);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => EmbeddingBatch.EmbedAll(lsa, _analyzer, texts, cancellationToken: cts.Token));
    }

    private sealed class SyncProgress(List<int> reports) : IProgress<int>
    {
        private readonly Lock _gate = new();

        public void Report(int value)
        {
            lock (_gate) reports.Add(value);
        }
    }
}
