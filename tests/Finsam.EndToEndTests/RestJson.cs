using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Finsam.EndToEndTests;

/// <summary>REST calls through the gateway that read the answer as JSON and fail the test with the body on a surprise.</summary>
public static class RestJson
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<JsonNode> PostOkAsync(this HttpClient client, string path, object body) =>
        client.SendOkAsync(HttpMethod.Post, path, body);

    public static Task<JsonNode> GetOkAsync(this HttpClient client, string path) =>
        client.SendOkAsync(HttpMethod.Get, path, null);

    public static async Task<JsonNode> SendOkAsync(this HttpClient client, HttpMethod method, string path, object? body)
    {
        using var response = await client.SendAsync(Request(method, path, body), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Sends a request that must be refused with <paramref name="expected"/>; returns the error body.</summary>
    public static async Task<JsonNode> SendErrorAsync(this HttpClient client, HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var response = await client.SendAsync(Request(method, path, body), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public static object Date(DateOnly day) => new { year = day.Year, month = day.Month, day = day.Day };

    public static DateOnly ToDate(JsonNode date) => new(date["year"]!.GetValue<int>(), date["month"]!.GetValue<int>(), date["day"]!.GetValue<int>());

    public static string Etag(JsonNode resource) => resource["etag"]!.GetValue<string>();

    public static string? Reason(JsonNode error) =>
        error["details"]!.AsArray().Select(d => d!["reason"]?.GetValue<string>()).FirstOrDefault(r => r is not null);

    public static List<string> Violations(JsonNode error) =>
        error["details"]!.AsArray()
            .Where(d => d!["fieldViolations"] is not null)
            .SelectMany(d => d!["fieldViolations"]!.AsArray().Select(v => v!["field"]!.GetValue<string>()))
            .ToList();

    /// <summary>An int field that proto3 JSON leaves out when it is 0.</summary>
    public static int Int(JsonNode? node) => node?.GetValue<int>() ?? 0;

    private static HttpRequestMessage Request(HttpMethod method, string path, object? body) =>
        new(method, path) { Content = body is null ? null : JsonContent.Create(body) };
}
