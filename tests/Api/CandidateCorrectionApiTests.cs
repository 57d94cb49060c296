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

    [SkippableFact]
    public async Task AMisspelledNameOnACertificate_IsReissued_AndTheOldDocumentVerifiesAsSuperseded()
    {
        var number = (await _api.IssueCertificates(1, _factory.CreateClientWithKey, ["Siti Rahmawaty, S.Sos."]))[0];
        var issued = await (await _api.Admin.GetAsync($"/api/v1/certificates/{number}")).ShouldBeJson(HttpStatusCode.OK);
        issued.GetProperty("revision").GetInt32().Should().Be(1);
        var oldToken = issued.GetProperty("signedToken").GetString()!;
        var holder = issued.GetProperty("holder").GetProperty("candidateId").GetGuid();
        await (await Patch($"/api/v1/candidates/{holder}", new { fullName = "Siti Rahmawati, S.Sos." })).ShouldBeJson(HttpStatusCode.OK);

        await (await _api.Admin.PostAsJsonAsync($"/api/v1/certificates/{number}/reissue", new { })).ShouldBeProblem(HttpStatusCode.BadRequest, "certificate.reason-required");
        var reissued = await _api.Post($"/api/v1/certificates/{number}/reissue", new { reason = "Nama salah eja." }, HttpStatusCode.OK);

        reissued.GetProperty("number").GetString().Should().Be(number);
        reissued.GetProperty("revision").GetInt32().Should().Be(2);
        reissued.GetProperty("holder").GetProperty("fullName").GetString().Should().Be("Siti Rahmawati, S.Sos.");
        var newToken = reissued.GetProperty("signedToken").GetString()!;
        newToken.Should().NotBe(oldToken);
        var anonymous = _factory.CreateClient();
        (await anonymous.GetStringAsync($"/verify/{number}?t={oldToken}")).Should().Contain("data-token=\"superseded\"").And.Contain("DIGANTI");
        (await anonymous.GetStringAsync($"/verify/{number}?t={newToken}")).Should().Contain("data-token=\"valid\"");
        (await (await anonymous.GetAsync($"/api/v1/verify/{number}")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("revision").GetInt32().Should().Be(2);
        (await (await anonymous.GetAsync("/api/v1/certificates?q=rahmawaty")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("items").GetArrayLength().Should().Be(0);
        (await (await anonymous.GetAsync("/api/v1/certificates?q=rahmawati")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("items").GetArrayLength().Should().Be(1);
        var feed = (await (await _api.Admin.GetAsync("/api/v1/events?limit=200")).ShouldBeJson(HttpStatusCode.OK)).GetRawText();
        feed.Should().Contain("certificate.reissued");

        await _api.Post($"/api/v1/certificates/{number}/revoke", new { reason = "Pelanggaran kode etik." }, HttpStatusCode.OK);
        await (await _api.Admin.PostAsJsonAsync($"/api/v1/certificates/{number}/reissue", new { reason = "Lagi." })).ShouldBeProblem(HttpStatusCode.Conflict, "certificate.revoked-final");
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
