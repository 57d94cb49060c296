using System.Net;
using System.Net.Http.Json;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>Two API nodes on one PostgreSQL database: any node answers any request the same way.</summary>
public sealed class TwoNodeApiTests : IAsyncLifetime
{
    private PeksosApiFactory _first = null!;
    private PeksosApiFactory _second = null!;
    private ApiDriver _a = null!;
    private ApiDriver _b = null!;

    public async Task InitializeAsync()
    {
        if (!Testing.TestDatabase.PostgresAvailable)
        {
            return;
        }

        _first = new PeksosApiFactory(DatabaseProvider.Postgres);
        _a = new ApiDriver(_first.CreateAdminClient());
        (await _a.Admin.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK); // the first node migrates and creates the signing key
        _second = _first.SecondNode();
        _b = new ApiDriver(_second.CreateAdminClient(), firstNikSerial: 5_000);
        (await _b.Admin.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        if (_first is not null)
        {
            await _first.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task DecisionsThroughBothNodesAtOnce_GiveUniqueGapFreeSerials_AndBothFeedsAgree()
    {
        Skip.IfNot(Testing.TestDatabase.PostgresAvailable, "PostgreSQL tests need PEKSOS_TEST_POSTGRES.");

        var issued = await Task.WhenAll(_a.IssueCertificates(4, _first.CreateClientWithKey), _b.IssueCertificates(4, _second.CreateClientWithKey));

        var serials = issued.SelectMany(n => n).Select(n => CertificateNumber.Parse(n).Value.Serial).Order().ToList();
        serials.Should().Equal(Enumerable.Range(1, 8), "serials count per prefix and year from 000001 without gaps, whichever node issues");

        var fromA = await AllEventsAsync(_a.Admin);
        var fromB = await AllEventsAsync(_b.Admin);
        fromA.Should().Equal(fromB);
        fromA.Select(e => e.Id).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        fromA.Count(e => e.Type == "certificate.issued").Should().Be(8);
    }

    [SkippableFact]
    public async Task AKeyDeletedOnOneNode_IsRefusedThereAtOnce_AndByTheOtherWithinASecond()
    {
        Skip.IfNot(Testing.TestDatabase.PostgresAvailable, "PostgreSQL tests need PEKSOS_TEST_POSTGRES.");
        var created = await _a.Post("/api/v1/api-keys", new { name = "Aplikasi PKH", role = "consumer" }, HttpStatusCode.Created);
        using var onFirst = _first.CreateClientWithKey(created.GetProperty("key").GetString());
        using var onSecond = _second.CreateClientWithKey(created.GetProperty("key").GetString());
        for (var i = 0; i < 3; i++)
        {
            // Both nodes now hold the key in their caches.
            (await onFirst.GetAsync("/api/v1/certificates/expiring")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await onSecond.GetAsync("/api/v1/certificates/expiring")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await _a.Admin.DeleteAsync($"/api/v1/api-keys/{created.GetProperty("id").GetGuid()}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var deleted = System.Diagnostics.Stopwatch.StartNew();

        await (await onFirst.GetAsync("/api/v1/certificates/expiring")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        while ((await onSecond.GetAsync("/api/v1/certificates/expiring")).StatusCode == HttpStatusCode.OK)
        {
            deleted.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1), "the other node sees the deletion within a second");
            await Task.Delay(20);
        }

        deleted.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
        await (await onSecond.GetAsync("/api/v1/certificates/expiring")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [SkippableFact]
    public async Task ASchemeVersionPublishedOnOneNode_IsReadByTheOtherWithinASecond()
    {
        Skip.IfNot(Testing.TestDatabase.PostgresAvailable, "PostgreSQL tests need PEKSOS_TEST_POSTGRES.");
        (await _b.Admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/schemes/TKS-GENERALIS")).GetProperty("version").GetInt32().Should().Be(1);
        var scheme = System.Text.Json.Nodes.JsonNode.Parse(await _a.Admin.GetStringAsync("/api/v1/schemes/TKS-GENERALIS"))!.AsObject();
        scheme.Remove("effectiveFrom");
        scheme["validityYears"] = 4;
        (await _a.Admin.PostAsJsonAsync("/api/v1/schemes/TKS-GENERALIS/versions", scheme)).StatusCode.Should().Be(HttpStatusCode.Created);

        // The other node checks for new versions twice a second; allow generous slack for a loaded machine.
        var seen = 1;
        var until = DateTime.UtcNow.AddSeconds(5);
        while (seen == 1 && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
            seen = (await _b.Admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/schemes/TKS-GENERALIS")).GetProperty("version").GetInt32();
        }

        seen.Should().Be(2);
    }

    [SkippableFact]
    public async Task AnIdempotentRetryOnTheOtherNode_ReplaysTheFirstAnswer()
    {
        Skip.IfNot(Testing.TestDatabase.PostgresAvailable, "PostgreSQL tests need PEKSOS_TEST_POSTGRES.");
        var body = CandidatesApiTests.ValidCandidate(_a.NextNik());

        var first = await _a.Admin.SendAsync(Register(body, "retry-elsewhere"));
        var retry = await _b.Admin.SendAsync(Register(body, "retry-elsewhere"));

        var created = await first.ShouldBeJson(HttpStatusCode.Created);
        var replayed = await retry.ShouldBeJson(HttpStatusCode.Created);
        replayed.GetRawText().Should().Be(created.GetRawText());
        retry.Headers.GetValues("Idempotent-Replayed").Single().Should().Be("true");
    }

    private static HttpRequestMessage Register(object body, string key) => new(HttpMethod.Post, "/api/v1/candidates")
    {
        Content = JsonContent.Create(body),
        Headers = { { "Idempotency-Key", key } },
    };

    private static async Task<List<(long Id, string Type)>> AllEventsAsync(HttpClient client)
    {
        var events = new List<(long Id, string Type)>();
        var after = "0";
        while (true)
        {
            var page = await (await client.GetAsync($"/api/v1/events?after={after}&limit=200")).ShouldBeJson(HttpStatusCode.OK);
            var items = page.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("id").GetInt64(), e.GetProperty("type").GetString()!)).ToList();
            if (items.Count == 0)
            {
                return events;
            }

            events.AddRange(items);
            after = page.GetProperty("nextCursor").GetString()!;
        }
    }
}
