using System.Net;
using System.Net.Http.Json;
using System.Text;
using Peksos.Clean.Api.Http;
using Peksos.Clean.Infrastructure.Persistence;
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
