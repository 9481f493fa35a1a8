using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Suggestions;

/// <summary>Settings of <see cref="SuggestionModel.Train"/>; validated once at the start of training.</summary>
public sealed record SuggestionTrainingOptions
{
    /// <summary>Cross-validation folds for the ensemble's weights, calibration, threshold and the reported metrics.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seed of the fold split and of ML.NET.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The sparse featurizer: character n-grams of every word (not only unknown ones) won in cross-validation on the development data.</summary>
    public TfidfOptions Features { get; init; } = new() { CharNgrams = CharNgramScope.AllWords };

    /// <summary>kNN settings; null tunes K and the similarity power by cross-validation.</summary>
    public KnnOptions? Knn { get; init; }

    /// <summary>Linear backend settings.</summary>
    public LinearOptions Linear { get; init; } = new();

    /// <summary>Centroid backend settings.</summary>
    public CentroidOptions Centroid { get; init; } = new();

    /// <summary>Reviewer feedback folded into the training set (confirmed categories replace or add rows).</summary>
    public IReadOnlyList<FeedbackRecord> Feedback { get; init; } = [];

    /// <summary>Voikko dictionary folder; null uses the default.</summary>
    public string? VoikkoPath { get; init; }

    /// <summary>Name of the training data in error messages.</summary>
    public string SourceName { get; init; } = "opetusaineisto";

    /// <summary>Throws when a value is out of range; returns this.</summary>
    public SuggestionTrainingOptions Validate()
    {
        if (Folds is < 2 or > 20) throw new ArgumentOutOfRangeException(nameof(Folds), Folds, "Folds must be between 2 and 20.");
        Features.Validate();
        Knn?.Validate();
        Linear.Validate();
        Centroid.Validate();
        return this;
    }
}
