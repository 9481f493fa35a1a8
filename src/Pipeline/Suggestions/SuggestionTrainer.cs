using System.Security.Cryptography;
using System.Text;
using SosRap.Models;
using SosRap.Pipeline.Evaluation;
using SosRap.Pipeline.Features;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Suggestions;

/// <summary>Everything training produces; <see cref="SuggestionModel"/> wraps it.</summary>
internal sealed record TrainedParts(
    TfidfModel Features,
    ZeroShotSuggester ZeroShot,
    KnnSuggester? Knn,
    LinearSuggester? Linear,
    CentroidSuggester? Centroid,
    EnsembleSuggester? Ensemble,
    SuggestionManifest Manifest);

/// <summary>
/// Training: analyse and featurize the reports, cross-validate every backend (fit on k−1 folds,
/// score the held-out fold), tune kNN on the out-of-fold scores, learn the ensemble's stacker and
/// threshold on them, report the out-of-fold metrics, and finally fit every backend on all reports.
/// </summary>
internal static class SuggestionTrainer
{
    private static readonly int[] KnnKs = [3, 5, 10, 15, 20, 30];
    private static readonly float[] KnnPowers = [1f, 2f, 3f, 5f];
    private const int MaxNeighbours = 30;

    public static TrainedParts Train(IReadOnlyList<Report> reports, Taxonomy taxonomy, SuggestionTrainingOptions options, TextPreparer preparer,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var categories = taxonomy.Categories.Select(c => c.Id).ToArray();
        var index = categories.Select((id, i) => (id, i)).ToDictionary(t => t.id, t => t.i, StringComparer.Ordinal);
        reports = Fold(reports, options.Feedback, out var feedbackRows);
        var labels = new int[reports.Count][];
        for (var i = 0; i < reports.Count; i++)
        {
            var cats = reports[i].Categories;
            labels[i] = new int[cats.Count];
            for (var k = 0; k < cats.Count; k++)
            {
                if (!index.TryGetValue(cats[k], out var ci))
                    throw new InputException($"raportin {reports[i].Id} luokka '{cats[k]}' ei ole luokituksessa (tunnetut: {string.Join(", ", categories)})",
                        options.SourceName, i + 1, "categories");
                labels[i][k] = ci;
            }

            labels[i] = labels[i].Distinct().ToArray();
        }

        // Analysis (redaction first) is the slow part; Voikko handles are pooled, so two threads help.
        var analyses = new AnalyzedText[reports.Count];
        var done = 0;
        Parallel.For(0, reports.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(4, Environment.ProcessorCount), CancellationToken = cancellationToken }, i =>
        {
            analyses[i] = preparer.Prepare(reports[i].FullText, reports[i].Id).Analysis;
            var d = Interlocked.Increment(ref done);
            if (d % 200 == 0 || d == reports.Count) progress?.Report(new TrainingProgress("analyysi", d, reports.Count));
        });
        var categoryAnalyses = taxonomy.Categories.Select(c => preparer.Analyzer.Analyze(ZeroShotSuggester.TextOf(c))).ToArray();

        // The vocabulary also learns the taxonomy's own words, so zero-shot can match terms no report used yet.
        var tfidf = new TfidfEstimator(options.Features).Fit(analyses.Concat(categoryAnalyses), cancellationToken: cancellationToken);
        var vectors = analyses.Select(tfidf.Transform).ToArray();
        var categoryVectors = categoryAnalyses.Select(tfidf.Transform).ToArray();
        var zeroShot = new ZeroShotSuggester(categories, tfidf, categoryVectors);

        var labelled = Enumerable.Range(0, reports.Count).Where(i => labels[i].Length > 0).ToArray();
        var manifest = new SuggestionManifest
        {
            SosrapVersion = typeof(SuggestionTrainer).Assembly.GetName().Version?.ToString() ?? "0",
            Created = DateTimeOffset.UtcNow,
            TrainingSha256 = Hash(reports),
            TrainingRows = reports.Count,
            LabelledRows = labelled.Length,
            FeedbackRows = feedbackRows,
            TaxonomyVersion = taxonomy.Version,
            Analyzer = "PII-redaction → FinnishTokenizer → Voikko (lemma + compound parts) → stopwords",
            Featurizer = options.Features,
            Embedder = "sparse tf-idf cosine (inverted index)",
            Linear = options.Linear,
            Centroid = options.Centroid,
            Folds = options.Folds,
            Seed = options.Seed,
        };
        if (labelled.Length == 0)
            return new TrainedParts(tfidf, zeroShot, null, null, null, null, manifest);

        // Cross-validation: out-of-fold scores of every backend for every labelled report.
        var c = categories.Length;
        var folds = Math.Min(options.Folds, labelled.Length);
        var order = labelled.ToArray();
        new Random(options.Seed).Shuffle(order);
        var foldOf = new int[reports.Count];
        for (var i = 0; i < order.Length; i++) foldOf[order[i]] = i % folds;
        var oofLinear = new float[reports.Count][];
        var oofCentroid = new float[reports.Count][];
        var oofZero = new float[reports.Count][];
        var oofHits = new List<(int[] Labels, float Similarity)>[reports.Count];
        var canCrossValidate = labelled.Length >= 2 * folds && folds >= 2;
        if (canCrossValidate)
        {
            for (var f = 0; f < folds; f++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new TrainingProgress("ristiinvalidointi", f, folds));
                var train = labelled.Where(i => foldOf[i] != f).ToArray();
                var test = labelled.Where(i => foldOf[i] == f).ToArray();
                var nn = NeighbourIndex.For(tfidf);
                foreach (var i in train) nn.Upsert(reports[i].Id + "\u0000" + i, vectors[i], labels[i]);
                var linear = LinearTrainer.Fit(categories, tfidf, train.Select(i => vectors[i]).ToArray(), train.Select(i => labels[i]).ToArray(),
                    options.Linear, options.Seed, cancellationToken);
                var centroid = CentroidSuggester.Fit(categories, tfidf, train.Select(i => vectors[i]).ToArray(), train.Select(i => labels[i]).ToArray(),
                    categoryVectors, options.Centroid);
                foreach (var i in test)
                {
                    var input = new SuggestionInput(analyses[i], vectors[i]);
                    oofHits[i] = nn.Search(vectors[i], MaxNeighbours).Select(h => (nn.Labels(h.Doc), h.Similarity)).ToList();
                    linear.Score(input, oofLinear[i] = new float[c]);
                    centroid.Score(input, oofCentroid[i] = new float[c]);
                    zeroShot.Score(input, oofZero[i] = new float[c]);
                }
            }

            progress?.Report(new TrainingProgress("ristiinvalidointi", folds, folds));
        }

        var knnOptions = options.Knn ?? (canCrossValidate ? TuneKnn(labelled, labels, oofHits, c) : new KnnOptions());
        manifest = manifest with { Knn = knnOptions };

        // Final backends on every labelled report.
        progress?.Report(new TrainingProgress("lopullinen malli", 0, 1));
        var history = NeighbourIndex.For(tfidf);
        foreach (var i in labelled) history.Upsert(reports[i].Id, vectors[i], labels[i]);
        var knn = new KnnSuggester(categories, history, knnOptions);
        var finalLinear = LinearTrainer.Fit(categories, tfidf, labelled.Select(i => vectors[i]).ToArray(), labelled.Select(i => labels[i]).ToArray(),
            options.Linear, options.Seed, cancellationToken);
        var finalCentroid = CentroidSuggester.Fit(categories, tfidf, labelled.Select(i => vectors[i]).ToArray(), labelled.Select(i => labels[i]).ToArray(),
            categoryVectors, options.Centroid);
        ISuggester[] members = [knn, finalLinear, finalCentroid, zeroShot];
        progress?.Report(new TrainingProgress("lopullinen malli", 1, 1));
        if (!canCrossValidate)
            return new TrainedParts(tfidf, zeroShot, knn, finalLinear, finalCentroid, null, manifest);

        // Out-of-fold kNN scores with the tuned settings, then the stacker on all four.
        var oofKnn = new float[reports.Count][];
        foreach (var i in labelled) oofKnn[i] = KnnScores(oofHits[i], knnOptions.K, knnOptions.Power, c);
        var oof = new[] { oofKnn, oofLinear, oofCentroid, oofZero };
        var x = new List<float[]>();
        var y = new List<bool>();
        foreach (var i in labelled)
        {
            var rows = StackerRows(oof, i, c);
            for (var k = 0; k < c; k++)
            {
                x.Add(rows[k]);
                y.Add(Array.IndexOf(labels[i], k) >= 0);
            }
        }

        var stacker = Stacker.Fit(x, y);
        var raw = new float[reports.Count][];
        foreach (var i in labelled) raw[i] = StackerRows(oof, i, c).Select(r => stacker.Probability(r)).ToArray();

        // Calibration is cross-fitted for the figures (each fold calibrated by the others), then fitted on all pairs for the model.
        var oofEnsemble = new float[reports.Count][];
        for (var f = 0; f < folds; f++)
        {
            var others = CalibrationPairs(labelled.Where(i => foldOf[i] != f), raw, labels, c);
            var fold = IsotonicCalibration.Fit(others);
            foreach (var i in labelled.Where(i => foldOf[i] == f)) oofEnsemble[i] = raw[i].Select(fold.Apply).ToArray();
        }

        var calibration = IsotonicCalibration.Fit(CalibrationPairs(labelled, raw, labels, c));
        var ensemble = new EnsembleSuggester(categories, members, stacker, calibration);

        var gold = labelled.ToDictionary(i => reports[i].Id + "\u0000" + i, i => (IReadOnlyList<string>)labels[i].Select(k => categories[k]).ToList());
        var metrics = new Dictionary<string, SuggestionScores>(StringComparer.Ordinal);
        foreach (var (name, scores) in new[] { ("knn", oofKnn), ("linear", oofLinear), ("centroid", oofCentroid), ("zeroshot", oofZero), ("ensemble", oofEnsemble) })
            metrics[name] = SuggestionScores.Compute(gold, labelled.ToDictionary(i => reports[i].Id + "\u0000" + i, i => Ranked(scores[i], categories, 5)));

        var threshold = ChooseThreshold(labelled, labels, oofEnsemble);
        var pairs = new List<(float, bool)>();
        foreach (var i in labelled)
            foreach (var k in Ranking.Order(oofEnsemble[i]).Take(5)) pairs.Add((oofEnsemble[i][k], Array.IndexOf(labels[i], k) >= 0));
        manifest = manifest with
        {
            EnsembleMembers = members.Select(m => m.Name).ToArray(),
            StackerWeights = stacker.Weights,
            StackerBias = stacker.Bias,
            CalibrationX = calibration.X,
            CalibrationY = calibration.Y,
            Threshold = threshold,
            CategoryThresholds = CategoryThresholds(labelled, labels, oofEnsemble, categories, threshold),
            Metrics = metrics,
            Reliability = ReliabilityBin.Table(pairs),
        };
        return new TrainedParts(tfidf, zeroShot, knn, finalLinear, finalCentroid, ensemble, manifest);
    }

    private static List<(float, bool)> CalibrationPairs(IEnumerable<int> rows, float[][] raw, int[][] labels, int c)
    {
        var pairs = new List<(float, bool)>();
        foreach (var i in rows)
            for (var k = 0; k < c; k++) pairs.Add((raw[i][k], Array.IndexOf(labels[i], k) >= 0));
        return pairs;
    }

    internal static float[][] StackerRows(IReadOnlyList<float[][]> oof, int i, int c)
    {
        var rows = new float[c][];
        for (var k = 0; k < c; k++) rows[k] = new float[Stacker.FeaturesPerBackend * oof.Count];
        Stacker.Features(oof.Select(o => o[i]).ToArray(), c, rows);
        return rows;
    }

    private static float[] KnnScores(List<(int[] Labels, float Similarity)> hits, int k, float power, int c)
    {
        var s = new float[c];
        var total = 0f;
        foreach (var (labels, sim) in hits.Take(k))
        {
            var w = MathF.Pow(sim, power);
            total += w;
            foreach (var l in labels) s[l] += w;
        }

        if (total > 0) for (var j = 0; j < c; j++) s[j] /= total;
        return s;
    }

    // Choose K and the similarity power by out-of-fold NDCG@5 + F1@3 (never by a test set).
    private static KnnOptions TuneKnn(int[] labelled, int[][] labels, List<(int[] Labels, float Similarity)>[] hits, int c)
    {
        var best = (Score: double.MinValue, Options: new KnnOptions());
        var categories = Enumerable.Range(0, c).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var gold = labelled.ToDictionary(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            i => (IReadOnlyList<string>)labels[i].Select(k => categories[k]).ToList());
        foreach (var k in KnnKs)
        {
            foreach (var p in KnnPowers)
            {
                var predicted = labelled.ToDictionary(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    i => Ranked(KnnScores(hits[i], k, p, c), categories, 5));
                var s = SuggestionScores.Compute(gold, predicted);
                var objective = s.NdcgAt5 + s.F1AtK;
                if (objective > best.Score + 1e-9) best = (objective, new KnnOptions { K = k, Power = p });
            }
        }

        return best.Options;
    }

    private static IReadOnlyList<string> Ranked(float[] scores, string[] categories, int limit) =>
        Ranking.Order(scores).Take(limit).Where(k => scores[k] > 0).Select(k => categories[k]).ToList();

    // The threshold that maximises the mean per-report F1 of "every category scoring at least t" out of fold.
    private static float ChooseThreshold(int[] labelled, int[][] labels, float[][] scores)
    {
        var best = (F1: -1.0, T: 0.5f);
        for (var t = 0.05f; t < 0.96f; t += 0.05f)
        {
            double sum = 0;
            foreach (var i in labelled)
            {
                var predicted = Enumerable.Range(0, scores[i].Length).Where(k => scores[i][k] >= t).ToArray();
                var tp = predicted.Count(k => Array.IndexOf(labels[i], k) >= 0);
                sum += tp == 0 ? 0 : 2.0 * tp / (predicted.Length + labels[i].Length);
            }

            if (sum / labelled.Length > best.F1 + 1e-12) best = (sum / labelled.Length, MathF.Round(t, 2));
        }

        return best.T;
    }

    internal const int MinPositivesForOwnThreshold = 8;

    // Per category: the threshold with the best F1 of "score ≥ t" against the gold yes/no, where the category has enough positives.
    private static Dictionary<string, float> CategoryThresholds(int[] labelled, int[][] labels, float[][] scores, string[] categories, float fallback)
    {
        var result = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var k = 0; k < categories.Length; k++)
        {
            var positives = labelled.Count(i => Array.IndexOf(labels[i], k) >= 0);
            if (positives < MinPositivesForOwnThreshold)
            {
                result[categories[k]] = fallback;
                continue;
            }

            var best = (F1: -1.0, T: fallback);
            for (var t = 0.05f; t < 0.96f; t += 0.05f)
            {
                int tp = 0, fp = 0;
                foreach (var i in labelled)
                {
                    if (scores[i][k] < t) continue;
                    if (Array.IndexOf(labels[i], k) >= 0) tp++;
                    else fp++;
                }

                var f1 = 2.0 * tp / (tp + fp + positives);
                if (f1 > best.F1 + 1e-12) best = (f1, MathF.Round(t, 2));
            }

            result[categories[k]] = best.T;
        }

        return result;
    }

    // Feedback replaces the categories of a known report or adds a new one; the last record per report wins.
    private static IReadOnlyList<Report> Fold(IReadOnlyList<Report> reports, IReadOnlyList<FeedbackRecord> feedback, out int folded)
    {
        folded = 0;
        if (feedback.Count == 0) return reports;
        var latest = new Dictionary<string, FeedbackRecord>(StringComparer.Ordinal);
        foreach (var f in feedback) latest[f.ReportId] = f;
        var result = new List<Report>(reports.Count + latest.Count);
        foreach (var r in reports)
        {
            if (latest.Remove(r.Id, out var f))
            {
                result.Add(r with { Categories = f.Confirmed });
                folded++;
            }
            else result.Add(r);
        }

        foreach (var f in latest.Values)
        {
            result.Add(new Report { Id = f.ReportId, Phenomenon = f.Text, Categories = f.Confirmed });
            folded++;
        }

        return result;
    }

    private static string Hash(IReadOnlyList<Report> reports)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var r in reports)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(r.Id + "\u0000" + r.FullText + "\u0000" + string.Join("|", r.Categories) + "\n"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
