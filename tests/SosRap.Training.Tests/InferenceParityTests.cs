using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Embeddings.Encoder;
using SosRap.Pipeline.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace SosRap.Training.Tests;

/// <summary>
/// The C# inference (<see cref="EncoderEmbedder"/>, through the saved file) against torch's forward
/// pass of the same network on the same reports: the two must agree to ~1e-5.
/// </summary>
public sealed class InferenceParityTests(TrainingData data) : IClassFixture<TrainingData>
{
    public static TheoryData<string> Shapes => ["projection+tanh, idf, mean", "projection, uniform, sqrt-n", "no projection, no parts, idf, mean"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Csharp_inference_matches_the_torch_forward_pass(string shape)
    {
        var options = Options(shape);
        var corpus = data.Documents.Take(120).ToList();
        var features = EncoderFeatures.Build(corpus.Select(d => new AnalyzedText(d.Terms)), options.Features);
        torch.manual_seed(11);
        using var network = new EncoderNetwork(features.RowCount, options.RowWidth, options.Dimension, options.Projection, options.Activation,
            data.CategoryIds.Count, options.InitScale);
        Perturb(network);

        // Reports the features were built on, reports they were not (unseen words, only n-grams) and a typo-ridden text.
        var typos = data.Analyzer.Analyze("Toimeentulotukipäätöksn käsitelyajat pitenevät ja vuokravakudet jäävät maksamata.");
        var queries = data.Documents.Skip(100).Take(60).Append(new TrainingDocument("typos", typos.Terms, [])).ToList();
        Assert.Contains(queries, q => q.Id == "typos" && q.Terms.Count > 0);

        float[] expected;
        using (no_grad())
        {
            var batch = BatchBuilder.Build(features, queries, null, null);
            expected = network.forward(batch.Indices, batch.Offsets, batch.Weights).data<float>().ToArray();
        }

        var model = EncoderTrainer.ToModel(network, features, options, data.CategoryIds);
        using var dir = new TempFolder();
        await EncoderFile.SaveAsync(model, dir.File(EncoderFile.FileName), TestContext.Current.CancellationToken);
        var embedder = await EncoderEmbedder.LoadAsync(dir.Path, TestContext.Current.CancellationToken);

        var d = options.Dimension;
        var actual = new float[d];
        var compared = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            var embedded = embedder.TryEmbed("", new AnalyzedText(queries[i].Terms), actual);
            var row = expected.AsSpan(i * d, d);
            if (!embedded)
            {
                // No known row: torch's bag is empty as well.
                Assert.Equal(0, features.Featurize(queries[i].Terms, default, new int[features.MaxFeatureCount(queries[i].Terms) + 1], new float[features.MaxFeatureCount(queries[i].Terms) + 1]));
                continue;
            }

            compared++;
            for (var j = 0; j < d; j++) Assert.True(Math.Abs(row[j] - actual[j]) <= 1e-5, $"{queries[i].Id}[{j}]: torch {row[j]}, C# {actual[j]}");
        }

        Assert.True(compared >= 55, $"only {compared} reports were compared");
    }

    private static EncoderTrainingOptions Options(string shape) => shape switch
    {
        "projection+tanh, idf, mean" => new EncoderTrainingOptions
        {
            Dimension = 24, EmbeddingDimension = 32, Activation = EncoderActivation.Tanh,
            Features = new EncoderFeatureOptions { Buckets = 4096, MinCount = 2 },
        },
        "projection, uniform, sqrt-n" => new EncoderTrainingOptions
        {
            Dimension = 16,
            Features = new EncoderFeatureOptions { Buckets = 2048, MinNgram = 2, MaxNgram = 4, TermWeighting = EncoderTermWeighting.Uniform, Pooling = EncoderPooling.SqrtN },
        },
        _ => new EncoderTrainingOptions
        {
            Dimension = 20, Projection = false,
            Features = new EncoderFeatureOptions { Buckets = 1024, CompoundParts = false, MinCount = 1 },
        },
    };

    // Untrained rows are tiny and alike; spread every parameter so a wrong index or weight shows.
    private static void Perturb(EncoderNetwork network)
    {
        using var noGrad = no_grad();
        foreach (var p in network.parameters()) p.add_(randn_like(p) * 0.5);
    }
}
