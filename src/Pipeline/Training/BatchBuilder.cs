using System.Buffers;
using SosRap.Pipeline.Embeddings.Encoder;
using static TorchSharp.torch;

namespace SosRap.Training;

/// <summary>EmbeddingBag inputs for a batch of reports: flat rows, bag offsets and per-row weights from <see cref="EncoderFeatures.Featurize"/>.</summary>
internal sealed record BatchBuilder(Tensor Indices, Tensor Offsets, Tensor Weights, bool[] Empty)
{
    /// <summary>
    /// Builds the bags. With a <paramref name="random"/> source each term is left out with probability
    /// <paramref name="dropout"/> (a training view); a view that would keep no known term keeps them all.
    /// </summary>
    public static BatchBuilder Build(EncoderFeatures features, IReadOnlyList<TrainingDocument> documents, Random? random, double? dropout)
    {
        var indices = new List<long>();
        var weights = new List<float>();
        var offsets = new long[documents.Count];
        var empty = new bool[documents.Count];
        for (var i = 0; i < documents.Count; i++)
        {
            offsets[i] = indices.Count;
            var terms = documents[i].Terms;
            var bound = features.MaxFeatureCount(terms);
            var rows = ArrayPool<int>.Shared.Rent(Math.Max(1, bound));
            var w = ArrayPool<float>.Shared.Rent(Math.Max(1, bound));
            try
            {
                var count = 0;
                if (random is not null && dropout is > 0)
                {
                    var keep = new bool[terms.Count];
                    for (var t = 0; t < keep.Length; t++) keep[t] = random.NextDouble() >= dropout.Value;
                    count = features.Featurize(terms, keep, rows, w);
                }

                if (count == 0) count = features.Featurize(terms, default, rows, w);
                empty[i] = count == 0;
                for (var k = 0; k < count; k++)
                {
                    indices.Add(rows[k]);
                    weights.Add(w[k]);
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(rows);
                ArrayPool<float>.Shared.Return(w);
            }
        }

        return new BatchBuilder(tensor(indices.ToArray()), tensor(offsets), tensor(weights.ToArray()), empty);
    }
}
