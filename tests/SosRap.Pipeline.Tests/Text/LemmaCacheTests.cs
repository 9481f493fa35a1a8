using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Tests.Text;

public sealed class LemmaCacheTests
{
    [Fact]
    public void Frequently_used_entry_survives_generation_turnover()
    {
        var cache = new LemmaCache<string>(8);
        cache.Add("usein", "usein");
        for (var i = 0; i < 100; i++)
        {
            cache.Add($"harvoin{i}", "x");
            Assert.True(cache.TryGet("usein", out _), $"lost after {i} other words");
        }

        Assert.InRange(cache.Count, 1, 8);
        Assert.False(cache.TryGet("harvoin0", out _));
    }

    [Fact]
    public void Adding_an_existing_key_keeps_the_first_value()
    {
        var cache = new LemmaCache<string>(8);
        Assert.Equal("a", cache.Add("k", "a"));
        Assert.Equal("a", cache.Add("k", "b"));
        Assert.True(cache.TryGet("k".AsSpan(), out var v));
        Assert.Equal("a", v);
    }
}
