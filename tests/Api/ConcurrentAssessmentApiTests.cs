using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>Assessors of one exam saving at the same moment, over HTTP, on each engine.</summary>
public abstract class ConcurrentAssessmentApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Assessors = 3;
    private const int ParticipantsPerAssessor = 3;

    private static readonly (string Name, string Organisation)[] AssessorNames =
        [("Bambang Sutrisno", "Universitas Lampung"), ("Ratna Dewi", "Politeknik Kesejahteraan Sosial"), ("Hendra Gunawan", "LKS Harapan Bangsa")];

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
    public async Task RecordAssessment_WhenAssessorsSaveDifferentParticipantsAtOnce_NoneConflicts()
    {
        var (exam, sheets) = await StartedExamAsync();

        var answers = await Task.WhenAll(sheets.Select(s => s.Client.PostAsJsonAsync($"/api/v1/exams/{exam}/participants/{s.Participant}/assessment", s.Sheet)));

        answers.Select(a => a.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        var saved = await (await _api.Admin.GetAsync($"/api/v1/exams/{exam}")).ShouldBeJson(HttpStatusCode.OK);
        saved.GetProperty("participants").EnumerateArray().Should().HaveCount(Assessors * ParticipantsPerAssessor)
            .And.OnlyContain(p => p.GetProperty("assessment").GetProperty("recommendation").GetString() == "k");
        // Every assessment moved the exam's version on, so a stale If-Match on the decision is still refused.
        var version = saved.GetProperty("version").GetInt32();
        await (await _api.Admin.SendAsync(Decision(exam, version - 1))).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition.failed");
        await (await _api.Admin.SendAsync(Decision(exam, version))).ShouldBeJson(HttpStatusCode.OK);
        foreach (var (client, _, _) in sheets)
        {
            client.Dispose();
        }
    }

    [SkippableFact]
    public async Task RecordAssessment_WhenOneParticipantIsSavedTwiceAtOnce_TheOtherIsACleanConflict()
    {
        var (exam, sheets) = await StartedExamAsync();
        var (client, participant, sheet) = sheets[0];

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsJsonAsync($"/api/v1/exams/{exam}/participants/{participant}/assessment", sheet)));

        answers.Should().ContainSingle(a => a.StatusCode == HttpStatusCode.OK);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            // A request that loaded the participant before the first save is a stale version; one that loaded it after
            // finds the assessment recorded (an amendment needs a reason).
            refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("code").GetString().Should().BeOneOf("concurrency.conflict", "exam.assessment-already-recorded");
        }

        foreach (var (c, _, _) in sheets)
        {
            c.Dispose();
        }
    }

    private static HttpRequestMessage Decision(Guid exam, int version) => new(HttpMethod.Post, $"/api/v1/exams/{exam}/decision")
    {
        Content = JsonContent.Create(new { decreeNumber = "SK-12/LSP/2026", panel = new[] { new { name = "Dra. Ketua Pleno" } } }),
        Headers = { { "If-Match", $"\"{version}\"" } },
    };

    /// <summary>An exam in progress with three assessors (each declared impartial) and three participants each, with a passing sheet for each.</summary>
    private async Task<(Guid Exam, List<(HttpClient Client, Guid Participant, object Sheet)> Sheets)> StartedExamAsync()
    {
        var exam = (await _api.Post("/api/v1/exams", new
        {
            schemeCode = "PEKSOS-GENERALIS",
            title = "Uji Kompetensi Serentak",
            venue = "TUK Dinas Sosial Provinsi Lampung",
            regionCode = "18.71",
            scheduledOn = "2026-11-27",
            capacity = Assessors * ParticipantsPerAssessor,
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var sheets = new List<(HttpClient Client, Guid Participant, object Sheet)>();
        var assessors = new List<(Guid Id, HttpClient Client)>();
        foreach (var (name, organisation) in AssessorNames)
        {
            var assessor = await _api.RegisterAssessor(name, $"MET.{Guid.NewGuid():N}"[..16], organisation);
            await _api.Post($"/api/v1/exams/{exam}/assessors", new { assessorId = assessor }, HttpStatusCode.OK);
            assessors.Add((assessor, _factory.CreateClientWithKey(await _api.CreateKey("assessor", assessor))));
        }

        var enrolled = new List<(HttpClient Client, Guid Participant, Guid Portfolio)>();
        foreach (var (assessor, client) in assessors)
        {
            for (var i = 0; i < ParticipantsPerAssessor; i++)
            {
                var (_, portfolio) = await _api.AcceptedGeneralisPortfolio();
                var participant = (await _api.Post($"/api/v1/exams/{exam}/participants", new { portfolioId = portfolio, assessorId = assessor }, HttpStatusCode.Created))
                    .GetProperty("id").GetGuid();
                enrolled.Add((client, participant, portfolio));
            }
        }

        await _api.Post($"/api/v1/exams/{exam}/start", null, HttpStatusCode.OK);
        await Task.WhenAll(assessors.Select(a => _api.Post($"/api/v1/exams/{exam}/impartiality", new { statement = "Saya netral." }, HttpStatusCode.OK, a.Client)));
        foreach (var (client, participant, portfolio) in enrolled)
        {
            sheets.Add((client, participant, await _api.PassingSheet(portfolio)));
        }

        return (exam, sheets);
    }
}

public sealed class SqliteConcurrentAssessmentApiTests() : ConcurrentAssessmentApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresConcurrentAssessmentApiTests() : ConcurrentAssessmentApiTests(DatabaseProvider.Postgres);
