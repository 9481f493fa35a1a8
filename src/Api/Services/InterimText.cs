using SosRap.Pipeline.Text;

namespace SosRap.Api.Services;

/// <summary>
/// Placeholders until the pipeline's PII redactor and Finnish tokenizer are available in this
/// build: the redactor refuses every text (so nothing unredacted can ever be stored), the
/// tokenizer splits on letters and digits only.
/// </summary>
internal sealed class RefusingRedactor : IReportRedactor
{
    public RedactedText Redact(string text) => throw new RedactionUnavailableException();
}

/// <summary>Thrown when no redactor is available: the service answers 503 and stores nothing.</summary>
internal sealed class RedactionUnavailableException() : InvalidOperationException("No PII redactor is available; reports cannot be accepted.");

/// <summary>Splits text into runs of letters/digits (with inner hyphens); the interim tokenizer.</summary>
internal sealed class LetterRunTokenizer : ITokenizer
{
    public void Tokenize(ReadOnlySpan<char> text, List<Token> tokens)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var letters = false;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))
            {
                letters |= char.IsLetter(text[i]);
                i++;
            }

            tokens.Add(new Token(start, i - start, letters ? TokenKind.Word : TokenKind.Number));
        }
    }
}
