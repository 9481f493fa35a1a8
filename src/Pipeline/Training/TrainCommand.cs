using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SosRap.Pipeline;
using SosRap.Pipeline.Embeddings.Encoder;
using SosRap.Pipeline.IO;
using SosRap.Pipeline.Text;
using SosRap.Pipeline.Text.Voikko;

namespace SosRap.Training;

/// <summary>
/// <c>sosrap-train train</c>: reads labelled (and optionally unlabelled) reports, trains the encoder
/// and writes <c>encoder.bin</c> and <c>training.json</c> into the output folder. Progress goes to
/// stderr one line per epoch; the summary line to stdout.
/// </summary>
internal static class TrainCommand
{
    private static readonly CultureInfo Fi = CultureInfo.GetCultureInfo("fi-FI");

    public static Command Create()
    {
        var defaults = new EncoderTrainingOptions();
        var features = defaults.Features;
        var input = new Option<string>("--input") { Description = "Opetusraportit (CSV, JSONL tai Parquet); luokat 'categories'-sarakkeessa", Required = true };
        var taxonomy = new Option<string>("--taxonomy") { Description = "Luokitus (taxonomy.json)", Required = true };
        var output = new Option<string>("--output") { Description = "Hakemisto, johon encoder.bin ja training.json kirjoitetaan", Required = true };
        var unlabelled = new Option<string[]>("--unlabelled")
        {
            Description = "Lisäraportteja vain itseohjautuvaan opetukseen (niiden luokat jätetään huomiotta); voi toistaa",
            AllowMultipleArgumentsPerToken = false,
        };
        var dim = new Option<int>("--dim") { Description = "Upotuksen ulottuvuus", DefaultValueFactory = _ => defaults.Dimension }.Range(2, 4096);
        var embeddingDim = new Option<int>("--embedding-dim") { Description = "Taulukon rivin leveys (0 = sama kuin --dim)", DefaultValueFactory = _ => 0 }.Range(0, 4096);
        var epochs = new Option<int>("--epochs") { Description = "Opetuskierrosten enimmäismäärä (varhainen pysäytys lopettaa yleensä aiemmin)", DefaultValueFactory = _ => defaults.MaxEpochs }.Range(1, 10_000);
        var seed = new Option<int>("--seed") { Description = "Satunnaisluvun siemen: sama siemen ja data antavat saman mallin", DefaultValueFactory = _ => defaults.Seed };
        var threads = new Option<int>("--threads") { Description = "Suoritinsäikeet", DefaultValueFactory = _ => defaults.Threads }.Range(1, 256);
        var batch = new Option<int>("--batch-size") { Description = "Raportteja opetusaskelta kohden", DefaultValueFactory = _ => defaults.BatchSize }.Range(2, 65_536);
        var lr = new Option<double>("--learning-rate") { Description = "AdamW-oppimisnopeus", DefaultValueFactory = _ => defaults.LearningRate }.Range(0, 10, minExclusive: true);
        var wd = new Option<double>("--weight-decay") { Description = "AdamW-painojen vaimennus", DefaultValueFactory = _ => defaults.WeightDecay }.Range(0, 1);
        var supervised = new Option<double>("--supervised-weight") { Description = "Luokitustavoitteen (BCE) paino", DefaultValueFactory = _ => defaults.SupervisedWeight }.Range(0, 1000);
        var contrastive = new Option<double>("--contrastive-weight") { Description = "Kontrastiivisen tavoitteen (InfoNCE) paino", DefaultValueFactory = _ => defaults.ContrastiveWeight }.Range(0, 1000);
        var temperature = new Option<double>("--temperature") { Description = "InfoNCE-lämpötila", DefaultValueFactory = _ => defaults.Temperature }.Range(0.001, 10, minExclusive: true);
        var labelPositives = new Option<double>("--label-positives") { Description = "Kontrastiivisessa tavoitteessa samoja luokkia jakavat raportit ovat osittain positiivisia tällä painolla (0 = vain raportin oma näkymä)", DefaultValueFactory = _ => defaults.LabelPositives }.Range(0, 100);
        var dropout = new Option<double>("--term-dropout") { Description = "Osuus termeistä, jonka kumpikin opetusnäkymä jättää pois", DefaultValueFactory = _ => defaults.TermDropout }.Range(0, 1, maxExclusive: true);
        var validation = new Option<double>("--validation") { Description = "Varhaiseen pysäytykseen sivuun jätettävä osuus luokitelluista raporteista (0 = ei pysäytystä)", DefaultValueFactory = _ => defaults.ValidationFraction }.Range(0, 1, maxExclusive: true);
        var patience = new Option<int>("--patience") { Description = "Kierroksia ilman parannusta ennen pysäytystä", DefaultValueFactory = _ => defaults.Patience }.Range(1, 1000);
        var noRefit = new Option<bool>("--no-refit") { Description = "Älä opeta lopuksi uudelleen kaikilla raporteilla parhaan kierrosmäärän verran" };
        var neighbours = new Option<int>("--neighbours") { Description = "Naapurit validoinnin kNN-mittarissa", DefaultValueFactory = _ => defaults.Neighbours }.Range(1, 1000);
        var minCount = new Option<int>("--min-count") { Description = "Sanastoon pääsee sana, joka on vähintään näin monessa raportissa", DefaultValueFactory = _ => features.MinCount }.Range(1, 1_000_000);
        var buckets = new Option<int>("--buckets") { Description = "Merkki-n-grammien tiivistelokerot", DefaultValueFactory = _ => features.Buckets }.Range(1, 1 << 24);
        var minNgram = new Option<int>("--min-ngram") { Description = "Lyhin merkki-n-grammi (0 = ei n-grammeja)", DefaultValueFactory = _ => features.MinNgram }.Range(0, 10);
        var maxNgram = new Option<int>("--max-ngram") { Description = "Pisin merkki-n-grammi", DefaultValueFactory = _ => features.MaxNgram }.Range(1, 10);
        var ngramWeight = new Option<double>("--ngram-weight") { Description = "N-grammien paino sanan lemman ja osien rinnalla (0 = vain tuntemattomille sanoille)", DefaultValueFactory = _ => features.NgramWeight }.Range(0, 100);
        var noParts = new Option<bool>("--no-parts") { Description = "Älä anna yhdyssanojen osille omia rivejä" };
        var weighting = new Option<string>("--term-weighting") { Description = "Termien painotus: idf tai uniform", DefaultValueFactory = _ => "idf" };
        weighting.AcceptOnlyFromAmong("idf", "uniform");
        var pooling = new Option<string>("--pooling") { Description = "Yhdistäminen: mean tai sqrt-n", DefaultValueFactory = _ => "mean" };
        pooling.AcceptOnlyFromAmong("mean", "sqrt-n");
        var projection = new Option<string>("--projection")
        {
            Description = "Taulukon rivien yhdistelmän jälkeen: none (upotus on rivien painotettu keskiarvo), linear (opittu projektio) tai tanh (projektio ja tanh)",
            DefaultValueFactory = _ => defaults.Projection ? (defaults.Activation == EncoderActivation.Tanh ? "tanh" : "linear") : "none",
        };
        projection.AcceptOnlyFromAmong("none", "linear", "tanh");
        var voikkoPath = new Option<string?>("--voikko-path") { Description = $"Voikon sanakirjahakemisto (oletus: {VoikkoOptions.DictionaryPathVariable} tai /usr/lib/voikko)" };

        var command = new Command("train", "Opettaa enkooderin: luokitustavoite (luokitellut raportit) + kontrastiivinen tavoite (kaikki raportit), varhainen pysäytys, tulos encoder.bin.")
        {
            input, taxonomy, output, unlabelled, dim, embeddingDim, epochs, seed, threads, batch, lr, wd, supervised, contrastive, temperature, labelPositives, dropout,
            validation, patience, noRefit, neighbours, minCount, buckets, minNgram, maxNgram, ngramWeight, noParts, weighting, pooling, projection, voikkoPath,
        };
        command.SetAction(async (r, cancellationToken) =>
        {
            var minN = r.GetValue(minNgram);
            var maxN = minN == 0 ? r.GetValue(maxNgram) : Math.Max(minN, r.GetValue(maxNgram));
            if (minN > 0 && r.GetValue(maxNgram) < minN)
                throw new InputException($"--max-ngram ({r.GetValue(maxNgram)}) ei voi olla pienempi kuin --min-ngram ({minN})", field: "--max-ngram");
            var project = r.GetValue(projection) != "none";
            var width = r.GetValue(embeddingDim);
            if (!project && width != 0 && width != r.GetValue(dim))
                throw new InputException("ilman projektiota (--projection none) --embedding-dim on sama kuin --dim", field: "--embedding-dim");
            var options = new EncoderTrainingOptions
            {
                Features = new EncoderFeatureOptions
                {
                    CompoundParts = !r.GetValue(noParts),
                    MinNgram = minN,
                    MaxNgram = minN == 0 ? 0 : maxN,
                    Buckets = r.GetValue(buckets),
                    NgramWeight = (float)r.GetValue(ngramWeight),
                    MinCount = r.GetValue(minCount),
                    TermWeighting = r.GetValue(weighting) == "uniform" ? EncoderTermWeighting.Uniform : EncoderTermWeighting.Idf,
                    Pooling = r.GetValue(pooling) == "sqrt-n" ? EncoderPooling.SqrtN : EncoderPooling.Mean,
                },
                Dimension = r.GetValue(dim),
                EmbeddingDimension = width,
                Projection = project,
                Activation = r.GetValue(projection) == "tanh" ? EncoderActivation.Tanh : EncoderActivation.None,
                MaxEpochs = r.GetValue(epochs),
                BatchSize = r.GetValue(batch),
                LearningRate = r.GetValue(lr),
                WeightDecay = r.GetValue(wd),
                SupervisedWeight = r.GetValue(supervised),
                ContrastiveWeight = r.GetValue(contrastive),
                Temperature = r.GetValue(temperature),
                LabelPositives = r.GetValue(labelPositives),
                TermDropout = r.GetValue(dropout),
                ValidationFraction = r.GetValue(validation),
                Patience = r.GetValue(patience),
                Refit = !r.GetValue(noRefit),
                Neighbours = r.GetValue(neighbours),
                Seed = r.GetValue(seed),
                Threads = r.GetValue(threads),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new InputException($"virheellinen opetusasetus: {e.Message}", field: e.ParamName);
            }

            return await RunAsync(options, r.GetRequiredValue(input), r.GetRequiredValue(taxonomy), r.GetRequiredValue(output),
                r.GetValue(unlabelled) ?? [], r.GetValue(voikkoPath), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, cancellationToken)
                .ConfigureAwait(false);
        });
        return command;
    }

    internal static async Task<int> RunAsync(EncoderTrainingOptions options, string input, string taxonomyPath, string output, IReadOnlyList<string> unlabelled,
        string? voikkoPath, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (File.Exists(output)) throw new InputException("on tiedosto; anna hakemisto, johon enkooderi kirjoitetaan", output, field: "--output");
        var clock = Stopwatch.StartNew();
        var taxonomy = await TaxonomyJson.LoadAsync(taxonomyPath, cancellationToken).ConfigureAwait(false);
        using var lemmatizer = new VoikkoLemmatizer(new VoikkoOptions { DictionaryPath = voikkoPath });
        var analyzer = new TextAnalyzer(new FinnishTokenizer(), lemmatizer, Stopwords.Default);
        var documents = await TrainingCorpus.LoadAsync(input, taxonomy, analyzer, keepLabels: true, cancellationToken).ConfigureAwait(false);
        var inputCount = documents.Count;
        foreach (var extra in unlabelled)
            documents.AddRange(await TrainingCorpus.LoadAsync(extra, taxonomy, analyzer, keepLabels: false, cancellationToken).ConfigureAwait(false));
        var duplicate = documents.GroupBy(d => d.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        var labelled = documents.Count(d => d.Labelled);
        await stderr.WriteLineAsync(string.Create(Fi,
            $"sosrap-train: {documents.Count} raporttia ({labelled} luokiteltua, {documents.Count - inputCount} vain itseohjautuvaan opetukseen), analysoitu {clock.Elapsed.TotalSeconds:0.0} s")).ConfigureAwait(false);
        if (duplicate is not null)
            await stderr.WriteLineAsync($"sosrap-train: huom: tunnus '{duplicate.Key}' esiintyy useammassa tiedostossa; raportit käytetään sellaisinaan").ConfigureAwait(false);
        if (labelled == 0 && options.SupervisedWeight > 0)
            await stderr.WriteLineAsync("sosrap-train: huom: yhtään luokiteltua raporttia ei ole; opetetaan vain kontrastiivisella tavoitteella").ConfigureAwait(false);
        if (labelled == 0 && options.ContrastiveWeight == 0)
            throw new InputException("yhtään luokiteltua raporttia ei ole ja kontrastiivinen tavoite on pois päältä: ei mitään opetettavaa", input);
        if (documents.Count(d => d.Terms.Count > 0) < 2)
            throw new InputException("opetukseen tarvitaan vähintään kaksi raporttia, joissa on sisältösanoja", input);

        var trainer = new EncoderTrainer(options);
        var result = trainer.Train(documents, taxonomy.Categories.Select(c => c.Id).ToList(), new LineProgress(stderr), cancellationToken);

        Directory.CreateDirectory(output);
        var file = Path.Combine(output, EncoderFile.FileName);
        await EncoderFile.SaveAsync(result.Model, file, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(Path.Combine(output, "training.json"), TrainingLog(result, options, input, unlabelled, clock.Elapsed), cancellationToken)
            .ConfigureAwait(false);
        var f = result.Model.Features;
        var validationText = result.BestValidation is { } b
            ? string.Create(Fi, $", validointi (kierros {result.BestEpoch}) P@1 {b.PrecisionAt1:0.000} F1@3 {b.F1AtK:0.000}")
            : "";
        await stdout.WriteLineAsync(string.Create(Fi,
            $"Enkooderi kirjoitettu: {file} (d={result.Model.Dimension}, sanasto {f.Vocabulary.Count}, n-grammilokeroita käytössä {f.KnownBucketCount}/{f.KnownBuckets.Length}, {result.TrainingReports} raporttia{validationText}, {clock.Elapsed.TotalSeconds:0.0} s)"))
            .ConfigureAwait(false);
        return 0;
    }

    private static string TrainingLog(TrainingResult result, EncoderTrainingOptions options, string input, IReadOnlyList<string> unlabelled, TimeSpan elapsed)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("input", Path.GetFileName(input));
            w.WriteStartArray("unlabelled");
            foreach (var u in unlabelled) w.WriteStringValue(Path.GetFileName(u));
            w.WriteEndArray();
            w.WriteNumber("seconds", Math.Round(elapsed.TotalSeconds, 2));
            w.WriteNumber("threads", options.Threads);
            w.WriteNumber("best_epoch", result.BestEpoch);
            w.WriteNumber("training_reports", result.TrainingReports);
            w.WriteNumber("validation_reports", result.ValidationReports);
            w.WriteStartArray("history");
            foreach (var p in result.History)
            {
                w.WriteStartObject();
                w.WriteString("phase", p.Phase);
                w.WriteNumber("epoch", p.Epoch);
                w.WriteNumber("loss", Math.Round(p.Loss, 5));
                w.WriteNumber("supervised_loss", Math.Round(p.SupervisedLoss, 5));
                w.WriteNumber("contrastive_loss", Math.Round(p.ContrastiveLoss, 5));
                if (p.Validation is { } v)
                {
                    w.WriteNumber("p@1", Math.Round(v.PrecisionAt1, 4));
                    w.WriteNumber("f1@3", Math.Round(v.F1AtK, 4));
                    w.WriteNumber("ndcg@5", Math.Round(v.NdcgAt5, 4));
                }

                w.WriteNumber("seconds", Math.Round(p.Elapsed.TotalSeconds, 2));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>One stderr line per epoch; synchronous so lines keep their order.</summary>
    private sealed class LineProgress(TextWriter writer) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress p)
        {
            var phase = p.Phase switch { "select" => "valinta", "refit" => "uudelleen", _ => "opetus" };
            var validation = p.Validation is { } v
                ? string.Create(Fi, $"  validointi P@1 {v.PrecisionAt1:0.000} F1@3 {v.F1AtK:0.000} NDCG@5 {v.NdcgAt5:0.000}{(p.Improved ? " *" : "")}")
                : "";
            writer.WriteLine(string.Create(Fi,
                $"{phase} kierros {p.Epoch,3}/{p.Epochs}  häviö {p.Loss:0.0000} (luokat {p.SupervisedLoss:0.0000}, kontrastiivinen {p.ContrastiveLoss:0.0000}){validation}  {p.Elapsed.TotalSeconds:0.0} s"));
            writer.Flush();
        }
    }
}
