using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Peksos.Clean.Api.Http;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Certificates;
using Peksos.Clean.Application.Certificates.VerifyCertificates;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Application.Schemes;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>
/// The JSON options the real host writes responses with. The hot responses must be written by the source-generated
/// fast-path code, which System.Text.Json silently stops using when any type in a response's graph is resolved by a
/// context generated with other options (a library's context ahead of ours in the chain did exactly that) or when the
/// options carry a converter. System.Text.Json does not expose the decision, so the test reads its internal flag; if a
/// runtime update renames it, the test says so instead of passing.
/// </summary>
public sealed class ApiJsonTests : IAsyncLifetime
{
    private readonly PeksosApiFactory _factory = new(DatabaseProvider.Sqlite);

    public Task InitializeAsync()
    {
        _factory.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private JsonSerializerOptions Options => _factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    [Theory]
    [InlineData(typeof(VerificationDto))]
    [InlineData(typeof(CertificateDto))]
    [InlineData(typeof(IReadOnlyList<BulkVerificationDto>))]
    [InlineData(typeof(Page<RegisterEntryDto>))]
    [InlineData(typeof(IReadOnlyList<SchemeDto>))]
    public void HotResponses_AreWrittenByGeneratedFastPathCode(Type responseType)
    {
        // FastJson<T> writes them with the context's own type information (the host's options carry the relaxed encoder).
        var typeInfo = (JsonTypeInfo)typeof(FastJson<>).MakeGenericType(responseType).GetField("TypeInfo")!.GetValue(null)!;

        typeInfo.OriginatingResolver.Should().BeSameAs(ApiJsonContext.Default);
        var canUseGeneratedCode = typeof(JsonTypeInfo).GetProperty("CanUseSerializeHandler", BindingFlags.NonPublic | BindingFlags.Instance);
        canUseGeneratedCode.Should().NotBeNull("System.Text.Json's internal fast-path flag has been renamed; find its new name");
        canUseGeneratedCode!.GetValue(typeInfo).Should().Be(true,
            $"every type in {responseType.Name}'s graph should come from ApiJsonContext under options matching its own");
    }

    [Fact]
    public async Task HotResponses_AreWrittenWithRelaxedEscaping()
    {
        var http = new DefaultHttpContext();
        using var body = new MemoryStream();
        http.Response.Body = body;

        await new FastJson<VerificationDto>(new VerificationDto("PSG-2026-000001-24", true, "active", "Nur'aini Hasibuan, S.Tr.Sos.", "Pekerja Sosial Generalis",
            new DateOnly(2026, 11, 27), new DateOnly(2031, 11, 26), "LSP Pekerja Sosial Indonesia (Lampung) + mitra é", 1)).ExecuteAsync(http);
        await http.Response.BodyWriter.FlushAsync();

        var json = System.Text.Encoding.UTF8.GetString(body.ToArray());
        json.Should().Contain("Nur'aini").And.Contain("+ mitra é").And.NotContain("\\u0027").And.NotContain("\\u002B");
        http.Response.ContentType.Should().StartWith("application/json");
    }

    [Fact]
    public async Task OtherResponses_AndProblems_AreWrittenWithRelaxedEscaping()
    {
        using var admin = _factory.CreateAdminClient();
        var body = CandidatesApiTests.ValidCandidate("1871014506900011");
        var created = await (await admin.PostAsJsonAsync("/api/v1/candidates", body)).Content.ReadAsStringAsync();
        body["sex"] = "X";
        var problem = await (await admin.PostAsJsonAsync("/api/v1/candidates", body)).Content.ReadAsStringAsync();

        created.Should().Contain("\"+6281234567890\"").And.NotContain("\\u002B");
        problem.Should().Contain("'X'").And.NotContain("\\u0027");
    }

    [Fact]
    public void Timestamps_KeepTheContractFormat_InGeneratedAndReflectionWrittenResponses()
    {
        var at = new DateTimeOffset(2026, 11, 28, 9, 4, 5, 678, TimeSpan.FromHours(7));
        var history = new StatusChangeDto(at, "issued", "active", "active", "plenary");
        var candidate = new CandidateSummaryDto(Guid.Empty, "************9005", "Sri", "dinas-sosial", "Dinas Sosial", "3273", 0, 0, at);

        JsonSerializer.Serialize(history, Options).Should().Contain("\"at\":\"2026-11-28T02:04:05.678Z\"");
        JsonSerializer.Serialize(candidate, Options).Should().Contain("\"createdAt\":\"2026-11-28T02:04:05.678Z\"");
        JsonSerializer.Serialize(new UtcTimestamp(at), Options).Should().Be("\"2026-11-28T02:04:05.678Z\"");
    }
}
