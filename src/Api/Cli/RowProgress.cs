using System.Globalization;

namespace SosRap.Api.Cli;

/// <summary>
/// Shows "luettu N riviä" on one terminal line of stderr while a file is read; does nothing when
/// stderr is redirected or is not the console (tests, pipes), so it never pollutes a log.
/// </summary>
internal sealed class RowProgress : IProgress<long>, IDisposable
{
    private readonly TextWriter? _terminal;
    private bool _drawn;

    private RowProgress(TextWriter? terminal) => _terminal = terminal;

    public static RowProgress For(TextWriter error) =>
        new(ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? error : null);

    public void Report(long value)
    {
        if (_terminal is null) return;
        _terminal.Write($"\rluettu {value.ToString("N0", CultureInfo.GetCultureInfo("fi-FI"))} riviä");
        _drawn = true;
    }

    public void Dispose()
    {
        // Clear the line so the summary starts clean.
        if (_drawn) _terminal!.Write("\r\u001b[2K");
    }
}
