using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace SosRap.Pipeline.Clustering;

/// <summary>One ML.NET <c>KMeansTrainer</c> fit (k-means++ initialisation, one thread, seeded through the <c>MLContext</c>).</summary>
internal static class MlNetKMeans
{
    /// <summary>Fits k clusters to the rows and returns a cluster per row, 0 … k−1.</summary>
    public static int[] Fit(float[] vectors, int count, int dimension, int k, int seed, int maxIterations, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        var rows = new Row[count];
        for (var i = 0; i < count; i++) rows[i] = new Row { Features = vectors.AsSpan(i * dimension, dimension).ToArray() };
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            NumberOfClusters = k,
            FeatureColumnName = nameof(Row.Features),
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            MaximumNumberOfIterations = maxIterations,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(data);
        // ML.NET's predicted label is the 1-based cluster index.
        return ml.Data.CreateEnumerable<Prediction>(model.Transform(data), reuseRowObject: false).Select(p => (int)p.PredictedLabel - 1).ToArray();
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
    }

    private sealed class Prediction
    {
        public uint PredictedLabel { get; set; }
    }
}
