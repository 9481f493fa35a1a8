using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SosRap.Pipeline.Embeddings.Encoder;
using SosRap.Pipeline.Evaluation;
using SosRap.Pipeline.Text;
using SosRap.Training.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace SosRap.Training;

/// <summary>The result of a training run: the model and how it got there.</summary>
internal sealed record TrainingResult(EncoderModel Model, IReadOnlyList<TrainingProgress> History, int BestEpoch, SuggestionScores? BestValidation,
    int TrainingReports, int ValidationReports, TimeSpan Elapsed);

/// <summary>
/// Trains the encoder with TorchSharp on the CPU. Objectives: multi-label classification over the
/// taxonomy (sigmoid/BCE head on the normalised embedding) for labelled reports, plus InfoNCE between
/// two random term-dropout views of the same report with in-batch negatives for every report
/// (labelled or not), combined with weights. A share of the labelled reports is held out; the epoch
/// with the best held-out kNN F1@3 is kept (early stopping), and by default the model is then trained
/// again on all reports for that many epochs. Deterministic for a seed and thread count.
/// </summary>
internal sealed class EncoderTrainer
{
    private readonly EncoderTrainingOptions _options;

    public EncoderTrainer(EncoderTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validate();
    }

    /// <summary>Trains on <paramref name="documents"/> (labels index <paramref name="categoryIds"/>).</summary>
    /// <exception cref="ArgumentException">There is nothing to train on with the objectives chosen.</exception>
    public TrainingResult Train(IReadOnlyList<TrainingDocument> documents, IReadOnlyList<string> categoryIds, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(categoryIds);
        var usable = documents.Where(d => d.Terms.Count > 0).ToList();
        var labelledCount = usable.Count(d => d.Labelled);
        if (_options.ContrastiveWeight == 0 && labelledCount == 0)
            throw new ArgumentException("No labelled reports, and the contrastive objective is off: nothing to learn from.", nameof(documents));
        if (usable.Count < 2)
            throw new ArgumentException("At least two reports with content words are needed.", nameof(documents));

        torch.set_num_threads(_options.Threads);
        var clock = Stopwatch.StartNew();
        var history = new List<TrainingProgress>();
        var reporter = new Progress(progress, history);

        // Held-out split: a seeded shuffle of the labelled reports.
        var labelled = usable.Where(d => d.Labelled).ToList();
        Shuffle(labelled, new Random(_options.Seed));
        var validationCount = labelled.Count >= 10 ? (int)Math.Round(_options.ValidationFraction * labelled.Count) : 0;
        var validation = labelled.Take(validationCount).ToList();
        var held = validation.ToHashSet();
        var training = usable.Where(d => !held.Contains(d)).ToList();

        Fitted fitted;
        int bestEpoch;
        SuggestionScores? best = null;
        if (validation.Count > 0)
        {
            var selection = Fit(training, validation, categoryIds.Count, _options.MaxEpochs, "select", reporter, clock, cancellationToken);
            bestEpoch = selection.BestEpoch;
            best = selection.Best;
            fitted = _options.Refit ? Fit(usable, [], categoryIds.Count, bestEpoch, "refit", reporter, clock, cancellationToken) : selection;
        }
        else
        {
            fitted = Fit(usable, [], categoryIds.Count, _options.MaxEpochs, "train", reporter, clock, cancellationToken);
            bestEpoch = _options.MaxEpochs;
        }

        var trainedOn = validation.Count > 0 && !_options.Refit ? training : usable;
        var info = TrainingInfo(bestEpoch, best, trainedOn.Count, trainedOn.Count(d => d.Labelled), validation.Count);
        var headTrained = _options.SupervisedWeight > 0 && trainedOn.Any(d => d.Labelled);
        var model = new EncoderModel(fitted.Features, _options.RowWidth, fitted.Table, fitted.ProjectionWeight, fitted.ProjectionBias, _options.Dimension,
            _options.Projection ? _options.Activation : EncoderActivation.None,
            headTrained ? categoryIds : [], headTrained ? fitted.ClassifierWeight : null, headTrained ? fitted.ClassifierBias : null, info);
        return new TrainingResult(model, history, bestEpoch, best, trainedOn.Count, validation.Count, clock.Elapsed);
    }

    /// <summary>Embeds documents with a trained network, row-major (n × d); rows without known features are zero.</summary>
    internal static float[] Embed(EncoderNetwork network, EncoderFeatures features, IReadOnlyList<TrainingDocument> documents, int dimension)
    {
        var result = new float[documents.Count * dimension];
        const int chunk = 256;
        using var noGrad = no_grad();
        for (var start = 0; start < documents.Count; start += chunk)
        {
            using var scope = NewDisposeScope();
            var part = documents.Skip(start).Take(chunk).ToList();
            var batch = BatchBuilder.Build(features, part, null, null);
            var z = network.forward(batch.Indices, batch.Offsets, batch.Weights);
            var values = z.data<float>().ToArray();
            for (var i = 0; i < part.Count; i++)
            {
                if (batch.Empty[i]) continue;
                values.AsSpan(i * dimension, dimension).CopyTo(result.AsSpan((start + i) * dimension, dimension));
            }
        }

        return result;
    }

    private sealed record Fitted(EncoderFeatures Features, float[] Table, float[]? ProjectionWeight, float[]? ProjectionBias,
        float[] ClassifierWeight, float[] ClassifierBias, int BestEpoch, SuggestionScores? Best);

    private Fitted Fit(List<TrainingDocument> training, List<TrainingDocument> validation, int categories, int epochs, string phase, Progress reporter,
        Stopwatch clock, CancellationToken cancellationToken)
    {
        var o = _options;
        var features = EncoderFeatures.Build(training.Select(d => new AnalyzedText(d.Terms)), o.Features);
        torch.manual_seed(o.Seed);
        using var network = new EncoderNetwork(features.RowCount, o.RowWidth, o.Dimension, o.Projection, o.Activation, Math.Max(1, categories), o.InitScale);
        using var optimizer = optim.AdamW(network.parameters(), o.LearningRate, weight_decay: o.WeightDecay);
        var random = new Random(o.Seed + 1);
        var pool = o.ContrastiveWeight > 0 ? training : training.Where(d => d.Labelled).ToList();
        var references = training.Where(d => d.Labelled).ToList();

        var bestEpoch = epochs;
        SuggestionScores? best = null;
        Dictionary<string, Tensor>? bestState = null;
        var sinceBest = 0;
        try
        {
            for (var epoch = 1; epoch <= epochs; epoch++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var order = pool.ToList();
                Shuffle(order, random);
                double lossSum = 0, supSum = 0, conSum = 0;
                var steps = 0;
                for (var start = 0; start < order.Count; start += o.BatchSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var batch = order.GetRange(start, Math.Min(o.BatchSize, order.Count - start));
                    if (batch.Count < 2 && o.SupervisedWeight == 0) continue;
                    var (loss, sup, con) = Step(network, optimizer, features, batch, categories, random);
                    lossSum += loss;
                    supSum += sup;
                    conSum += con;
                    steps++;
                }

                steps = Math.Max(1, steps);
                SuggestionScores? scores = null;
                var improved = false;
                if (validation.Count > 0)
                {
                    scores = Validate(network, features, references, validation, categories);
                    if (best is null || scores.F1AtK > best.F1AtK || (scores.F1AtK == best.F1AtK && scores.NdcgAt5 > best.NdcgAt5))
                    {
                        best = scores;
                        bestEpoch = epoch;
                        improved = true;
                        sinceBest = 0;
                        DisposeState(bestState);
                        bestState = network.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());
                    }
                    else
                    {
                        sinceBest++;
                    }
                }

                reporter.Report(new TrainingProgress(phase, epoch, epochs, lossSum / steps, supSum / steps, conSum / steps, scores, improved, clock.Elapsed));
                if (validation.Count > 0 && sinceBest >= o.Patience) break;
            }

            if (bestState is not null) network.load_state_dict(bestState);
            return Export(network, features, bestEpoch, best);
        }
        finally
        {
            DisposeState(bestState);
        }
    }

    private (double Loss, double Supervised, double Contrastive) Step(EncoderNetwork network, optim.Optimizer optimizer, EncoderFeatures features,
        List<TrainingDocument> batch, int categories, Random random)
    {
        var o = _options;
        using var scope = NewDisposeScope();
        var view1 = BatchBuilder.Build(features, batch, random, o.TermDropout);
        var view2 = BatchBuilder.Build(features, batch, random, o.TermDropout);
        var z1 = network.forward(view1.Indices, view1.Offsets, view1.Weights);
        var z2 = network.forward(view2.Indices, view2.Offsets, view2.Weights);

        var loss = zeros(1).squeeze();
        double supervised = 0, contrastive = 0;
        var labelled = Enumerable.Range(0, batch.Count).Where(i => batch[i].Labelled).ToArray();
        if (o.SupervisedWeight > 0 && labelled.Length > 0)
        {
            var targetValues = new float[labelled.Length * categories];
            for (var r = 0; r < labelled.Length; r++)
            {
                foreach (var c in batch[labelled[r]].Labels) targetValues[r * categories + c] = 1f;
            }

            var rows = tensor(labelled.Select(i => (long)i).ToArray());
            var targets = tensor(targetValues, [labelled.Length, categories]);
            var bce = (nn.functional.binary_cross_entropy_with_logits(network.Classify(z1.index_select(0, rows)), targets)
                + nn.functional.binary_cross_entropy_with_logits(network.Classify(z2.index_select(0, rows)), targets)) / 2;
            supervised = bce.item<float>();
            loss = loss + o.SupervisedWeight * bce;
        }

        if (o.ContrastiveWeight > 0 && batch.Count >= 2)
        {
            var logits = z1.mm(z2.t()) / o.Temperature;
            Tensor nce;
            if (o.LabelPositives > 0 && labelled.Length >= 2)
            {
                // Reports sharing categories count as partial positives (weight × Jaccard of their
                // category sets) besides the report's own other view; rows are normalised to sum to 1.
                var n = batch.Count;
                var soft = new float[n * n];
                for (var i = 0; i < n; i++)
                {
                    soft[i * n + i] = 1f;
                    if (!batch[i].Labelled) continue;
                    for (var j = 0; j < n; j++)
                    {
                        if (j == i || !batch[j].Labelled) continue;
                        var shared = batch[i].Labels.Intersect(batch[j].Labels).Count();
                        if (shared > 0) soft[i * n + j] = (float)(o.LabelPositives * shared / batch[i].Labels.Union(batch[j].Labels).Count());
                    }
                }

                var target = tensor(soft, [n, n]);
                target = target / target.sum(1, keepdim: true);
                nce = (-(target * logits.log_softmax(1)).sum(1).mean() - (target * logits.t().log_softmax(1)).sum(1).mean()) / 2;
            }
            else
            {
                var labels = arange(batch.Count, dtype: ScalarType.Int64);
                nce = (nn.functional.cross_entropy(logits, labels) + nn.functional.cross_entropy(logits.t(), labels)) / 2;
            }

            contrastive = nce.item<float>();
            loss = loss + o.ContrastiveWeight * nce;
        }

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        return (loss.item<float>(), supervised, contrastive);
    }

    private SuggestionScores Validate(EncoderNetwork network, EncoderFeatures features, List<TrainingDocument> references, List<TrainingDocument> validation,
        int categories)
    {
        var d = _options.Dimension;
        var refs = Embed(network, features, references, d);
        var queries = Embed(network, features, validation, d);
        var ranked = KnnVoting.RankAll(queries, refs, d, references.Select(r => r.Labels).ToList(), categories, _options.Neighbours);
        return RankingScores.Score(validation.Select(v => v.Labels).ToList(), ranked);
    }

    private Fitted Export(EncoderNetwork network, EncoderFeatures features, int bestEpoch, SuggestionScores? best)
    {
        var (table, projectionWeight, projectionBias, classifierWeight, classifierBias) = Weights(network, features, _options.RowWidth);
        return new Fitted(features, table, projectionWeight, projectionBias, classifierWeight, classifierBias, bestEpoch, best);
    }

    /// <summary>
    /// The model a network stands for, with every weight copied out of torch: what training writes,
    /// and what the parity tests compare the C# inference with.
    /// </summary>
    internal static EncoderModel ToModel(EncoderNetwork network, EncoderFeatures features, EncoderTrainingOptions options, IReadOnlyList<string> categories,
        string? trainingInfo = null)
    {
        var (table, pw, pb, cw, cb) = Weights(network, features, options.RowWidth);
        var head = categories.Count > 0;
        return new EncoderModel(features, options.RowWidth, table, pw, pb, options.Dimension, options.Projection ? options.Activation : EncoderActivation.None,
            categories, head ? cw : null, head ? cb : null, trainingInfo);
    }

    private static (float[] Table, float[]? ProjectionWeight, float[]? ProjectionBias, float[] ClassifierWeight, float[] ClassifierBias) Weights(
        EncoderNetwork network, EncoderFeatures features, int width)
    {
        var table = network.Table.detach().cpu().data<float>().ToArray();
        // Rows of buckets no training lemma used are never read; zero them so the file says so.
        var known = features.KnownBuckets;
        var offset = features.Vocabulary.Count;
        for (var b = 0; b < known.Length; b++)
        {
            if (known[b] == 0) table.AsSpan((offset + b) * width, width).Clear();
        }

        static float[] Values(Tensor t) => t.detach().cpu().data<float>().ToArray();
        return (table,
            network.Projection is { } p ? Values(p.weight!) : null,
            network.Projection is { } q && q.bias is { } bias ? Values(bias) : null,
            Values(network.Classifier!.weight!), Values(network.Classifier!.bias!));
    }

    private string TrainingInfo(int bestEpoch, SuggestionScores? best, int reports, int labelledReports, int validationReports)
    {
        var o = _options;
        var f = o.Features;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("trainer", "sosrap-train");
            w.WriteString("torch", torch.__version__);
            w.WriteNumber("seed", o.Seed);
            w.WriteNumber("threads", o.Threads);
            w.WriteNumber("reports", reports);
            w.WriteNumber("labelled_reports", labelledReports);
            w.WriteNumber("validation_reports", validationReports);
            w.WriteNumber("epochs", bestEpoch);
            w.WriteBoolean("refit", o.Refit && validationReports > 0);
            w.WriteNumber("batch_size", o.BatchSize);
            w.WriteNumber("learning_rate", o.LearningRate);
            w.WriteNumber("weight_decay", o.WeightDecay);
            w.WriteNumber("supervised_weight", o.SupervisedWeight);
            w.WriteNumber("contrastive_weight", o.ContrastiveWeight);
            w.WriteNumber("temperature", o.Temperature);
            w.WriteNumber("term_dropout", o.TermDropout);
            w.WriteNumber("label_positives", o.LabelPositives);
            w.WriteNumber("init_scale", o.InitScale);
            w.WriteBoolean("projection", o.Projection);
            w.WriteNumber("min_count", f.MinCount);
            if (best is not null)
            {
                w.WriteStartObject("validation");
                w.WriteString("metric", string.Create(CultureInfo.InvariantCulture, $"knn{o.Neighbours}_f1@3"));
                w.WriteNumber("p@1", Math.Round(best.PrecisionAt1, 4));
                w.WriteNumber("f1@3", Math.Round(best.F1AtK, 4));
                w.WriteNumber("ndcg@5", Math.Round(best.NdcgAt5, 4));
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Shuffle<T>(List<T> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    private static void DisposeState(Dictionary<string, Tensor>? state)
    {
        if (state is null) return;
        foreach (var t in state.Values) t.Dispose();
    }

    private sealed class Progress(IProgress<TrainingProgress>? inner, List<TrainingProgress> history)
    {
        public void Report(TrainingProgress p)
        {
            history.Add(p);
            inner?.Report(p);
        }
    }
}
