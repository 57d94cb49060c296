using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>The whole certification story over HTTP, on each engine, asserting status codes and bodies at every step.</summary>
public abstract class LifecycleApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private PeksosApiFactory _factory = null!;
    private ApiDriver _api = null!;
    private HttpClient _anonymous = null!;

    public Task InitializeAsync()
    {
        _factory = new PeksosApiFactory(provider);
        _api = new ApiDriver(_factory.CreateAdminClient());
        _anonymous = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private HttpClient Client(string key) => _factory.CreateClientWithKey(key);

    [SkippableFact]
    public async Task PortfolioLifecycle_UnmetSubmitReturnResubmitAccept()
    {
        var candidate = (await _api.RegisterCandidate()).GetProperty("id").GetGuid();
        await _api.RecordPractice(candidate, hours: 1_343);
        var portfolio = await _api.OpenPortfolio(candidate);
        var id = portfolio.GetProperty("id").GetGuid();

        portfolio.GetProperty("status").GetString().Should().Be("draft");
        portfolio.GetProperty("unmet").EnumerateArray().Select(u => u.GetProperty("code").GetString()).Should()
            .Contain(["eligibility.practice-hours", "portfolio.case-records", "portfolio.missing-document.diploma", "portfolio.essay-missing"]);

        // Submitting now lists every unmet item at once, eligibility included.
        var refused = await (await _api.Admin.PostAsync($"/api/v1/portfolios/{id}/submit", null)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "portfolio.requirements-unmet");
        var unmet = refused.GetProperty("unmet").EnumerateArray().Select(u => u.GetProperty("code").GetString()).ToList();
        unmet.Should().Contain(["eligibility.practice-hours", "portfolio.case-records", "portfolio.case-record-categories", "portfolio.full-helping-process",
            "portfolio.missing-document.work-experience-letter", "portfolio.missing-document.organisation-recommendation", "portfolio.missing-document.diploma"]);
        unmet.Count(c => c == "portfolio.essay-missing").Should().Be(14);

        await _api.CompleteGeneralis(id);
        var stillShort = await (await _api.Admin.GetAsync($"/api/v1/portfolios/{id}")).ShouldBeJson(HttpStatusCode.OK);
        // Only eligibility is left: both routes' unmet rules are listed (route 1 hours; route 2 hours and training).
        stillShort.GetProperty("unmet").EnumerateArray().Select(u => u.GetProperty("code").GetString()).Should()
            .Equal("eligibility.practice-hours", "eligibility.practice-hours", "eligibility.training-hours");

        await _api.RecordPractice(candidate, hours: 1, startDate: "2026-01-05", endDate: "2026-01-05");
        var ready = await (await _api.Admin.GetAsync($"/api/v1/portfolios/{id}")).ShouldBeJson(HttpStatusCode.OK);
        ready.GetProperty("unmet").GetArrayLength().Should().Be(0);

        var submitted = await _api.Post($"/api/v1/portfolios/{id}/submit", null, HttpStatusCode.OK);
        submitted.GetProperty("status").GetString().Should().Be("submitted");

        await (await _api.Admin.PostAsJsonAsync($"/api/v1/portfolios/{id}/evidence", ApiDriver.Document("other")))
            .ShouldBeProblem(HttpStatusCode.Conflict, "portfolio.locked");
        await (await _api.Admin.PutAsJsonAsync($"/api/v1/portfolios/{id}/essays/K1", new { text = "x" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "portfolio.locked");

        await (await _api.Admin.PostAsJsonAsync($"/api/v1/portfolios/{id}/return", new { reason = "" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "portfolio.return-reason-required");
        var returned = await _api.Post($"/api/v1/portfolios/{id}/return", new { reason = "Surat rekomendasi belum bertanda tangan." }, HttpStatusCode.OK);
        returned.GetProperty("status").GetString().Should().Be("returned");
        returned.GetProperty("returnReason").GetString().Should().Be("Surat rekomendasi belum bertanda tangan.");

        var evidence = await _api.AddEvidence(id, ApiDriver.Document("organisation-recommendation"));
        var extra = await _api.AddEvidence(id, ApiDriver.Document("other"));
        (await _api.Admin.DeleteAsync($"/api/v1/portfolios/{id}/evidence/{extra.GetProperty("id").GetGuid()}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _api.Admin.DeleteAsync($"/api/v1/portfolios/{id}/evidence/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, "evidence.not-found");
        evidence.GetProperty("kind").GetString().Should().Be("organisation-recommendation");

        (await _api.Post($"/api/v1/portfolios/{id}/submit", null, HttpStatusCode.OK)).GetProperty("status").GetString().Should().Be("submitted");
        var accepted = await _api.Post($"/api/v1/portfolios/{id}/accept", null, HttpStatusCode.OK);
        accepted.GetProperty("status").GetString().Should().Be("accepted");
        await (await _api.Admin.PostAsync($"/api/v1/portfolios/{id}/accept", null)).ShouldBeProblem(HttpStatusCode.Conflict, "portfolio.not-submitted");

        // One open portfolio per candidate per scheme.
        await (await _api.Admin.PostAsJsonAsync("/api/v1/portfolios", new { candidateId = candidate, schemeCode = "PEKSOS-GENERALIS" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "portfolio.already-open");
    }

    [SkippableFact]
    public async Task ExamLifecycle_FromEnrolmentToRevokedCertificate()
    {
        var assessorA = await _api.RegisterAssessor("Dra. Wahyuni, M.Si.", "MET.000.001", "LSP Pekerja Sosial Indonesia");
        var assessorB = await _api.RegisterAssessor("Bambang Sutrisno", "MET.000.002", "Universitas Lampung");
        var keyA = await _api.CreateKey("assessor", assessorA);
        var keyB = await _api.CreateKey("assessor", assessorB);
        var consumerKey = await _api.CreateKey("consumer");
        using var clientA = Client(keyA);
        using var clientB = Client(keyB);
        using var consumer = Client(consumerKey);

        var (c1, p1) = await _api.AcceptedGeneralisPortfolio();
        var (c2, p2) = await _api.AcceptedGeneralisPortfolio(organisation: "LSP Pekerja Sosial Indonesia");

        var exam = await _api.Post("/api/v1/exams", new
        {
            schemeCode = "PEKSOS-GENERALIS",
            title = "Uji Kompetensi Angkatan I",
            venue = "TUK Dinas Sosial Provinsi Lampung",
            regionCode = "18.71",
            scheduledOn = "2026-11-27",
            capacity = 10,
        }, HttpStatusCode.Created);
        var examId = exam.GetProperty("id").GetGuid();
        exam.GetProperty("status").GetString().Should().Be("planned");
        await _api.Post($"/api/v1/exams/{examId}/assessors", new { assessorId = assessorA }, HttpStatusCode.OK);
        await _api.Post($"/api/v1/exams/{examId}/assessors", new { assessorId = assessorB }, HttpStatusCode.OK);

        // Enrolment: the conflict-of-interest rule, then the right assessors.
        await (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{examId}/participants", new { portfolioId = p2, assessorId = assessorA }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "exam.conflict-of-interest");
        var part2 = (await _api.Post($"/api/v1/exams/{examId}/participants", new { portfolioId = p2, assessorId = assessorB }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var part1 = (await _api.Post($"/api/v1/exams/{examId}/participants", new { portfolioId = p1, assessorId = assessorA }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // Assessments wait for the exam to start and for the impartiality declaration.
        var sheet1 = await _api.PassingSheet(p1);
        await (await clientA.PostAsJsonAsync($"/api/v1/exams/{examId}/participants/{part1}/assessment", sheet1)).ShouldBeProblem(HttpStatusCode.Conflict, "exam.invalid-status");
        (await _api.Post($"/api/v1/exams/{examId}/start", null, HttpStatusCode.OK)).GetProperty("status").GetString().Should().Be("in-progress");
        await (await clientA.PostAsJsonAsync($"/api/v1/exams/{examId}/participants/{part1}/assessment", sheet1))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "exam.impartiality-required");
        await _api.Post($"/api/v1/exams/{examId}/impartiality", new { statement = "Saya tidak memiliki konflik kepentingan dengan peserta." }, HttpStatusCode.OK, clientA);
        await _api.Post($"/api/v1/exams/{examId}/impartiality", new { statement = "Saya tidak memiliki konflik kepentingan dengan peserta." }, HttpStatusCode.OK, clientB);

        // Only the assigned assessor assesses; the admin cannot record an assessment.
        await (await clientB.PostAsJsonAsync($"/api/v1/exams/{examId}/participants/{part1}/assessment", sheet1))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "exam.not-your-participant");
        await (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{examId}/participants/{part1}/assessment", sheet1))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "auth.forbidden");
        var outcome1 = await _api.Post($"/api/v1/exams/{examId}/participants/{part1}/assessment", sheet1, HttpStatusCode.OK, clientA);
        outcome1.GetProperty("recommendation").GetString().Should().Be("k");
        outcome1.GetProperty("components").GetProperty("written").GetString().Should().Be("k");

        // Deciding before everyone is assessed is refused.
        await (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{examId}/decision", new { decreeNumber = "01/LSP-PS/XII/2026", panel = new[] { new { name = "Drs. Hartono" } } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "exam.not-fully-assessed");

        var outcome2 = await _api.Post($"/api/v1/exams/{examId}/participants/{part2}/assessment", await _api.PassingSheet(p2, written: 55), HttpStatusCode.OK, clientB);
        outcome2.GetProperty("recommendation").GetString().Should().Be("bk");
        outcome2.GetProperty("components").GetProperty("written").GetString().Should().Be("bk");

        // Visibility: consumers never see exams; an assessor sees the exams they are assigned to.
        await (await consumer.GetAsync($"/api/v1/exams/{examId}")).ShouldBeProblem(HttpStatusCode.Forbidden, "auth.forbidden");
        var seenByA = await (await clientA.GetAsync($"/api/v1/exams/{examId}")).ShouldBeJson(HttpStatusCode.OK);
        seenByA.GetProperty("participants").GetArrayLength().Should().Be(2);

        // The plenary panel may not include an assessor of these participants.
        await (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{examId}/decision", new
        {
            decreeNumber = "01/LSP-PS/XII/2026",
            panel = new object[] { new { name = "Drs. Hartono" }, new { name = "Dra. Wahyuni", assessorId = assessorA } },
        }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "exam.panel-conflict");
        var decision = await _api.Post($"/api/v1/exams/{examId}/decision", new
        {
            decreeNumber = "01/LSP-PS/XII/2026",
            panel = new[] { new { name = "Drs. Hartono, M.Si." }, new { name = "Dr. Ratna Dewi" } },
        }, HttpStatusCode.OK);
        decision.GetProperty("status").GetString().Should().Be("decided");
        var results = decision.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("participantId").GetGuid());
        results[part1].GetProperty("result").GetString().Should().Be("k");
        results[part2].GetProperty("result").GetString().Should().Be("bk");
        results[part2].GetProperty("certificateNumber").ValueKind.Should().Be(JsonValueKind.Null);
        var number1 = results[part1].GetProperty("certificateNumber").GetString()!;
        number1.Should().MatchRegex(@"^PSG-2026-000001-\d{2}$");

        // Results change only through an appeal: a second decision is refused.
        await (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{examId}/decision", new { decreeNumber = "02", panel = new[] { new { name = "Drs. Hartono" } } }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "exam.invalid-status");

        // Appeal of the BK, upheld: K and a certificate with the next serial.
        await (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{examId}/participants/{part1}/appeal", new { reason = "x" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "appeal.not-bk");
        var appeal = await _api.Post($"/api/v1/exams/{examId}/participants/{part2}/appeal", new { reason = "Nilai tertulis tidak memperhitungkan jawaban esai." }, HttpStatusCode.Created);
        appeal.GetProperty("appeal").GetProperty("upheld").ValueKind.Should().Be(JsonValueKind.Null);
        await (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{examId}/participants/{part2}/appeal", new { reason = "lagi" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "appeal.already-filed");
        var resolved = await _api.Post($"/api/v1/exams/{examId}/participants/{part2}/appeal/resolution", new { upheld = true, note = "Koreksi nilai diterima." }, HttpStatusCode.OK);
        resolved.GetProperty("result").GetString().Should().Be("k");
        var number2 = resolved.GetProperty("certificateNumber").GetString()!;
        number2.Should().MatchRegex(@"^PSG-2026-000002-\d{2}$");

        // Anyone verifies; a mistyped number is caught by its check digits before any lookup.
        var verified = await (await _anonymous.GetAsync($"/api/v1/verify/{number1}")).ShouldBeJson(HttpStatusCode.OK);
        verified.GetProperty("valid").GetBoolean().Should().BeTrue();
        verified.GetProperty("status").GetString().Should().Be("active");
        verified.GetProperty("holderName").GetString().Should().Be("Siti Rahmawati, S.Sos.");
        verified.GetProperty("schemeName").GetString().Should().Be("Pekerja Sosial Generalis");
        verified.GetProperty("validUntil").GetString().Should().Be("2031-11-26");
        var typo = number1[..^1] + (char)('0' + ((number1[^1] - '0' + 1) % 10));
        await (await _anonymous.GetAsync($"/api/v1/verify/{typo}")).ShouldBeProblem(HttpStatusCode.BadRequest, "certificate.number-invalid");
        var unknown = Domain.Certificates.CertificateNumber.Create("PSG", 2026, 999).Value;
        await (await _anonymous.GetAsync($"/api/v1/verify/{unknown}")).ShouldBeProblem(HttpStatusCode.NotFound, "certificate.not-found");

        var bulk = await (await _anonymous.PostAsJsonAsync("/api/v1/verify", new { numbers = new[] { number2, typo, unknown, number1 } })).ShouldBeJson(HttpStatusCode.OK);
        bulk.EnumerateArray().Select(r => r.GetProperty("number").GetString()).Should().Equal(number2, typo, unknown, number1);
        bulk.EnumerateArray().Select(r => r.GetProperty("valid").GetBoolean()).Should().Equal(true, false, false, true);
        bulk[1].GetProperty("error").GetString().Should().Be("certificate.number-invalid");
        bulk[2].GetProperty("error").GetString().Should().Be("certificate.not-found");

        // Consumers read certificates (NIK masked); the public register shows only public fields.
        var certificate = await (await consumer.GetAsync($"/api/v1/certificates/{number1}")).ShouldBeJson(HttpStatusCode.OK);
        certificate.GetProperty("holder").GetProperty("nikMasked").GetString().Should().MatchRegex(@"^\*{12}\d{4}$");
        certificate.GetProperty("holder").GetProperty("candidateId").GetGuid().Should().Be(c1);
        certificate.GetProperty("examId").GetGuid().Should().Be(examId);
        certificate.GetProperty("history").GetArrayLength().Should().Be(1);
        certificate.GetProperty("history")[0].GetProperty("at").GetString().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$",
            "timestamps are UTC ISO 8601 with milliseconds and Z, also in the source-generated certificate view");
        await (await _anonymous.GetAsync($"/api/v1/certificates/{number1}")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        var register = await (await _anonymous.GetAsync("/api/v1/certificates?q=siti")).ShouldBeJson(HttpStatusCode.OK);
        register.GetProperty("items").GetArrayLength().Should().Be(2);
        register.GetProperty("items")[0].EnumerateObject().Select(p => p.Name).Should()
            .BeEquivalentTo(["number", "holderName", "schemeName", "province", "issuedOn", "validUntil", "status"]);
        register.GetProperty("items")[0].GetProperty("province").GetString().Should().Be("Lampung");

        // Suspend, reinstate, revoke — and a revoked certificate never looks valid again.
        await (await consumer.PostAsJsonAsync($"/api/v1/certificates/{number1}/suspend", new { reason = "x" })).ShouldBeProblem(HttpStatusCode.Forbidden, "auth.forbidden");
        var suspended = await _api.Post($"/api/v1/certificates/{number1}/suspend", new { reason = "Pemeriksaan etik." }, HttpStatusCode.OK);
        suspended.GetProperty("status").GetString().Should().Be("suspended");
        suspended.GetProperty("valid").GetBoolean().Should().BeFalse();
        (await (await _anonymous.GetAsync($"/api/v1/verify/{number1}")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("valid").GetBoolean().Should().BeFalse();
        (await _api.Post($"/api/v1/certificates/{number1}/reinstate", new { reason = "Pemeriksaan selesai." }, HttpStatusCode.OK))
            .GetProperty("status").GetString().Should().Be("active");
        var revoked = await _api.Post($"/api/v1/certificates/{number1}/revoke", new { reason = "Pelanggaran kode etik." }, HttpStatusCode.OK);
        revoked.GetProperty("status").GetString().Should().Be("revoked");
        revoked.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).Should().Equal("issued", "suspended", "reinstated", "revoked");
        await (await _api.Admin.PostAsJsonAsync($"/api/v1/certificates/{number1}/reinstate", new { reason = "Mohon." }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "certificate.revoked-final");
        var afterRevoke = await (await _anonymous.GetAsync($"/api/v1/verify/{number1}")).ShouldBeJson(HttpStatusCode.OK);
        afterRevoke.GetProperty("valid").GetBoolean().Should().BeFalse();
        afterRevoke.GetProperty("status").GetString().Should().Be("revoked");

        // A BK candidate's portfolio is closed by the decision, so a new one can be opened.
        (await _api.OpenPortfolio(c2, "PEKSOS-SPESIALIS")).GetProperty("status").GetString().Should().Be("draft");
    }

    [SkippableFact]
    public async Task AssessorKeys_SeeOnlyTheirExams_AndRevokedKeysFailAtOnce()
    {
        var assessor = await _api.RegisterAssessor("Bambang Sutrisno", "MET.000.009", "Universitas Lampung");
        var keyCreated = await _api.Post("/api/v1/api-keys", new { name = "Bambang", role = "assessor", assessorId = assessor }, HttpStatusCode.Created);
        var key = keyCreated.GetProperty("key").GetString()!;
        using var client = Client(key);
        var exam = await _api.Post("/api/v1/exams", new
        {
            schemeCode = "PEKSOS-GENERALIS",
            title = "Ujikom",
            venue = "TUK",
            regionCode = "18",
            scheduledOn = "2026-11-27",
            capacity = 5,
        }, HttpStatusCode.Created);
        var examId = exam.GetProperty("id").GetGuid();

        await (await client.GetAsync($"/api/v1/exams/{examId}")).ShouldBeProblem(HttpStatusCode.NotFound, "exam.not-found");
        (await (await client.GetAsync("/api/v1/exams")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("items").GetArrayLength().Should().Be(0);
        await (await client.PostAsJsonAsync("/api/v1/candidates", CandidatesApiTests.ValidCandidate())).ShouldBeProblem(HttpStatusCode.Forbidden, "auth.forbidden");

        await _api.Post($"/api/v1/exams/{examId}/assessors", new { assessorId = assessor }, HttpStatusCode.OK);
        (await (await client.GetAsync($"/api/v1/exams/{examId}")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("id").GetGuid().Should().Be(examId);
        (await (await client.GetAsync("/api/v1/exams")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("items").GetArrayLength().Should().Be(1);

        (await _api.Admin.DeleteAsync($"/api/v1/api-keys/{keyCreated.GetProperty("id").GetGuid()}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await client.GetAsync($"/api/v1/exams/{examId}")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await (await _api.Admin.DeleteAsync($"/api/v1/api-keys/{keyCreated.GetProperty("id").GetGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, "api-key.not-found");
    }

    [SkippableFact]
    public async Task OpenPortfolio_ByAHolderOfTheSchemesCertificate_IsAlreadyCertified_SoTheirRoundCannotFail()
    {
        var number = (await _api.IssueCertificates(1, Client))[0];
        var holder = (await (await _api.Admin.GetAsync($"/api/v1/certificates/{number}")).ShouldBeJson(HttpStatusCode.OK))
            .GetProperty("holder").GetProperty("candidateId").GetGuid();

        await (await _api.Admin.PostAsJsonAsync("/api/v1/portfolios", new { candidateId = holder, schemeCode = "PEKSOS-GENERALIS" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "portfolio.already-certified");
        await _api.OpenPortfolio(holder, "TKS-GENERALIS"); // another scheme is open to them
    }

    [SkippableFact]
    public async Task IfMatch_WithAStaleVersion_Is412AndChangesNothing()
    {
        var candidate = (await _api.RegisterCandidate()).GetProperty("id").GetGuid();
        var opened = await _api.Admin.PostAsJsonAsync("/api/v1/portfolios", new { candidateId = candidate, schemeCode = "PEKSOS-GENERALIS" });
        opened.Headers.ETag!.Tag.Should().Be("\"1\"");
        var id = (await opened.ShouldBeJson(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await _api.AddEvidence(id, ApiDriver.Document("diploma"));

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/portfolios/{id}/essays/K1") { Content = JsonContent.Create(new { text = "teks" }) };
        stale.Headers.IfMatch.ParseAdd("\"1\"");
        await (await _api.Admin.SendAsync(stale)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition.failed");

        var current = await _api.Admin.GetAsync($"/api/v1/portfolios/{id}");
        current.Headers.ETag!.Tag.Should().Be("\"2\"");
        (await current.ShouldBeJson(HttpStatusCode.OK)).GetProperty("essays").GetArrayLength().Should().Be(0);

        using var fresh = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/portfolios/{id}/essays/K1") { Content = JsonContent.Create(new { text = "teks" }) };
        fresh.Headers.IfMatch.ParseAdd("\"2\"");
        var written = await _api.Admin.SendAsync(fresh);
        (await written.ShouldBeJson(HttpStatusCode.OK)).GetProperty("version").GetInt32().Should().Be(3);
        written.Headers.ETag!.Tag.Should().Be("\"3\"");
    }

    [SkippableFact]
    public async Task IfMatch_FollowsRfc9110_StarMatchesAnyAndAListMatchesWhenOneTagDoes()
    {
        var candidate = (await _api.RegisterCandidate()).GetProperty("id").GetGuid();
        var id = (await _api.OpenPortfolio(candidate)).GetProperty("id").GetGuid();

        async Task<HttpResponseMessage> WriteK1(string ifMatch)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/portfolios/{id}/essays/K1") { Content = JsonContent.Create(new { text = "teks" }) };
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return await _api.Admin.SendAsync(request);
        }

        (await WriteK1("*")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await WriteK1("\"7\", \"2\"")).StatusCode.Should().Be(HttpStatusCode.OK);
        var weak = await (await WriteK1("W/\"3\"")).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition.failed");
        weak.GetProperty("detail").GetString().Should().NotContain("-1").And.Contain("\"3\"");
        await (await WriteK1("\"1\", \"2\"")).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition.failed");
    }

    [SkippableFact]
    public async Task Candidates_ListSearchAndRecordTraining()
    {
        var first = await _api.RegisterCandidate();
        var nik = _api.NextNik();
        var second = await _api.RegisterCandidate(organisation: "LKS Harapan", nik: nik);
        var secondId = second.GetProperty("id").GetGuid();

        var page1 = await (await _api.Admin.GetAsync("/api/v1/candidates?limit=1")).ShouldBeJson(HttpStatusCode.OK);
        page1.GetProperty("items").GetArrayLength().Should().Be(1);
        page1.GetProperty("items")[0].GetProperty("id").GetGuid().Should().Be(first.GetProperty("id").GetGuid());
        var cursor = page1.GetProperty("nextCursor").GetString();
        var page2 = await (await _api.Admin.GetAsync($"/api/v1/candidates?limit=1&cursor={cursor}")).ShouldBeJson(HttpStatusCode.OK);
        page2.GetProperty("items")[0].GetProperty("id").GetGuid().Should().Be(secondId);
        page2.GetProperty("nextCursor").ValueKind.Should().Be(JsonValueKind.Null);
        (await (await _api.Admin.GetAsync("/api/v1/candidates?q=rahma")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("items").GetArrayLength().Should().Be(2);
        (await (await _api.Admin.GetAsync("/api/v1/candidates?q=zzz")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("items").GetArrayLength().Should().Be(0);
        await (await _api.Admin.GetAsync("/api/v1/candidates?limit=201")).ShouldBeProblem(HttpStatusCode.BadRequest, "limit.invalid");
        await (await _api.Admin.GetAsync("/api/v1/candidates?cursor=%%%garbage")).ShouldBeProblem(HttpStatusCode.BadRequest, "cursor.invalid");
        await (await _api.Admin.GetAsync("/api/v1/candidates?employmentType=freelancer")).ShouldBeProblem(HttpStatusCode.BadRequest, "employment-type.invalid");

        var found = await _api.Post("/api/v1/candidates/search", new { nik }, HttpStatusCode.OK);
        found.GetProperty("id").GetGuid().Should().Be(secondId);
        await (await _api.Admin.PostAsJsonAsync("/api/v1/candidates/search", new { nik = _api.NextNik() })).ShouldBeProblem(HttpStatusCode.NotFound, "candidate.not-found");

        var training = await _api.Post($"/api/v1/candidates/{secondId}/training-records", new
        {
            title = "Bimtek Sertifikasi Pekerja Sosial",
            organiser = "Dinas Sosial Provinsi Lampung",
            startDate = "2017-06-12",
            endDate = "2017-06-13",
            hours = 16,
            kind = "bimtek",
        }, HttpStatusCode.Created);
        training.GetProperty("candidateTrainingHours").GetInt32().Should().Be(16);
        (await (await _api.Admin.GetAsync($"/api/v1/candidates/{secondId}")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("trainingHours").GetInt32().Should().Be(16);
        await (await _api.Admin.PostAsJsonAsync($"/api/v1/candidates/{secondId}/practice-records", new
        {
            organisation = "LKS",
            role = "Pekerja sosial",
            startDate = "2026-11-01",
            endDate = "2026-12-31",
            hours = 10,
            pmksCategory = "kemiskinan",
        }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "period.in-future");
    }
}

public sealed class SqliteLifecycleApiTests() : LifecycleApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresLifecycleApiTests() : LifecycleApiTests(DatabaseProvider.Postgres);
