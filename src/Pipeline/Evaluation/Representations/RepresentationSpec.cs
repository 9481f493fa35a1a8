using System.Globalization;
using System.Text;

namespace SosRap.Pipeline.Evaluation.Representations;

/// <summary>
/// One representation to compare, written <c>name</c> or <c>name(key=value,…)</c>, e.g. <c>tfidf</c>,
/// <c>tfidf(weighting=bm25)</c>, <c>lsa(dim=100,scale=sqrt)</c>. Parsing is strict: a malformed spec, a
/// repeated key or (when the representation is fitted) an unknown key or a bad value is an
/// <see cref="InputException"/> naming it — nothing is silently dropped.
/// </summary>
public sealed class RepresentationSpec
{
    private readonly Dictionary<string, string> _arguments;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private RepresentationSpec(string text, string name, Dictionary<string, string> arguments)
    {
        Text = text;
        Name = name;
        _arguments = arguments;
    }

    /// <summary>The spec as written (trimmed).</summary>
    public string Text { get; }

    /// <summary>The representation's name, lower-case.</summary>
    public string Name { get; }

    /// <summary>The arguments as written, keys lower-case.</summary>
    public IReadOnlyDictionary<string, string> Arguments => _arguments;

    /// <summary>A file-name-safe label: <c>lsa(dim=100)</c> → <c>lsa-dim100</c>.</summary>
    public string Label
    {
        get
        {
            var sb = new StringBuilder();
            foreach (var c in Text.ToLowerInvariant())
            {
                if (char.IsAsciiLetterOrDigit(c) || c == '.') sb.Append(c);
                else if (c != '=' && sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            }

            return sb.ToString().Trim('-');
        }
    }

    /// <summary>Parses one spec.</summary>
    /// <exception cref="InputException">The text is not <c>name</c> or <c>name(key=value,…)</c>.</exception>
    public static RepresentationSpec Parse(string text, string field = "--representations")
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        var open = s.IndexOf('(', StringComparison.Ordinal);
        var name = (open < 0 ? s : s[..open]).Trim().ToLowerInvariant();
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new InputException($"virheellinen esitystavan nimi '{Shorten(s)}' (kirjaimia, numeroita, - ja _)", field: field);
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        if (open >= 0)
        {
            if (!s.EndsWith(')')) throw new InputException($"'{Shorten(s)}': sulkeva sulje puuttuu", field: field);
            var inner = s[(open + 1)..^1];
            if (inner.Contains('(') || inner.Contains(')')) throw new InputException($"'{Shorten(s)}': sisäkkäisiä sulkeita ei sallita", field: field);
            foreach (var part in inner.Split(',', StringSplitOptions.TrimEntries))
            {
                if (part.Length == 0) continue;
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || eq == part.Length - 1 || part.IndexOf('=', eq + 1) >= 0)
                    throw new InputException($"'{Shorten(s)}': argumentin pitää olla muotoa avain=arvo, saatiin '{Shorten(part)}'", field: field);
                var key = part[..eq].Trim().ToLowerInvariant();
                if (!arguments.TryAdd(key, part[(eq + 1)..].Trim()))
                    throw new InputException($"'{Shorten(s)}': avain '{key}' on annettu kahdesti", field: field);
            }
        }

        return new RepresentationSpec(s, name, arguments);
    }

    /// <summary>Parses a comma-separated list; commas inside parentheses belong to a spec's arguments.</summary>
    public static IReadOnlyList<RepresentationSpec> ParseList(string text, string field = "--representations")
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<RepresentationSpec>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length)
            {
                if (text[i] == '(') depth++;
                else if (text[i] == ')') depth--;
                if (depth < 0) throw new InputException($"'{Shorten(text)}': ylimääräinen sulkeva sulje", field: field);
                if (text[i] != ',' || depth > 0) continue;
            }

            var piece = text[start..i].Trim();
            if (piece.Length > 0) result.Add(Parse(piece, field));
            start = i + 1;
        }

        if (depth != 0) throw new InputException($"'{Shorten(text)}': sulkeet eivät täsmää", field: field);
        if (result.Count == 0) throw new InputException("anna vähintään yksi esitystapa", field: field);
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in result)
        {
            if (!labels.Add(spec.Label)) throw new InputException($"esitystapa '{spec.Text}' on listassa kahdesti", field: field);
        }

        return result;
    }

    /// <summary>A text argument, or <paramref name="fallback"/> when absent.</summary>
    public string GetString(string key, string fallback)
    {
        _read.Add(key);
        return _arguments.TryGetValue(key, out var v) ? v : fallback;
    }

    /// <summary>An integer argument within bounds.</summary>
    public int GetInt(string key, int fallback, int min, int max)
    {
        _read.Add(key);
        if (!_arguments.TryGetValue(key, out var v)) return fallback;
        return int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw Bad(key, v, $"kokonaisluku väliltä {min}–{max}");
    }

    /// <summary>A number argument within bounds (a decimal point, not a comma).</summary>
    public double GetDouble(string key, double fallback, double min, double max)
    {
        _read.Add(key);
        if (!_arguments.TryGetValue(key, out var v)) return fallback;
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x >= min && x <= max
            ? x
            : throw Bad(key, v, $"luku väliltä {min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>A true/false argument.</summary>
    public bool GetBool(string key, bool fallback)
    {
        _read.Add(key);
        if (!_arguments.TryGetValue(key, out var v)) return fallback;
        return v.ToLowerInvariant() switch
        {
            "true" or "yes" or "1" => true,
            "false" or "no" or "0" => false,
            _ => throw Bad(key, v, "true tai false"),
        };
    }

    /// <summary>One of named choices.</summary>
    public T GetChoice<T>(string key, T fallback, IReadOnlyDictionary<string, T> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        _read.Add(key);
        if (!_arguments.TryGetValue(key, out var v)) return fallback;
        return choices.TryGetValue(v.ToLowerInvariant(), out var choice) ? choice : throw Bad(key, v, string.Join(", ", choices.Keys));
    }

    /// <summary>Throws when an argument was given that no Get… call asked for (a typo or an argument of another representation).</summary>
    public void EnsureAllUsed()
    {
        foreach (var key in _arguments.Keys)
        {
            if (!_read.Contains(key))
                throw new InputException($"esitystavalla '{Name}' ei ole asetusta '{key}' (sallitut: {string.Join(", ", _read.Order(StringComparer.Ordinal))})", field: "--representations");
        }
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private InputException Bad(string key, string value, string expected) =>
        new($"'{Text}': asetuksen '{key}' arvo '{Shorten(value)}' ei kelpaa (odotettiin: {expected})", field: "--representations");

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "…";
}
