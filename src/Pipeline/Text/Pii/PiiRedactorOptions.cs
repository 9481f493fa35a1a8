namespace SosRap.Pipeline.Text.Pii;

/// <summary>What <see cref="PiiRedactor"/> looks for. Validated once, when the redactor is created.</summary>
public sealed record PiiRedactorOptions
{
    /// <summary>Every kind, the default.</summary>
    public static IReadOnlyList<PiiKind> AllKinds { get; } = Enum.GetValues<PiiKind>();

    /// <summary>The kinds to redact; all by default.</summary>
    public IReadOnlyCollection<PiiKind> Kinds { get; init; } = AllKinds;

    /// <summary>First names to recognise besides the built-in list (<c>data/first-names-fi.txt</c>).</summary>
    public IReadOnlyCollection<string> AdditionalFirstNames { get; init; } = [];

    /// <summary>
    /// Capitalised words never to take for names besides the built-in list (<c>data/non-names-fi.txt</c>),
    /// e.g. local place or service names; inflected forms are covered as for the built-in list.
    /// </summary>
    public IReadOnlyCollection<string> AdditionalNonNames { get; init; } = [];

    /// <summary>The problems with these options; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Kinds is null || Kinds.Count == 0) problems.Add("Kinds must name at least one kind of personal data.");
        else
        {
            foreach (var kind in Kinds)
            {
                if (!Enum.IsDefined(kind)) problems.Add($"Kinds contains an unknown value {(int)kind}.");
            }
        }

        CheckWords(AdditionalFirstNames, nameof(AdditionalFirstNames), problems);
        CheckWords(AdditionalNonNames, nameof(AdditionalNonNames), problems);
        return problems;
    }

    private static void CheckWords(IReadOnlyCollection<string>? words, string property, List<string> problems)
    {
        if (words is null)
        {
            problems.Add($"{property} must not be null.");
            return;
        }

        foreach (var word in words)
        {
            if (string.IsNullOrWhiteSpace(word) || word.Any(char.IsWhiteSpace) || !char.IsLetter(word[0]))
                problems.Add($"{property} entry '{word}' must be one word starting with a letter.");
        }
    }
}
