using System.Net;
using Peksos.Clean.Infrastructure.Persistence;
using Peksos.Clean.Testing;

namespace Peksos.Clean.Api.Tests;

/// <summary>Behind a known reverse proxy each client has its own allowance; browsers from configured origins may call the API.</summary>
public sealed class ProxiesAndOriginsApiTests
{
    [Fact]
    public async Task BehindAKnownProxy_RateLimitsCountPerForwardedClient()
    {
        await using var database = TestDatabase.CreateSqlite();
        using var host = await ProcessHost.StartAsync(database, typeof(Program).Assembly.Location, new Dictionary<string, string>
        {
            ["RateLimiting__AnonymousPerMinute"] = "2",
            ["ForwardedHeaders__KnownProxies"] = "127.0.0.1",
        });
        using var anonymous = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        async Task<HttpStatusCode> From(string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/schemes");
            request.Headers.Add("X-Forwarded-For", client);
            return (await anonymous.SendAsync(request)).StatusCode;
        }

        (await From("203.0.113.7")).Should().Be(HttpStatusCode.OK);
        (await From("203.0.113.7")).Should().Be(HttpStatusCode.OK);
        (await From("203.0.113.7")).Should().Be(HttpStatusCode.TooManyRequests);
        (await From("203.0.113.8")).Should().Be(HttpStatusCode.OK, "another client behind the same proxy has its own allowance");
    }

    [Fact]
    public async Task Cors_AllowsTheConfiguredOriginsOnly()
    {
        await using var factory = new PeksosApiFactory(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Cors:AllowedOrigins"] = "https://app.dinsos.example" });
        using var client = factory.CreateClient();

        async Task<HttpResponseMessage> Preflight(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/candidates");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "x-api-key,content-type");
            return await client.SendAsync(request);
        }

        var allowed = await Preflight("https://app.dinsos.example");
        allowed.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://app.dinsos.example");
        (await Preflight("https://elsewhere.example")).Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }
}
