namespace SosRap.Models;

/// <summary>Evidence for a suggestion: the lemmas that drove it and the most similar earlier reports.</summary>
/// <param name="Lemmas">Lemmas with the largest contribution, strongest first.</param>
/// <param name="SimilarReportIds">Ids of the most similar labelled reports, most similar first.</param>
public sealed record SuggestionEvidence(IReadOnlyList<string> Lemmas, IReadOnlyList<string> SimilarReportIds);
