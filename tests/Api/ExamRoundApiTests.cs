using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>
/// A Spesialis round of 30 with three assessors, as a secretariat runs it: two absent, one withdrawn, one reassigned
/// mid-exam, one assessment amended, one participant losing the Generalis prerequisite before the plenary, one BK —
/// and the plenary decides everyone else, with certificates for K only.
/// </summary>
public abstract class ExamRoundApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Round = 30;

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
    public async Task ARoundOfThirty_IsDecidedForEveryoneWhoTookPart_WhateverHappensToAFew()
    {
        var generalis = await _api.IssueCertificates(Round + 1, _factory.CreateClientWithKey);
        var holders = new List<Guid>();
        foreach (var number in generalis)
        {
            holders.Add((await (await _api.Admin.GetAsync($"/api/v1/certificates/{number}")).ShouldBeJson(HttpStatusCode.OK))
                .GetProperty("holder").GetProperty("candidateId").GetGuid());
        }

        await (await _api.Admin.PostAsJsonAsync("/api/v1/portfolios", new { candidateId = holders[Round], schemeCode = "PEKSOS-GENERALIS" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "portfolio.already-certified");

        Guid[] assessors =
        [
            await _api.RegisterAssessor("Dr. Rina Marlina, M.Kesos.", $"MET.{Guid.NewGuid():N}"[..16], "Politeknik Kesejahteraan Sosial Bandung"),
            await _api.RegisterAssessor("Agus Salim, M.Si.", $"MET.{Guid.NewGuid():N}"[..16], "Universitas Padjadjaran"),
            await _api.RegisterAssessor("Dra. Yuliani", $"MET.{Guid.NewGuid():N}"[..16], "Universitas Indonesia"),
        ];
        var clients = new List<HttpClient>();
        foreach (var assessor in assessors)
        {
            clients.Add(_factory.CreateClientWithKey(await _api.CreateKey("assessor", assessor)));
        }

        var exam = (await _api.Post("/api/v1/exams", new
        {
            schemeCode = "PEKSOS-SPESIALIS",
            title = "Uji Kompetensi Pekerja Sosial Spesialis Angkatan I",
            venue = "TUK Dinas Sosial Provinsi Lampung",
            regionCode = "18.71",
            scheduledOn = _api.ExamDay,
            capacity = 40,
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        foreach (var assessor in assessors)
        {
            await _api.Post($"/api/v1/exams/{exam}/assessors", new { assessorId = assessor }, HttpStatusCode.OK);
        }

        var participants = new List<(Guid Id, Guid Portfolio, int Assessor)>();
        for (var i = 0; i < Round; i++)
        {
            var portfolio = await AcceptedSpesialisPortfolio(holders[i]);
            var id = (await _api.Post($"/api/v1/exams/{exam}/participants", new { portfolioId = portfolio, assessorId = assessors[i / 10] }, HttpStatusCode.Created))
                .GetProperty("id").GetGuid();
            participants.Add((id, portfolio, i / 10));
        }

        await _api.Post($"/api/v1/exams/{exam}/start", null, HttpStatusCode.OK);
        foreach (var absent in new[] { 10, 11 })
        {
            await _api.Post($"/api/v1/exams/{exam}/participants/{participants[absent].Id}/absence", new { note = "Tidak hadir." }, HttpStatusCode.OK);
        }

        await _api.Post($"/api/v1/exams/{exam}/participants/{participants[12].Id}/withdrawal", new { reason = "Sakit." }, HttpStatusCode.OK);
        await _api.Post($"/api/v1/exams/{exam}/participants/{participants[0].Id}/reassignment", new { assessorId = assessors[1], reason = "Asesor berhalangan." },
            HttpStatusCode.OK);
        participants[0] = participants[0] with { Assessor = 1 };
        foreach (var client in clients)
        {
            await _api.Post($"/api/v1/exams/{exam}/impartiality", new { statement = "Saya netral." }, HttpStatusCode.OK, client);
        }

        foreach (var (p, i) in participants.Select((p, i) => (p, i)).Where(x => x.i is not (10 or 11 or 12)))
        {
            var written = i == 5 ? 50 : i == 20 ? 60 : 85;
            await _api.Post($"/api/v1/exams/{exam}/participants/{p.Id}/assessment", await _api.PassingSheet(p.Portfolio, written), HttpStatusCode.OK, clients[p.Assessor]);
        }

        await _api.Post($"/api/v1/exams/{exam}/participants/{participants[20].Id}/assessment",
            await _api.PassingSheet(participants[20].Portfolio, 85, amendmentReason: "Nilai tertulis salah input."), HttpStatusCode.OK, clients[2]);
        await _api.Post($"/api/v1/certificates/{generalis[25]}/revoke", new { reason = "Pelanggaran kode etik." }, HttpStatusCode.OK);

        var decision = new { decreeNumber = "SK-21/LSP-PS/XII/2026", panel = new[] { new { name = "Drs. Hartono, M.Si." } } };
        var refused = await (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{exam}/decision", decision))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "exam.participant-ineligible");
        refused.GetProperty("unmet").EnumerateArray().Select(u => u.GetProperty("participantId").GetGuid()).Distinct()
            .Should().Equal(participants[25].Id);
        refused.GetProperty("unmet")[0].GetProperty("code").GetString().Should().Be("eligibility.prerequisite-certificate");
        await _api.Post($"/api/v1/exams/{exam}/participants/{participants[25].Id}/withdrawal", new { reason = "Sertifikat Generalis dicabut." }, HttpStatusCode.OK);
        var decided = await _api.Post($"/api/v1/exams/{exam}/decision", decision, HttpStatusCode.OK);

        var results = decided.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("participantId").GetGuid());
        var statuses = participants.Select(p => results[p.Id].GetProperty("status").GetString()).ToList();
        statuses.Count(s => s == "decided").Should().Be(Round - 4);
        statuses.Count(s => s == "absent").Should().Be(2);
        statuses.Count(s => s == "withdrawn").Should().Be(2);
        var bk = results[participants[5].Id];
        bk.GetProperty("result").GetString().Should().Be("bk");
        bk.GetProperty("certificateNumber").ValueKind.Should().Be(JsonValueKind.Null);
        bk.GetProperty("appealDeadline").GetString().Should().NotBeNullOrEmpty();
        var k = results.Values.Where(r => r.GetProperty("result").GetString() == "k").ToList();
        k.Should().HaveCount(Round - 5);
        k.Should().OnlyContain(r => r.GetProperty("certificateNumber").GetString()!.StartsWith("PSS", StringComparison.Ordinal));
        results[participants[20].Id].GetProperty("result").GetString().Should().Be("k", "the amended assessment counts");
        results[participants[0].Id].GetProperty("result").GetString().Should().Be("k");

        var exams = await (await _api.Admin.GetAsync($"/api/v1/exams/{exam}")).ShouldBeJson(HttpStatusCode.OK);
        var amended = exams.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == participants[20].Id);
        amended.GetProperty("assessmentHistory").GetArrayLength().Should().Be(1);
        var audit = await (await _api.Admin.GetAsync($"/api/v1/audit?entityId={exam}&limit=200")).ShouldBeJson(HttpStatusCode.OK);
        var decidedEntry = audit.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "exam.decided");
        decidedEntry.GetProperty("data").GetProperty("results").GetArrayLength().Should().Be(Round - 4);
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    private async Task<Guid> AcceptedSpesialisPortfolio(Guid candidate)
    {
        await _api.RecordPractice(candidate, startDate: "2014-01-01", endDate: "2019-12-31"); // 2,688 hours in all: the Spesialis depth by practice
        var portfolio = (await _api.OpenPortfolio(candidate, "PEKSOS-SPESIALIS")).GetProperty("id").GetGuid();
        await (await _api.Admin.PatchAsJsonAsync($"/api/v1/portfolios/{portfolio}", new { specialisation = "kemiskinan" })).ShouldBeJson(HttpStatusCode.OK);
        for (var i = 0; i < 5; i++)
        {
            await _api.AddEvidence(portfolio, ApiDriver.CaseRecord("kemiskinan", allStages: true));
        }

        foreach (var kind in new[] { "work-experience-letter", "diploma" })
        {
            await _api.AddEvidence(portfolio, ApiDriver.Document(kind));
        }

        foreach (var code in new[] { "K1", "K2", "K3", "K4", "K5", "S1", "S2", "S3", "S4", "S5", "S6", "V1", "V2", "V3" })
        {
            await (await _api.Admin.PutAsJsonAsync($"/api/v1/portfolios/{portfolio}/essays/{code}", new { text = ApiDriver.Words(60) })).ShouldBeJson(HttpStatusCode.OK);
        }

        await _api.Post($"/api/v1/portfolios/{portfolio}/submit", null, HttpStatusCode.OK);
        await _api.Post($"/api/v1/portfolios/{portfolio}/accept", null, HttpStatusCode.OK);
        return portfolio;
    }
}

public sealed class SqliteExamRoundApiTests() : ExamRoundApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresExamRoundApiTests() : ExamRoundApiTests(DatabaseProvider.Postgres);
