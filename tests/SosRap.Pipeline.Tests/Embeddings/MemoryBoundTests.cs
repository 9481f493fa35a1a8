using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Features;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Tests.Embeddings;

/// <summary>Runs alone: it reads the process-wide allocation counter.</summary>
[CollectionDefinition(nameof(AllocationMeasuring), DisableParallelization = true)]
public sealed class AllocationMeasuring;

[Collection(nameof(AllocationMeasuring))]
public sealed class MemoryBoundTests
{
    [Fact]
    public void Fitting_lsa_on_100k_texts_allocates_a_small_fraction_of_a_dense_texts_by_features_matrix()
    {
        const int texts = 100_000;
        const int words = 20_000;
        var random = new Random(31);
        var vocabulary = Enumerable.Range(0, words).Select(i => "s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var corpus = new AnalyzedText[texts];
        for (var i = 0; i < texts; i++)
        {
            // Six words per text from a skewed (roughly Zipfian) distribution, as real vocabularies are.
            var terms = new AnalyzedTerm[6];
            for (var t = 0; t < terms.Length; t++)
            {
                var w = (int)Math.Min(words - 1, Math.Floor(Math.Exp(random.NextDouble() * Math.Log(words))));
                terms[t] = new AnalyzedTerm(vocabulary[w], [], 0, 1, LemmaSource.Dictionary);
            }

            corpus[i] = new AnalyzedText(terms);
        }

        var options = new LsaOptions
        {
            Features = new TfidfOptions { CompoundParts = CompoundPartMode.None, CharNgrams = CharNgramScope.None },
            Dimension = 16,
            Svd = new RandomizedSvdOptions { PowerIterations = 2 },
        };
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var lsa = new LsaEstimator(options).Fit(corpus, cancellationToken: TestContext.Current.CancellationToken);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        var features = lsa.Features.FeatureCount;
        TestContext.Current.TestOutputHelper?.WriteLine($"allocated {allocated / 1e6:N1} MB for {texts:N0} texts × {features:N0} features");
        Assert.InRange(features, words / 2, words);
        Assert.Equal(16, lsa.Dimension);
        long denseBytes = (long)texts * features * sizeof(float);
        // What the algorithm needs: the sparse matrix twice and a few texts × (k + p) and features × (k + p) blocks of doubles.
        long expected = (texts * 6L * 8 * 4) + (4L * (texts + features) * (16 + 10) * sizeof(double));
        Assert.True(allocated < 3 * expected, $"allocated {allocated / 1e6:N0} MB, expected about {expected / 1e6:N0} MB");
        Assert.True(allocated < denseBytes / 20, $"allocated {allocated / 1e6:N0} MB, a dense matrix is {denseBytes / 1e6:N0} MB");
    }
}
