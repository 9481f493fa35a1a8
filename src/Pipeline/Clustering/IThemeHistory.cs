namespace SosRap.Pipeline.Clustering;

/// <summary>
/// What new-theme detection needs from earlier reports (or a model trained on them): how many
/// history reports contain a term. A trained model directory or the earlier reports themselves
/// (<see cref="ReportHistory"/>) can provide it.
/// </summary>
public interface IThemeHistory
{
    /// <summary>Number of history reports.</summary>
    int DocumentCount { get; }

    /// <summary>History reports containing <paramref name="term"/> (a lemma or compound part) at least once.</summary>
    int DocumentFrequency(string term);

    /// <summary>
    /// For each category of the history, how many of its reports contain each term; null when the
    /// history has no categories. Used to say how well a new cluster fits the existing categories.
    /// </summary>
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>? CategoryTerms => null;

    /// <summary>The term sets (lemmas and compound parts) of the history reports, for nearest-history similarity; null when the history keeps only counts.</summary>
    IReadOnlyList<IReadOnlySet<string>>? DocumentTerms { get; }
}
