using System.Numerics.Tensors;
using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Features;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Clustering;

/// <summary>
/// The default representation stage: tf-idf over lemmas, compound parts and n-grams of unknown
/// words, optionally re-weighted per feature, then LSA to a few dimensions (few dimensions cluster
/// better than many: docs/QUALITY.md), rows L2-normalised so Euclidean k-means works on cosine.
/// </summary>
internal static class LsaRepresentation
{
    /// <summary>Unit rows (count × dimension), whether each text got a vector, and the dimension.</summary>
    public static (float[] Vectors, bool[] Embedded, int Dimension) Embed(IReadOnlyList<AnalyzedText> analyses, int dimension, int seed,
        Func<string, FeatureKind, float>? featureWeight, CancellationToken cancellationToken)
    {
        var featurized = new TfidfEstimator().FitTransform(analyses, cancellationToken: cancellationToken);
        var matrix = featurized.Vectors;
        if (featureWeight is not null)
        {
            var vocabulary = featurized.Model.Vocabulary;
            var weights = new float[vocabulary.Count];
            for (var t = 0; t < weights.Length; t++) weights[t] = featureWeight(vocabulary.Term(t), vocabulary.Kind(t));
            var values = matrix.Values.ToArray();
            var columns = matrix.ColumnIndices;
            for (var e = 0; e < values.Length; e++) values[e] *= weights[columns[e]];
            matrix = new SparseMatrix(matrix.RowCount, matrix.ColumnCount, matrix.RowPointers.ToArray(), columns.ToArray(), values);
        }

        var embedded = new bool[analyses.Count];
        if (matrix.NonZeroCount == 0) return (new float[analyses.Count * 1], embedded, 1);
        var lsa = new LsaEstimator(new LsaOptions { Dimension = dimension, Svd = new RandomizedSvdOptions { Seed = seed } })
            .Fit(new FeaturizedCorpus(featurized.Model, matrix), cancellationToken: cancellationToken);
        var d = lsa.Dimension;
        var vectors = new float[analyses.Count * d];
        for (var i = 0; i < analyses.Count; i++)
        {
            var row = vectors.AsSpan(i * d, d);
            if (!lsa.TryEmbed(matrix.RowIndices(i), matrix.RowValues(i), row)) continue;
            var norm = TensorPrimitives.Norm(row);
            if (!(norm > 1e-12f))
            {
                row.Clear();
                continue;
            }

            TensorPrimitives.Divide(row, norm, row);
            embedded[i] = true;
        }

        return (vectors, embedded, d);
    }
}
