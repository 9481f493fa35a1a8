namespace SosRap.Pipeline.Text.Pii;

/// <summary>Token-level questions the name and address detectors ask about a tokenized text.</summary>
internal readonly ref struct TokenView
{
    public TokenView(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        Text = text;
        Tokens = tokens;
    }

    public ReadOnlySpan<char> Text { get; }

    public ReadOnlySpan<Token> Tokens { get; }

    public int Count => Tokens.Length;

    public ReadOnlySpan<char> this[int t] => Tokens[t].Slice(Text);

    /// <summary>Whether tokens <paramref name="t"/> and <paramref name="t"/>+1 are separated by spaces on one line only.</summary>
    public bool FollowedOnSameLine(int t)
    {
        if (t + 1 >= Tokens.Length) return false;
        var gap = Text[Tokens[t].End..Tokens[t + 1].Start];
        if (gap.IsEmpty) return false;
        foreach (var c in gap)
        {
            if (c is '\n' or '\r' or '\u2028' or '\u2029' || !char.IsWhiteSpace(c)) return false;
        }

        return true;
    }

    /// <summary>
    /// Whether capitalisation says nothing at token <paramref name="t"/>: it starts the text, a
    /// sentence, a line or a quotation, or follows a colon.
    /// </summary>
    public bool IsSentenceInitial(int t)
    {
        while (true)
        {
            if (t == 0) return true;
            var previous = Tokens[t - 1];
            if (previous.Kind == TokenKind.SentenceEnd) return true;
            if (Text[previous.End..Tokens[t].Start].IndexOfAny('\n', '\r') >= 0) return true;
            if (previous.Kind != TokenKind.Punctuation || previous.Length != 1) return false;
            char p = Text[previous.Start];
            if (p == ':') return true;
            // An opening quote, bracket or dash is transparent: look at what precedes it.
            if (p is not ('"' or '\'' or '(' or '[' or '“' or '”' or '„' or '«' or '»' or '‘' or '’' or '-' or '–' or '—')) return false;
            t--;
        }
    }

    /// <summary>A capitalised word of letters (and inner hyphens): "Liisa", "Anna-Liisa"; not "THL", not "Kela:lta".</summary>
    public bool IsNameShaped(int t)
    {
        var token = Tokens[t];
        if (token.Kind != TokenKind.Word || token.Length < 2) return false;
        var w = this[t];
        if (!char.IsUpper(w[0])) return false;
        bool lower = false;
        for (int k = 1; k < w.Length; k++)
        {
            char c = w[k];
            if (char.IsLower(c)) lower = true;
            else if (!(char.IsLetter(c) || c is '-' or '\u2010' or '\u2011' or '\'' or '’' or '\u00AD') || (c == '-' && k == w.Length - 1)) return false;
        }

        return lower;
    }

    /// <summary>
    /// An initial after a name: "K." (an abbreviation token), "T" (when its period ends the sentence),
    /// "V:n" (with a case ending). <paramref name="end"/> is where the redaction should stop: after
    /// the period when it belongs to the initial, before the period or the case ending otherwise.
    /// </summary>
    public bool IsInitial(int t, out int end)
    {
        var token = Tokens[t];
        var w = this[t];
        end = token.Start + 1;
        if (w.Length == 0 || !char.IsUpper(w[0])) return false;
        if (token.Kind == TokenKind.Abbreviation && w.Length == 2 && w[1] == '.')
        {
            end = token.End;
            return true;
        }

        return token.Kind == TokenKind.Word && (w.Length == 1 || (w[1] == ':' && w.Length > 2));
    }

    /// <summary>Whether token <paramref name="t"/> is a number of one to four digits (a house or flat number).</summary>
    public bool IsSmallNumber(int t, out int digitsEnd)
    {
        var token = Tokens[t];
        digitsEnd = token.Start;
        if (token.Kind is not (TokenKind.Number or TokenKind.Word)) return false;
        var w = this[t];
        int d = 0;
        while (d < w.Length && char.IsAsciiDigit(w[d])) d++;
        if (d is 0 or > 4) return false;
        digitsEnd = token.Start + d;
        if (d == w.Length) return token.Kind == TokenKind.Number;
        // "12a", "12A" (a house letter) or "3:ssa" (a case ending).
        if (token.Kind == TokenKind.Word) return w.Length == d + 1 && char.IsLetter(w[d]) && (digitsEnd = token.End) > 0;
        return w[d] == ':';
    }
}
