using SosRap.Pipeline.Clustering;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Tests.Clustering;

public sealed class RulesTests
{
    private static AnalyzedText Text(params string[] lemmas) =>
        new(lemmas.Select(l => new AnalyzedTerm(l, [], 0, l.Length, LemmaSource.Dictionary)).ToList());

    [Fact]
    public void Keywords_are_class_tfidf_weights_computed_by_hand()
    {
        // Class 0: a a b; class 1: b c. f_a = 2, f_b = 2, f_c = 1; A = floor(5 / 2) = 2.
        // idf_a = idf_b = ln(1 + 2/2) = ln 2, idf_c = ln(1 + 2/1) = ln 3; rows l1-normalised.
        var texts = new[] { Text("a", "b"), Text("a"), Text("b", "c") };
        var keywords = ClusterLabeler.Keywords(texts, [0, 0, 1], 2, 5);
        Assert.Equal(["a", "b"], keywords[0].Select(k => k.Term));
        Assert.Equal(2.0 / 3 * Math.Log(2), keywords[0][0].Weight, 5);
        Assert.Equal(1.0 / 3 * Math.Log(2), keywords[0][1].Weight, 5);
        Assert.Equal(["c", "b"], keywords[1].Select(k => k.Term));
        Assert.Equal(0.5 * Math.Log(3), keywords[1][0].Weight, 5);
        Assert.Equal(0.5 * Math.Log(2), keywords[1][1].Weight, 5);
    }

    [Fact]
    public void Keywords_leave_outliers_out_and_count_compound_parts()
    {
        var compound = new AnalyzedText([new AnalyzedTerm("asumistuki", ["asumis", "tuki"], 0, 10, LemmaSource.Dictionary)]);
        var keywords = ClusterLabeler.Keywords([compound, Text("tuki"), Text("vuokra")], [0, 1, -1], 2, 5);
        Assert.Equal(["asumis", "asumistuki", "tuki"], keywords[0].Select(k => k.Term).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(keywords[1], k => k.Term == "vuokra");
    }

    [Fact]
    public void Label_joins_top_keywords_and_skips_parts_of_chosen_ones()
    {
        var keywords = new[] { "toimeentulotuki", "tuki", "kela", "toimeentulo", "viive" }.Select((t, i) => new ClusterKeyword(t, 1.0 / (i + 1))).ToList();
        Assert.Equal("toimeentulotuki · kela · viive", ClusterLabeler.Label(keywords, 3));
        Assert.Equal("(ei avainsanoja)", ClusterLabeler.Label([], 3));
    }

    [Theory]
    [InlineData(new[] { 0, 0, 6 }, new[] { 50, 50, 50 }, TrendStatus.New)]
    [InlineData(new[] { 1, 0, 8 }, new[] { 50, 50, 50 }, TrendStatus.New)]
    [InlineData(new[] { 3, 3, 9 }, new[] { 50, 50, 50 }, TrendStatus.Growing)]
    [InlineData(new[] { 5, 5, 5 }, new[] { 50, 50, 50 }, TrendStatus.Stable)]
    [InlineData(new[] { 5, 5, 10 }, new[] { 50, 50, 100 }, TrendStatus.Stable)] // twice the count in a twice as big period
    [InlineData(new[] { 8, 8, 2 }, new[] { 50, 50, 50 }, TrendStatus.Declining)]
    [InlineData(new[] { 8, 0 }, new[] { 50, 50 }, TrendStatus.Declining)]
    [InlineData(new[] { 0, 2 }, new[] { 50, 50 }, TrendStatus.Undetermined)] // too few in all
    [InlineData(new[] { 9 }, new[] { 50 }, TrendStatus.Undetermined)] // one period
    [InlineData(new[] { 9, 0 }, new[] { 50, 0 }, TrendStatus.Undetermined)] // empty last period
    public void Trend_rule_compares_the_last_periods_share_with_the_earlier_share(int[] counts, int[] totals, TrendStatus expected) =>
        Assert.Equal(expected, new TrendRule().Classify(counts, totals));

    [Fact]
    public void Periods_split_by_half_year_quarter_and_year_and_span_includes_empty_periods()
    {
        Assert.Equal("2024-H1", Periods.Of(new DateOnly(2024, 6, 30), PeriodScheme.HalfYear));
        Assert.Equal("2024-H2", Periods.Of(new DateOnly(2024, 7, 1), PeriodScheme.HalfYear));
        Assert.Equal("2024-Q3", Periods.Of(new DateOnly(2024, 9, 30), PeriodScheme.Quarter));
        Assert.Equal("2024-Q4", Periods.Of(new DateOnly(2024, 10, 1), PeriodScheme.Quarter));
        Assert.Equal("2024", Periods.Of(new DateOnly(2024, 1, 1), PeriodScheme.Year));
        Assert.Equal(Periods.Unknown, Periods.Of(null, PeriodScheme.HalfYear));
        DateOnly?[] dates = [new DateOnly(2023, 2, 1), null, new DateOnly(2024, 8, 1)];
        Assert.Equal(["2023-H1", "2023-H2", "2024-H1", "2024-H2"], Periods.Span(dates, PeriodScheme.HalfYear));
        Assert.Equal(["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3"], Periods.Span(dates, PeriodScheme.Quarter));
        Assert.Empty(Periods.Span([null, null], PeriodScheme.Year));
    }

    [Fact]
    public void Ids_are_kept_for_clusters_that_share_members_with_the_previous_run()
    {
        IReadOnlyList<(string, IReadOnlyCollection<string>)> previous = [("0", ["a", "b", "c", "d"]), ("1", ["e", "f", "g"]), ("7", ["x", "y"])];
        IReadOnlyList<IReadOnlyCollection<string>> current = [["e", "f", "g", "h"], ["p", "q"], ["a", "b", "c"]];
        var ids = ClusterIdMatcher.Match(current, previous, 0.3);
        Assert.Equal(["1", "8", "0"], ids); // a new cluster gets an id above every previous one
    }

    [Fact]
    public void Burst_is_the_smoothed_log_ratio_of_document_frequencies()
    {
        // 6 of 20 new reports vs 1 of 100 old: ln(7/22) − ln(2/102).
        Assert.Equal(Math.Log(7.0 / 22) - Math.Log(2.0 / 102), NoveltyScorer.Burst(6, 20, 1, 100), 12);
        var history = ReportHistory.FromAnalyses([Text("vuokra"), Text("vuokra", "tuki"), Text("tuki")]);
        var scorer = NoveltyScorer.Fit([new HashSet<string> { "pankki", "vuokra" }, new HashSet<string> { "pankki" }, new HashSet<string> { "pankki", "tuki" }, new HashSet<string> { "kela" }], history);
        Assert.Equal(NoveltyScorer.Burst(3, 4, 0, 3), scorer.BurstOf("pankki"), 12);
        Assert.Equal(0, scorer.BurstOf("vuokra")); // under three new reports
        Assert.Equal(scorer.BurstOf("pankki"), scorer.Mass(new HashSet<string> { "pankki", "kela" }), 12);
    }
}
