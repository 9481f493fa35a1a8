using System.Text.RegularExpressions;

namespace SosRap.Pipeline.Tests.Clustering;

/// <summary>A small well-formedness check: every non-void element opened is closed in order.</summary>
internal static partial class HtmlChecks
{
    private static readonly HashSet<string> Void = ["meta", "br", "img", "link", "input", "hr", "rect", "!doctype"];

    public static void AssertBalanced(string html)
    {
        var stack = new Stack<string>();
        foreach (Match m in Tag().Matches(html))
        {
            var closing = m.Groups[1].Value == "/";
            var name = m.Groups[2].Value.ToLowerInvariant();
            var selfClosing = m.Value.EndsWith("/>", StringComparison.Ordinal);
            if (Void.Contains(name) || selfClosing) continue;
            if (!closing)
            {
                stack.Push(name);
                continue;
            }

            Assert.True(stack.Count > 0, $"</{name}> closes nothing");
            Assert.Equal(stack.Pop(), name);
        }

        Assert.Empty(stack);
    }

    [GeneratedRegex(@"<(/?)([!a-zA-Z][a-zA-Z0-9]*)[^>]*>")]
    private static partial Regex Tag();
}
