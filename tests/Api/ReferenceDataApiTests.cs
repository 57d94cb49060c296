using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

public sealed class ReferenceDataApiTests : IAsyncLifetime
{
    private readonly PeksosApiFactory _factory = new(DatabaseProvider.Sqlite);
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task PmksCategories_ListsTheSixWithTheirTypes()
    {
        var json = await (await _client.GetAsync("/api/v1/pmks-categories")).ShouldBeJson(HttpStatusCode.OK);

        json.GetArrayLength().Should().Be(6);
        json.EnumerateArray().Select(c => c.GetProperty("code").GetString()).Should().Equal(
            "kemiskinan", "kecacatan", "ketunaan-sosial", "keterlantaran", "korban-kekerasan", "korban-bencana");
        var kemiskinan = json[0];
        kemiskinan.GetProperty("nameEn").GetString().Should().Be("Poverty");
        kemiskinan.GetProperty("pmksTypes").EnumerateArray().Select(t => t.GetProperty("code").GetString())
            .Should().Contain(["fakir-miskin", "gelandangan", "pengemis", "pemulung"]);
    }

    [Fact]
    public async Task PmksTypes_ListsAll26IncludingOneOutsideEveryCategory()
    {
        var json = await (await _client.GetAsync("/api/v1/pmks-types")).ShouldBeJson(HttpStatusCode.OK);

        json.GetArrayLength().Should().Be(26);
        var kat = json.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "komunitas-adat-terpencil");
        kat.GetProperty("categories").GetArrayLength().Should().Be(0);
        var abh = json.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "anak-yang-berhadapan-dengan-hukum");
        abh.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).Should().Equal("ketunaan-sosial", "korban-kekerasan");
    }

    [Fact]
    public async Task Provinces_Lists38WithLampungAs18()
    {
        var json = await (await _client.GetAsync("/api/v1/regions/provinces")).ShouldBeJson(HttpStatusCode.OK);

        json.GetArrayLength().Should().Be(38);
        json.EnumerateArray().Should().Contain(p => p.GetProperty("code").GetString() == "18" && p.GetProperty("name").GetString() == "Lampung");
        json.EnumerateArray().Should().Contain(p => p.GetProperty("code").GetString() == "96");
    }

    [Fact]
    public async Task Schemes_ListsTheThreeWithRoutesRequirementsAndPassMarks()
    {
        var json = await (await _client.GetAsync("/api/v1/schemes")).ShouldBeJson(HttpStatusCode.OK);

        json.EnumerateArray().Select(s => s.GetProperty("code").GetString()).Should().Equal("PEKSOS-GENERALIS", "PEKSOS-SPESIALIS", "TKS-GENERALIS");
        var generalis = json[0];
        generalis.GetProperty("certificatePrefix").GetString().Should().Be("PSG");
        generalis.GetProperty("eligibilityRoutes").GetArrayLength().Should().Be(2);
        generalis.GetProperty("eligibilityRoutes")[0].GetProperty("description").GetString().Should().Contain("1,344 practice hours");
        generalis.GetProperty("passMarks").GetProperty("written").GetInt32().Should().Be(60);
        generalis.GetProperty("validityYears").GetInt32().Should().Be(5);
        generalis.GetProperty("appealWindowDays").GetInt32().Should().Be(14);
        generalis.GetProperty("essays").GetArrayLength().Should().Be(14);
        json[1].GetProperty("passMarks").GetProperty("written").GetInt32().Should().Be(70);
        json[2].GetProperty("essays").GetArrayLength().Should().Be(8);
    }

    [Fact]
    public async Task Scheme_ByCode_ReturnsItOr404()
    {
        var json = await (await _client.GetAsync("/api/v1/schemes/TKS-GENERALIS")).ShouldBeJson(HttpStatusCode.OK);
        json.GetProperty("certificatePrefix").GetString().Should().Be("TKG");

        await (await _client.GetAsync("/api/v1/schemes/NOPE")).ShouldBeProblem(HttpStatusCode.NotFound, "scheme.not-found");
    }

    [Fact]
    public async Task Health_LiveAndReadyAnswer()
    {
        (await _client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ready = await _client.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task OpenApi_DescribesEveryMappedApiRoute()
    {
        var json = await (await _client.GetAsync("/openapi/v1.json")).ShouldBeJson(HttpStatusCode.OK);
        var documented = json.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();

        var mapped = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
                .Select(m => $"{m} {System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.TrimEnd('/'), @":[a-z]+\}", "}")}"))
            .ToList();

        mapped.Should().HaveCountGreaterThan(30);
        mapped.Should().OnlyContain(route => documented.Contains(route), "every route of the API is in the OpenAPI document");
        documented.Should().Contain(["GET /api/v1/pmks-categories", "POST /api/v1/candidates", "POST /api/v1/exams/{id}/decision", "GET /api/v1/verify/{number}"]);
    }

    [Fact]
    public async Task UnknownRoute_IsProblemJson404()
    {
        using var admin = _factory.CreateAdminClient();
        await (await admin.GetAsync("/api/v1/nothing-here")).ShouldBeProblem(HttpStatusCode.NotFound, "route.not-found");
        await (await _client.PostAsync("/nothing/here", null)).ShouldBeProblem(HttpStatusCode.NotFound, "route.not-found");
    }
}
