using System.Runtime.InteropServices;
using System.Text;

namespace SosRap.Pipeline.Text.Pii;

/// <summary>
/// Finds personal data in Finnish report text — identity codes, IBANs, e-mail addresses, phone
/// numbers, street addresses and person names — and replaces each with a placeholder
/// (<c>[HETU]</c>, <c>[IBAN]</c>, <c>[SÄHKÖPOSTI]</c>, <c>[PUHELIN]</c>, <c>[OSOITE]</c>, <c>[NIMI]</c>).
/// </summary>
/// <remarks>
/// Codes with checksums (identity codes, IBANs) are validated, so numbers that only look like them
/// stay. Names are found by rules on capitalisation, role words ("asiakas", "äiti" …), initials and
/// a list of common first names; see <c>docs/text-analysis.md</c> for what is and is not caught.
/// The findings carry only kinds and offsets, never the text. Linear in the text length;
/// immutable and thread-safe.
/// </remarks>
public sealed class PiiRedactor : IPiiRedactor
{
    private readonly FinnishTokenizer tokenizer = new();
    private readonly NameDetector names;
    private readonly bool[] enabled = new bool[Enum.GetValues<PiiKind>().Length];

    /// <summary>Creates a redactor that looks for every kind of personal data.</summary>
    public PiiRedactor()
        : this(new PiiRedactorOptions())
    {
    }

    /// <summary>Creates a redactor with <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public PiiRedactor(PiiRedactorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(options));
        foreach (var kind in options.Kinds) enabled[(int)kind] = true;
        var lexicon = options.AdditionalFirstNames.Count == 0 && options.AdditionalNonNames.Count == 0
            ? NameLexicon.Default
            : NameLexicon.Create(options.AdditionalFirstNames, options.AdditionalNonNames);
        names = new NameDetector(lexicon);
    }

    /// <summary>The placeholder written in place of <paramref name="kind"/>.</summary>
    public static string PlaceholderFor(PiiKind kind) => kind switch
    {
        PiiKind.IdentityCode => RedactionPlaceholders.IdentityCode,
        PiiKind.Iban => RedactionPlaceholders.Iban,
        PiiKind.Email => RedactionPlaceholders.Email,
        PiiKind.Phone => RedactionPlaceholders.Phone,
        PiiKind.Address => RedactionPlaceholders.Address,
        PiiKind.Name => RedactionPlaceholders.Name,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of personal data."),
    };

    /// <inheritdoc />
    public RedactionResult Redact(ReadOnlySpan<char> text)
    {
        var found = new List<Redaction>();
        Find(text, found);
        if (found.Count == 0) return new RedactionResult(text.ToString(), found);

        var sb = new StringBuilder(text.Length);
        int position = 0;
        foreach (var r in found)
        {
            sb.Append(text[position..r.Start]).Append(PlaceholderFor(r.Kind));
            position = r.End;
        }

        sb.Append(text[position..]);
        return new RedactionResult(sb.ToString(), found);
    }

    /// <inheritdoc />
    public void Find(ReadOnlySpan<char> text, List<Redaction> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var candidates = new List<Redaction>();
        if (enabled[(int)PiiKind.IdentityCode]) IdentityCodeDetector.Find(text, candidates);
        if (enabled[(int)PiiKind.Iban]) IbanDetector.Find(text, candidates);
        if (enabled[(int)PiiKind.Phone]) PhoneNumberDetector.Find(text, candidates);

        if (enabled[(int)PiiKind.Email] || enabled[(int)PiiKind.Address] || enabled[(int)PiiKind.Name])
        {
            var tokens = new List<Token>(text.Length / 6);
            tokenizer.Tokenize(text, tokens);
            var view = new TokenView(text, CollectionsMarshal.AsSpan(tokens));
            if (enabled[(int)PiiKind.Email])
            {
                foreach (var token in tokens)
                {
                    if (token.Kind == TokenKind.Email) candidates.Add(new Redaction(PiiKind.Email, token.Start, token.Length));
                }
            }

            if (enabled[(int)PiiKind.Address]) AddressDetector.Find(view, candidates);
            if (enabled[(int)PiiKind.Name]) names.Find(view, candidates);
        }

        Merge(candidates, found);
    }

    /// <summary>Sorts the candidates and drops overlaps: of two overlapping findings the stronger kind stays (the earlier in <see cref="PiiKind"/>).</summary>
    private static void Merge(List<Redaction> candidates, List<Redaction> found)
    {
        candidates.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Kind.CompareTo(b.Kind));
        int first = found.Count;
        foreach (var candidate in candidates)
        {
            if (found.Count > first && candidate.Start < found[^1].End)
            {
                if (candidate.Kind < found[^1].Kind) found[^1] = candidate;
                continue;
            }

            found.Add(candidate);
        }
    }
}
