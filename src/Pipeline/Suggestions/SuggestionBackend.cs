namespace SosRap.Pipeline.Suggestions;

/// <summary>Which backend <see cref="SuggestionModel.Suggest"/> asks.</summary>
public enum SuggestionBackend
{
    /// <summary>The ensemble when the model has one, otherwise zero-shot.</summary>
    Default,

    /// <summary>The learned combination of all backends.</summary>
    Ensemble,

    /// <summary>Nearest labelled reports vote.</summary>
    Knn,

    /// <summary>One linear model per category.</summary>
    Linear,

    /// <summary>Cosine to each category's centroid.</summary>
    Centroid,

    /// <summary>Similarity to the taxonomy's own texts; needs no training data.</summary>
    ZeroShot,
}
