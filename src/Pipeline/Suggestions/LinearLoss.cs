namespace SosRap.Pipeline.Suggestions;

/// <summary>The loss of the linear backend's binary models.</summary>
public enum LinearLoss
{
    /// <summary>Hinge loss: a linear support vector machine.</summary>
    Hinge,

    /// <summary>Logistic loss: logistic regression.</summary>
    Logistic,
}
