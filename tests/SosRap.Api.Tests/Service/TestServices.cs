using Microsoft.Extensions.DependencyInjection;
using SosRap.Api.Services;

namespace SosRap.Api.Tests.Service;

/// <summary>Service replacements every test fixture applies.</summary>
internal static class TestServices
{
    public static void Configure(IServiceCollection services) =>
        // Until the pipeline's PII redactor is in this build, the service refuses all texts; the
        // tests use a stand-in that redacts only the fixed markers they write.
        services.AddSingleton<IReportRedactor, MarkerRedactor>();

    /// <summary>Replaces <c>[[nimi:…]]</c>-style markers with the service's placeholders (stand-in only).</summary>
    private sealed class MarkerRedactor : IReportRedactor
    {
        public RedactedText Redact(string text)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var result = System.Text.RegularExpressions.Regex.Replace(text, @"\[\[(\w+):[^\]]*\]\]", m =>
            {
                var kind = m.Groups[1].Value;
                counts[kind] = counts.GetValueOrDefault(kind) + 1;
                return "[" + kind.ToUpperInvariant() + "]";
            });
            return new RedactedText(result, counts);
        }
    }
}
