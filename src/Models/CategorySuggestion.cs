namespace SosRap.Models;

/// <summary>One proposed category with a score in [0, 1] and the evidence behind it.</summary>
/// <param name="Category">Taxonomy category id.</param>
/// <param name="Score">Calibrated score; higher is more likely.</param>
/// <param name="Evidence">Why it was proposed, when the backend can say.</param>
public sealed record CategorySuggestion(string Category, float Score, SuggestionEvidence? Evidence = null);
