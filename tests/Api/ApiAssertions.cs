using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Peksos.Clean.Api.Tests;

public static class ApiAssertions
{
    /// <summary>Asserts an RFC 9457 problem response with the given status and stable code; returns its body.</summary>
    public static async Task<JsonElement> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var json = JsonDocument.Parse(body).RootElement;
        json.GetProperty("code").GetString().Should().Be(code);
        json.GetProperty("status").GetInt32().Should().Be((int)status);
        json.GetProperty("traceId").GetString().Should().NotBeNullOrEmpty();
        json.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        body.Should().NotContain("   at ", "no stack trace is ever returned");
        return json;
    }

    public static async Task<JsonElement> ShouldBeJson(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        return JsonDocument.Parse(body).RootElement;
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);
}
