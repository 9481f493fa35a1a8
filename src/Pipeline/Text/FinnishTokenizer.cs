using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace SosRap.Pipeline.Text;

/// <summary>
/// Splits Finnish (and Swedish) report text into tokens that point back into the original text:
/// words and hyphenated compounds (<c>TE-toimisto</c>, <c>sosiaali-</c> before <c>ja</c>),
/// abbreviations with their periods (<c>esim.</c>, <c>k.o.</c>, <c>klo</c>), acronyms with a colon
/// ending (<c>THL:n</c>), numbers (<c>1,5</c>, <c>1 200</c>, ordinals <c>2.</c>), dates (<c>1.1.2024</c>,
/// <c>1.1.–30.6.</c>, <c>2024-01-01</c>, <c>12/2024</c>), sums (<c>1 200 €</c>, <c>50e</c>, <c>50 euroa</c>),
/// percentages, URLs, e-mail addresses, redaction placeholders, punctuation (sentence ends marked
/// as <see cref="TokenKind.SentenceEnd"/>) and symbols including emoji.
/// </summary>
/// <remarks>
/// One pass over the text; every look-ahead is bounded, so the time is linear in the text length.
/// Nothing is allocated per token: the tokenizer works on spans, matches its word lists through
/// span lookups and only appends <see cref="Token"/> structs to the caller's list. Instances are
/// immutable and thread-safe. Whitespace of any kind (tabs, CR/LF, NBSP, thin spaces) and
/// invisible characters (soft hyphen, zero-width space, BOM) separate tokens; a soft hyphen inside a
/// word stays inside the word token (see <see cref="TokenText.Normalize"/>).
/// </remarks>
public sealed class FinnishTokenizer : ITokenizer
{
    private const int MaxEmailLocalLength = 64;
    private const int MaxDomainLength = 253;
    private const int MaxColonSuffixLength = 5;
    private const int MaxColonStemLength = 6;
    private const char SoftHyphen = '\u00AD';

    // Top-level domains that make "Suomi.fi" or "kela.fi" a web address without "www." or a scheme.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TopLevelDomains =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
            "fi", "com", "net", "org", "se", "eu", "info", "io", "gov", "edu", "ee", "ax", "de", "dk", "uk", "ru")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    // Words that make a preceding number a sum of money.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EuroWords =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
            "e", "eur", "euro", "euroa", "euron", "euroon", "eurolla", "eurolta", "eurolle", "eurosta", "eurossa",
            "euroksi", "eurona", "euroja", "euroilla", "euroista", "euroihin", "eurot", "eurojen", "euroin", "euroineen")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly AbbreviationLexicon abbreviations;

    /// <summary>Creates a tokenizer with the built-in Finnish abbreviation list.</summary>
    public FinnishTokenizer()
        : this(AbbreviationLexicon.Default)
    {
    }

    /// <summary>
    /// Creates a tokenizer that also knows <paramref name="additionalAbbreviations"/>, written as
    /// they appear in text (<c>"asumisp."</c> with its period, <c>"tt"</c> without).
    /// </summary>
    /// <exception cref="ArgumentException">An entry is empty, contains whitespace or does not start with a letter.</exception>
    public FinnishTokenizer(IEnumerable<string> additionalAbbreviations)
        : this(AbbreviationLexicon.Default.With(additionalAbbreviations))
    {
    }

    internal FinnishTokenizer(AbbreviationLexicon abbreviations) => this.abbreviations = abbreviations;

    /// <inheritdoc />
    public void Tokenize(ReadOnlySpan<char> text, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (IsSeparator(c))
            {
                i++;
                continue;
            }

            int end;
            TokenKind kind;
            if (char.IsAsciiDigit(c))
                end = ScanNumeric(text, i, out kind);
            else if (LetterLength(text, i) > 0)
                end = ScanWordLike(text, i, out kind);
            else
                end = ScanOther(text, i, out kind);
            tokens.Add(new Token(i, end - i, kind));
            i = end;
        }
    }

    /// <summary>
    /// Groups <paramref name="tokens"/> (the output of <see cref="Tokenize"/> for <paramref name="text"/>)
    /// into sentences, appended to <paramref name="sentences"/> as ranges of token indices.
    /// </summary>
    /// <remarks>
    /// A sentence ends after a <see cref="TokenKind.SentenceEnd"/> token (with any closing quotes or
    /// brackets right after it), at a blank line, at a line break followed by a capital letter or a
    /// list bullet, and after a list-final abbreviation (<c>jne.</c>, <c>yms.</c> …) followed by a
    /// capitalised word. Other abbreviations never end a sentence; nor does a date written with its
    /// final period (<c>1.1.</c>).
    /// </remarks>
    public void SplitSentences(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, List<Range> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        int sentenceStart = 0;
        for (int t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            bool cut;
            if (token.Kind == TokenKind.SentenceEnd)
            {
                // Closing quotes and brackets right after the end belong to the sentence.
                while (t + 1 < tokens.Length && tokens[t + 1].Start == tokens[t].End
                       && tokens[t + 1].Length == 1 && IsClosingQuoteOrBracket(text[tokens[t + 1].Start]))
                    t++;
                cut = true;
            }
            else if (t + 1 < tokens.Length)
            {
                var next = tokens[t + 1];
                var nextFirst = text[next.Start];
                var newlines = CountLineBreaks(text[token.End..next.Start]);
                cut = newlines >= 2
                      || (newlines == 1 && (char.IsUpper(nextFirst) || IsBullet(nextFirst)))
                      || (token.Kind == TokenKind.Abbreviation && next.Start > token.End && char.IsUpper(nextFirst)
                          && abbreviations.IsSentenceFinal(token.Slice(text)));
            }
            else
            {
                cut = false;
            }

            if (cut)
            {
                sentences.Add(new Range(sentenceStart, t + 1));
                sentenceStart = t + 1;
            }
        }

        if (sentenceStart < tokens.Length) sentences.Add(new Range(sentenceStart, tokens.Length));
    }

    // ---------------------------------------------------------------- words

    private int ScanWordLike(ReadOnlySpan<char> text, int start, out TokenKind kind)
    {
        if (UrlPrefixLength(text[start..]) is > 0 and var prefix)
        {
            int urlEnd = ScanUrl(text, start);
            if (urlEnd > start + prefix)
            {
                kind = TokenKind.Url;
                return urlEnd;
            }
        }

        if (TryScanEmail(text, start, out int emailEnd))
        {
            kind = TokenKind.Email;
            return emailEnd;
        }

        return ScanWord(text, start, out kind);
    }

    private int ScanWord(ReadOnlySpan<char> text, int start, out TokenKind kind)
    {
        int n = text.Length;
        int j = ScanCompound(text, start, out bool trailingHyphen);
        kind = TokenKind.Word;
        if (trailingHyphen || j >= n) return FinishBareWord(text, start, j, ref kind);

        char c = text[j];
        if (c == '.') return ScanAfterPeriod(text, start, j, out kind);
        if (c == ':' && TryColonSuffix(text, start, j, out int suffixEnd)) return suffixEnd;
        return FinishBareWord(text, start, j, ref kind);
    }

    private int FinishBareWord(ReadOnlySpan<char> text, int start, int end, ref TokenKind kind)
    {
        if (abbreviations.Contains(text[start..end])) kind = TokenKind.Abbreviation;
        return end;
    }

    /// <summary>Scans word characters joined by hyphens and apostrophes; returns the end.</summary>
    private static int ScanCompound(ReadOnlySpan<char> text, int start, out bool trailingHyphen)
    {
        int n = text.Length;
        int j = start;
        trailingHyphen = false;
        while (true)
        {
            j = ScanWordChars(text, j);
            if (j >= n) return j;
            char c = text[j];
            if (IsHyphen(c))
            {
                if (j + 1 < n && WordCharLength(text, j + 1) > 0)
                {
                    j++; // TE-toimisto, covid-19
                    continue;
                }

                // "sosiaali- ja terveyspalvelut": the hyphen marks a shared second part.
                if (j + 1 == n || IsSeparator(text[j + 1]) || text[j + 1] == ',')
                {
                    trailingHyphen = true;
                    return j + 1;
                }

                return j;
            }

            if (IsApostrophe(c) && j + 1 < n && LetterLength(text, j + 1) > 0)
            {
                j++; // vaa'an, O'Brien
                continue;
            }

            return j;
        }
    }

    private int ScanAfterPeriod(ReadOnlySpan<char> text, int start, int dot, out TokenKind kind)
    {
        int n = text.Length;

        // Multi-part abbreviation: "k.o.", "t.s.".
        int next = ScanWordChars(text, dot + 1);
        if (next > dot + 1 && next < n && text[next] == '.' && abbreviations.Contains(text[start..(next + 1)]))
        {
            kind = TokenKind.Abbreviation;
            return next + 1;
        }

        // A capital letter with a period is an initial, never a listed abbreviation ("T." is not "t.").
        bool initial = dot - start == 1 && char.IsUpper(text[start]);
        if (!initial && abbreviations.Contains(text[start..(dot + 1)]))
        {
            kind = TokenKind.Abbreviation;
            return dot + 1;
        }

        // A single letter with a period is an initial or an abbreviation ("Liisa K. tuli", "p. 040…"),
        // unless a capitalised word or the end of the text follows: then the period ends a sentence.
        if (dot - start == 1)
        {
            bool spaceAfter = dot + 1 < n && IsSeparator(text[dot + 1]);
            int k = SkipSeparators(text, dot + 1);
            bool endsSentence = k == n || (spaceAfter && char.IsUpper(text[k]));
            kind = endsSentence ? TokenKind.Word : TokenKind.Abbreviation;
            return endsSentence ? dot : dot + 1;
        }

        // A bare domain: "Suomi.fi", "kela.fi/asumistuki", "Suomi.fi-valtuutus".
        if (TryDomain(text, start, dot, out int domainEnd))
        {
            if (domainEnd < n && text[domainEnd] == '/')
            {
                kind = TokenKind.Url;
                return ScanUrl(text, domainEnd);
            }

            if (domainEnd + 1 < n && IsHyphen(text[domainEnd]) && LetterLength(text, domainEnd + 1) > 0)
            {
                kind = TokenKind.Word;
                return ScanCompound(text, domainEnd + 1, out _);
            }

            kind = TokenKind.Url;
            if (domainEnd < n && text[domainEnd] == ':' && TryColonSuffix(text, start, domainEnd, out int suffixEnd, anyStem: true))
                return suffixEnd;
            return domainEnd;
        }

        kind = TokenKind.Word;
        return FinishBareWord(text, start, dot, ref kind);
    }

    /// <summary>
    /// The inflection ending of an acronym, abbreviation or number after a colon: <c>THL:n</c>,
    /// <c>Kela:lta</c>, <c>5:n</c>, <c>€:n</c>. A long stem or a following <c>@</c> means it is not one.
    /// </summary>
    private static bool TryColonSuffix(ReadOnlySpan<char> text, int stemStart, int colon, out int end, bool anyStem = false)
    {
        end = colon;
        int n = text.Length;
        var stem = text[stemStart..colon];
        if (!anyStem && stem.Length > MaxColonStemLength && !IsUpperOrDigits(stem)) return false;
        int k = colon + 1;
        while (k < n && k - colon <= MaxColonSuffixLength && char.IsLower(text[k])) k++;
        int suffixLength = k - colon - 1;
        if (suffixLength == 0 || suffixLength > MaxColonSuffixLength) return false;
        if (k < n)
        {
            char c = text[k];
            if (WordCharLength(text, k) > 0 || c is '@' or '/' or ':') return false;
            if (c == '.' && k + 1 < n && WordCharLength(text, k + 1) > 0) return false;
        }

        end = k;
        return true;
    }

    private static bool IsUpperOrDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (char.IsLower(c)) return false;
        }

        return true;
    }

    // ---------------------------------------------------------------- numbers

    private int ScanNumeric(ReadOnlySpan<char> text, int start, out TokenKind kind)
    {
        int n = text.Length;
        if (TryScanEmail(text, start, out int emailEnd))
        {
            kind = TokenKind.Email;
            return emailEnd;
        }

        int j = DigitsEnd(text, start);
        int digits = j - start;

        if (j < n)
        {
            char c = text[j];
            if (digits == 4 && c == '-' && TryIsoDate(text, start, out int isoEnd))
            {
                kind = TokenKind.Date;
                return ExtendDateRange(text, isoEnd);
            }

            if (digits <= 2 && c == '.' && TryDottedDate(text, start, out int dateEnd))
            {
                kind = TokenKind.Date;
                return ExtendDateRange(text, dateEnd);
            }

            if (digits <= 2 && c == '/' && TryMonthYear(text, start, out int monthEnd))
            {
                kind = TokenKind.Date;
                return monthEnd;
            }
        }

        // Thousands groups separated by a (thin, no-break) space: "1 200", "15 000 000".
        if (digits <= 3 && text[start] != '0')
        {
            while (j + 4 <= n && IsGroupSpace(text[j]) && IsDigits(text.Slice(j + 1, 3))
                   && (j + 4 == n || !char.IsAsciiDigit(text[j + 4])))
                j += 4;
        }

        bool fraction = false;
        if (j + 1 < n && (text[j] is ',' or '.' or ':') && char.IsAsciiDigit(text[j + 1]))
        {
            j = DigitsEnd(text, j + 1); // 1,5 — 12.30 — 12:30
            fraction = true;
        }

        // Percentages and sums, with at most one space before the sign or word.
        int k = j < n && IsGroupSpace(text[j]) ? j + 1 : j;
        if (k < n)
        {
            char c = text[k];
            if (c == '%')
            {
                kind = TokenKind.Percentage;
                return ColonSuffixOr(text, k, k + 1);
            }

            if (c == '€')
            {
                kind = TokenKind.Money;
                return ColonSuffixOr(text, k, k + 1);
            }

            if (LetterLength(text, k) > 0)
            {
                int wordEnd = ScanWordChars(text, k);
                if (EuroWords.Contains(text[k..wordEnd]) && (wordEnd == n || !IsHyphen(text[wordEnd])))
                {
                    kind = TokenKind.Money;
                    return wordEnd;
                }
            }
        }

        if (j < n)
        {
            char c = text[j];
            if (c == ':' && TryColonSuffix(text, start, j, out int suffixEnd, anyStem: true))
            {
                kind = TokenKind.Number; // 5:n, 2000:lla
                return suffixEnd;
            }

            // "5-vuotias", "1990-luvulla", "3kk", "A4": a word that starts with digits.
            if (!fraction && j == start + digits)
            {
                if ((IsHyphen(c) && j + 1 < n && LetterLength(text, j + 1) > 0) || LetterLength(text, j) > 0)
                {
                    kind = TokenKind.Word;
                    int wordEnd = ScanCompound(text, start, out _);
                    return wordEnd;
                }

                // An ordinal keeps its period when a lower-case word or a number follows: "2. luokka".
                if (c == '.' && j + 1 < n && IsSeparator(text[j + 1]))
                {
                    int after = SkipSeparators(text, j + 1);
                    if (after < n && (char.IsLower(text[after]) || char.IsAsciiDigit(text[after])))
                    {
                        kind = TokenKind.Number;
                        return j + 1;
                    }
                }
            }
        }

        kind = TokenKind.Number;
        return j;
    }

    private static int ColonSuffixOr(ReadOnlySpan<char> text, int stemStart, int end)
        => end < text.Length && text[end] == ':' && TryColonSuffix(text, stemStart, end, out int suffixEnd, anyStem: true)
            ? suffixEnd
            : end;

    /// <summary>"1.1.–30.6.", "2024-01-01–2024-06-30": a second date right after a dash.</summary>
    private static int ExtendDateRange(ReadOnlySpan<char> text, int end)
    {
        int n = text.Length;
        if (end + 1 < n && IsDash(text[end]) && char.IsAsciiDigit(text[end + 1]))
        {
            int s = end + 1;
            int d = DigitsEnd(text, s) - s;
            if (d <= 2 && TryDottedDate(text, s, out int e)) return e;
            if (d == 4 && TryIsoDate(text, s, out e)) return e;
        }

        return end;
    }

    private static bool TryIsoDate(ReadOnlySpan<char> text, int start, out int end)
    {
        end = start;
        if (start + 10 > text.Length) return false;
        var s = text.Slice(start, 10);
        if (!IsDigits(s[..4]) || s[4] != '-' || !IsDigits(s.Slice(5, 2)) || s[7] != '-' || !IsDigits(s.Slice(8, 2))) return false;
        if (start + 10 < text.Length && char.IsAsciiDigit(text[start + 10])) return false;
        int month = TwoDigits(s.Slice(5, 2));
        int day = TwoDigits(s.Slice(8, 2));
        if (month is < 1 or > 12 || day is < 1 or > 31) return false;
        end = start + 10;
        return true;
    }

    /// <summary>"1.1.2024", "01.01.24", "1.1." (a date without a year keeps its final period).</summary>
    private static bool TryDottedDate(ReadOnlySpan<char> text, int start, out int end)
    {
        end = start;
        int n = text.Length;
        int dayEnd = DigitsEnd(text, start);
        if (dayEnd - start is < 1 or > 2 || dayEnd >= n || text[dayEnd] != '.') return false;
        int monthStart = dayEnd + 1;
        int monthEnd = DigitsEnd(text, monthStart);
        if (monthEnd - monthStart is < 1 or > 2 || monthEnd >= n || text[monthEnd] != '.') return false;
        int day = ParseSmall(text[start..dayEnd]);
        int month = ParseSmall(text[monthStart..monthEnd]);
        if (day is < 1 or > 31 || month is < 1 or > 12) return false;
        int yearStart = monthEnd + 1;
        int yearEnd = DigitsEnd(text, yearStart);
        int yearDigits = yearEnd - yearStart;
        if (yearDigits is 2 or 4)
        {
            end = yearEnd;
            return true;
        }

        if (yearDigits != 0) return false;
        end = yearStart;
        return true;
    }

    private static bool TryMonthYear(ReadOnlySpan<char> text, int start, out int end)
    {
        end = start;
        int slash = DigitsEnd(text, start);
        int yearEnd = DigitsEnd(text, slash + 1);
        if (yearEnd - slash - 1 != 4) return false;
        int month = ParseSmall(text[start..slash]);
        if (month is < 1 or > 12) return false;
        end = yearEnd;
        return true;
    }

    // ---------------------------------------------------------------- addresses

    private static int UrlPrefixLength(ReadOnlySpan<char> s)
    {
        if (s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) return 8;
        if (s.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) return 7;
        if (s.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) return 4;
        return 0;
    }

    /// <summary>Scans to the end of a URL, leaving trailing sentence punctuation and unbalanced brackets out.</summary>
    private static int ScanUrl(ReadOnlySpan<char> text, int start)
    {
        int k = start;
        int open = 0;
        int close = 0;
        while (k < text.Length && !IsSeparator(text[k]) && !IsUrlStop(text[k]))
        {
            if (text[k] == '(') open++;
            else if (text[k] == ')') close++;
            k++;
        }

        while (k > start)
        {
            char last = text[k - 1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' || (last == ')' && close > open))
            {
                if (last == ')') close--;
                k--;
                continue;
            }

            break;
        }

        return k;
    }

    private static bool IsUrlStop(char c)
        => c is '<' or '>' or '"' or '\'' or '`' or '{' or '}' or '|' or '\\' or '^'
            or '“' or '”' or '„' or '«' or '»' or '‘' or '’';

    /// <summary>".fi", ".kanta.fi" after a word: the end of a host name whose last label is a known top-level domain.</summary>
    private static bool TryDomain(ReadOnlySpan<char> text, int start, int dot, out int end)
    {
        end = dot;
        int n = text.Length;
        int k = dot;
        int lastLabel = -1;
        while (k + 1 < n && text[k] == '.' && char.IsAsciiLetterOrDigit(text[k + 1]) && k - start < MaxDomainLength)
        {
            lastLabel = k + 1;
            k++;
            while (k < n && (char.IsAsciiLetterOrDigit(text[k]) || (text[k] == '-' && k + 1 < n && char.IsAsciiLetterOrDigit(text[k + 1]))))
            {
                // "Suomi.fi-valtuutus": a hyphen right after a top-level domain joins a compound word.
                if (text[k] == '-' && TopLevelDomains.Contains(text[lastLabel..k])) break;
                k++;
            }

            if (k < n && text[k] == '-') break;
        }

        if (lastLabel < 0 || (k < n && WordCharLength(text, k) > 0)) return false;
        if (!TopLevelDomains.Contains(text[lastLabel..k])) return false;
        end = k;
        return true;
    }

    private static bool TryScanEmail(ReadOnlySpan<char> text, int start, out int end)
    {
        end = start;
        int n = text.Length;
        int limit = Math.Min(n, start + MaxEmailLocalLength + 1);
        int j = start;
        while (j < limit && IsEmailLocalChar(text[j])) j++;
        if (j == start || j >= n || text[j] != '@' || text[j - 1] == '.') return false;

        int domainStart = j + 1;
        int domainLimit = Math.Min(n, domainStart + MaxDomainLength);
        int k = domainStart;
        int lastDot = -1;
        while (k < domainLimit)
        {
            char c = text[k];
            if (char.IsLetterOrDigit(c) || (c == '-' && k > domainStart))
            {
                k++;
                continue;
            }

            if (c == '.' && k > domainStart && text[k - 1] is not ('.' or '-') && k + 1 < n && char.IsLetterOrDigit(text[k + 1]))
            {
                lastDot = k;
                k++;
                continue;
            }

            break;
        }

        if (lastDot < 0 || k - lastDot - 1 < 2) return false;
        for (int t = lastDot + 1; t < k; t++)
        {
            if (!char.IsLetter(text[t])) return false;
        }

        end = k;
        return true;
    }

    private static bool IsEmailLocalChar(char c)
        => char.IsLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' or '\'';

    // ---------------------------------------------------------------- punctuation, symbols

    private static int ScanOther(ReadOnlySpan<char> text, int start, out TokenKind kind)
    {
        int n = text.Length;
        char c = text[start];

        if (c == '[')
        {
            int close = text.Slice(start, Math.Min(RedactionPlaceholders.MaxLength, n - start)).IndexOf(']');
            if (close > 0 && RedactionPlaceholders.IsPlaceholder(text.Slice(start, close + 1)))
            {
                kind = TokenKind.Redacted;
                return start + close + 1;
            }
        }

        if (c is '.' or '!' or '?' or '…')
        {
            int j = start + 1;
            if (c == '.')
            {
                while (j < n && text[j] == '.') j++;
            }
            else
            {
                while (j < n && text[j] is '!' or '?' or '…') j++;
            }

            kind = EndsSentence(text, j) ? TokenKind.SentenceEnd : TokenKind.Punctuation;
            return j;
        }

        if (char.IsHighSurrogate(c) || !char.IsPunctuation(c))
        {
            kind = TokenKind.Symbol;
            return ScanSymbol(text, start);
        }

        kind = TokenKind.Punctuation;
        return start + 1;
    }

    /// <summary>Whether final punctuation ending at <paramref name="end"/> ends a sentence: not when a lower-case word follows.</summary>
    private static bool EndsSentence(ReadOnlySpan<char> text, int end)
    {
        int n = text.Length;
        int k = end;
        while (k < n && (IsSeparator(text[k]) || IsClosingQuoteOrBracket(text[k]))) k++;
        if (k == n) return true;
        char d = text[k];
        if (char.IsLower(d) || (d is ',' or ';')) return false;
        // ".5": a number right after the period is not a new sentence.
        return !(k == end && char.IsAsciiDigit(d));
    }

    /// <summary>One symbol, or one emoji with its variation selectors, skin tones, keycaps and ZWJ joins.</summary>
    private static int ScanSymbol(ReadOnlySpan<char> text, int start)
    {
        int n = text.Length;
        int k = start + CharLength(text, start);
        while (k < n)
        {
            char c = text[k];
            if (c is '\uFE0F' or '\uFE0E' or '\u20E3')
            {
                k++;
                continue;
            }

            if (char.IsHighSurrogate(c) && k + 1 < n && Rune.TryCreate(c, text[k + 1], out var rune)
                && (rune.Value is >= 0x1F3FB and <= 0x1F3FF || rune.Value is >= 0xE0020 and <= 0xE007F))
            {
                k += 2; // skin tone, flag tag
                continue;
            }

            if (c == '\u200D' && k + 1 < n)
            {
                int len = CharLength(text, k + 1);
                if (Rune.DecodeFromUtf16(text[(k + 1)..], out var joined, out _) == OperationStatus.Done
                    && Rune.GetUnicodeCategory(joined) == UnicodeCategory.OtherSymbol)
                {
                    k += 1 + len;
                    continue;
                }
            }

            break;
        }

        return k;
    }

    // ---------------------------------------------------------------- character classes

    /// <summary>Whitespace, control and invisible format characters: they only separate tokens.</summary>
    private static bool IsSeparator(char c)
    {
        if (c <= ' ') return true;
        if (c < '\u007F') return false;
        if (char.IsWhiteSpace(c)) return true;
        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.Control or UnicodeCategory.Format;
    }

    private static int SkipSeparators(ReadOnlySpan<char> text, int k)
    {
        while (k < text.Length && IsSeparator(text[k])) k++;
        return k;
    }

    private static bool IsGroupSpace(char c) => c is ' ' or '\u00A0' or '\u2009' or '\u202F' or '\u2007';

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    private static bool IsDash(char c) => c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014';

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static bool IsBullet(char c) => c is '-' or '*' or '•' or '–' or '—' or '▪' or '·';

    private static bool IsClosingQuoteOrBracket(char c)
        => c is '"' or '\'' or ')' or ']' or '}' or '”' or '’' or '»' or '›';

    private static int CountLineBreaks(ReadOnlySpan<char> gap)
    {
        int count = 0;
        for (int k = 0; k < gap.Length; k++)
        {
            char c = gap[k];
            if (c == '\n' || c == '\u2028' || c == '\u2029' || (c == '\r' && (k + 1 == gap.Length || gap[k + 1] != '\n')))
                count++;
        }

        return count;
    }

    /// <summary>Length (1 or 2) of the letter at <paramref name="i"/>, or 0 when it is not a letter.</summary>
    private static int LetterLength(ReadOnlySpan<char> text, int i)
    {
        char c = text[i];
        if (c < '\u0080') return char.IsAsciiLetter(c) ? 1 : 0;
        if (char.IsHighSurrogate(c))
            return i + 1 < text.Length && Rune.TryCreate(c, text[i + 1], out var r) && Rune.IsLetter(r) ? 2 : 0;
        return char.IsLetter(c) ? 1 : 0;
    }

    /// <summary>Length (1 or 2) of a character that continues a word (letter, digit, combining mark, soft hyphen), or 0.</summary>
    private static int WordCharLength(ReadOnlySpan<char> text, int i)
    {
        char c = text[i];
        if (c < '\u0080') return char.IsAsciiLetterOrDigit(c) ? 1 : 0;
        if (char.IsLetterOrDigit(c) || c == SoftHyphen) return 1;
        if (char.IsHighSurrogate(c))
            return i + 1 < text.Length && Rune.TryCreate(c, text[i + 1], out var r) && Rune.IsLetterOrDigit(r) ? 2 : 0;
        return char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark ? 1 : 0;
    }

    private static int ScanWordChars(ReadOnlySpan<char> text, int j)
    {
        while (j < text.Length)
        {
            int len = WordCharLength(text, j);
            if (len == 0) break;
            j += len;
        }

        return j;
    }

    private static int CharLength(ReadOnlySpan<char> text, int i)
        => char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;

    private static int DigitsEnd(ReadOnlySpan<char> text, int j)
    {
        while (j < text.Length && char.IsAsciiDigit(text[j])) j++;
        return j;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }

        return s.Length > 0;
    }

    private static int TwoDigits(ReadOnlySpan<char> s) => ((s[0] - '0') * 10) + (s[1] - '0');

    private static int ParseSmall(ReadOnlySpan<char> digits)
    {
        int v = 0;
        foreach (var c in digits) v = (v * 10) + (c - '0');
        return v;
    }
}
