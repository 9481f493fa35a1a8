using System.Text;
using System.Text.Json;

namespace SosRap.Api.Hosting;

/// <summary>
/// Makes every ProblemDetails the service writes speak its wire format: validation error keys in
/// snake_case as the JSON fields are named (<c>AffectedClients</c> → <c>affected_clients</c>,
/// <c>Categories[0].SupportNeed</c> → <c>categories[0].support_need</c>, messages likewise) and
/// Finnish titles.
/// </summary>
internal static class ProblemDetailsConventions
{
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem is HttpValidationProblemDetails validation)
        {
            var renamed = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var (key, messages) in validation.Errors)
            {
                var wire = WireName(key);
                var texts = messages.Select(m => ReplaceName(m, key, wire)).ToArray();
                renamed[wire] = renamed.TryGetValue(wire, out var existing) ? [.. existing, .. texts] : texts;
            }

            validation.Errors.Clear();
            foreach (var (key, messages) in renamed) validation.Errors[key] = messages;
            if (problem.Title is null or "One or more validation errors occurred.") problem.Title = "Pyynnössä on virheellisiä kenttiä";
        }

        problem.Title = problem.Status switch
        {
            StatusCodes.Status404NotFound when problem.Title is null or "Not Found" => "Ei löydy",
            StatusCodes.Status405MethodNotAllowed when problem.Title is null or "Method Not Allowed" => "Menetelmä ei ole sallittu",
            StatusCodes.Status500InternalServerError when problem.Title is null or "An error occurred while processing your request." => "Palvelinvirhe",
            _ => problem.Title,
        };
    }

    /// <summary>A CLR member path as the JSON path of the same field.</summary>
    internal static string WireName(string key)
    {
        if (key.Length == 0 || key == "$") return key;
        var sb = new StringBuilder(key.Length + 8);
        var segmentStart = 0;
        for (var i = 0; i <= key.Length; i++)
        {
            if (i == key.Length || key[i] is '.' or '[' or ']')
            {
                var segment = key[segmentStart..i];
                sb.Append(segment.Length > 0 && char.IsLetter(segment[0]) ? JsonNamingPolicy.SnakeCaseLower.ConvertName(segment) : segment);
                if (i < key.Length) sb.Append(key[i]);
                segmentStart = i + 1;
            }
        }

        return sb.ToString();
    }

    private static string ReplaceName(string message, string key, string wire)
    {
        var member = key[(key.LastIndexOf('.') + 1)..];
        var bracket = member.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0) member = member[..bracket];
        var wireMember = WireName(member);
        return member.Length == 0 || member == wireMember ? message : message.Replace(member, wireMember, StringComparison.Ordinal);
    }
}
