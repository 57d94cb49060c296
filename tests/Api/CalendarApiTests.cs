using System.Net;
using System.Net.Http.Json;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>Calendar dates are the LSP's (Asia/Jakarta by default), on each engine: a decision at 23:30Z is of the next day.</summary>
public abstract class CalendarApiTests(DatabaseProvider provider) : IAsyncLifetime
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
    public async Task Decision_At2330Z_IsOfTheNextWibDay_AndItsAppealDeadlineFollows()
    {
        var assessor = await _api.RegisterAssessor("Bambang Sutrisno", $"MET.{Guid.NewGuid():N}"[..16], "Universitas Lampung");
        using var assessorClient = _factory.CreateClientWithKey(await _api.CreateKey("assessor", assessor));
        var exam = await _api.PlanExam(5, assessor);
        var (_, portfolio) = await _api.AcceptedGeneralisPortfolio();
        var participant = (await _api.Post($"/api/v1/exams/{exam}/participants", new { portfolioId = portfolio, assessorId = assessor }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await _api.Post($"/api/v1/exams/{exam}/start", null, HttpStatusCode.OK);
        await _api.Post($"/api/v1/exams/{exam}/impartiality", new { statement = "Saya netral." }, HttpStatusCode.OK, assessorClient);
        await _api.Post($"/api/v1/exams/{exam}/participants/{participant}/assessment", await _api.PassingSheet(portfolio, written: 10), HttpStatusCode.OK, assessorClient);

        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero)); // 06:30 WIB, 28 November
        var decision = await _api.Post($"/api/v1/exams/{exam}/decision", new { decreeNumber = "SK-7/LSP/XI/2026", panel = new[] { new { name = "Drs. Hartono" } } },
            HttpStatusCode.OK);

        decision.GetProperty("appealDeadline").GetString().Should().Be("2026-12-12");
        decision.GetProperty("results")[0].GetProperty("appealDeadline").GetString().Should().Be("2026-12-12", "the BK participant may appeal until then");
        var read = await (await _api.Admin.GetAsync($"/api/v1/exams/{exam}")).ShouldBeJson(HttpStatusCode.OK);
        read.GetProperty("decision").GetProperty("appealDeadline").GetString().Should().Be("2026-12-12");
        read.GetProperty("participants")[0].GetProperty("appealDeadline").GetString().Should().Be("2026-12-12");

        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 12, 17, 0, 0, TimeSpan.Zero)); // 00:00 WIB, 13 December
        await (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{exam}/participants/{participant}/appeal", new { reason = "Mohon ditinjau." }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "appeal.window-closed");
    }
}

public sealed class SqliteCalendarApiTests() : CalendarApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresCalendarApiTests() : CalendarApiTests(DatabaseProvider.Postgres);
