using SosRap.Models;
using SosRap.Pipeline.Clustering;
using SosRap.Pipeline.IO;
using SosRap.Pipeline.Tests.Text;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Tests.Clustering;

/// <summary>The facade end to end with real Voikko: synthetic corpora, the sample reports, and bad input.</summary>
public sealed class ThemeAnalysisTests(VoikkoLemmatizerFixture fixture) : IClassFixture<VoikkoLemmatizerFixture>
{
    private static readonly string[][] Themes =
    [
        ["vuokra", "asunto", "häätö", "vuokranantaja", "asumistuki", "kerrostalo", "muutto", "takuuvuokra"],
        ["alkoholi", "huume", "katkaisuhoito", "päihdehoito", "retkahdus", "korvaushoito", "humala", "vieroitus"],
        ["koulu", "päiväkoti", "vanhempi", "opettaja", "kiusaaminen", "harrastus", "neuvola", "oppilas"],
        ["vanhus", "kotihoito", "hoitaja", "muistisairaus", "omainen", "palvelutalo", "yksinäisyys", "kaatuminen"],
    ];

    private static readonly string[] NewTheme = ["pankkikonttori", "käteinen", "automaatti", "verkkopankki", "tunnistautuminen", "pankkikortti", "kassa", "laskupino"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ThemeAnalysis Analysis() => new(new TextAnalyzer(new FinnishTokenizer(), fixture.Lemmatizer, Stopwords.Default));

    private static Report Make(string id, string[] vocabulary, Random random, DateOnly? date, int words = 5)
    {
        var picked = vocabulary.OrderBy(_ => random.Next()).Take(words).ToArray();
        return new Report
        {
            Id = id,
            Phenomenon = $"Asiakkailla on toistuvasti ongelma: {string.Join(", ", picked[..^1])} ja {picked[^1]}.",
            ReportedAt = date,
            Municipality = random.Next(2) == 0 ? "Kajaani" : "Kuhmo",
        };
    }

    private static List<Report> Corpus(int perTheme, bool withNewTheme, int year, int seed)
    {
        var random = new Random(seed);
        var reports = new List<Report>();
        for (var t = 0; t < Themes.Length; t++)
        {
            for (var i = 0; i < perTheme; i++) reports.Add(Make($"{year}-{t}-{i}", Themes[t], random, new DateOnly(year, 1 + (i % 12), 10)) with { Categories = [$"kat{t}"] });
        }

        if (withNewTheme)
        {
            // The new phenomenon mixes new words with the housing vocabulary, as emerging themes do.
            for (var i = 0; i < perTheme; i++)
            {
                var words = NewTheme.OrderBy(_ => random.Next()).Take(4).Append(Themes[0][random.Next(Themes[0].Length)]).ToArray();
                reports.Add(Make($"{year}-new-{i}", words, random, new DateOnly(year, 7 + (i % 6), 12)));
            }
        }

        return reports;
    }

    [Fact]
    public void Planted_themes_are_recovered_and_labelled_with_their_words()
    {
        var reports = Corpus(12, withNewTheme: false, 2024, seed: 1);
        var result = Analysis().Run(reports, new ThemeAnalysisOptions(), cancellationToken: Ct);
        Assert.Equal(4, result.Clusters.Count);
        Assert.Equal(reports.Count, result.Assignments.Count);
        foreach (var c in result.Clusters)
        {
            var theme = c.Members.Select(id => id.Split('-')[1]).Distinct().ToList();
            Assert.Single(theme);
            var vocabulary = Themes[int.Parse(theme[0], System.Globalization.CultureInfo.InvariantCulture)];
            Assert.All(c.Label.Split(" · "), word => Assert.Contains(vocabulary, v => v.Contains(word, StringComparison.Ordinal)));
            Assert.Equal(3, c.Representatives.Count);
            Assert.All(c.Representatives, r => Assert.Contains(r.Id, c.Members));
            Assert.Equal(c.Size, c.Municipalities.Values.Sum());
            Assert.Equal(c.Size, c.Periods.Values.Sum());
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void A_burst_of_new_vocabulary_is_flagged_as_the_only_candidate_new_theme(int consensusRuns)
    {
        var history = Corpus(15, withNewTheme: false, 2023, seed: 2);
        var batch = Corpus(10, withNewTheme: true, 2024, seed: 3);
        var analyzer = new TextAnalyzer(new FinnishTokenizer(), fixture.Lemmatizer, Stopwords.Default);
        var result = new ThemeAnalysis(analyzer).Run(batch, new ThemeAnalysisOptions { ConsensusRuns = consensusRuns }, ReportHistory.FromReports(history, analyzer, Ct), cancellationToken: Ct);
        var candidate = Assert.Single(result.Candidates);
        var planted = batch.Where(r => r.Id.Contains("-new-", StringComparison.Ordinal)).Select(r => r.Id).ToHashSet();
        Assert.True(candidate.Members.Count(planted.Contains) >= 9, $"candidate holds {candidate.Members.Count(planted.Contains)} of 10 planted reports");
        Assert.True(candidate.Members.Count(id => !planted.Contains(id)) <= 1);
        var evidence = candidate.Novelty!;
        Assert.Contains(evidence.BurstyTerms, b => NewTheme.Contains(b.Term) && b.HistoryShare == 0);
        Assert.Equal(new DateOnly(2024, 7, 12), evidence.FirstSeen);
        Assert.NotNull(evidence.HistoryNeighborSimilarity);
        // Established themes have a novelty score, but none is flagged; each fits the history category of its words best.
        Assert.All(result.Clusters.Where(c => c != candidate), c => Assert.False(c.IsCandidateNewTheme));
        Assert.All(result.Clusters.Where(c => c != candidate), c =>
            Assert.Equal("kat" + c.Members[0].Split('-')[1], c.Novelty!.BestCategory!.Category));
    }

    [Fact]
    public void Rerunning_with_the_previous_clusters_keeps_the_ids()
    {
        var reports = Corpus(12, withNewTheme: false, 2024, seed: 4);
        var first = Analysis().Run(reports, new ThemeAnalysisOptions { Clustering = new ClusteringOptions { Seed = 1 } }, cancellationToken: Ct);
        // Another seed numbers clusters differently; with the previous file the ids follow the members.
        var previous = first.Clusters.Select(c => (c.Id, (IReadOnlyCollection<string>)c.Members)).ToList();
        var second = Analysis().Run(reports.Skip(2).ToList(), new ThemeAnalysisOptions { Clustering = new ClusteringOptions { Seed = 99 } }, previous: previous, cancellationToken: Ct);
        var firstOf = first.Assignments.ToDictionary(a => a.Id, a => a.Cluster);
        Assert.All(second.Assignments, a => Assert.Equal(firstOf[a.Id], a.Cluster));
    }

    [Fact]
    public void Same_seed_gives_the_same_result()
    {
        var reports = Corpus(10, withNewTheme: true, 2024, seed: 5);
        var a = Analysis().Run(reports, cancellationToken: Ct);
        var b = Analysis().Run(reports, cancellationToken: Ct);
        Assert.Equal(a.Assignments, b.Assignments);
        Assert.Equal(a.Clusters.Select(c => c.Label), b.Clusters.Select(c => c.Label));
    }

    [Fact]
    public void Too_few_reports_go_into_one_cluster_with_a_notice()
    {
        var reports = Corpus(1, withNewTheme: false, 2024, seed: 6);
        var result = Analysis().Run(reports, cancellationToken: Ct);
        var only = Assert.Single(result.Clusters);
        Assert.Equal(4, only.Size);
        Assert.Contains(result.Notices, n => n.Contains("liian vähän", StringComparison.Ordinal));
        Assert.Empty(Analysis().Run([], cancellationToken: Ct).Assignments);
    }

    [Fact]
    public void Identical_texts_form_one_cluster_with_a_notice()
    {
        var reports = Enumerable.Range(0, 12).Select(i => new Report { Id = $"r{i}", Phenomenon = "Vuokrat nousevat ja asumistuki ei riitä." }).ToList();
        var result = Analysis().Run(reports, cancellationToken: Ct);
        Assert.Single(result.Clusters);
        Assert.All(result.Assignments, a => Assert.Equal("0", a.Cluster));
        Assert.Contains(result.Notices, n => n.Contains("samat", StringComparison.Ordinal));
    }

    [Fact]
    public void Texts_without_content_words_are_outliers_and_missing_dates_go_to_the_unknown_period()
    {
        var reports = Corpus(8, withNewTheme: false, 2024, seed: 7);
        reports.Add(new Report { Id = "tyhjä", Phenomenon = "ja ja 123 !" });
        reports[0] = reports[0] with { ReportedAt = null };
        reports[1] = reports[1] with { ReportedAt = null };
        var result = Analysis().Run(reports, cancellationToken: Ct);
        Assert.Equal(ClusterAssignment.Outlier, result.Assignments.Single(a => a.Id == "tyhjä").Cluster);
        Assert.Contains(result.Notices, n => n.StartsWith("1 raportissa ei ole sisältösanoja", StringComparison.Ordinal));
        Assert.Equal(3, result.UnknownPeriodCount); // the empty report has no date either
        Assert.Equal(Periods.Unknown, result.Periods[^1]);
        Assert.Contains(result.Notices, n => n.StartsWith("3 raportilta puuttuu päivämäärä", StringComparison.Ordinal));
        Assert.Equal(2, result.Clusters.Sum(c => c.Periods.GetValueOrDefault(Periods.Unknown)));
        Assert.All(result.Clusters, c => Assert.Equal(result.Periods, c.Periods.Keys));
    }

    [Fact]
    public async Task Sample_reports_give_readable_clusters_and_a_self_contained_page()
    {
        var (reports, _) = await ReportReader.ReadFileAsync(SampleData.Path("sample_reports.jsonl"), cancellationToken: Ct);
        var result = Analysis().Run(reports, cancellationToken: Ct);
        Assert.InRange(result.Clusters.Count, 4, 40);
        Assert.Equal(reports.Select(r => r.Id), result.Assignments.Select(a => a.Id));
        Assert.Equal(["2024-H1", "2024-H2", "2025-H1", "2025-H2"], result.Periods);
        var html = ClusterHtml.Render(result, reports.Count, "Teemat");
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        HtmlChecks.AssertBalanced(html);
        foreach (var c in result.Clusters) Assert.Contains(System.Net.WebUtility.HtmlEncode(c.Label), html, StringComparison.Ordinal);
    }
}
