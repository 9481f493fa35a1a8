using System.CommandLine;
using System.Text;
using SosRap.Pipeline.Text;
using SosRap.Pipeline.Text.Voikko;

namespace SosRap.Api.Cli;

/// <summary>
/// <c>sosrap lemmatize</c>: Finnish text on stdin → <c>token&lt;TAB&gt;lemma</c> lines on stdout.
/// With <c>--tokens</c> the input is already tokenized, one token per line and a blank line between
/// sentences, and the output has exactly one line per token with the blank lines kept (the format
/// of CoNLL-U based lemma evaluation).
/// </summary>
internal static class LemmatizeCommand
{
    public static Command Create(TextReader? input = null)
    {
        var tokens = new Option<bool>("--tokens")
        {
            Description = "Syöte on valmiiksi saneistettu: yksi sane riviä kohden, tyhjä rivi virkkeiden välissä.",
        };
        var parts = new Option<bool>("--parts")
        {
            Description = "Lisää kolmas sarake: yhdyssanan osat |-merkillä erotettuina.",
        };
        var voikkoPath = new Option<string?>("--voikko-path")
        {
            Description = $"Voikon sanakirjahakemisto (oletus: ympäristömuuttuja {VoikkoOptions.DictionaryPathVariable} tai /usr/lib/voikko).",
        };
        var command = new Command("lemmatize", "Perusmuotoistaa suomenkielisen tekstin Voikolla: syöte stdin, tuloste 'sane<TAB>perusmuoto'.")
        {
            tokens, parts, voikkoPath,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new VoikkoOptions { DictionaryPath = parseResult.GetValue(voikkoPath) };
            VoikkoLemmatizer lemmatizer;
            try
            {
                lemmatizer = new VoikkoLemmatizer(options);
            }
            catch (VoikkoUnavailableException e)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(
                    $"sosrap: Voikko tai sen suomen sanakirja puuttuu (asenna Debian-paketit {VoikkoUnavailableException.DebianPackages}, esim. scripts/setup.sh): {e.Message}").ConfigureAwait(false);
                return CliRunner.MissingDependency;
            }

            using (lemmatizer)
            {
                var reader = input ?? new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
                var configured = parseResult.InvocationConfiguration.Output;
                var ownWriter = ReferenceEquals(configured, Console.Out);
                var writer = ownWriter ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) : configured;
                try
                {
                    var withParts = parseResult.GetValue(parts);
                    if (parseResult.GetValue(tokens))
                    {
                        await LemmatizeTokensAsync(lemmatizer, reader, writer, withParts, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await LemmatizeTextAsync(lemmatizer, CreateTokenizer(), reader, writer, withParts, cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                    if (ownWriter)
                    {
                        await writer.DisposeAsync().ConfigureAwait(false);
                    }
                }
            }

            return 0;
        });
        return command;
    }

    // The one place that decides which tokenizer plain text goes through.
    private static ITokenizer CreateTokenizer() => new FinnishTokenizer();

    internal static async Task LemmatizeTokensAsync(ILemmatizer lemmatizer, TextReader reader, TextWriter writer, bool withParts, CancellationToken cancellationToken)
    {
        var sentence = new List<string>();
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)) is not null)
        {
            if (line.Length == 0)
            {
                await WriteSentenceAsync(lemmatizer, sentence, writer, withParts).ConfigureAwait(false);
                await writer.WriteLineAsync().ConfigureAwait(false);
                continue;
            }

            sentence.Add(line);
        }

        await WriteSentenceAsync(lemmatizer, sentence, writer, withParts).ConfigureAwait(false);
    }

    internal static async Task LemmatizeTextAsync(ILemmatizer lemmatizer, ITokenizer tokenizer, TextReader reader, TextWriter writer, bool withParts, CancellationToken cancellationToken)
    {
        var tokens = new List<Token>();
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)) is not null)
        {
            tokens.Clear();
            tokenizer.Tokenize(line, tokens);
            if (tokens.Count == 0)
            {
                continue;
            }

            var analyses = new WordAnalysis[tokens.Count];
            lemmatizer.AnalyzeSentence(line, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens), analyses);
            for (var i = 0; i < tokens.Count; i++)
            {
                await WriteLineAsync(writer, line.Substring(tokens[i].Start, tokens[i].Length), analyses[i], withParts).ConfigureAwait(false);
            }

            await writer.WriteLineAsync().ConfigureAwait(false);
        }
    }

    private static async Task WriteSentenceAsync(ILemmatizer lemmatizer, List<string> sentence, TextWriter writer, bool withParts)
    {
        if (sentence.Count == 0)
        {
            return;
        }

        // Lay the tokens out as one text so the sentence-level analysis sees them in context.
        var text = new StringBuilder();
        var tokens = new Token[sentence.Count];
        for (var i = 0; i < sentence.Count; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            tokens[i] = new Token(text.Length, sentence[i].Length, KindOf(sentence[i]));
            text.Append(sentence[i]);
        }

        var analyses = new WordAnalysis[tokens.Length];
        lemmatizer.AnalyzeSentence(text.ToString(), tokens, analyses);
        for (var i = 0; i < tokens.Length; i++)
        {
            await WriteLineAsync(writer, sentence[i], analyses[i], withParts).ConfigureAwait(false);
        }

        sentence.Clear();
    }

    private static Task WriteLineAsync(TextWriter writer, string token, WordAnalysis analysis, bool withParts) =>
        writer.WriteLineAsync(withParts
            ? $"{token}\t{analysis.Lemma}\t{string.Join('|', analysis.CompoundParts)}"
            : $"{token}\t{analysis.Lemma}");

    private static TokenKind KindOf(string token)
    {
        var letters = false;
        var digits = false;
        foreach (var c in token)
        {
            letters |= char.IsLetter(c);
            digits |= char.IsDigit(c);
        }

        return letters ? TokenKind.Word : digits ? TokenKind.Number : TokenKind.Punctuation;
    }
}
