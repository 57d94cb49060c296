using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>A real round on each engine: one removed while planned, one absent, one withdrawn, one assessed; the plenary decides the rest.</summary>
public abstract class AttendanceApiTests(DatabaseProvider provider) : IAsyncLifetime
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
    public async Task AbsentWithdrawnAndRemovedParticipants_LeaveTheRound_AndTheirPortfoliosMayEnrolAgain()
    {
        var assessor = await _api.RegisterAssessor("Bambang Sutrisno", $"MET.{Guid.NewGuid():N}"[..16], "Universitas Lampung");
        using var assessorClient = _factory.CreateClientWithKey(await _api.CreateKey("assessor", assessor));
        var exam = await _api.PlanExam(10, assessor);
        var portfolios = new List<Guid>();
        var participants = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var (_, portfolio) = await _api.AcceptedGeneralisPortfolio();
            portfolios.Add(portfolio);
            participants.Add((await _api.Post($"/api/v1/exams/{exam}/participants", new { portfolioId = portfolio, assessorId = assessor }, HttpStatusCode.Created))
                .GetProperty("id").GetGuid());
        }

        await (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{exam}/participants/{participants[1]}/absence", new { }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "exam.not-in-progress");
        (await _api.Admin.DeleteAsync($"/api/v1/exams/{exam}/participants/{participants[3]}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await _api.Post($"/api/v1/exams/{exam}/start", null, HttpStatusCode.OK);
        (await _api.Admin.DeleteAsync($"/api/v1/exams/{exam}/participants/{participants[0]}")).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var absent = await _api.Post($"/api/v1/exams/{exam}/participants/{participants[1]}/absence", new { note = "Tidak hadir." }, HttpStatusCode.OK);
        absent.GetProperty("status").GetString().Should().Be("absent");
        absent.GetProperty("statusNote").GetString().Should().Be("Tidak hadir.");
        var noReason = await (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{exam}/participants/{participants[2]}/withdrawal", new { }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "field.required");
        noReason.GetRawText().Should().Contain("reason");
        (await _api.Post($"/api/v1/exams/{exam}/participants/{participants[2]}/withdrawal", new { reason = "Mengundurkan diri karena sakit." }, HttpStatusCode.OK))
            .GetProperty("status").GetString().Should().Be("withdrawn");

        var later = await _api.PlanExam(10, assessor);
        // Still undecided, the first exam no longer holds them.
        foreach (var portfolio in portfolios.Skip(1))
        {
            await _api.Post($"/api/v1/exams/{later}/participants", new { portfolioId = portfolio, assessorId = assessor }, HttpStatusCode.Created);
        }

        await _api.Post($"/api/v1/exams/{exam}/impartiality", new { statement = "Saya netral." }, HttpStatusCode.OK, assessorClient);
        await _api.Post($"/api/v1/exams/{exam}/participants/{participants[0]}/assessment", await _api.PassingSheet(portfolios[0]), HttpStatusCode.OK, assessorClient);
        await (await assessorClient.PostAsJsonAsync($"/api/v1/exams/{exam}/participants/{participants[1]}/assessment", await _api.PassingSheet(portfolios[1])))
            .ShouldBeProblem(HttpStatusCode.Conflict, "exam.participant-not-pending");
        var decision = await _api.Post($"/api/v1/exams/{exam}/decision", new { decreeNumber = "SK-9/LSP/XII/2026", panel = new[] { new { name = "Drs. Hartono" } } },
            HttpStatusCode.OK);

        decision.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("result").ValueKind == JsonValueKind.String)
            .Should().ContainSingle().Which.GetProperty("result").GetString().Should().Be("k");
        var read = await (await _api.Admin.GetAsync($"/api/v1/exams/{exam}")).ShouldBeJson(HttpStatusCode.OK);
        read.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("status").GetString())
            .Should().BeEquivalentTo(["decided", "absent", "withdrawn"]);

        (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{later}/participants", new { portfolioId = portfolios[0], assessorId = assessor }))
            .StatusCode.Should().NotBe(HttpStatusCode.Created, "a portfolio decided K does not sit the exam again");
    }

    [SkippableFact]
    public async Task AnIllAssessorsParticipant_IsReassigned_AndAssessedByTheNewAssessor()
    {
        var ill = await _api.RegisterAssessor("Bambang Sutrisno", $"MET.{Guid.NewGuid():N}"[..16], "Universitas Lampung");
        var standIn = await _api.RegisterAssessor("Siti Aminah", $"MET.{Guid.NewGuid():N}"[..16], "Politeknik Kesejahteraan Sosial Bandung");
        using var illClient = _factory.CreateClientWithKey(await _api.CreateKey("assessor", ill));
        using var standInClient = _factory.CreateClientWithKey(await _api.CreateKey("assessor", standIn));
        var exam = await _api.PlanExam(10, ill, standIn);
        var (_, portfolio) = await _api.AcceptedGeneralisPortfolio();
        var participant = (await _api.Post($"/api/v1/exams/{exam}/participants", new { portfolioId = portfolio, assessorId = ill }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await _api.Post($"/api/v1/exams/{exam}/start", null, HttpStatusCode.OK);

        await (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{exam}/participants/{participant}/reassignment", new { assessorId = standIn }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "field.required");
        var moved = await _api.Post($"/api/v1/exams/{exam}/participants/{participant}/reassignment", new { assessorId = standIn, reason = "Asesor sakit." },
            HttpStatusCode.OK);

        moved.GetProperty("assessorId").GetGuid().Should().Be(standIn);
        var portfolioUrl = $"/api/v1/exams/{exam}/participants/{participant}/portfolio";
        (await illClient.GetAsync(portfolioUrl)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the participant is no longer theirs");
        (await illClient.GetAsync($"/api/v1/portfolios/{portfolio}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the participant is no longer theirs");
        (await (await standInClient.GetAsync($"/api/v1/portfolios/{portfolio}")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("id").GetGuid().Should().Be(portfolio);
        var judged = await (await standInClient.GetAsync(portfolioUrl)).ShouldBeJson(HttpStatusCode.OK);
        judged.GetProperty("id").GetGuid().Should().Be(portfolio);
        judged.GetProperty("evidence").GetArrayLength().Should().BePositive();
        var seen = (await (await standInClient.GetAsync($"/api/v1/exams/{exam}")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("participants")[0].GetProperty("toJudge");
        seen.GetProperty("evidenceIds").EnumerateArray().Select(e => e.GetGuid())
            .Should().BeEquivalentTo(judged.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        seen.GetProperty("essayCodes").GetArrayLength().Should().Be(14);
        (await (await illClient.GetAsync($"/api/v1/exams/{exam}")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("participants")[0].GetProperty("toJudge")
            .ValueKind.Should().Be(JsonValueKind.Null, "the participant is no longer theirs");
        await _api.Post($"/api/v1/exams/{exam}/impartiality", new { statement = "Saya netral." }, HttpStatusCode.OK, illClient);
        (await illClient.PostAsJsonAsync($"/api/v1/exams/{exam}/participants/{participant}/assessment", await _api.PassingSheet(portfolio)))
            .IsSuccessStatusCode.Should().BeFalse("the participant is no longer theirs");
        await _api.Post($"/api/v1/exams/{exam}/impartiality", new { statement = "Saya netral." }, HttpStatusCode.OK, standInClient);
        await _api.Post($"/api/v1/exams/{exam}/participants/{participant}/assessment", await _api.PassingSheet(portfolio), HttpStatusCode.OK, standInClient);
        var read = await (await _api.Admin.GetAsync($"/api/v1/exams/{exam}")).ShouldBeJson(HttpStatusCode.OK);
        read.GetProperty("participants")[0].GetProperty("assessorId").GetGuid().Should().Be(standIn);
        var audit = await (await _api.Admin.GetAsync($"/api/v1/audit?entityId={exam}")).ShouldBeJson(HttpStatusCode.OK);
        audit.GetRawText().Should().Contain("exam.participant-reassigned").And.Contain("Asesor sakit.");
    }

    [SkippableFact]
    public async Task AnAssessment_IsAmendedOnlyWithAReason_AndEveryEarlierVersionIsKept()
    {
        var assessor = await _api.RegisterAssessor("Bambang Sutrisno", $"MET.{Guid.NewGuid():N}"[..16], "Universitas Lampung");
        using var assessorClient = _factory.CreateClientWithKey(await _api.CreateKey("assessor", assessor));
        var exam = await _api.PlanExam(10, assessor);
        var (_, portfolio) = await _api.AcceptedGeneralisPortfolio();
        var participant = (await _api.Post($"/api/v1/exams/{exam}/participants", new { portfolioId = portfolio, assessorId = assessor }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await _api.Post($"/api/v1/exams/{exam}/start", null, HttpStatusCode.OK);
        await _api.Post($"/api/v1/exams/{exam}/impartiality", new { statement = "Saya netral." }, HttpStatusCode.OK, assessorClient);
        var url = $"/api/v1/exams/{exam}/participants/{participant}/assessment";
        await _api.Post(url, await _api.PassingSheet(portfolio, written: 50), HttpStatusCode.OK, assessorClient);

        await (await assessorClient.PostAsJsonAsync(url, await _api.PassingSheet(portfolio, written: 85)))
            .ShouldBeProblem(HttpStatusCode.Conflict, "exam.assessment-already-recorded");
        await _api.Post(url, await _api.PassingSheet(portfolio, written: 85, amendmentReason: "Salah input nilai tertulis."), HttpStatusCode.OK, assessorClient);
        await _api.Post(url, await _api.PassingSheet(portfolio, written: 88, amendmentReason: "Koreksi kedua."), HttpStatusCode.OK, assessorClient);

        var read = (await (await _api.Admin.GetAsync($"/api/v1/exams/{exam}")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("participants")[0];
        read.GetProperty("assessment").GetProperty("writtenScore").GetInt32().Should().Be(88);
        read.GetProperty("assessment").GetProperty("amendmentReason").GetString().Should().Be("Koreksi kedua.");
        var history = read.GetProperty("assessmentHistory").EnumerateArray().ToList();
        history.Select(h => h.GetProperty("writtenScore").GetInt32()).Should().Equal(50, 85);
        history.Select(h => h.GetProperty("recommendation").GetString()).Should().Equal("bk", "k");
        history[0].GetProperty("amendmentReason").ValueKind.Should().Be(JsonValueKind.Null);
        history[1].GetProperty("amendmentReason").GetString().Should().Be("Salah input nilai tertulis.");
        var audit = await (await _api.Admin.GetAsync($"/api/v1/audit?entityId={exam}")).ShouldBeJson(HttpStatusCode.OK);
        audit.GetRawText().Should().Contain("exam.assessment-amended").And.Contain("Salah input nilai tertulis.");

        await _api.Post($"/api/v1/exams/{exam}/decision", new { decreeNumber = "SK-10/LSP/XII/2026", panel = new[] { new { name = "Drs. Hartono" } } }, HttpStatusCode.OK);
        await (await assessorClient.PostAsJsonAsync(url, await _api.PassingSheet(portfolio, written: 90, amendmentReason: "Terlambat.")))
            .ShouldBeProblem(HttpStatusCode.Conflict, "exam.invalid-status");
    }

    [SkippableFact]
    public async Task APlannedExam_IsRescheduled_NeverToThePastOrBelowItsEnrolled_AndStartsOnItsDay()
    {
        var assessor = await _api.RegisterAssessor("Bambang Sutrisno", $"MET.{Guid.NewGuid():N}"[..16], "Universitas Lampung");
        var exam = await _api.PlanExam(10, assessor);
        var (_, portfolio) = await _api.AcceptedGeneralisPortfolio();
        await _api.Post($"/api/v1/exams/{exam}/participants", new { portfolioId = portfolio, assessorId = assessor }, HttpStatusCode.Created);
        var (_, second) = await _api.AcceptedGeneralisPortfolio();
        await _api.Post($"/api/v1/exams/{exam}/participants", new { portfolioId = second, assessorId = assessor }, HttpStatusCode.Created);

        await (await _api.Admin.PostAsJsonAsync("/api/v1/exams", new
        {
            schemeCode = "PEKSOS-GENERALIS",
            title = "Uji",
            venue = "TUK",
            regionCode = "18.71",
            scheduledOn = "2026-11-26",
            capacity = 5,
        })).ShouldBeProblem(HttpStatusCode.BadRequest, "exam.scheduled-in-past");
        await (await _api.Admin.PatchAsJsonAsync($"/api/v1/exams/{exam}", new { scheduledOn = "2026-11-26" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "exam.scheduled-in-past");
        await (await _api.Admin.PatchAsJsonAsync($"/api/v1/exams/{exam}", new { capacity = 1 }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "exam.capacity-below-enrolled");
        var moved = await (await _api.Admin.PatchAsJsonAsync($"/api/v1/exams/{exam}", new { scheduledOn = "2026-11-30", venue = "TUK Balai Besar Lampung", capacity = 2 }))
            .ShouldBeJson(HttpStatusCode.OK);
        moved.GetProperty("scheduledOn").GetString().Should().Be("2026-11-30");
        moved.GetProperty("venue").GetString().Should().Be("TUK Balai Besar Lampung");
        moved.GetProperty("capacity").GetInt32().Should().Be(2);
        moved.GetProperty("title").GetString().Should().Be("Uji Kompetensi");

        await (await _api.Admin.PostAsync($"/api/v1/exams/{exam}/start", null)).ShouldBeProblem(HttpStatusCode.Conflict, "exam.not-yet-scheduled");
        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 17, 0, 0, TimeSpan.Zero)); // 00:00 WIB on the 30th
        await _api.Post($"/api/v1/exams/{exam}/start", null, HttpStatusCode.OK);
        await (await _api.Admin.PatchAsJsonAsync($"/api/v1/exams/{exam}", new { title = "Terlambat" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "exam.not-planned");
        var audit = await (await _api.Admin.GetAsync($"/api/v1/audit?entityId={exam}")).ShouldBeJson(HttpStatusCode.OK);
        audit.GetRawText().Should().Contain("exam.rescheduled");
    }

    [SkippableFact]
    public async Task APortfolio_IsWithdrawnOnlyOutsideAnUndecidedExam_AndASpesialisOneGetsItsSpecialisationWhileEditable()
    {
        var assessor = await _api.RegisterAssessor("Bambang Sutrisno", $"MET.{Guid.NewGuid():N}"[..16], "Universitas Lampung");
        var exam = await _api.PlanExam(10, assessor);
        var (candidate, portfolio) = await _api.AcceptedGeneralisPortfolio();
        var participant = (await _api.Post($"/api/v1/exams/{exam}/participants", new { portfolioId = portfolio, assessorId = assessor }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();

        await (await _api.Admin.PostAsJsonAsync($"/api/v1/portfolios/{portfolio}/withdraw", new { reason = "Pindah tugas." }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "portfolio.in-exam");
        await _api.Post($"/api/v1/exams/{exam}/participants/{participant}/withdrawal", new { reason = "Pindah tugas." }, HttpStatusCode.OK);
        await (await _api.Admin.PostAsJsonAsync($"/api/v1/portfolios/{portfolio}/withdraw", new { }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "field.required");
        var withdrawn = await _api.Post($"/api/v1/portfolios/{portfolio}/withdraw", new { reason = "Pindah tugas." }, HttpStatusCode.OK);
        withdrawn.GetProperty("status").GetString().Should().Be("withdrawn");
        withdrawn.GetProperty("withdrawalReason").GetString().Should().Be("Pindah tugas.");
        await (await _api.Admin.PostAsJsonAsync($"/api/v1/portfolios/{portfolio}/withdraw", new { reason = "Lagi." }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "portfolio.not-open");
        await _api.OpenPortfolio(candidate);

        var spesialis = (await _api.OpenPortfolio(candidate, "PEKSOS-SPESIALIS")).GetProperty("id").GetGuid();
        await (await _api.Admin.PatchAsJsonAsync($"/api/v1/portfolios/{spesialis}", new { specialisation = "bukan-pmks" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "pmks-category.invalid");
        var set = await (await _api.Admin.PatchAsJsonAsync($"/api/v1/portfolios/{spesialis}", new { specialisation = "kemiskinan" })).ShouldBeJson(HttpStatusCode.OK);
        set.GetProperty("specialisation").GetString().Should().Be("kemiskinan");
        var changed = await (await _api.Admin.PatchAsJsonAsync($"/api/v1/portfolios/{spesialis}", new { specialisation = "kecacatan" })).ShouldBeJson(HttpStatusCode.OK);
        changed.GetProperty("specialisation").GetString().Should().Be("kecacatan");
        await _api.Post($"/api/v1/portfolios/{spesialis}/withdraw", new { reason = "Belum siap." }, HttpStatusCode.OK);
        await (await _api.Admin.PatchAsJsonAsync($"/api/v1/portfolios/{spesialis}", new { specialisation = "kemiskinan" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "portfolio.locked");
        var audit = await (await _api.Admin.GetAsync($"/api/v1/audit?entityId={spesialis}")).ShouldBeJson(HttpStatusCode.OK);
        audit.GetRawText().Should().Contain("portfolio.specialisation-changed").And.Contain("portfolio.withdrawn");
    }
}

public sealed class SqliteAttendanceApiTests() : AttendanceApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresAttendanceApiTests() : AttendanceApiTests(DatabaseProvider.Postgres);
