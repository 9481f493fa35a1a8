namespace SosRap.Pipeline.Text.Pii;

/// <summary>
/// Person names in the ways reports write them. Mid-sentence, a capitalised word is a proper noun,
/// so the rules lean on capitalisation and on what surrounds the word:
/// <list type="number">
/// <item>a role word and a capitalised word: "asiakas Marko", "äiti Sirkku-Liisa", "AK Raimo T.";</item>
/// <item>a capitalised word and an initial: "Liisa K.", "Matti V:n" (sentence-initially only when the word is a known first name);</item>
/// <item>a known first name and a capitalised surname: "Pekka Virtanen", "Anna Maria Korhonen";</item>
/// <item>a known first name on its own mid-sentence, also inflected: "soitti Liisalle", "Pekan äiti".</item>
/// </list>
/// Places, organisations, months and the like (<see cref="NameLexicon.IsNonName"/>) are never names.
/// </summary>
internal sealed class NameDetector(NameLexicon lexicon)
{
    private const int MaxNameWords = 3;

    /// <summary>Appends the names among <paramref name="view"/>'s tokens to <paramref name="found"/>.</summary>
    public void Find(TokenView view, List<Redaction> found)
    {
        for (int t = 0; t < view.Count; t++)
        {
            if (view.Tokens[t].Kind != TokenKind.Word) continue;
            var word = view[t];

            // 1. Role word + capitalised word.
            if (lexicon.IsRoleWord(word) && view.FollowedOnSameLine(t) && IsCandidate(view, t + 1))
            {
                t = AddName(view, t + 1, found);
                continue;
            }

            if (!IsCandidate(view, t)) continue;
            bool initialPosition = view.IsSentenceInitial(t);
            bool knownName = lexicon.IsFirstName(word);

            // 2. Capitalised word + initial.
            if (view.FollowedOnSameLine(t) && view.IsInitial(t + 1, out _) && (knownName || !initialPosition))
            {
                t = AddName(view, t, found);
                continue;
            }

            // 3. Known first name + surname.
            if (knownName && !(initialPosition && lexicon.IsOrdinaryWordToo(word))
                && view.FollowedOnSameLine(t) && IsCandidate(view, t + 1))
            {
                t = AddName(view, t, found);
                continue;
            }

            // 4. A first name alone, mid-sentence.
            if (!initialPosition && lexicon.IsFirstNameForm(word))
                t = AddName(view, t, found);
        }
    }

    private bool IsCandidate(TokenView view, int t)
        => t < view.Count && view.IsNameShaped(t) && !lexicon.IsNonName(view[t]);

    /// <summary>Adds the name starting at token <paramref name="first"/> with its further names or initial; returns its last token.</summary>
    private int AddName(TokenView view, int first, List<Redaction> found)
    {
        int last = first;
        int end = view.Tokens[first].End;
        int words = 1;
        while (view.FollowedOnSameLine(last))
        {
            if (view.IsInitial(last + 1, out int initialEnd))
            {
                last++;
                end = initialEnd;
                break;
            }

            if (words >= MaxNameWords || !IsCandidate(view, last + 1)) break;
            last++;
            end = view.Tokens[last].End;
            words++;
        }

        found.Add(new Redaction(PiiKind.Name, view.Tokens[first].Start, end - view.Tokens[first].Start));
        return last;
    }
}
