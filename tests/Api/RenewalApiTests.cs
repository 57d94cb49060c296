using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>
/// Renewal (<i>perpanjangan</i>) over HTTP on each engine: refused outside the window and without a certificate, opened
/// on the window's first day, judged on the lighter renewal requirements, and on K the old certificate superseded.
/// </summary>
public abstract class RenewalApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private PeksosApiFactory _factory = null!;
    private ApiDriver _api = null!;

    public Task InitializeAsync()
    {
        _factory = new PeksosApiFactory(provider);
        _api = new ApiDriver(_factory.CreateAdminClient());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [SkippableFact]
    public async Task AHolderRenewsInsideTheWindow_TheNewCertificateSupersedesTheOld_WhichIsNeverValidAgain()
    {
        var old = (await _api.IssueCertificates(1, _factory.CreateClientWithKey))[0];
        var issued = await Get($"/api/v1/certificates/{old}");
        var candidate = issued.GetProperty("holder").GetProperty("candidateId").GetGuid();
        issued.GetProperty("validUntil").GetString().Should().Be("2031-11-26");

        await (await Open(candidate, "renewal")).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "portfolio.renewal-not-open");
        await (await Open(candidate, "initial")).ShouldBeProblem(HttpStatusCode.Conflict, "portfolio.already-certified");
        var uncertified = (await _api.RegisterCandidate()).GetProperty("id").GetGuid();
        await (await Open(uncertified, "renewal")).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "portfolio.renewal-not-open");

        // The window opens six months before validUntil: closed on 25 May 2031, open on the 26th.
        _factory.Clock.SetUtcNow(new DateTimeOffset(2031, 5, 25, 2, 0, 0, TimeSpan.Zero));
        await (await Open(candidate, "renewal")).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "portfolio.renewal-not-open");
        _factory.Clock.SetUtcNow(new DateTimeOffset(2031, 5, 26, 2, 0, 0, TimeSpan.Zero));
        var opened = await (await Open(candidate, "renewal")).ShouldBeJson(HttpStatusCode.Created);
        opened.GetProperty("purpose").GetString().Should().Be("renewal");
        opened.GetProperty("renews").GetString().Should().Be(old);
        var portfolio = opened.GetProperty("id").GetGuid();
        Codes(opened).Should().BeEquivalentTo(
            "eligibility.renewal-practice-hours", "eligibility.renewal-training-hours", "portfolio.case-records", "portfolio.missing-document.work-experience-letter");

        // Hours count only inside the validity (27 Nov 2026 – 26 Nov 2031): the record straddling its start counts 10 of its 20 days.
        await _api.RecordPractice(candidate, 890, "2027-01-01", "2027-12-31");
        await _api.RecordPractice(candidate, 200, "2026-11-17", "2026-12-06");
        await Post($"/api/v1/candidates/{candidate}/training-records",
            new { title = "Bimtek Perlindungan Anak", organiser = "Kemensos", startDate = "2028-03-01", endDate = "2028-03-05", hours = 40, kind = "diklat" }, HttpStatusCode.Created);
        var partly = await Get($"/api/v1/portfolios/{portfolio}");
        var practice = partly.GetProperty("unmet").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "eligibility.renewal-practice-hours");
        practice.GetProperty("message").GetString().Should().Contain("has 990");
        await _api.RecordPractice(candidate, 10, "2029-01-01", "2029-01-01");

        await _api.AddEvidence(portfolio, ApiDriver.CaseRecord("kemiskinan", allStages: true));
        await _api.AddEvidence(portfolio, ApiDriver.CaseRecord("kecacatan", allStages: false));
        await _api.AddEvidence(portfolio, ApiDriver.Document("work-experience-letter"));
        await (await _api.Admin.PutAsJsonAsync($"/api/v1/portfolios/{portfolio}/essays/K1", new { text = ApiDriver.Words(60) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "essay.code-not-in-scheme");
        Codes(await Get($"/api/v1/portfolios/{portfolio}")).Should().BeEmpty("a renewal needs two case records and the work-experience letter, no essays");
        await Post($"/api/v1/portfolios/{portfolio}/submit", null, HttpStatusCode.OK);
        await Post($"/api/v1/portfolios/{portfolio}/accept", null, HttpStatusCode.OK);

        var renewed = await DecideK(portfolio, new DateOnly(2031, 5, 26));
        renewed.Should().StartWith("PSG-2031-");

        var superseded = await Get($"/api/v1/certificates/{old}");
        superseded.GetProperty("status").GetString().Should().Be("superseded");
        superseded.GetProperty("valid").GetBoolean().Should().BeFalse();
        superseded.GetProperty("supersededBy").GetString().Should().Be(renewed);
        var successor = await Get($"/api/v1/certificates/{renewed}");
        successor.GetProperty("supersedes").GetString().Should().Be(old);
        successor.GetProperty("status").GetString().Should().Be("active");
        successor.GetProperty("validUntil").GetString().Should().Be("2036-05-25");

        var verified = await Get($"/api/v1/verify/{old}");
        verified.GetProperty("valid").GetBoolean().Should().BeFalse();
        verified.GetProperty("status").GetString().Should().Be("superseded");
        verified.GetProperty("supersededBy").GetString().Should().Be(renewed);
        var page = await _api.Admin.GetStringAsync($"/verify/{old}");
        page.Should().Contain("data-status=\"superseded\"").And.Contain(renewed).And.NotContain("SAH — AKTIF");

        await Post($"/api/v1/certificates/{old}/suspend", new { reason = "Coba." }, HttpStatusCode.Conflict);
        (await Get("/api/v1/events?limit=200")).GetRawText().Should().Contain("certificate.superseded");
        (await Get($"/api/v1/certificates?status=superseded")).GetProperty("items").EnumerateArray()
            .Select(c => c.GetProperty("number").GetString()).Should().Equal(old);
        await (await Open(candidate, "renewal")).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "portfolio.renewal-not-open");
    }

    [SkippableFact]
    public async Task ARenewalWhoseCertificateIsSuspendedBeforeTheDecision_IsRefusedThere_WithTheReason()
    {
        var old = (await _api.IssueCertificates(1, _factory.CreateClientWithKey))[0];
        var candidate = (await Get($"/api/v1/certificates/{old}")).GetProperty("holder").GetProperty("candidateId").GetGuid();
        _factory.Clock.SetUtcNow(new DateTimeOffset(2032, 2, 26, 2, 0, 0, TimeSpan.Zero));
        var portfolio = (await (await Open(candidate, "renewal")).ShouldBeJson(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await _api.RecordPractice(candidate, 1_000, "2028-01-01", "2028-12-31");
        await Post($"/api/v1/candidates/{candidate}/training-records",
            new { title = "Diklat Rehabilitasi Sosial", organiser = "Kemensos", startDate = "2029-03-01", endDate = "2029-03-05", hours = 40, kind = "diklat" }, HttpStatusCode.Created);
        await _api.AddEvidence(portfolio, ApiDriver.CaseRecord("kemiskinan", allStages: true));
        await _api.AddEvidence(portfolio, ApiDriver.CaseRecord("kecacatan", allStages: false));
        await _api.AddEvidence(portfolio, ApiDriver.Document("work-experience-letter"));
        await Post($"/api/v1/portfolios/{portfolio}/submit", null, HttpStatusCode.OK);
        await Post($"/api/v1/portfolios/{portfolio}/accept", null, HttpStatusCode.OK);

        var (exam, _) = await Assessed(portfolio, new DateOnly(2032, 2, 26));
        await Post($"/api/v1/certificates/{old}/suspend", new { reason = "Pengaduan klien sedang diperiksa." }, HttpStatusCode.OK);
        var refused = await (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{exam}/decision", Decision()))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "exam.participant-ineligible");
        refused.GetRawText().Should().Contain("eligibility.renewed-certificate");
        var unchanged = await Get($"/api/v1/certificates/{old}");
        unchanged.GetProperty("status").GetString().Should().Be("expired", "in the grace months the suspended certificate is past its validity");
        unchanged.GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString().Should().Be("suspended", "a refused decision changes nothing");
        unchanged.GetProperty("supersededBy").ValueKind.Should().Be(JsonValueKind.Null);
    }

    private static object Decision() => new { decreeNumber = "SK-PERPANJANGAN-01", panel = new[] { new { name = "Drs. Hartono" } } };

    private async Task<string> DecideK(Guid portfolio, DateOnly day)
    {
        var (exam, _) = await Assessed(portfolio, day);
        var decision = await Post($"/api/v1/exams/{exam}/decision", Decision(), HttpStatusCode.OK);
        return decision.GetProperty("results").EnumerateArray().Single().GetProperty("certificateNumber").GetString()!;
    }

    /// <summary>An exam on <paramref name="day"/> with the portfolio enrolled and assessed K by a fresh assessor.</summary>
    private async Task<(Guid Exam, Guid Participant)> Assessed(Guid portfolio, DateOnly day)
    {
        var api = new ApiDriver(_api.Admin, 500) { ExamDay = day };
        var assessorId = await api.RegisterAssessor("Bambang Sutrisno", $"MET.R.{Guid.NewGuid():N}"[..16], "Universitas Lampung");
        using var assessor = _factory.CreateClientWithKey(await api.CreateKey("assessor", assessorId));
        var exam = await api.PlanExam(5, assessorId);
        var participant = (await Post($"/api/v1/exams/{exam}/participants", new { portfolioId = portfolio, assessorId }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Post($"/api/v1/exams/{exam}/start", null, HttpStatusCode.OK);
        await Post($"/api/v1/exams/{exam}/impartiality", new { statement = "Saya netral." }, HttpStatusCode.OK, assessor);
        var assessed = await Post($"/api/v1/exams/{exam}/participants/{participant}/assessment", await api.PassingSheet(portfolio), HttpStatusCode.OK, assessor);
        assessed.GetRawText().Should().Contain("\"recommendation\":\"k\"");
        return (exam, participant);
    }

    private Task<HttpResponseMessage> Open(Guid candidateId, string purpose) =>
        _api.Admin.PostAsJsonAsync("/api/v1/portfolios", new { candidateId, schemeCode = "PEKSOS-GENERALIS", purpose });

    private static IEnumerable<string?> Codes(JsonElement portfolio) => portfolio.GetProperty("unmet").EnumerateArray().Select(u => u.GetProperty("code").GetString());

    private async Task<JsonElement> Get(string url) => await (await _api.Admin.GetAsync(url)).ShouldBeJson(HttpStatusCode.OK);

    private Task<JsonElement> Post(string url, object? body, HttpStatusCode expected, HttpClient? client = null) => _api.Post(url, body, expected, client);
}

public sealed class SqliteRenewalApiTests() : RenewalApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresRenewalApiTests() : RenewalApiTests(DatabaseProvider.Postgres);
