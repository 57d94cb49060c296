using System.Net;
using System.Net.Http.Json;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>Hours that add up, over HTTP on each engine: each rule of a record at its boundary (the candidate is born 5 June 1990).</summary>
public abstract class RecordIntegrityApiTests(DatabaseProvider provider) : IAsyncLifetime
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
    public async Task EveryHoursRule_HoldsAtItsBoundary()
    {
        var candidate = (await _api.RegisterCandidate()).GetProperty("id").GetGuid();

        await (await Practice(candidate, "2005-06-04", "2005-06-13", 10, "Relawan")).ShouldBeProblem(HttpStatusCode.BadRequest, "period.before-age-15");
        await (await Practice(candidate, "2005-06-05", "2005-06-14", 10, "Relawan")).ShouldBeJson(HttpStatusCode.Created);
        // 100 days, both ends counted: 1,200 hours is 12 a day; 1,201 is 12.01.
        await (await Practice(candidate, "2024-01-01", "2024-04-09", 1_201, "Pekerja sosial")).ShouldBeProblem(HttpStatusCode.BadRequest, "practice.hours-exceed-period");
        await (await Practice(candidate, "2024-01-01", "2024-04-09", 1_200, "Pekerja sosial")).ShouldBeJson(HttpStatusCode.Created);
        await (await Practice(candidate, "2024-01-01", "2024-04-09", 700, "PEKERJA\u00a0SOSIAL.")).ShouldBeProblem(HttpStatusCode.Conflict, "practice.duplicate");
        await (await Practice(candidate, "2026-11-20", "2026-11-28", 8, "Pekerja sosial")).ShouldBeProblem(HttpStatusCode.BadRequest, "period.in-future");
        (await (await _api.Admin.GetAsync($"/api/v1/candidates/{candidate}")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("practiceHours").GetInt32()
            .Should().Be(1_210);

        var young = CandidatesApiTests.ValidCandidate(_api.NextNik());
        young["birthDate"] = "1899-12-31";
        (await (await _api.Admin.PostAsJsonAsync("/api/v1/candidates", young)).ShouldBeProblem(HttpStatusCode.BadRequest, "birth-date.too-early"))
            .GetProperty("errors").GetProperty("birthDate").GetArrayLength().Should().Be(1);
    }

    [SkippableFact]
    public async Task AManualBimtek_RepeatingACompletedBimteksCredit_IsADuplicate()
    {
        var candidate = (await _api.RegisterCandidate()).GetProperty("id").GetGuid();
        var training = (await _api.Post("/api/v1/trainings", new
        {
            title = "Bimtek Penyusunan Portofolio",
            organiser = "Dinas Sosial Provinsi Lampung",
            venue = "Bandar Lampung",
            regionCode = "18.71",
            startDate = "2026-11-19",
            endDate = "2026-11-20",
            hours = 16,
            capacity = 10,
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await _api.Post($"/api/v1/trainings/{training}/participants", new { candidateId = candidate }, HttpStatusCode.Created);
        await _api.Post($"/api/v1/trainings/{training}/completion", new { attendance = new[] { new { candidateId = candidate, attendedHours = 16 } } }, HttpStatusCode.OK);

        await (await Training(candidate, "bimtek penyusunan portofolio", "bimtek")).ShouldBeProblem(HttpStatusCode.Conflict, "training.duplicate");
        await (await Training(candidate, "Bimtek Penyusunan Portofolio", "diklat")).ShouldBeJson(HttpStatusCode.Created);
        (await (await _api.Admin.GetAsync($"/api/v1/candidates/{candidate}")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("trainingHours").GetInt32()
            .Should().Be(32);
    }

    private async Task<HttpResponseMessage> Practice(Guid candidate, string start, string end, int hours, string role) =>
        await _api.Admin.PostAsJsonAsync($"/api/v1/candidates/{candidate}/practice-records", new
        {
            organisation = "LKS Harapan Bangsa",
            role,
            startDate = start,
            endDate = end,
            hours,
            pmksCategory = "kemiskinan",
        });

    private Task<HttpResponseMessage> Training(Guid candidate, string title, string kind) =>
        _api.Admin.PostAsJsonAsync($"/api/v1/candidates/{candidate}/training-records", new
        {
            title,
            organiser = "Dinas Sosial Provinsi Lampung",
            startDate = "2026-11-19",
            endDate = "2026-11-20",
            hours = 16,
            kind,
        });
}

public sealed class SqliteRecordIntegrityApiTests() : RecordIntegrityApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresRecordIntegrityApiTests() : RecordIntegrityApiTests(DatabaseProvider.Postgres);
