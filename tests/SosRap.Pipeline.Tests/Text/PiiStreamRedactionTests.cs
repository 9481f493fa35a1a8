using System.Text;
using SosRap.Pipeline.Text.Pii;

namespace SosRap.Pipeline.Tests.Text;

public sealed class PiiStreamRedactionTests
{
    private static readonly PiiRedactor Redactor = new();

    private static async Task<(string Output, IReadOnlyDictionary<PiiKind, int> Counts)> RunAsync(TextReader input)
    {
        var output = new StringWriter();
        var counts = await PiiStreamRedaction.RedactAsync(Redactor, input, output, TestContext.Current.CancellationToken);
        return (output.ToString(), counts);
    }

    [Fact]
    public async Task Stream_output_equals_redacting_the_whole_text_and_keeps_line_endings()
    {
        var text = "Asiakas Liisa K. soitti.\r\n\r\nPuhelin 040 123 4567\n\n\nEi muuta.\r\nLoppu ilman rivinvaihtoa";
        var (output, counts) = await RunAsync(new StringReader(text));
        Assert.Equal(Redactor.Redact(text).Text, output);
        Assert.Equal(1, counts[PiiKind.Name]);
        Assert.Equal(1, counts[PiiKind.Phone]);
        Assert.Equal(0, counts[PiiKind.Email]);
    }

    [Fact]
    public async Task Input_read_a_few_characters_at_a_time_gives_the_same_output()
    {
        var text = string.Concat(Enumerable.Repeat("Omainen Pekka S. (pekka.s@example.net) soitti.\n\n", 50));
        var (output, counts) = await RunAsync(new TrickleReader(text, 7));
        Assert.Equal(Redactor.Redact(text).Text, output);
        Assert.Equal(50, counts[PiiKind.Email]);
        Assert.Equal(50, counts[PiiKind.Name]);
    }

    [Fact]
    public async Task Long_text_without_blank_lines_is_cut_at_line_breaks()
    {
        var line = "Asiakas Liisa K. soitti numerosta 040 123 4567 eilen.\n";
        var sb = new StringBuilder();
        int lines = 0;
        while (sb.Length < 3 * PiiStreamRedaction.MaxPieceLength)
        {
            sb.Append(line);
            lines++;
        }

        var text = sb.ToString();
        var (output, counts) = await RunAsync(new StringReader(text));
        Assert.Equal(lines, counts[PiiKind.Name]);
        Assert.Equal(lines, counts[PiiKind.Phone]);
        Assert.Equal(Redactor.Redact(text).Text, output);
    }

    [Fact]
    public async Task Empty_input_gives_empty_output()
    {
        var (output, counts) = await RunAsync(new StringReader(""));
        Assert.Equal("", output);
        Assert.All(counts.Values, c => Assert.Equal(0, c));
    }

    /// <summary>Returns at most a few characters per read, as a pipe may.</summary>
    private sealed class TrickleReader(string text, int step) : TextReader
    {
        private int position;

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            int n = Math.Min(Math.Min(step, buffer.Length), text.Length - position);
            text.AsSpan(position, n).CopyTo(buffer.Span);
            position += n;
            return ValueTask.FromResult(n);
        }
    }
}
