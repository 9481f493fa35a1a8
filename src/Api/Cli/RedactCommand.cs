using System.CommandLine;
using System.Globalization;
using System.Text;
using SosRap.Pipeline.Text.Pii;

namespace SosRap.Api.Cli;

/// <summary>
/// <c>sosrap redact</c>: reads text from standard input and writes it to standard output with
/// personal data replaced by placeholders. <c>--report</c> prints counts per kind to standard
/// error — never any of the text.
/// </summary>
internal static class RedactCommand
{
    private const int BufferSize = 1 << 16;

    public static Command Create()
    {
        var report = new Option<bool>("--report")
        {
            Description = "Tulosta virhevirtaan, montako kutakin tietolajia poistettiin (ei tekstiä).",
        };
        var command = new Command(
            "redact",
            "Poistaa henkilötiedot vakiosyötteen tekstistä ja kirjoittaa tekstin vakiotulosteeseen: "
            + "henkilötunnukset [HETU], tilinumerot [IBAN], sähköpostit [SÄHKÖPOSTI], puhelinnumerot [PUHELIN], "
            + "osoitteet [OSOITE] ja nimet [NIMI].");
        command.Options.Add(report);
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.InvocationConfiguration.Error, parse.GetValue(report), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(TextWriter error, bool report, CancellationToken cancellationToken)
    {
        // UTF-8 both ways whatever the locale says: the text is Finnish and goes through pipes.
        using var input = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);
        var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize);
        await using (output.ConfigureAwait(false))
        {
            var counts = await PiiStreamRedaction.RedactAsync(new PiiRedactor(), input, output, cancellationToken).ConfigureAwait(false);
            if (report) await WriteReportAsync(error, counts).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task WriteReportAsync(TextWriter error, IReadOnlyDictionary<PiiKind, int> counts)
    {
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"sosrap redact: poistettu {counts.Values.Sum()} kohtaa")).ConfigureAwait(false);
        foreach (var (kind, count) in counts)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{PiiRedactor.PlaceholderFor(kind).Trim('[', ']'),-12}{count}")).ConfigureAwait(false);
        }
    }
}
