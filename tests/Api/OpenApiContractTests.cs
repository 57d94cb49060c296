using System.Net;
using System.Text.Json;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>The OpenAPI document says what a client generator needs: the key scheme, the errors and the headers.</summary>
public sealed class OpenApiContractTests : IAsyncLifetime
{
    private readonly PeksosApiFactory _factory = new(DatabaseProvider.Sqlite);
    private JsonElement _document;

    public async Task InitializeAsync()
    {
        using var client = _factory.CreateClient();
        _document = await (await client.GetAsync("/openapi/v1.json")).ShouldBeJson(HttpStatusCode.OK);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "openapi-v1.json"), _document.GetRawText());
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private JsonElement Operation(string path, string method) => _document.GetProperty("paths").GetProperty(path).GetProperty(method);

    [Fact]
    public void SecurityScheme_IsTheApiKeyHeader_RequiredWhereAKeyIsNeeded()
    {
        var scheme = _document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        scheme.GetProperty("type").GetString().Should().Be("apiKey");
        scheme.GetProperty("in").GetString().Should().Be("header");
        scheme.GetProperty("name").GetString().Should().Be("X-Api-Key");

        Operation("/api/v1/candidates", "post").GetProperty("security")[0].TryGetProperty("ApiKey", out _).Should().BeTrue();
        var anonymous = Operation("/api/v1/pmks-categories", "get").GetProperty("security");
        anonymous.GetArrayLength().Should().Be(1);
        anonymous[0].EnumerateObject().Should().BeEmpty("reference data is anonymous: an empty requirement");
    }

    [Fact]
    public void ErrorResponses_AreProblemJson_WithCodeErrorsAndUnmet()
    {
        var problem = _document.GetProperty("components").GetProperty("schemas").GetProperty("Problem").GetProperty("properties");
        problem.EnumerateObject().Select(p => p.Name).Should().Contain(["code", "errors", "unmet", "traceId"]);

        var responses = Operation("/api/v1/portfolios/{id}/submit", "post").GetProperty("responses");
        foreach (var status in new[] { "400", "401", "403", "404", "409", "412", "422", "429", "500", "503" })
        {
            responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString()
                .Should().Be("#/components/schemas/Problem", status);
        }

        responses.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _).Should().BeTrue();
    }

    [Fact]
    public void Schemas_CarryTheDomainsCodeLists_AndTheContractsRequiredFields()
    {
        var schemas = _document.GetProperty("components").GetProperty("schemas");
        var register = schemas.GetProperty("RegisterCandidate");
        register.GetProperty("properties").GetProperty("sex").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Equal(Domain.Candidates.Sex.All.Select(s => s.Code));
        register.GetProperty("properties").GetProperty("practiceAreas").GetProperty("items").GetProperty("enum").GetArrayLength().Should().Be(6);
        register.GetProperty("properties").GetProperty("nik").GetProperty("type").GetString().Should().Be("string", "a required request field is never null");

        var createKey = schemas.GetProperty("CreateApiKey");
        createKey.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().BeEquivalentTo(["name", "role"], "assessorId is optional");
        schemas.GetProperty("CertificateDto").GetProperty("properties").GetProperty("status").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Contain(["active", "suspended", "revoked", "expired"]);
        schemas.GetProperty("PlanExam").GetProperty("properties").GetProperty("capacity").GetProperty("type").GetString()
            .Should().Be("integer", "numbers are numbers on the wire");
    }

    [Fact]
    public async Task Scalar_OffersTheApiKeyScheme_AndTheDocumentAnExample()
    {
        await using var withScalar = new PeksosApiFactory(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Api:EnableScalar"] = "true" });
        var page = await withScalar.CreateClient().GetStringAsync("/scalar");

        page.Should().Contain("ApiKey", "Test Request must be able to send the key");
        _document.GetProperty("components").GetProperty("schemas").GetProperty("RegisterCandidate").GetProperty("examples")[0]
            .GetProperty("practiceAreas")[0].GetString().Should().Be("kemiskinan");
    }

    [Fact]
    public void ContentTypes_BeyondJson_AreDeclared()
    {
        var verify = Operation("/api/v1/verify", "post");
        verify.GetProperty("requestBody").GetProperty("content").TryGetProperty("text/csv", out _).Should().BeTrue("POST /verify takes a CSV of numbers");
        verify.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/csv", out _).Should().BeTrue();
        Operation("/api/v1/candidates/import", "post").GetProperty("requestBody").GetProperty("content").TryGetProperty("text/csv", out _).Should().BeTrue();
        Operation("/api/v1/certificates/{number}/qr.svg", "get").GetProperty("responses").GetProperty("200").GetProperty("content")
            .TryGetProperty("image/svg+xml", out _).Should().BeTrue();
        Operation("/api/v1/reports/certificates.csv", "get").GetProperty("responses").GetProperty("200").GetProperty("content")
            .TryGetProperty("text/csv", out _).Should().BeTrue();
    }

    [Fact]
    public void Headers_IfMatchIdempotencyKeyETagAndLocation_AreDeclared()
    {
        var register = Operation("/api/v1/candidates", "post");
        register.GetProperty("parameters").EnumerateArray().Should().Contain(p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header");
        var created = register.GetProperty("responses").GetProperty("201").GetProperty("headers");
        created.TryGetProperty("Location", out _).Should().BeTrue();
        created.TryGetProperty("ETag", out _).Should().BeTrue();

        Operation("/api/v1/portfolios/{id}/submit", "post").GetProperty("parameters").EnumerateArray()
            .Should().Contain(p => p.GetProperty("name").GetString() == "If-Match" && p.GetProperty("in").GetString() == "header");
    }
}
