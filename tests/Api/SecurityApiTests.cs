using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>Idempotency keys, abuse limits and NIK log redaction.</summary>
public sealed class SecurityApiTests
{
    private static HttpRequestMessage Post(string url, object body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    private static object Exam(string title) => new
    {
        schemeCode = "PEKSOS-GENERALIS",
        title,
        venue = "TUK",
        regionCode = "18.71",
        scheduledOn = "2026-11-27",
        capacity = 5,
    };

    private static async Task<long> Count(PeksosApiFactory factory, string table)
    {
        await using var connection = await factory.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task PersonalData_IsSentWithNoStore_ReferenceDataIsCacheable()
    {
        await using var factory = new PeksosApiFactory(DatabaseProvider.Sqlite);
        var api = new ApiDriver(factory.CreateAdminClient());
        var candidate = (await api.RegisterCandidate()).GetProperty("id").GetGuid();
        var portfolio = (await api.OpenPortfolio(candidate)).GetProperty("id").GetGuid();

        foreach (var url in new[] { $"/api/v1/candidates/{candidate}", "/api/v1/candidates", $"/api/v1/portfolios/{portfolio}", "/api/v1/audit", "/api/v1/exams" })
        {
            (await api.Admin.GetAsync(url)).Headers.CacheControl!.NoStore.Should().BeTrue(url);
        }

        (await api.Admin.GetAsync("/api/v1/schemes")).Headers.CacheControl?.NoStore.Should().NotBe(true);
    }

    [Fact]
    public async Task ApiKeyNames_AreUniqueAmongActiveKeys_AndNeverTheBootstrapKeys()
    {
        await using var factory = new PeksosApiFactory(DatabaseProvider.Sqlite);
        using var admin = factory.CreateAdminClient();

        var first = await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "Aplikasi PKH", role = "consumer" })).ShouldBeJson(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "Aplikasi PKH", role = "admin" })).ShouldBeProblem(HttpStatusCode.Conflict, "api-key.name-taken");
        await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "Bootstrap-Admin", role = "admin" })).ShouldBeProblem(HttpStatusCode.Conflict, "api-key.name-taken");

        (await admin.DeleteAsync($"/api/v1/api-keys/{first.GetProperty("id").GetGuid()}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "Aplikasi PKH", role = "consumer" })).ShouldBeJson(HttpStatusCode.Created);
    }

    [Fact]
    public async Task IdempotencyKey_SameBodyReplays_OtherBodyIs422_AndNothingIsCreatedTwice()
    {
        await using var factory = new PeksosApiFactory(DatabaseProvider.Sqlite);
        using var admin = factory.CreateAdminClient();

        var first = await admin.SendAsync(Post("/api/v1/exams", Exam("Ujikom A"), "key-1"));
        var firstBody = await first.ShouldBeJson(HttpStatusCode.Created);
        var replay = await admin.SendAsync(Post("/api/v1/exams", Exam("Ujikom A"), "key-1"));
        var replayBody = await replay.ShouldBeJson(HttpStatusCode.Created);

        replayBody.GetRawText().Should().Be(firstBody.GetRawText());
        replay.Headers.Location.Should().Be(first.Headers.Location);
        replay.Headers.GetValues("Idempotent-Replayed").Single().Should().Be("true");
        (await Count(factory, "exams")).Should().Be(1);

        await (await admin.SendAsync(Post("/api/v1/exams", Exam("Ujikom B"), "key-1"))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "idempotency.key-reused");
        (await admin.SendAsync(Post("/api/v1/exams", Exam("Ujikom A"), "key-2"))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await Count(factory, "exams")).Should().Be(2);
        await (await admin.SendAsync(Post("/api/v1/exams", Exam("Ujikom C"), new string('k', 201)))).ShouldBeProblem(HttpStatusCode.BadRequest, "idempotency.key-invalid");
    }

    [Fact]
    public async Task IdempotencyKey_ConcurrentDuplicates_CreateOnce_AndAnswerReplayOr409()
    {
        await using var factory = new PeksosApiFactory(DatabaseProvider.Sqlite);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var admin = factory.CreateAdminClient();
            return await admin.SendAsync(Post("/api/v1/exams", Exam("Ujikom serentak"), "same-key"));
        }));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        var ids = new HashSet<Guid>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
        {
            ids.Add((await response.ShouldBeJson(HttpStatusCode.Created)).GetProperty("id").GetGuid());
        }

        ids.Should().ContainSingle("every success is the same exam");
        (await Count(factory, "exams")).Should().Be(1);
    }

    [Fact]
    public async Task AnonymousVerification_IsRateLimitedPerClient_With429AndRetryAfter()
    {
        await using var factory = new PeksosApiFactory(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["RateLimiting:AnonymousPerMinute"] = "5" });
        using var anonymous = factory.CreateClient();
        var number = Domain.Certificates.CertificateNumber.Create("PSG", 2026, 1).Value;

        for (var i = 0; i < 5; i++)
        {
            (await anonymous.GetAsync($"/api/v1/verify/{number}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        var limited = await anonymous.GetAsync($"/api/v1/verify/{number}");
        await limited.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate-limit.exceeded");
        int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(1, 60);

        // Callers with a key have their own allowance.
        using var admin = factory.CreateAdminClient();
        (await admin.GetAsync($"/api/v1/verify/{number}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // The probes stay outside the limiter: a burst of verifications never fails the liveness or readiness check.
        (await anonymous.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task InventedKeys_DrawOnTheClientsAnonymousAllowance_NotAFreshOneEach()
    {
        await using var factory = new PeksosApiFactory(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["RateLimiting:AnonymousPerMinute"] = "3",
            ["RateLimiting:PerKeyPerMinute"] = "1000",
        });
        var number = Domain.Certificates.CertificateNumber.Create("PSG", 2026, 1).Value;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var guessing = factory.CreateClient();
            guessing.DefaultRequestHeaders.Add("X-Api-Key", $"guessed-key-{i}");
            statuses.Add((await guessing.GetAsync($"/api/v1/verify/{number}")).StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests);
        using var admin = factory.CreateAdminClient();
        (await admin.GetAsync($"/api/v1/verify/{number}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a valid key has its own allowance");
    }

    [Fact]
    public async Task ABodyOverTheLimit_Is413_AndChangesNothing()
    {
        await using var factory = new PeksosApiFactory(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Limits:MaxBodyBytes"] = "4096" });
        using var admin = factory.CreateAdminClient();
        var body = CandidatesApiTests.ValidCandidate();
        body["padding"] = new string('x', 5_000);

        await (await admin.PostAsJsonAsync("/api/v1/candidates", body)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "request.too-large");
        (await Count(factory, "candidates")).Should().Be(0);
        body.Remove("padding");
        (await admin.PostAsJsonAsync("/api/v1/candidates", body)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ANikSentInRequests_NeverReachesTheLogs()
    {
        var logs = new ConcurrentQueue<string>();
        await using var factory = new PeksosApiFactory(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Trace" });
        using var admin = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddLogging(l =>
            l.SetMinimumLevel(LogLevel.Trace).AddProvider(new CollectingLoggerProvider(logs))))).CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", PeksosApiFactory.AdminKey);
        const string nik = "1871014506900003";

        (await admin.PostAsJsonAsync("/api/v1/candidates", CandidatesApiTests.ValidCandidate(nik))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/api/v1/candidates", CandidatesApiTests.ValidCandidate(nik))).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await admin.PostAsJsonAsync("/api/v1/candidates/search", new { nik })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.PostAsJsonAsync("/api/v1/candidates", CandidatesApiTests.ValidCandidate("1871014506900000"))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var malformed = new StringContent($"{{\"nik\": \"{nik}\", \"birthDate\": \"{nik}\"}}", Encoding.UTF8, "application/json");
        (await admin.PostAsync("/api/v1/candidates", malformed)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var csv = new StringContent($"{Peksos.Clean.Testing.RosterFile.Header}\n{nik},x\n", Encoding.UTF8, "text/csv");
        (await admin.PostAsync("/api/v1/candidates/import", csv)).StatusCode.Should().Be(HttpStatusCode.OK);

        logs.Should().NotBeEmpty("the test must see the host's log output");
        logs.Should().NotContain(line => line.Contains(nik, StringComparison.Ordinal) || line.Contains("1871014506900000", StringComparison.Ordinal));
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Collector(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                lines.Enqueue($"{category} scope: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
