namespace SosRap.Pipeline.IO;

/// <summary>Counts every problem and keeps the first ones of each severity for listing.</summary>
internal sealed class ProblemCollector
{
    private readonly List<InputProblem> _kept = [];
    private readonly int _cap;

    public ProblemCollector(string source, int cap)
    {
        Source = source;
        _cap = cap;
    }

    public string Source { get; }

    public long Errors { get; private set; }

    public long Warnings { get; private set; }

    public IReadOnlyList<InputProblem> Kept => _kept;

    /// <summary>Errors kept, for the exception of <see cref="InvalidRowPolicy.Fail"/>.</summary>
    public IReadOnlyList<InputProblem> KeptErrors => _kept.FindAll(p => p.Severity == ProblemSeverity.Error);

    /// <summary>True once as many errors as the cap were found (never with no cap).</summary>
    public bool ErrorCapReached => _cap > 0 && Errors >= _cap;

    public void Add(ProblemSeverity severity, long? row, string? field, string message)
    {
        // Errors and warnings are capped separately, so a flood of warnings never hides an error.
        var count = severity == ProblemSeverity.Error ? ++Errors : ++Warnings;
        if (_cap == 0 || count <= _cap) _kept.Add(new InputProblem(severity, Source, row, field, message));
    }
}
