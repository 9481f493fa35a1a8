using SosRap.Pipeline.Features;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Suggestions;

/// <summary>A redacted, analysed text ready for the backends: its content words and its L2-normalised tf-idf vector.</summary>
/// <param name="Analysis">Lemmas (with compound parts) of the redacted text.</param>
/// <param name="Features">The tf-idf vector of <paramref name="Analysis"/> under the model's featurizer.</param>
public sealed record SuggestionInput(AnalyzedText Analysis, SparseVector Features);
