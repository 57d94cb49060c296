using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Peksos.Clean.Api.Tests;

/// <summary>Steps of the certification story over HTTP, each asserting its own status code.</summary>
/// <param name="admin">An admin client of the host under test.</param>
/// <param name="firstNikSerial">Where this driver's NIK serials start (drivers sharing one database use apart ranges).</param>
public sealed class ApiDriver(HttpClient admin, int firstNikSerial = 0)
{
    private int _nikSerial = firstNikSerial;

    public HttpClient Admin => admin;

    /// <summary>The day exams are planned on: the test host's fake today, or the real one for a host process.</summary>
    public DateOnly ExamDay { get; init; } = new(2026, 11, 27);

    /// <summary>A synthetic, valid NIK: Bandar Lampung, a woman born 5 June 1990, a fresh serial.</summary>
    public string NextNik() => $"187101450690{Interlocked.Increment(ref _nikSerial):D4}";

    public static string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(i => $"kata{i}"));

    public async Task<JsonElement> RegisterCandidate(string organisation = "Dinas Sosial Kota Bandar Lampung", string? nik = null, string? fullName = null)
    {
        var body = CandidatesApiTests.ValidCandidate(nik ?? NextNik());
        if (fullName is not null)
        {
            body["fullName"] = fullName;
        }

        body["employment"] = new { type = "pendamping-pkh", organisation, regionCode = "18.71" };
        return await (await admin.PostAsJsonAsync("/api/v1/candidates", body)).ShouldBeJson(HttpStatusCode.Created);
    }

    public async Task RecordPractice(Guid candidateId, int hours = 1_344, string startDate = "2020-01-01", string endDate = "2025-12-31") =>
        await (await admin.PostAsJsonAsync($"/api/v1/candidates/{candidateId}/practice-records", new
        {
            organisation = "LKS Harapan Bangsa",
            role = "Pekerja sosial",
            startDate,
            endDate,
            hours,
            pmksCategory = "kemiskinan",
        })).ShouldBeJson(HttpStatusCode.Created);

    public async Task<JsonElement> OpenPortfolio(Guid candidateId, string scheme = "PEKSOS-GENERALIS") =>
        await (await admin.PostAsJsonAsync("/api/v1/portfolios", new { candidateId, schemeCode = scheme })).ShouldBeJson(HttpStatusCode.Created);

    public async Task<JsonElement> AddEvidence(Guid portfolioId, object evidence) =>
        await (await admin.PostAsJsonAsync($"/api/v1/portfolios/{portfolioId}/evidence", evidence)).ShouldBeJson(HttpStatusCode.Created);

    public static object CaseRecord(string category, bool allStages) => new
    {
        kind = "case-record",
        title = $"Pendampingan keluarga ({category})",
        description = "Catatan kasus lengkap.",
        documentDate = "2025-03-01",
        pmksCategory = category,
        helpingStages = allStages
            ? new[] { "engagement", "assessment", "planning", "intervention", "evaluation", "termination" }
            : new[] { "engagement", "assessment" },
        clientType = "family",
    };

    public static object Document(string kind) => new { kind, title = kind, documentDate = "2025-01-01" };

    /// <summary>Fills a Generalis portfolio so that every requirement is met.</summary>
    public async Task CompleteGeneralis(Guid portfolioId)
    {
        await AddEvidence(portfolioId, CaseRecord("kemiskinan", allStages: true));
        await AddEvidence(portfolioId, CaseRecord("kecacatan", allStages: false));
        await AddEvidence(portfolioId, CaseRecord("keterlantaran", allStages: false));
        foreach (var kind in new[] { "work-experience-letter", "organisation-recommendation", "diploma" })
        {
            await AddEvidence(portfolioId, Document(kind));
        }

        foreach (var code in new[] { "K1", "K2", "K3", "K4", "K5", "S1", "S2", "S3", "S4", "S5", "S6", "V1", "V2", "V3" })
        {
            await (await admin.PutAsJsonAsync($"/api/v1/portfolios/{portfolioId}/essays/{code}", new { text = Words(60) })).ShouldBeJson(HttpStatusCode.OK);
        }
    }

    public async Task<JsonElement> Post(string url, object? body, HttpStatusCode expected, HttpClient? client = null) =>
        await (await (client ?? admin).PostAsJsonAsync(url, body ?? new { })).ShouldBeJson(expected);

    /// <summary>A candidate with an accepted Generalis portfolio: (candidateId, portfolioId).</summary>
    public async Task<(Guid CandidateId, Guid PortfolioId)> AcceptedGeneralisPortfolio(string organisation = "Dinas Sosial Kota Bandar Lampung", string? fullName = null)
    {
        var candidate = (await RegisterCandidate(organisation, fullName: fullName)).GetProperty("id").GetGuid();
        await RecordPractice(candidate);
        var portfolio = (await OpenPortfolio(candidate)).GetProperty("id").GetGuid();
        await CompleteGeneralis(portfolio);
        await Post($"/api/v1/portfolios/{portfolio}/submit", null, HttpStatusCode.OK);
        await Post($"/api/v1/portfolios/{portfolio}/accept", null, HttpStatusCode.OK);
        return (candidate, portfolio);
    }

    public async Task<Guid> RegisterAssessor(string name, string registration, string organisation) =>
        (await Post("/api/v1/assessors", new { fullName = name, registrationNumber = registration, organisation, email = $"{registration.ToLowerInvariant()}@example.org" },
            HttpStatusCode.Created)).GetProperty("id").GetGuid();

    public async Task<string> CreateKey(string role, Guid? assessorId = null) =>
        (await Post("/api/v1/api-keys", new { name = $"{role} key {Guid.NewGuid():N}", role, assessorId }, HttpStatusCode.Created)).GetProperty("key").GetString()!;

    /// <summary>A sheet that passes every component for the participant's portfolio.</summary>
    public async Task<object> PassingSheet(Guid portfolioId, int written = 80, string interview = "k", string? amendmentReason = null)
    {
        var portfolio = await (await admin.GetAsync($"/api/v1/portfolios/{portfolioId}")).ShouldBeJson(HttpStatusCode.OK);
        return new
        {
            writtenScore = written,
            interview,
            interviewNotes = "Menjawab dengan baik.",
            evidenceVerdicts = portfolio.GetProperty("evidence").EnumerateArray()
                .Select(e => new { evidenceId = e.GetProperty("id").GetGuid(), valid = true, authentic = true, current = true, sufficient = true, note = (string?)null })
                .ToArray(),
            essayScores = portfolio.GetProperty("essays").EnumerateArray().Select(e => new { code = e.GetProperty("code").GetString(), score = 4 }).ToArray(),
            amendmentReason,
        };
    }

    /// <summary>Plans a Generalis exam at a Lampung TUK and assigns <paramref name="assessors"/> to it.</summary>
    public async Task<Guid> PlanExam(int capacity, params Guid[] assessors)
    {
        var exam = (await Post("/api/v1/exams", new
        {
            schemeCode = "PEKSOS-GENERALIS",
            title = "Uji Kompetensi",
            venue = "TUK Dinas Sosial Provinsi Lampung",
            regionCode = "18.71",
            scheduledOn = ExamDay,
            capacity,
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        foreach (var assessor in assessors)
        {
            await Post($"/api/v1/exams/{exam}/assessors", new { assessorId = assessor }, HttpStatusCode.OK);
        }

        return exam;
    }

    /// <summary>Runs one exam in which <paramref name="count"/> candidates are found K; returns their certificate numbers.</summary>
    public async Task<IReadOnlyList<string>> IssueCertificates(int count, Func<string, HttpClient> clientWithKey, IReadOnlyList<string>? holders = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var assessors = new List<(Guid Id, HttpClient Client)>();
        for (var a = 0; a < (count + 9) / 10; a++)
        {
            // An assessor takes at most 10 participants of an exam.
            var assessor = await RegisterAssessor("Bambang Sutrisno", $"MET.{suffix}.{a}", "Universitas Lampung");
            assessors.Add((assessor, clientWithKey(await CreateKey("assessor", assessor))));
        }

        var exam = await PlanExam(count, [.. assessors.Select(a => a.Id)]);
        var enrolled = new List<(Guid Participant, Guid Portfolio, HttpClient Client)>();
        for (var i = 0; i < count; i++)
        {
            var (_, portfolio) = await AcceptedGeneralisPortfolio(fullName: holders?[i]);
            var (assessorId, client) = assessors[i / 10];
            var participant = (await Post($"/api/v1/exams/{exam}/participants", new { portfolioId = portfolio, assessorId }, HttpStatusCode.Created))
                .GetProperty("id").GetGuid();
            enrolled.Add((participant, portfolio, client));
        }

        await Post($"/api/v1/exams/{exam}/start", null, HttpStatusCode.OK);
        foreach (var (_, client) in assessors)
        {
            await Post($"/api/v1/exams/{exam}/impartiality", new { statement = "Saya netral." }, HttpStatusCode.OK, client);
        }

        foreach (var (participant, portfolio, client) in enrolled)
        {
            await Post($"/api/v1/exams/{exam}/participants/{participant}/assessment", await PassingSheet(portfolio), HttpStatusCode.OK, client);
        }

        var decision = await Post($"/api/v1/exams/{exam}/decision", new { decreeNumber = $"SK-{suffix}", panel = new[] { new { name = "Drs. Hartono" } } }, HttpStatusCode.OK);
        foreach (var (_, client) in assessors)
        {
            client.Dispose();
        }

        return decision.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("certificateNumber").GetString()!).ToList();
    }
}
