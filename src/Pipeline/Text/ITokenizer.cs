namespace SosRap.Pipeline.Text;

/// <summary>Splits text into tokens that keep their offsets into the original text.</summary>
public interface ITokenizer
{
    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/> in text order.</summary>
    void Tokenize(ReadOnlySpan<char> text, List<Token> tokens);
}
