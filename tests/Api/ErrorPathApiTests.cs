using System.Net;
using System.Net.Http.Json;
using System.Text;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>Error paths of the contract: each answers problem+json with its stable code, never a 500.</summary>
public sealed class ErrorPathApiTests : IAsyncLifetime
{
    private readonly PeksosApiFactory _factory = new(DatabaseProvider.Sqlite);
    private ApiDriver _api = null!;

    public Task InitializeAsync()
    {
        _api = new ApiDriver(_factory.CreateAdminClient());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<Guid> PlannedExam(int capacity = 10) =>
        (await _api.Post("/api/v1/exams", new
        {
            schemeCode = "PEKSOS-GENERALIS",
            title = "Ujikom",
            venue = "TUK Bandar Lampung",
            regionCode = "18.71",
            scheduledOn = "2026-11-27",
            capacity,
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

    [Theory]
    [InlineData("GET", "/api/v1/portfolios/{0}", "portfolio.not-found")]
    [InlineData("GET", "/api/v1/exams/{0}", "exam.not-found")]
    [InlineData("GET", "/api/v1/assessors/{0}", "assessor.not-found")]
    [InlineData("POST", "/api/v1/exams/{0}/start", "exam.not-found")]
    [InlineData("POST", "/api/v1/portfolios/{0}/submit", "portfolio.not-found")]
    [InlineData("DELETE", "/api/v1/api-keys/{0}", "api-key.not-found")]
    public async Task UnknownIds_Are404WithTheirCode(string method, string url, string code)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, url, Guid.NewGuid()));
        await (await _api.Admin.SendAsync(request)).ShouldBeProblem(HttpStatusCode.NotFound, code);
    }

    [Theory]
    [InlineData("/api/v1/portfolios")]
    [InlineData("/api/v1/exams")]
    [InlineData("/api/v1/assessors")]
    [InlineData("/api/v1/api-keys")]
    [InlineData("/api/v1/candidates")]
    public async Task EmptyBody_Is400(string url)
    {
        using var content = new StringContent("", Encoding.UTF8, "application/json");
        var response = await _api.Admin.PostAsync(url, content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task OpenPortfolio_ForAnUnknownScheme_Is400_ForAnUnknownCandidate_Is422()
    {
        var candidate = (await _api.RegisterCandidate()).GetProperty("id").GetGuid();
        await (await _api.Admin.PostAsJsonAsync("/api/v1/portfolios", new { candidateId = candidate, schemeCode = "PEKSOS-MASTER" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "scheme.invalid");
        await (await _api.Admin.PostAsJsonAsync("/api/v1/portfolios", new { candidateId = Guid.NewGuid(), schemeCode = "PEKSOS-GENERALIS" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "candidate.not-found");
        await (await _api.Admin.PostAsJsonAsync("/api/v1/portfolios", new { candidateId = candidate, schemeCode = "PEKSOS-GENERALIS", specialisation = "kecacatan" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "portfolio.specialisation-not-applicable");
    }

    [Fact]
    public async Task Evidence_CaseRecordWithoutItsDetails_Is400NamingEachField()
    {
        var candidate = (await _api.RegisterCandidate()).GetProperty("id").GetGuid();
        var portfolio = (await _api.OpenPortfolio(candidate)).GetProperty("id").GetGuid();

        var problem = await (await _api.Admin.PostAsJsonAsync($"/api/v1/portfolios/{portfolio}/evidence", new { kind = "case-record", title = "Kasus" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "evidence.case-record-incomplete");

        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["pmksCategory", "helpingStages", "clientType"]);
        await (await _api.Admin.PutAsJsonAsync($"/api/v1/portfolios/{portfolio}/essays/X9", new { text = "teks" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "essay.code-invalid");
    }

    [Fact]
    public async Task Enrol_APortfolioNotAccepted_Is422_AndBeyondCapacity_Is422()
    {
        var examId = await PlannedExam(capacity: 1);
        var assessor = await _api.RegisterAssessor("Bambang Sutrisno", "MET.1", "Universitas Lampung");
        await _api.Post($"/api/v1/exams/{examId}/assessors", new { assessorId = assessor }, HttpStatusCode.OK);
        await (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{examId}/assessors", new { assessorId = assessor }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "exam.assessor-already-assigned");
        var candidate = (await _api.RegisterCandidate()).GetProperty("id").GetGuid();
        var draft = (await _api.OpenPortfolio(candidate)).GetProperty("id").GetGuid();

        await (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{examId}/participants", new { portfolioId = draft, assessorId = assessor }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "portfolio.not-accepted");

        var (_, first) = await _api.AcceptedGeneralisPortfolio();
        var (_, second) = await _api.AcceptedGeneralisPortfolio();
        await _api.Post($"/api/v1/exams/{examId}/participants", new { portfolioId = first, assessorId = assessor }, HttpStatusCode.Created);
        await (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{examId}/participants", new { portfolioId = second, assessorId = assessor }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "exam.capacity-reached");
        await (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{examId}/participants", new { portfolioId = second, assessorId = Guid.NewGuid() }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "exam.assessor-not-assigned");
    }

    [Fact]
    public async Task Start_WithoutParticipants_Is422()
    {
        var examId = await PlannedExam();

        await (await _api.Admin.PostAsync($"/api/v1/exams/{examId}/start", null)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "exam.no-participants");
    }

    [Fact]
    public async Task Assessment_WithOutOfRangeValues_Is400AndIncompleteVerdicts_Is400()
    {
        var assessor = await _api.RegisterAssessor("Bambang Sutrisno", "MET.2", "Universitas Lampung");
        using var client = _factory.CreateClientWithKey(await _api.CreateKey("assessor", assessor));
        var examId = await PlannedExam();
        await _api.Post($"/api/v1/exams/{examId}/assessors", new { assessorId = assessor }, HttpStatusCode.OK);
        var (_, portfolio) = await _api.AcceptedGeneralisPortfolio();
        var participant = (await _api.Post($"/api/v1/exams/{examId}/participants", new { portfolioId = portfolio, assessorId = assessor }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await _api.Post($"/api/v1/exams/{examId}/start", null, HttpStatusCode.OK);
        await _api.Post($"/api/v1/exams/{examId}/impartiality", new { statement = "Netral." }, HttpStatusCode.OK, client);
        await (await client.PostAsJsonAsync($"/api/v1/exams/{examId}/impartiality", new { statement = "Lagi." }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "exam.impartiality-already-declared");

        var bad = await (await client.PostAsJsonAsync($"/api/v1/exams/{examId}/participants/{participant}/assessment",
                new { writtenScore = 101, interview = "maybe", evidenceVerdicts = Array.Empty<object>(), essayScores = new[] { new { code = "K1", score = 6 } } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "assessment.written-score-invalid");
        bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Contain(["writtenScore", "interview", "essayScores[0].score"]);

        await (await client.PostAsJsonAsync($"/api/v1/exams/{examId}/participants/{participant}/assessment",
                new { writtenScore = 80, interview = "k", evidenceVerdicts = Array.Empty<object>(), essayScores = Array.Empty<object>() }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "assessment.verdicts-incomplete");
        await (await client.PostAsJsonAsync($"/api/v1/exams/{examId}/participants/{Guid.NewGuid()}/assessment", await _api.PassingSheet(portfolio)))
            .ShouldBeProblem(HttpStatusCode.NotFound, "exam.participant-not-found");
    }

    [Fact]
    public async Task Appeal_AfterTheWindow_Is422_AndExpiredCertificatesShowAsExpired()
    {
        var assessor = await _api.RegisterAssessor("Bambang Sutrisno", "MET.3", "Universitas Lampung");
        using var client = _factory.CreateClientWithKey(await _api.CreateKey("assessor", assessor));
        var examId = await PlannedExam();
        await _api.Post($"/api/v1/exams/{examId}/assessors", new { assessorId = assessor }, HttpStatusCode.OK);
        var (_, passing) = await _api.AcceptedGeneralisPortfolio();
        var (_, failing) = await _api.AcceptedGeneralisPortfolio();
        var k = (await _api.Post($"/api/v1/exams/{examId}/participants", new { portfolioId = passing, assessorId = assessor }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var bk = (await _api.Post($"/api/v1/exams/{examId}/participants", new { portfolioId = failing, assessorId = assessor }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await _api.Post($"/api/v1/exams/{examId}/start", null, HttpStatusCode.OK);
        await _api.Post($"/api/v1/exams/{examId}/impartiality", new { statement = "Netral." }, HttpStatusCode.OK, client);
        await _api.Post($"/api/v1/exams/{examId}/participants/{k}/assessment", await _api.PassingSheet(passing), HttpStatusCode.OK, client);
        await _api.Post($"/api/v1/exams/{examId}/participants/{bk}/assessment", await _api.PassingSheet(failing, interview: "bk"), HttpStatusCode.OK, client);
        var decision = await _api.Post($"/api/v1/exams/{examId}/decision", new { decreeNumber = "07/2026", panel = new[] { new { name = "Ketua Panel" } } }, HttpStatusCode.OK);
        var number = decision.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("result").GetString() == "k").GetProperty("certificateNumber").GetString();

        _factory.Clock.Advance(TimeSpan.FromDays(15));
        await (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{examId}/participants/{bk}/appeal", new { reason = "Terlambat." }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "appeal.window-closed");

        // 90 days before the end of validity it is listed as expiring; after it, it is expired and not valid.
        _factory.Clock.SetUtcNow(new DateTimeOffset(2031, 9, 1, 0, 0, 0, TimeSpan.Zero));
        var expiring = await (await _api.Admin.GetAsync("/api/v1/certificates/expiring?withinDays=90")).ShouldBeJson(HttpStatusCode.OK);
        expiring.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()).Should().Equal(number);
        (await (await _api.Admin.GetAsync("/api/v1/certificates/expiring?withinDays=30")).ShouldBeJson(HttpStatusCode.OK))
            .GetProperty("items").GetArrayLength().Should().Be(0);

        _factory.Clock.SetUtcNow(new DateTimeOffset(2031, 11, 27, 0, 0, 0, TimeSpan.Zero));
        var verified = await (await _factory.CreateClient().GetAsync($"/api/v1/verify/{number}")).ShouldBeJson(HttpStatusCode.OK);
        verified.GetProperty("status").GetString().Should().Be("expired");
        verified.GetProperty("valid").GetBoolean().Should().BeFalse();
        var register = await (await _factory.CreateClient().GetAsync("/api/v1/certificates?status=expired")).ShouldBeJson(HttpStatusCode.OK);
        register.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()).Should().Equal("expired");
    }

    [Fact]
    public async Task ApiKey_WithBadRoleOrMissingAssessor_Is400_WithAnUnknownAssessor_Is422()
    {
        await (await _api.Admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", role = "superuser" })).ShouldBeProblem(HttpStatusCode.BadRequest, "role.invalid");
        await (await _api.Admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", role = "assessor" })).ShouldBeProblem(HttpStatusCode.BadRequest, "api-key.assessor-required");
        await (await _api.Admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", role = "assessor", assessorId = Guid.NewGuid() }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "assessor.not-found");
    }

    [Fact]
    public async Task Assessor_DuplicateRegistrationNumber_Is409()
    {
        await _api.RegisterAssessor("Bambang Sutrisno", "MET.4", "Universitas Lampung");

        await (await _api.Admin.PostAsJsonAsync("/api/v1/assessors", new { fullName = "Lain", registrationNumber = "MET.4", organisation = "LKS", email = "l@example.org" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "assessor.duplicate-registration-number");
    }

    [Fact]
    public async Task Verify_MoreThan100Numbers_Is400()
    {
        var numbers = Enumerable.Range(1, 101).Select(i => Domain.Certificates.CertificateNumber.Create("PSG", 2026, i).Value).ToArray();

        await (await _factory.CreateClient().PostAsJsonAsync("/api/v1/verify", new { numbers })).ShouldBeProblem(HttpStatusCode.BadRequest, "numbers.too-many");
    }

    [Fact]
    public async Task Keys_NoKey_Is401_WrongKey_Is401_WrongRole_Is403()
    {
        await (await _factory.CreateClient().GetAsync("/api/v1/candidates")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await (await _factory.CreateClientWithKey("pk_not-a-real-key").GetAsync("/api/v1/candidates")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        using var consumer = _factory.CreateClientWithKey(await _api.CreateKey("consumer"));
        await (await consumer.GetAsync("/api/v1/candidates")).ShouldBeProblem(HttpStatusCode.Forbidden, "auth.forbidden");
        (await consumer.GetAsync("/api/v1/certificates/expiring")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
