using System.Net;
using System.Text;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>Registering and reading candidates over HTTP, on each engine.</summary>
public abstract class CandidatesApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private PeksosApiFactory _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory = new PeksosApiFactory(provider);
        _client = _factory.CreateAdminClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public static Dictionary<string, object?> ValidCandidate(string nik = "1871014506900003") => new()
    {
        ["nik"] = nik,
        ["fullName"] = "Siti Rahmawati, S.Sos.",
        ["birthDate"] = "1990-06-05",
        ["sex"] = "F",
        ["email"] = "siti@example.org",
        ["phone"] = "0812-3456-7890",
        ["education"] = new { level = "S1", field = "kesejahteraan-sosial", institution = "Universitas Lampung", graduationYear = 2012 },
        ["employment"] = new { type = "pendamping-pkh", organisation = "Dinas Sosial Kota Bandar Lampung", regionCode = "18.71" },
        ["practiceAreas"] = new[] { "kemiskinan", "keterlantaran" },
    };

    private async Task<long> CandidateRows()
    {
        await using var connection = await _factory.Database.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM candidates";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [SkippableFact]
    public async Task Register_WithValidInput_Returns201WithMaskedNikAndLocation()
    {
        var response = await _client.PostJson("/api/v1/candidates", ValidCandidate());

        var json = await response.ShouldBeJson(HttpStatusCode.Created);
        var id = json.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().Should().Be($"/api/v1/candidates/{id}");
        json.GetProperty("nikMasked").GetString().Should().Be("************0003");
        json.GetProperty("phone").GetString().Should().Be("+6281234567890");
        json.GetProperty("fullName").GetString().Should().Be("Siti Rahmawati, S.Sos.");
        json.GetProperty("education").GetProperty("level").GetString().Should().Be("S1");
        json.GetProperty("employment").GetProperty("regionCode").GetString().Should().Be("18.71");
        json.GetProperty("practiceAreas").EnumerateArray().Select(a => a.GetString()).Should().Equal("kemiskinan", "keterlantaran");
        json.GetProperty("practiceHours").GetInt32().Should().Be(0);
        json.GetProperty("nikWarnings").GetArrayLength().Should().Be(0);
        json.GetProperty("createdAt").GetString().Should().Be("2026-11-27T02:00:00.000Z");
        json.GetProperty("version").GetInt32().Should().Be(1);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("1871014506900003");
    }

    [SkippableFact]
    public async Task Get_AfterRegister_ReturnsTheSameCandidate()
    {
        var created = await (await _client.PostJson("/api/v1/candidates", ValidCandidate())).ShouldBeJson(HttpStatusCode.Created);

        var fetched = await (await _client.GetAsync($"/api/v1/candidates/{created.GetProperty("id").GetGuid()}")).ShouldBeJson(HttpStatusCode.OK);

        fetched.GetRawText().Should().Be(created.GetRawText());
    }

    [SkippableFact]
    public async Task Get_Unknown_Is404()
    {
        await (await _client.GetAsync($"/api/v1/candidates/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, "candidate.not-found");
    }

    [SkippableFact]
    public async Task Register_WhenBirthDateAndSexDisagreeWithNik_AcceptsWithWarnings()
    {
        var body = ValidCandidate();
        body["birthDate"] = "1990-06-06";
        body["sex"] = "M";

        var json = await (await _client.PostJson("/api/v1/candidates", body)).ShouldBeJson(HttpStatusCode.Created);

        json.GetProperty("nikWarnings").EnumerateArray().Select(w => w.GetString()).Should().Equal("nik.birth-date-mismatch", "nik.sex-mismatch");
    }

    [SkippableTheory]
    [InlineData("187101450690000")]      // 15 digits
    [InlineData("18710145069000031")]    // 17 digits
    [InlineData("1871O14506900003")]     // a letter O
    [InlineData("9971014506900003")]     // province 99 does not exist
    [InlineData("1871013506900003")]     // day 35
    [InlineData("1871017506900003")]     // day 75
    [InlineData("1871014513900003")]     // month 13
    [InlineData("1871013102900003")]     // 31 February
    [InlineData("1871014506900000")]     // serial 0000
    public async Task Register_WithInvalidNik_Is400NikInvalidAndWritesNothing(string nik)
    {
        var json = await (await _client.PostJson("/api/v1/candidates", ValidCandidate(nik))).ShouldBeProblem(HttpStatusCode.BadRequest, "nik.invalid");

        json.GetProperty("errors").GetProperty("nik").GetArrayLength().Should().Be(1);
        json.GetRawText().Should().NotContain(nik, "the NIK is never echoed back");
        (await CandidateRows()).Should().Be(0);
    }

    [SkippableFact]
    public async Task Register_DuplicateNik_Is409AndWritesNothingMore()
    {
        (await _client.PostJson("/api/v1/candidates", ValidCandidate())).StatusCode.Should().Be(HttpStatusCode.Created);
        var again = ValidCandidate();
        again["fullName"] = "Another Person";

        await (await _client.PostJson("/api/v1/candidates", again)).ShouldBeProblem(HttpStatusCode.Conflict, "candidate.duplicate-nik");
        (await CandidateRows()).Should().Be(1);
    }

    [SkippableFact]
    public async Task Register_WithUnknownEnumValues_Is400NamingEveryField()
    {
        var body = ValidCandidate();
        body["sex"] = "X";
        body["practiceAreas"] = new[] { "kemiskinan", "homelessness" };
        body["employment"] = new { type = "freelancer", organisation = "LKS", regionCode = "18.71" };

        var json = await (await _client.PostJson("/api/v1/candidates", body)).ShouldBeProblem(HttpStatusCode.BadRequest, "sex.invalid");

        var errors = json.GetProperty("errors");
        errors.GetProperty("sex").GetArrayLength().Should().Be(1);
        errors.GetProperty("employment.type").GetArrayLength().Should().Be(1);
        errors.GetProperty("practiceAreas[1]").GetArrayLength().Should().Be(1);
        (await CandidateRows()).Should().Be(0);
    }

    [SkippableFact]
    public async Task Register_WithMalformedJson_Is400()
    {
        using var content = new StringContent("{\"nik\": \"1871014506900003\", ", Encoding.UTF8, "application/json");

        await (await _client.PostAsync("/api/v1/candidates", content)).ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed-json");
        (await CandidateRows()).Should().Be(0);
    }

    [SkippableFact]
    public async Task Register_WithWrongTypeForDate_Is400NamingTheField()
    {
        var body = ValidCandidate();
        body["birthDate"] = "05/06/1990";

        var json = await (await _client.PostJson("/api/v1/candidates", body)).ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed-json");

        json.GetProperty("errors").TryGetProperty("birthDate", out _).Should().BeTrue();
    }

    [SkippableFact]
    public async Task Register_WithWrongContentType_Is415()
    {
        using var content = new StringContent("nik=1871014506900003", Encoding.UTF8, "application/x-www-form-urlencoded");

        await (await _client.PostAsync("/api/v1/candidates", content)).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "request.unsupported-media-type");
    }

    [SkippableFact]
    public async Task Register_WhenUnder18_Is400()
    {
        var body = ValidCandidate("1871014506100003");
        body["birthDate"] = "2010-06-05";

        await (await _client.PostJson("/api/v1/candidates", body)).ShouldBeProblem(HttpStatusCode.BadRequest, "candidate.underage");
        (await CandidateRows()).Should().Be(0);
    }

    [SkippableFact]
    public async Task Register_IgnoresUnknownProperties()
    {
        var body = ValidCandidate();
        body["isAdmin"] = true;

        (await _client.PostJson("/api/v1/candidates", body)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [SkippableFact]
    public async Task Get_WithInvalidGuid_IsProblem404()
    {
        await (await _client.GetAsync("/api/v1/candidates/not-a-guid")).ShouldBeProblem(HttpStatusCode.NotFound, "route.not-found");
    }
}

public sealed class SqliteCandidatesApiTests() : CandidatesApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresCandidatesApiTests() : CandidatesApiTests(DatabaseProvider.Postgres);
