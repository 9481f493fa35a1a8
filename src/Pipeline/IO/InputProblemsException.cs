using System.Globalization;
using System.Text;

namespace SosRap.Pipeline.IO;

/// <summary>
/// A file had invalid rows and reading stopped. Carries every problem found (up to the cap of
/// <see cref="ReportReadOptions.MaxProblems"/>) so the CLI can list them and the API can return them.
/// </summary>
public sealed class InputProblemsException : InputException
{
    /// <summary>Creates the exception from the errors found in <paramref name="source"/>.</summary>
    /// <param name="source">File name.</param>
    /// <param name="problems">The errors found, in file order.</param>
    /// <param name="errorCount">How many errors were found in all (may exceed the listed ones).</param>
    /// <param name="complete">False when reading stopped at the cap, so more errors may follow.</param>
    public InputProblemsException(string source, IReadOnlyList<InputProblem> problems, long errorCount, bool complete)
        : base(Describe(problems, errorCount, complete), source)
    {
        Problems = problems;
        ErrorCount = errorCount;
        Complete = complete;
    }

    /// <summary>The problems found, in file order.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }

    /// <summary>How many errors were found in all.</summary>
    public long ErrorCount { get; }

    /// <summary>False when reading stopped at the problem cap, so the file may hold more errors.</summary>
    public bool Complete { get; }

    private static string Describe(IReadOnlyList<InputProblem> problems, long errorCount, bool complete)
    {
        var fi = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(errorCount.ToString(fi)).Append(errorCount == 1 ? " virhe" : " virhettä");
        if (!complete) sb.Append(" (luku lopetettiin ").Append(errorCount.ToString(fi)).Append(". virheeseen)");
        sb.Append("; virheelliset rivit voi ohittaa ja kirjoittaa erilliseen tiedostoon valinnalla --skip-invalid:");
        foreach (var p in problems) sb.Append('\n').Append("  ").Append(p);
        if (problems.Count < errorCount) sb.Append('\n').Append("  … ja ").Append((errorCount - problems.Count).ToString(fi)).Append(" muuta");
        return sb.ToString();
    }
}
