using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Suggestions;

/// <summary>
/// Trains the linear backend with ML.NET: one SDCA binary model per category on the sparse tf-idf
/// vectors (a <see cref="VectorDataViewType"/> column sized at run time through a
/// <see cref="SchemaDefinition"/>), then reads weights and bias out of
/// <see cref="LinearBinaryModelParameters"/> so inference needs no MLContext. Single-threaded and
/// seeded, so a training run is reproducible.
/// </summary>
internal static class LinearTrainer
{
    private sealed class Row
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }

    public static LinearSuggester Fit(IReadOnlyList<string> categories, TfidfModel model, IReadOnlyList<SparseVector> vectors,
        IReadOnlyList<int[]> labels, LinearOptions options, int seed, CancellationToken cancellationToken)
    {
        options.Validate();
        var features = model.FeatureCount;
        var ml = new MLContext(seed);
        // ML.NET reports through ml.Log only when someone listens; nothing below Warning is wanted, and warnings are not actionable here.
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        var buffers = new VBuffer<float>[vectors.Count];
        for (var i = 0; i < vectors.Count; i++)
        {
            var v = vectors[i];
            buffers[i] = new VBuffer<float>(features, v.Count, v.Values.ToArray(), v.Indices.ToArray());
        }

        var weights = new float[categories.Count][];
        var bias = new float[categories.Count];
        for (var c = 0; c < categories.Count; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var positives = 0;
            var rows = new Row[vectors.Count];
            for (var i = 0; i < rows.Length; i++)
            {
                var label = Array.IndexOf(labels[i], c) >= 0;
                positives += label ? 1 : 0;
                rows[i] = new Row { Label = label, Features = buffers[i] };
            }

            if (positives == 0 || positives == rows.Length)
            {
                // Nothing to separate: an empty model that scores σ(−10) (no positives) or σ(+10).
                weights[c] = [];
                bias[c] = positives == 0 ? -10f : 10f;
                continue;
            }

            var data = ml.Data.LoadFromEnumerable(rows, schema);
            var parameters = options.Loss == LinearLoss.Hinge
                ? ml.BinaryClassification.Trainers.SdcaNonCalibrated(new SdcaNonCalibratedBinaryTrainer.Options
                {
                    LabelColumnName = nameof(Row.Label),
                    FeatureColumnName = nameof(Row.Features),
                    LossFunction = new HingeLoss(),
                    L2Regularization = options.L2Regularization,
                    MaximumNumberOfIterations = options.MaxIterations,
                    NumberOfThreads = 1,
                    Shuffle = true,
                }).Fit(data).Model
                : ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
                {
                    LabelColumnName = nameof(Row.Label),
                    FeatureColumnName = nameof(Row.Features),
                    L2Regularization = options.L2Regularization,
                    MaximumNumberOfIterations = options.MaxIterations,
                    NumberOfThreads = 1,
                    Shuffle = true,
                }).Fit(data).Model.SubModel;
            weights[c] = ReadWeights(parameters, features);
            bias[c] = parameters.Bias;
        }

        return new LinearSuggester(categories, model, weights, bias);
    }

    private static float[] ReadWeights(LinearBinaryModelParameters parameters, int features)
    {
        var w = new float[features];
        var list = parameters.Weights;
        for (var j = 0; j < Math.Min(features, list.Count); j++) w[j] = list[j];
        return w;
    }
}
