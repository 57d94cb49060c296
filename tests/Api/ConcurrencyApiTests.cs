using System.Net;
using System.Net.Http.Json;
using System.Text;
using Peksos.Clean.Infrastructure.Persistence;
using Peksos.Clean.Testing;

namespace Peksos.Clean.Api.Tests;

/// <summary>Check-then-write invariants under concurrent requests, on each engine (SQLite's single writer hides none of them on PostgreSQL).</summary>
public abstract class ConcurrencyApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private PeksosApiFactory _factory = null!;
    private ApiDriver _api = null!;

    public Task InitializeAsync()
    {
        _factory = new PeksosApiFactory(provider);
        var admin = _factory.CreateAdminClient();
        admin.Timeout = TimeSpan.FromMinutes(5);
        _api = new ApiDriver(admin);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [SkippableFact]
    public async Task Enrol_TheSamePortfolioInEightExamsAtOnce_EnrolsItOnce()
    {
        var assessor = await _api.RegisterAssessor("Bambang Sutrisno", $"MET.{Guid.NewGuid():N}"[..16], "Universitas Lampung");
        var exams = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            var exam = (await _api.Post("/api/v1/exams", new
            {
                schemeCode = "PEKSOS-GENERALIS",
                title = $"Uji Kompetensi {i}",
                venue = "TUK Dinas Sosial Provinsi Lampung",
                regionCode = "18.71",
                scheduledOn = "2026-11-27",
                capacity = 10,
            }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
            await _api.Post($"/api/v1/exams/{exam}/assessors", new { assessorId = assessor }, HttpStatusCode.OK);
            exams.Add(exam);
        }

        var (_, portfolio) = await _api.AcceptedGeneralisPortfolio();

        var answers = await Task.WhenAll(exams.Select(e => _api.Admin.PostAsJsonAsync($"/api/v1/exams/{e}/participants", new { portfolioId = portfolio, assessorId = assessor })));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).Should().Be(1);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await refused.ShouldBeProblem(HttpStatusCode.Conflict, "exam.already-enrolled");
        }
    }

    [SkippableFact]
    public async Task OpenPortfolio_ForOneSchemeSixTimesAtOnce_OpensOne()
    {
        var candidate = (await _api.RegisterCandidate()).GetProperty("id").GetGuid();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            _api.Admin.PostAsJsonAsync("/api/v1/portfolios", new { candidateId = candidate, schemeCode = "PEKSOS-GENERALIS" })));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).Should().Be(1);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await refused.ShouldBeProblem(HttpStatusCode.Conflict, "portfolio.already-open");
        }
    }

    [SkippableFact]
    public async Task Import_TheSameRosterThreeTimesAtOnce_AddsEveryoneOnce()
    {
        var (csv, valid, duplicates, _) = RosterFile.Generate(1_200, firstPerson: 500_000);

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            return _api.Admin.PostAsync("/api/v1/candidates/import", content);
        }));

        var reports = new List<System.Text.Json.JsonElement>();
        foreach (var answer in answers)
        {
            reports.Add(await answer.ShouldBeJson(HttpStatusCode.OK));
        }

        reports.Sum(r => r.GetProperty("imported").GetInt32()).Should().Be(valid);
        reports.Should().OnlyContain(r => r.GetProperty("imported").GetInt32() + r.GetProperty("skippedDuplicates").GetInt32() == valid + duplicates);
        var registered = await (await _api.Admin.GetAsync("/api/v1/reports/summary")).ShouldBeJson(HttpStatusCode.OK);
        registered.GetProperty("candidates").GetInt32().Should().Be(valid);
    }

    [SkippableFact]
    public async Task Register_SixteenRetriesWithOneIdempotencyKeyAtOnce_CreateOneCandidateAndReplayIt()
    {
        var body = CandidatesApiTests.ValidCandidate(_api.NextNik());

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => _api.Admin.SendAsync(WithKey("register-once", body))));

        answers.Select(a => a.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created, "a retry waits for the first and replays it");
        var ids = new HashSet<Guid>();
        foreach (var answer in answers)
        {
            ids.Add((await answer.ShouldBeJson(HttpStatusCode.Created)).GetProperty("id").GetGuid());
        }

        ids.Should().ContainSingle();
        answers.Count(a => !a.Headers.Contains("Idempotent-Replayed")).Should().Be(1);
    }

    [SkippableFact]
    public async Task IdempotencyKey_IsScopedToTheCallingKeysId_NotItsName()
    {
        var body = CandidatesApiTests.ValidCandidate(_api.NextNik());
        using var other = _factory.CreateClientWithKey(await _api.CreateKey("admin"));

        await (await _api.Admin.SendAsync(WithKey("shared", body))).ShouldBeJson(HttpStatusCode.Created);
        var second = await other.SendAsync(WithKey("shared", body));

        second.Headers.Contains("Idempotent-Replayed").Should().BeFalse("another key's stored response is never served");
        await second.ShouldBeProblem(HttpStatusCode.Conflict, "candidate.duplicate-nik");
    }

    private static HttpRequestMessage WithKey(string key, object body) => new(HttpMethod.Post, "/api/v1/candidates")
    {
        Content = JsonContent.Create(body),
        Headers = { { "Idempotency-Key", key } },
    };
}

public sealed class SqliteConcurrencyApiTests() : ConcurrencyApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresConcurrencyApiTests() : ConcurrencyApiTests(DatabaseProvider.Postgres);
