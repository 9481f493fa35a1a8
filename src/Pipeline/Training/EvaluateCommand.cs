using System.CommandLine;
using System.Globalization;
using System.Numerics.Tensors;
using SosRap.Models;
using SosRap.Pipeline;
using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.IO;
using SosRap.Pipeline.Text;
using SosRap.Pipeline.Text.Voikko;
using SosRap.Training.Evaluation;

namespace SosRap.Training;

/// <summary>
/// <c>sosrap-train evaluate</c>: the quality harness for representations. Embeds reports with a
/// trained encoder (through <see cref="EncoderEmbedder"/>, the C# inference path) or with the lemma
/// TF-IDF control, then writes kNN category suggestions for a test file and/or k-means clusters for
/// a file, in the formats the evaluation scripts read. Does not load libtorch.
/// </summary>
internal static class EvaluateCommand
{
    private static readonly CultureInfo Fi = CultureInfo.GetCultureInfo("fi-FI");

    public static Command Create()
    {
        var encoder = new Option<string?>("--encoder") { Description = "Enkooderi (hakemisto tai encoder.bin); ei tarvita, kun --representation tfidf" };
        var representation = new Option<string>("--representation") { Description = "encoder tai tfidf (vertailukohta: lemmojen TF-IDF)", DefaultValueFactory = _ => "encoder" };
        representation.AcceptOnlyFromAmong("encoder", "tfidf");
        var taxonomy = new Option<string>("--taxonomy") { Description = "Luokitus (taxonomy.json)", Required = true };
        var train = new Option<string>("--train") { Description = "Viiteraportit luokkineen (kNN-naapurit; TF-IDF sovitetaan näihin)", Required = true };
        var test = new Option<string?>("--test") { Description = "Raportit, joille ehdotetaan luokkia" };
        var suggestions = new Option<string?>("--suggestions") { Description = "Ehdotusten tulostiedosto (JSONL)" };
        var method = new Option<string>("--method") { Description = "knn (naapurit äänestävät) tai head (enkooderin luokittelupää)", DefaultValueFactory = _ => "knn" };
        method.AcceptOnlyFromAmong("knn", "head");
        var neighbours = new Option<int>("--neighbours") { Description = "Äänestävien naapurien määrä", DefaultValueFactory = _ => 10 }.Range(1, 1000);
        var cluster = new Option<string?>("--cluster") { Description = "Raportit, jotka ryhmitellään k-means-menetelmällä" };
        var clusters = new Option<string?>("--clusters") { Description = "Ryhmien tulostiedosto (JSONL)" };
        var k = new Option<int>("--k") { Description = "Ryhmien määrä", DefaultValueFactory = _ => 15 }.Range(1, 10_000);
        var seed = new Option<int>("--seed") { Description = "k-means-siemen", DefaultValueFactory = _ => 1 };
        var voikkoPath = new Option<string?>("--voikko-path") { Description = "Voikon sanakirjahakemisto" };
        var command = new Command("evaluate", "Laatumittaukset: kNN-luokitusehdotukset ja k-means-ryhmittely enkooderin tai TF-IDF:n vektoreilla.")
        {
            encoder, representation, taxonomy, train, test, suggestions, method, neighbours, cluster, clusters, k, seed, voikkoPath,
        };
        command.SetAction(async (r, cancellationToken) =>
        {
            var testPath = r.GetValue(test);
            var suggestionsPath = r.GetValue(suggestions);
            var clusterPath = r.GetValue(cluster);
            var clustersPath = r.GetValue(clusters);
            if ((testPath is null) != (suggestionsPath is null)) throw new InputException("--test ja --suggestions annetaan yhdessä", field: "--suggestions");
            if ((clusterPath is null) != (clustersPath is null)) throw new InputException("--cluster ja --clusters annetaan yhdessä", field: "--clusters");
            if (testPath is null && clusterPath is null) throw new InputException("anna --test ja --suggestions tai --cluster ja --clusters", field: "--test");
            var useTfidf = r.GetValue(representation) == "tfidf";
            var encoderPath = r.GetValue(encoder);
            if (!useTfidf && encoderPath is null) throw new InputException("--encoder puuttuu", field: "--encoder");
            var useHead = r.GetValue(method) == "head";
            if (useHead && useTfidf) throw new InputException("--method head tarvitsee enkooderin", field: "--method");

            var tax = await TaxonomyJson.LoadAsync(r.GetRequiredValue(taxonomy), cancellationToken).ConfigureAwait(false);
            using var lemmatizer = new VoikkoLemmatizer(new VoikkoOptions { DictionaryPath = r.GetValue(voikkoPath) });
            var analyzer = new TextAnalyzer(new FinnishTokenizer(), lemmatizer, Stopwords.Default);
            var references = await TrainingCorpus.LoadAsync(r.GetRequiredValue(train), tax, analyzer, true, cancellationToken).ConfigureAwait(false);
            var embedder = useTfidf ? null : await EncoderEmbedder.LoadAsync(encoderPath!, cancellationToken).ConfigureAwait(false);
            var tfidf = useTfidf ? new TfidfBaseline(references) : null;
            var dimension = embedder?.Dimension ?? tfidf!.Dimension;
            float[] Embed(IReadOnlyList<TrainingDocument> docs)
            {
                if (tfidf is not null) return tfidf.Embed(docs);
                var result = new float[docs.Count * dimension];
                for (var i = 0; i < docs.Count; i++) embedder!.TryEmbed("", new AnalyzedText(docs[i].Terms), result.AsSpan(i * dimension, dimension));
                return result;
            }

            var error = r.InvocationConfiguration.Error;
            var ids = tax.Categories.Select(c => c.Id).ToArray();
            if (testPath is not null)
            {
                var queries = await TrainingCorpus.LoadAsync(testPath, tax, analyzer, true, cancellationToken).ConfigureAwait(false);
                var q = Embed(queries);
                var records = new List<ReportSuggestions>(queries.Count);
                var ranked = new List<int[]>(queries.Count);
                if (useHead)
                {
                    var model = embedder!.Model;
                    if (model.ClassifierWeight is null) throw new InputException("enkooderissa ei ole luokittelupäätä", encoderPath, field: "--method");
                    var head = model.Categories.Select(c => Array.IndexOf(ids, c)).ToArray();
                    for (var i = 0; i < queries.Count; i++)
                    {
                        var z = q.AsSpan(i * dimension, dimension);
                        var scored = new List<(int Category, float Score)>();
                        if (TensorPrimitives.Norm(z) > 0)
                        {
                            for (var c = 0; c < head.Length; c++)
                            {
                                if (head[c] < 0) continue;
                                var logit = TensorPrimitives.Dot(model.ClassifierWeight.AsSpan(c * dimension, dimension), z) + (model.ClassifierBias?[c] ?? 0f);
                                scored.Add((head[c], 1f / (1f + MathF.Exp(-logit))));
                            }
                        }

                        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Category.CompareTo(b.Category));
                        ranked.Add([.. scored.Select(s => s.Category)]);
                        records.Add(new ReportSuggestions(queries[i].Id, [.. scored.Select(s => new CategorySuggestion(ids[s.Category], s.Score))]));
                    }
                }
                else
                {
                    var refs = Embed(references);
                    var labels = references.Select(d => d.Labels).ToList();
                    for (var i = 0; i < queries.Count; i++)
                    {
                        var s = KnnVoting.Suggest(q.AsSpan(i * dimension, dimension), refs, dimension, labels, ids.Length, r.GetValue(neighbours));
                        ranked.Add([.. s.Select(x => x.Category)]);
                        records.Add(new ReportSuggestions(queries[i].Id, [.. s.Select(x => new CategorySuggestion(ids[x.Category], x.Score))]));
                    }
                }

                await PredictionFiles.WriteSuggestionsAsync(suggestionsPath!, records.ToAsyncEnumerable(), cancellationToken: cancellationToken).ConfigureAwait(false);
                var scores = RankingScores.Score(queries.Select(d => d.Labels).ToList(), ranked);
                await error.WriteLineAsync(string.Create(Fi,
                    $"ehdotukset: {records.Count} raporttia → {suggestionsPath}; P@1 {scores.PrecisionAt1:0.000} F1@3 {scores.F1AtK:0.000} NDCG@5 {scores.NdcgAt5:0.000} ({scores.Reports} luokiteltua)"))
                    .ConfigureAwait(false);
            }

            if (clusterPath is not null)
            {
                var docs = await TrainingCorpus.LoadAsync(clusterPath, tax, analyzer, false, cancellationToken).ConfigureAwait(false);
                var x = Embed(docs);
                var assignment = KMeans.Cluster(x, dimension, r.GetValue(k), r.GetValue(seed));
                var records = docs.Select((d, i) => new ClusterAssignment(d.Id, assignment[i].ToString(CultureInfo.InvariantCulture))).ToList();
                await PredictionFiles.WriteClustersAsync(clustersPath!, records.ToAsyncEnumerable(), cancellationToken).ConfigureAwait(false);
                await error.WriteLineAsync(string.Create(Fi, $"ryhmät: {docs.Count} raporttia, k={r.GetValue(k)} → {clustersPath}")).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
