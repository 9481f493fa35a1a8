using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Embeddings.Encoder;
using SosRap.Pipeline.Text;

namespace SosRap.Training.Tests;

/// <summary>Training on a few dozen real sample reports: deterministic for a seed, and it learns.</summary>
public sealed class TrainingTests(TrainingData data) : IClassFixture<TrainingData>
{
    private static EncoderTrainingOptions Tiny(int seed) => new()
    {
        Dimension = 16,
        MaxEpochs = 4,
        BatchSize = 8,
        ValidationFraction = 0.25,
        Patience = 4,
        Seed = seed,
        Features = new EncoderFeatureOptions { Buckets = 2048 },
    };

    [Fact]
    public async Task The_same_seed_gives_a_byte_identical_encoder_and_another_seed_does_not()
    {
        var documents = data.Documents.Take(48).ToList();
        var first = await TrainAndSaveAsync(documents, Tiny(5));
        var second = await TrainAndSaveAsync(documents, Tiny(5));
        var other = await TrainAndSaveAsync(documents, Tiny(6));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Training_selects_an_epoch_on_held_out_reports_and_refits_on_all()
    {
        var documents = data.Documents.Take(48).ToList();
        var result = new EncoderTrainer(Tiny(5)).Train(documents, data.CategoryIds, null, TestContext.Current.CancellationToken);

        Assert.Equal(12, result.ValidationReports); // a quarter of 48 labelled reports
        Assert.Equal(48, result.TrainingReports);
        Assert.InRange(result.BestEpoch, 1, 4);
        Assert.NotNull(result.BestValidation);
        var select = result.History.Where(h => h.Phase == "select").ToList();
        var refit = result.History.Where(h => h.Phase == "refit").ToList();
        Assert.All(select, h => Assert.NotNull(h.Validation));
        Assert.Equal(result.BestEpoch, refit.Count);
        Assert.Equal(result.BestEpoch, select.Single(h => h.Improved && h.Epoch == result.BestEpoch).Epoch);
    }

    [Fact]
    public void Training_lowers_both_losses()
    {
        var options = Tiny(3) with { MaxEpochs = 8, ValidationFraction = 0 };
        var result = new EncoderTrainer(options).Train(data.Documents.Take(64).ToList(), data.CategoryIds, null, TestContext.Current.CancellationToken);
        var first = result.History[0];
        var last = result.History[^1];
        Assert.Equal(8, result.History.Count);
        Assert.True(last.SupervisedLoss < 0.8 * first.SupervisedLoss, $"BCE {first.SupervisedLoss} → {last.SupervisedLoss}");
        Assert.True(last.ContrastiveLoss < 0.8 * first.ContrastiveLoss, $"InfoNCE {first.ContrastiveLoss} → {last.ContrastiveLoss}");
    }

    [Fact]
    public void Training_pulls_reports_of_a_shared_category_together()
    {
        var options = Tiny(2) with { MaxEpochs = 12, ValidationFraction = 0, Dimension = 32 };
        var documents = data.Documents.Take(120).ToList();
        var trained = new EncoderTrainer(options).Train(documents, data.CategoryIds, null, TestContext.Current.CancellationToken).Model;

        var features = EncoderFeatures.Build(documents.Select(d => new AnalyzedText(d.Terms)), options.Features);
        TorchSharp.torch.manual_seed(options.Seed);
        using var network = new EncoderNetwork(features.RowCount, options.RowWidth, options.Dimension, options.Projection, options.Activation,
            data.CategoryIds.Count, options.InitScale);
        var untrained = EncoderTrainer.ToModel(network, features, options, data.CategoryIds);

        var before = Gap(untrained, documents);
        var after = Gap(trained, documents);
        Assert.True(after > before + 0.1, $"mean cosine same category − different category: untrained {before:0.000}, trained {after:0.000}");
    }

    // Mean cosine of report pairs sharing a category minus that of pairs sharing none.
    private static double Gap(EncoderModel model, List<TrainingDocument> documents)
    {
        var embedder = new EncoderEmbedder(model);
        var vectors = documents.Select(d =>
        {
            var z = new float[embedder.Dimension];
            return embedder.TryEmbed("", new AnalyzedText(d.Terms), z) ? z : null;
        }).ToList();
        double same = 0, other = 0;
        int sameCount = 0, otherCount = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            for (var j = i + 1; j < documents.Count; j++)
            {
                if (vectors[i] is not { } a || vectors[j] is not { } b) continue;
                var cosine = a.Zip(b, (x, y) => (double)x * y).Sum();
                if (documents[i].Labels.Intersect(documents[j].Labels).Any())
                {
                    same += cosine;
                    sameCount++;
                }
                else
                {
                    other += cosine;
                    otherCount++;
                }
            }
        }

        return same / sameCount - other / otherCount;
    }

    private async Task<byte[]> TrainAndSaveAsync(List<TrainingDocument> documents, EncoderTrainingOptions options)
    {
        var result = new EncoderTrainer(options).Train(documents, data.CategoryIds, null, TestContext.Current.CancellationToken);
        using var dir = new TempFolder();
        var path = dir.File(EncoderFile.FileName);
        await EncoderFile.SaveAsync(result.Model, path, TestContext.Current.CancellationToken);
        return await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
    }
}
