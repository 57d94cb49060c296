using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>
/// Hostile requests across routes: each gets a 4xx problem+json (never a 500, never a stack trace) and changes nothing
/// in the database.
/// </summary>
public sealed class HostileInputTests : IClassFixture<HostileInputTests.Host>
{
    public sealed class Host : IAsyncLifetime
    {
        public PeksosApiFactory Factory { get; } = new(DatabaseProvider.Sqlite);

        public Guid CandidateId { get; private set; }

        public Guid PortfolioId { get; private set; }

        public async Task InitializeAsync()
        {
            var api = new ApiDriver(Factory.CreateAdminClient());
            CandidateId = (await api.RegisterCandidate()).GetProperty("id").GetGuid();
            PortfolioId = (await api.OpenPortfolio(CandidateId)).GetProperty("id").GetGuid();
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private readonly Host _host;

    public HostileInputTests(Host host) => _host = host;

    private static string Candidate(Action<Dictionary<string, object?>> change)
    {
        var body = CandidatesApiTests.ValidCandidate("1871014506900099");
        change(body);
        return JsonSerializer.Serialize(body);
    }

    private static readonly string Long = new('a', 10_000);

    public static TheoryData<string, string, string, string?, string?> Cases()
    {
        var data = new TheoryData<string, string, string, string?, string?>();
        void Add(string name, string method, string url, string? contentType, string? body) => data.Add(name, method, url, contentType, body);

        // Malformed JSON
        Add("truncated JSON", "POST", "/api/v1/candidates", "application/json", "{\"nik\": \"1871014506900099\",");
        Add("missing value", "POST", "/api/v1/candidates", "application/json", "{\"nik\":}");
        Add("array for object", "POST", "/api/v1/candidates", "application/json", "[]");
        Add("string for object", "POST", "/api/v1/candidates", "application/json", "\"candidate\"");
        Add("null body", "POST", "/api/v1/candidates", "application/json", "null");
        Add("number for string", "POST", "/api/v1/candidates", "application/json", "{\"nik\": 1871014506900099}");
        Add("trailing garbage", "POST", "/api/v1/candidates", "application/json", Candidate(_ => { }) + " trailing");
        Add("deep nesting", "POST", "/api/v1/candidates", "application/json", "{\"x\":" + new string('[', 200) + new string(']', 200) + "}");
        Add("int overflow", "POST", "/api/v1/candidates/{candidate}/practice-records", "application/json",
            "{\"organisation\":\"LKS\",\"role\":\"x\",\"startDate\":\"2025-01-01\",\"endDate\":\"2025-02-01\",\"hours\":99999999999999,\"pmksCategory\":\"kemiskinan\"}");
        Add("bad date", "POST", "/api/v1/candidates", "application/json", Candidate(b => b["birthDate"] = "2026-13-45"));
        Add("words for date", "POST", "/api/v1/candidates", "application/json", Candidate(b => b["birthDate"] = "yesterday"));
        Add("not UTF-8", "POST", "/api/v1/candidates", "application/json", null);

        // Wrong content type
        Add("text/plain", "POST", "/api/v1/candidates", "text/plain", Candidate(_ => { }));
        Add("xml", "POST", "/api/v1/candidates", "application/xml", "<candidate/>");
        Add("form", "POST", "/api/v1/candidates", "application/x-www-form-urlencoded", "nik=1871014506900099");
        Add("csv to JSON route", "POST", "/api/v1/portfolios", "text/csv", "candidateId,schemeCode");
        Add("JSON to CSV import", "POST", "/api/v1/candidates/import", "application/json", "{}");

        // Control characters, markup and oversize strings
        Add("NUL in name", "POST", "/api/v1/candidates", "application/json", Candidate(b => b["fullName"] = "Siti\u0000Rahmawati"));
        Add("escape sequence in name", "POST", "/api/v1/candidates", "application/json", Candidate(b => b["fullName"] = "Siti\u001b[31mRahmawati"));
        Add("right-to-left override in name", "POST", "/api/v1/candidates", "application/json", Candidate(b => b["fullName"] = "Siti\u202eitawamhaR"));
        Add("markup in name", "POST", "/api/v1/candidates", "application/json", Candidate(b => b["fullName"] = "<script>alert(1)</script>"));
        Add("10,000-character name", "POST", "/api/v1/candidates", "application/json", Candidate(b => b["fullName"] = Long));
        Add("10,000-character email", "POST", "/api/v1/candidates", "application/json", Candidate(b => b["email"] = Long + "@example.org"));
        Add("10,000-character NIK", "POST", "/api/v1/candidates", "application/json", Candidate(b => b["nik"] = new string('1', 10_000)));
        Add("10,000-character organisation", "POST", "/api/v1/candidates", "application/json",
            Candidate(b => b["employment"] = new { type = "lks", organisation = Long, regionCode = "18" }));
        Add("10,000-character essay code", "PUT", "/api/v1/portfolios/{portfolio}/essays/" + new string('K', 2_000), "application/json", "{\"text\":\"x\"}");
        Add("control character in essay", "PUT", "/api/v1/portfolios/{portfolio}/essays/K1", "application/json", "{\"text\":\"teks\\u0007\"}");
        Add("10,000-character evidence title", "POST", "/api/v1/portfolios/{portfolio}/evidence", "application/json", $"{{\"kind\":\"diploma\",\"title\":\"{Long}\"}}");

        // Unknown enum values
        Add("unknown sex", "POST", "/api/v1/candidates", "application/json", Candidate(b => b["sex"] = "female"));
        Add("unknown education level", "POST", "/api/v1/candidates", "application/json",
            Candidate(b => b["education"] = new { level = "S9", field = "other" }));
        Add("unknown practice area", "POST", "/api/v1/candidates", "application/json", Candidate(b => b["practiceAreas"] = new[] { "homeless" }));
        Add("unknown evidence kind", "POST", "/api/v1/portfolios/{portfolio}/evidence", "application/json", "{\"kind\":\"photo\",\"title\":\"x\"}");
        Add("unknown scheme", "POST", "/api/v1/portfolios", "application/json", "{\"candidateId\":\"{candidate}\",\"schemeCode\":\"PEKSOS-MASTER\"}");
        Add("unknown role", "POST", "/api/v1/api-keys", "application/json", "{\"name\":\"x\",\"role\":\"root\"}");
        Add("unknown status filter", "GET", "/api/v1/certificates?status=lost", null, null);
        Add("unknown exam status", "GET", "/api/v1/exams?status=cancelled", null, null);

        // Garbage cursors and limits
        Add("garbage cursor", "GET", "/api/v1/candidates?cursor=%25%25%25", null, null);
        Add("random base64 cursor", "GET", "/api/v1/candidates?cursor=QUFBQUFBQUE", null, null);
        Add("garbage register cursor", "GET", "/api/v1/certificates?cursor=zzz", null, null);
        Add("negative events cursor", "GET", "/api/v1/events?after=-1", null, null);
        Add("words as events cursor", "GET", "/api/v1/events?after=latest", null, null);
        Add("garbage audit cursor", "GET", "/api/v1/audit?cursor=x", null, null);
        Add("limit 0", "GET", "/api/v1/candidates?limit=0", null, null);
        Add("limit too high", "GET", "/api/v1/exams?limit=100000", null, null);
        Add("limit not a number", "GET", "/api/v1/candidates?limit=abc", null, null);

        // Invalid GUIDs and identifiers in paths
        Add("short id", "GET", "/api/v1/candidates/123", null, null);
        Add("words for id", "POST", "/api/v1/portfolios/xyz/submit", "application/json", "{}");
        Add("injection as id", "POST", "/api/v1/exams/1';DROP TABLE exams;--/start", "application/json", "{}");
        Add("injection as certificate number", "GET", "/api/v1/verify/PSG' OR '1'='1", null, null);
        Add("script as certificate number", "GET", "/api/v1/verify/%3Cscript%3E", null, null);
        Add("path traversal", "GET", "/api/v1/certificates/..%2F..%2Fetc%2Fpasswd", null, null);

        // Injection strings in validated fields
        Add("SQL in name", "POST", "/api/v1/candidates", "application/json", Candidate(b => b["fullName"] = "Robert'); DROP TABLE candidates;--"));
        Add("SQL in email", "POST", "/api/v1/candidates", "application/json", Candidate(b => b["email"] = "x@example.org' OR '1'='1"));
        Add("SQL in region", "POST", "/api/v1/candidates", "application/json",
            Candidate(b => b["employment"] = new { type = "lks", organisation = "LKS", regionCode = "18' OR 1=1" }));
        Add("SQL in search NIK", "POST", "/api/v1/candidates/search", "application/json", "{\"nik\":\"' OR 1=1 --\"}");
        return data;
    }

    private static readonly string[] Tables = ["candidates", "portfolios", "portfolio_evidence", "portfolio_essays", "exams", "api_keys", "events", "audit_log"];

    private async Task<Dictionary<string, long>> Snapshot()
    {
        await using var connection = await _host.Factory.Database.OpenAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }

        return counts;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileRequest_Gets4xxProblemJson_AndChangesNothing(string name, string method, string url, string? contentType, string? body)
    {
        using var admin = _host.Factory.CreateAdminClient();
        var before = await Snapshot();
        using var request = new HttpRequestMessage(new HttpMethod(method),
            url.Replace("{portfolio}", _host.PortfolioId.ToString(), StringComparison.Ordinal).Replace("{candidate}", _host.CandidateId.ToString(), StringComparison.Ordinal));
        if (contentType is not null)
        {
            var bytes = body is null
                ? [0xC3, 0x28, 0xA0, 0xA1, 0x7B] // invalid UTF-8
                : Encoding.UTF8.GetBytes(body.Replace("{candidate}", _host.CandidateId.ToString(), StringComparison.Ordinal));
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        var response = await admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).Should().BeInRange(400, 499, $"{name}: {text}");
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", name);
        JsonDocument.Parse(text).RootElement.GetProperty("code").GetString().Should().NotBeNullOrEmpty(name);
        text.Should().NotContain("   at ", name).And.NotContain("Exception", name);
        (await Snapshot()).Should().BeEquivalentTo(before, $"{name} changes nothing");
    }

    [Fact]
    public async Task InjectionInASearchQuery_FindsNothing_AndHarmsNothing()
    {
        using var admin = _host.Factory.CreateAdminClient();
        var before = await Snapshot();

        foreach (var q in new[] { "' OR 1=1 --", "%", "_", "\\", "'; DROP TABLE candidates; --" })
        {
            var page = await (await admin.GetAsync($"/api/v1/candidates?q={Uri.EscapeDataString(q)}")).ShouldBeJson(HttpStatusCode.OK);
            page.GetProperty("items").GetArrayLength().Should().Be(0, q);
            var register = await (await _host.Factory.CreateClient().GetAsync($"/api/v1/certificates?q={Uri.EscapeDataString(q)}")).ShouldBeJson(HttpStatusCode.OK);
            register.GetProperty("items").GetArrayLength().Should().Be(0, q);
        }

        (await Snapshot()).Should().BeEquivalentTo(before);
    }

    [Theory]
    [InlineData("Ni Luh Putu Ayu D'Souza-Wirawan, S.Sos., M.Si.")]
    [InlineData("Dr. H. Muhammad Ma'ruf, M.Kesos.")]
    [InlineData("Gusti Ayu Kade Sari-Dewi")]
    public async Task RealNames_WithApostrophesPeriodsCommasAndHyphens_AreKeptVerbatim(string name)
    {
        using var admin = _host.Factory.CreateAdminClient();
        var body = CandidatesApiTests.ValidCandidate($"187101450690{Random.Shared.Next(1_000, 9_999)}");
        body["fullName"] = name;

        var created = await (await admin.PostAsJsonAsync("/api/v1/candidates", body)).ShouldBeJson(HttpStatusCode.Created);

        created.GetProperty("fullName").GetString().Should().Be(name);
    }
}
