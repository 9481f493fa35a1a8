using SosRap.Pipeline.Text;

namespace SosRap.Training;

/// <summary>One analysed report as training sees it: id, terms and category indices into the taxonomy.</summary>
/// <param name="Id">Report id (never its text) for messages.</param>
/// <param name="Terms">Content words of phenomenon and proposal.</param>
/// <param name="Labels">Indices of its categories in the taxonomy; empty when unlabelled.</param>
internal sealed record TrainingDocument(string Id, IReadOnlyList<AnalyzedTerm> Terms, int[] Labels)
{
    /// <summary>True when the report has categories (the supervised objective can use it).</summary>
    public bool Labelled => Labels.Length > 0;
}
