namespace SosRap.Pipeline.IO;

/// <summary>What a reader does with a row that has errors.</summary>
public enum InvalidRowPolicy
{
    /// <summary>Stop yielding rows, keep scanning for further errors up to the cap, then throw <see cref="InputProblemsException"/>.</summary>
    Fail,

    /// <summary>Skip the row and write it with its reasons to the rejected-rows file.</summary>
    Skip,

    /// <summary>Skip the row and only record its problems in the summary (for validation, which lists them).</summary>
    Collect,
}
