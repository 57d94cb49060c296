using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Peksos.Clean.Api.Http;
using Peksos.Clean.Infrastructure.Persistence;
using Peksos.Clean.Infrastructure.Persistence.Reports;
using Peksos.Clean.Testing;

namespace Peksos.Clean.Api.Tests;

/// <summary>A Bimtek of 46, the summary report and the certificates export, on each engine.</summary>
public abstract class TrainingAndReportApiTests(DatabaseProvider provider) : IAsyncLifetime
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
    public async Task Bimtek_Of46_CreditsAttendedHoursExactlyOnce()
    {
        var roster = new StringBuilder(RosterFile.Header).Append('\n');
        for (var i = 0; i < 47; i++)
        {
            roster.Append(RosterFile.Line(RosterFile.ValidRow(i))).Append('\n');
        }

        using var content = new StringContent(roster.ToString(), Encoding.UTF8, "text/csv");
        (await (await _api.Admin.PostAsync("/api/v1/candidates/import", content)).ShouldBeJson(HttpStatusCode.OK)).GetProperty("imported").GetInt32().Should().Be(47);
        var candidates = (await (await _api.Admin.GetAsync("/api/v1/candidates?limit=200")).ShouldBeJson(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();

        var training = await _api.Post("/api/v1/trainings", new
        {
            title = "Bimtek Sertifikasi Pekerja Sosial",
            organiser = "Dinas Sosial Provinsi Lampung",
            venue = "Bandar Lampung",
            regionCode = "18.71",
            startDate = "2026-11-19",
            endDate = "2026-11-20",
            hours = 16,
            capacity = 46,
        }, HttpStatusCode.Created);
        var id = training.GetProperty("id").GetGuid();
        foreach (var candidate in candidates.Take(46))
        {
            await _api.Post($"/api/v1/trainings/{id}/participants", new { candidateId = candidate }, HttpStatusCode.Created);
        }

        await (await _api.Admin.PostAsJsonAsync($"/api/v1/trainings/{id}/participants", new { candidateId = candidates[46] }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "training.capacity-reached");
        await (await _api.Admin.PostAsJsonAsync($"/api/v1/trainings/{id}/participants", new { candidateId = candidates[0] }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "training.already-enrolled");

        var attendance = candidates.Take(45).Select((c, i) => new { candidateId = c, attendedHours = i == 0 ? 8 : 16 }).ToArray();
        var completed = await _api.Post($"/api/v1/trainings/{id}/completion", new { attendance }, HttpStatusCode.OK);
        completed.GetProperty("status").GetString().Should().Be("completed");

        (await (await _api.Admin.GetAsync($"/api/v1/candidates/{candidates[0]}")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("trainingHours").GetInt32().Should().Be(8);
        (await (await _api.Admin.GetAsync($"/api/v1/candidates/{candidates[1]}")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("trainingHours").GetInt32().Should().Be(16);
        (await (await _api.Admin.GetAsync($"/api/v1/candidates/{candidates[45]}")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("trainingHours").GetInt32().Should().Be(0);

        await (await _api.Admin.PostAsJsonAsync($"/api/v1/trainings/{id}/completion", new { attendance }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "training.already-completed");
        (await (await _api.Admin.GetAsync($"/api/v1/candidates/{candidates[1]}")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("trainingHours").GetInt32().Should().Be(16);
        var events = await (await _api.Admin.GetAsync("/api/v1/events?limit=200&after=47")).ShouldBeJson(HttpStatusCode.OK);
        events.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()).Should().Contain("training.completed");
    }

    [SkippableFact]
    public async Task SummaryReport_CountsInSql_AndFiltersByProvinceAndYear()
    {
        var numbers = await _api.IssueCertificates(2, key => _factory.CreateClientWithKey(key));
        await _api.RegisterCandidate(); // a candidate without a portfolio
        using var consumer = _factory.CreateClientWithKey(await _api.CreateKey("consumer"));

        var report = await (await consumer.GetAsync("/api/v1/reports/summary")).ShouldBeJson(HttpStatusCode.OK);

        report.GetProperty("candidates").GetInt32().Should().Be(3);
        report.GetProperty("portfolios").GetProperty("closed").GetInt32().Should().Be(2);
        report.GetProperty("participantsAssessed").GetInt32().Should().Be(2);
        report.GetProperty("competent").GetInt32().Should().Be(2);
        report.GetProperty("notYetCompetent").GetInt32().Should().Be(0);
        report.GetProperty("passRate").GetDecimal().Should().Be(1m);
        report.GetProperty("activeCertificates").GetInt32().Should().Be(2);
        var lampung = report.GetProperty("byProvince").EnumerateArray().Single();
        lampung.GetProperty("key").GetString().Should().Be("18");
        lampung.GetProperty("name").GetString().Should().Be("Lampung");
        lampung.GetProperty("activeCertificates").GetInt32().Should().Be(2);
        report.GetProperty("byEmploymentType").EnumerateArray().Single(e => e.GetProperty("key").GetString() == "pendamping-pkh")
            .GetProperty("candidates").GetInt32().Should().Be(3);
        var byCategory = report.GetProperty("byPmksCategory").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!);
        byCategory.Should().HaveCount(6);
        byCategory["kemiskinan"].GetProperty("candidates").GetInt32().Should().Be(3);
        byCategory["kemiskinan"].GetProperty("competent").GetInt32().Should().Be(2);
        byCategory["kecacatan"].GetProperty("candidates").GetInt32().Should().Be(0);

        await _api.Post($"/api/v1/certificates/{numbers[0]}/suspend", new { reason = "Diperiksa." }, HttpStatusCode.OK);
        (await (await consumer.GetAsync("/api/v1/reports/summary")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("activeCertificates").GetInt32().Should().Be(1);

        var jakarta = await (await consumer.GetAsync("/api/v1/reports/summary?provinceCode=31")).ShouldBeJson(HttpStatusCode.OK);
        jakarta.GetProperty("candidates").GetInt32().Should().Be(0);
        jakarta.GetProperty("passRate").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        (await (await consumer.GetAsync("/api/v1/reports/summary?year=2025")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("candidates").GetInt32().Should().Be(0);
        (await (await consumer.GetAsync("/api/v1/reports/summary?year=2026&provinceCode=18")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("candidates").GetInt32().Should().Be(3);
        await (await consumer.GetAsync("/api/v1/reports/summary?provinceCode=99")).ShouldBeProblem(HttpStatusCode.BadRequest, "province.invalid");
    }

    [SkippableFact]
    public async Task SummaryReport_FollowsCorrectionsStatusAndTime_AsARecountOfTheTablesWould()
    {
        var numbers = await _api.IssueCertificates(3, key => _factory.CreateClientWithKey(key));
        var unexamined = (await _api.RegisterCandidate()).GetProperty("id").GetGuid();
        await _api.OpenPortfolio(unexamined);
        await using (var connection = await _factory.Database.OpenAsync())
        {
            var holder = await connection.QueryFirstAsync<string>("SELECT CAST(candidate_id AS text) FROM certificates ORDER BY number");
            foreach (var id in new[] { holder, unexamined.ToString() })
            {
                await (await _api.Admin.PatchAsJsonAsync($"/api/v1/candidates/{id}", new
                {
                    employment = new { type = "lks", organisation = "LKS Harapan", regionCode = "31.71" },
                    practiceAreas = new[] { "kecacatan", "korban-bencana" },
                })).ShouldBeJson(HttpStatusCode.OK);
            }
        }

        await _api.Post($"/api/v1/certificates/{numbers[1]}/revoke", new { reason = "Dokumen palsu." }, HttpStatusCode.OK);
        using var consumer = _factory.CreateClientWithKey(await _api.CreateKey("consumer"));
        var report = await (await consumer.GetAsync("/api/v1/reports/summary")).ShouldBeJson(HttpStatusCode.OK);
        report.GetProperty("byProvince").EnumerateArray().Select(p => p.GetProperty("key").GetString()).Should().Equal("18", "31");
        await ShouldMatchRecount(report, new DateOnly(2026, 11, 27));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReportCounts>().CompactAsync(default);
        }

        (await (await consumer.GetAsync("/api/v1/reports/summary")).ShouldBeJson(HttpStatusCode.OK)).GetRawText().Should().Be(report.GetRawText(), "folding the counts keeps them");

        _factory.Clock.Advance(TimeSpan.FromDays(5 * 366));
        var later = await (await consumer.GetAsync("/api/v1/reports/summary")).ShouldBeJson(HttpStatusCode.OK);
        later.GetProperty("activeCertificates").GetInt32().Should().Be(0, "every certificate has expired");
        await ShouldMatchRecount(later, DateOnly.FromDateTime(_factory.Clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>The report against counts taken from the tables themselves, row by row.</summary>
    private async Task ShouldMatchRecount(System.Text.Json.JsonElement report, DateOnly today)
    {
        await using var connection = await _factory.Database.OpenAsync();
        var candidates = (await connection.QueryAsync<(string Id, string Region, string Employment, string Areas)>(
            "SELECT CAST(id AS text), region_code, employment_type, practice_areas FROM candidates")).ToList();
        var statuses = (await connection.QueryAsync<string>("SELECT status FROM portfolios")).ToList();
        var results = (await connection.QueryAsync<(string Candidate, string? Result)>(
            "SELECT CAST(candidate_id AS text), result FROM exam_participants WHERE assessed_at IS NOT NULL")).ToList();
        var certificates = (await connection.QueryAsync<(string Region, string Status, string ValidUntil)>(
            "SELECT region_code, status, CAST(valid_until AS text) FROM certificates")).ToList();
        var active = certificates.Where(c => c.Status == "active" && string.CompareOrdinal(c.ValidUntil, today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) >= 0).ToList();
        var byId = candidates.ToDictionary(c => c.Id.ToUpperInvariant());
        (string Id, string Region, string Employment, string Areas) Of(string candidate) => byId[candidate.ToUpperInvariant()];

        report.GetProperty("candidates").GetInt32().Should().Be(candidates.Count);
        report.GetProperty("portfolios").GetProperty("closed").GetInt32().Should().Be(statuses.Count(s => s == "closed"));
        report.GetProperty("portfolios").GetProperty("draft").GetInt32().Should().Be(statuses.Count(s => s == "draft"));
        report.GetProperty("participantsAssessed").GetInt32().Should().Be(results.Count);
        report.GetProperty("competent").GetInt32().Should().Be(results.Count(r => r.Result == "k"));
        report.GetProperty("activeCertificates").GetInt32().Should().Be(active.Count);
        foreach (var province in report.GetProperty("byProvince").EnumerateArray())
        {
            var code = province.GetProperty("key").GetString()!;
            province.GetProperty("candidates").GetInt32().Should().Be(candidates.Count(c => c.Region[..2] == code), $"province {code}");
            province.GetProperty("competent").GetInt32().Should().Be(results.Count(r => r.Result == "k" && Of(r.Candidate).Region[..2] == code), $"province {code}");
            province.GetProperty("activeCertificates").GetInt32().Should().Be(active.Count(c => c.Region[..2] == code), $"province {code}");
        }

        foreach (var type in report.GetProperty("byEmploymentType").EnumerateArray())
        {
            var code = type.GetProperty("key").GetString()!;
            type.GetProperty("candidates").GetInt32().Should().Be(candidates.Count(c => c.Employment == code), code);
            type.GetProperty("participantsAssessed").GetInt32().Should().Be(results.Count(r => Of(r.Candidate).Employment == code), code);
        }

        foreach (var category in report.GetProperty("byPmksCategory").EnumerateArray())
        {
            var code = category.GetProperty("key").GetString()!;
            bool In(string areas) => areas.Split(',').Contains(code);
            category.GetProperty("candidates").GetInt32().Should().Be(candidates.Count(c => In(c.Areas)), code);
            category.GetProperty("competent").GetInt32().Should().Be(results.Count(r => r.Result == "k" && In(Of(r.Candidate).Areas)), code);
        }
    }

    [SkippableFact]
    public async Task CertificatesCsv_IsUtf8WithBom_HasEveryCertificate_AndNoNik()
    {
        var numbers = await _api.IssueCertificates(2, key => _factory.CreateClientWithKey(key));

        var response = await _api.Admin.GetAsync("/api/v1/reports/certificates.csv");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("number,holderName,schemeCode,schemeName,provinceCode,province,regionCode,issuedOn,validUntil,status");
        lines.Skip(1).Select(l => l.Split(',')[0]).Should().BeEquivalentTo(numbers);
        lines[1].Should().Contain("\"Siti Rahmawati, S.Sos.\"").And.Contain(",18,Lampung,18.71,2026-11-27,2031-11-26,active");
        string.Join('\n', lines).Should().NotContain("1871014506");
        await (await _factory.CreateClient().GetAsync("/api/v1/reports/certificates.csv")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }
}

public sealed class SqliteTrainingAndReportApiTests() : TrainingAndReportApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresTrainingAndReportApiTests() : TrainingAndReportApiTests(DatabaseProvider.Postgres);

public sealed class CsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+62812", "'+62812")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    [InlineData(null, "")]
    public void Cell_QuotesAndDefusesFormulas(string? value, string expected)
    {
        Csv.Cell(value).Should().Be(expected);
    }
}
