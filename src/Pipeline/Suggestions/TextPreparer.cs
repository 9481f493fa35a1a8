using System.Globalization;
using SosRap.Pipeline.Features;
using SosRap.Pipeline.Text;
using SosRap.Pipeline.Text.Pii;

namespace SosRap.Pipeline.Suggestions;

/// <summary>One text after redaction, truncation and analysis, with what the reviewer should know about it.</summary>
internal sealed record PreparedText(string Redacted, AnalyzedText Analysis, string Language, IReadOnlyList<string> Warnings);

/// <summary>
/// The path of every text into the suggestion models: reject empty text, cut it to
/// <see cref="SuggestionModel.MaxTextLength"/> characters, redact personal data, analyse it, and
/// guess its language. Thread-safe.
/// </summary>
internal sealed class TextPreparer(TextAnalyzer analyzer)
{
    private static readonly CultureInfo Fi = CultureInfo.GetCultureInfo("fi-FI");
    private readonly PiiRedactor _redactor = new();

    public TextAnalyzer Analyzer => analyzer;

    /// <exception cref="InputException">The text is empty or only whitespace.</exception>
    public PreparedText Prepare(string text, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
            throw new InputException(id is null ? "teksti on tyhjä; luokitusehdotuksia ei voi antaa tyhjälle tekstille" : $"raportin {id} teksti on tyhjä", field: "text");
        var warnings = new List<string>();
        if (text.Length > SuggestionModel.MaxTextLength)
        {
            warnings.Add(string.Create(Fi, $"teksti katkaistiin {SuggestionModel.MaxTextLength:N0} merkkiin (pituus oli {text.Length:N0} merkkiä)"));
            var cut = SuggestionModel.MaxTextLength;
            if (char.IsHighSurrogate(text[cut - 1])) cut--;
            text = text[..cut];
        }

        var redacted = _redactor.Redact(text).Text;
        var analysis = analyzer.Analyze(redacted);
        var language = LanguageHint.Detect(redacted, analysis);
        if (language is "sv" or "en")
            warnings.Add($"teksti näyttää olevan kieltä '{language}'; malli on opetettu suomenkielisillä raporteilla, joten ehdotukset voivat olla epätarkkoja");
        else if (language == "und")
            warnings.Add("suurin osa tekstin sanoista on suomen sanakirjalle tuntemattomia; ehdotukset voivat olla epätarkkoja");
        return new PreparedText(redacted, analysis, language, warnings);
    }

    public SuggestionInput Input(PreparedText prepared, TfidfModel model) => new(prepared.Analysis, model.Transform(prepared.Analysis));
}
