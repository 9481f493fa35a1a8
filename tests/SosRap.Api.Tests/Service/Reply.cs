using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SosRap.Api.Tests.Service;

/// <summary>An HTTP answer: status, raw text, the JSON (when it is JSON) and headers.</summary>
internal sealed record Reply(HttpStatusCode Status, string Text, JsonNode? Json, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders)
{
    public int Code => (int)Status;

    public string? ContentType => ContentHeaders.ContentType?.ToString();

    /// <summary>The field names in a ValidationProblem's <c>errors</c>.</summary>
    public IReadOnlyList<string> ErrorFields => Json?["errors"]?.AsObject().Select(kv => kv.Key).ToList() ?? [];

    public JsonNode Body => Json ?? throw new InvalidOperationException($"Answer {Code} is not JSON: {Text}");

    public override string ToString() => $"{Code} {Text}";
}

/// <summary>Sending requests with bodies written as the wire format (snake_case anonymous objects or raw text).</summary>
internal static class HttpExtensions
{
    public static Task<Reply> GetJsonAsync(this HttpClient client, string url, CancellationToken cancellationToken) =>
        client.SendJsonAsync(HttpMethod.Get, url, null, cancellationToken);

    public static Task<Reply> PostJsonAsync(this HttpClient client, string url, object? body, CancellationToken cancellationToken) =>
        client.SendJsonAsync(HttpMethod.Post, url, body, cancellationToken);

    public static Task<Reply> PutJsonAsync(this HttpClient client, string url, object? body, CancellationToken cancellationToken) =>
        client.SendJsonAsync(HttpMethod.Put, url, body, cancellationToken);

    public static Task<Reply> DeleteJsonAsync(this HttpClient client, string url, CancellationToken cancellationToken) =>
        client.SendJsonAsync(HttpMethod.Delete, url, null, cancellationToken);

    /// <summary>Sends <paramref name="body"/>: a string is sent as it is (for malformed JSON), anything else serialised with its own property names.</summary>
    public static async Task<Reply> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            var text = body as string ?? JsonSerializer.Serialize(body);
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    public static async Task<Reply> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? json = null;
        var type = response.Content.Headers.ContentType?.MediaType;
        if (type is not null && type.Contains("json", StringComparison.Ordinal) && text.Length > 0 && !type.Contains("jsonl", StringComparison.Ordinal))
            json = JsonNode.Parse(text);
        return new Reply(response.StatusCode, text, json, response.Headers, response.Content.Headers);
    }
}
