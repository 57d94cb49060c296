using System.Net;
using System.Net.Http.Json;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>Correcting a candidate's record over HTTP on each engine: audited before and after, the NIK masked and still unique.</summary>
public abstract class CandidateCorrectionApiTests(DatabaseProvider provider) : IAsyncLifetime
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
    public async Task ANameAndAMistypedNik_AreCorrected_AuditedBeforeAndAfter_AndTheNikStaysUnique()
    {
        var mistyped = _api.NextNik();
        var registered = await _api.RegisterCandidate(nik: mistyped);
        var id = registered.GetProperty("id").GetGuid();
        var otherNik = _api.NextNik();
        await _api.RegisterCandidate(nik: otherNik);
        var url = $"/api/v1/candidates/{id}";

        await (await Patch(url, new { fullName = "Siti Rahmawaty, S.Sos." }, "\"99\"")).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition.failed");
        var renamed = await (await Patch(url, new { fullName = "Siti Rahmawaty, S.Sos.", email = "siti.r@example.org" }, "\"1\"")).ShouldBeJson(HttpStatusCode.OK);
        renamed.GetProperty("fullName").GetString().Should().Be("Siti Rahmawaty, S.Sos.");
        renamed.GetProperty("birthDate").GetString().Should().Be("1990-06-05", "what is not sent stays");

        var correctNik = _api.NextNik();
        await (await Patch(url, new { nik = correctNik })).ShouldBeProblem(HttpStatusCode.BadRequest, "field.required");
        await (await Patch(url, new { nik = otherNik, reason = "Salah ketik." })).ShouldBeProblem(HttpStatusCode.Conflict, "candidate.duplicate-nik");
        await (await Patch(url, new { nik = "1871014506900000", reason = "Salah ketik." })).ShouldBeProblem(HttpStatusCode.BadRequest, "nik.invalid");
        await (await Patch(url, new { birthDate = "2015-01-01" })).ShouldBeProblem(HttpStatusCode.BadRequest, "candidate.underage");
        var corrected = await (await Patch(url, new { nik = correctNik, reason = "Salah ketik pada KTP." })).ShouldBeJson(HttpStatusCode.OK);
        corrected.GetProperty("nikMasked").GetString().Should().EndWith(correctNik[12..]);
        (await (await _api.Admin.PostAsJsonAsync("/api/v1/candidates/search", new { nik = correctNik })).ShouldBeJson(HttpStatusCode.OK))
            .GetProperty("id").GetGuid().Should().Be(id);

        var audit = (await (await _api.Admin.GetAsync($"/api/v1/audit?entityId={id}")).ShouldBeJson(HttpStatusCode.OK)).GetRawText();
        audit.Should().Contain("candidate.corrected").And.Contain("Siti Rahmawati, S.Sos.").And.Contain("Siti Rahmawaty, S.Sos.").And.Contain("Salah ketik pada KTP.");
        audit.Should().NotContain(correctNik).And.NotContain(mistyped, "a NIK is only ever masked");
        var feed = (await (await _api.Admin.GetAsync("/api/v1/events?limit=200")).ShouldBeJson(HttpStatusCode.OK)).GetRawText();
        feed.Should().Contain("candidate.corrected").And.NotContain("Siti Rahmawaty", "the feed names the fields, the audit trail their values");
    }

    private async Task<HttpResponseMessage> Patch(string url, object body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await _api.Admin.SendAsync(request);
    }
}

public sealed class SqliteCandidateCorrectionApiTests() : CandidateCorrectionApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresCandidateCorrectionApiTests() : CandidateCorrectionApiTests(DatabaseProvider.Postgres);
