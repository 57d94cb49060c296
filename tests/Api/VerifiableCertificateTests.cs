using System.Net;
using System.Net.Http.Json;
using System.Text;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

public sealed class VerifiableCertificateTests : IAsyncLifetime
{
    private readonly PeksosApiFactory _factory = new(DatabaseProvider.Sqlite);
    private ApiDriver _api = null!;
    private HttpClient _anonymous = null!;

    public Task InitializeAsync()
    {
        _api = new ApiDriver(_factory.CreateAdminClient());
        _anonymous = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private Task<IReadOnlyList<string>> Issue(int count) => _api.IssueCertificates(count, key => _factory.CreateClientWithKey(key));

    [Fact]
    public async Task SignedToken_VerifiesOfflineWithTheJwks_AndATamperedTokenFails()
    {
        var number = (await Issue(1))[0];
        var certificate = await (await _api.Admin.GetAsync($"/api/v1/certificates/{number}")).ShouldBeJson(HttpStatusCode.OK);
        var token = certificate.GetProperty("signedToken").GetString()!;
        var jwks = await (await _anonymous.GetAsync("/.well-known/jwks.json")).Content.ReadAsStringAsync();
        await DisposeAsync(); // from here on the system and its database are gone: verification is offline

        var claims = OfflineVerifier.Verify(token, jwks);

        claims.Should().NotBeNull();
        claims!.Number.Should().Be(number);
        claims.HolderName.Should().Be("Siti Rahmawati, S.Sos.");
        claims.Number.Should().StartWith("PSG-", "the prefix names the scheme, Pekerja Sosial Generalis");
        claims.IssuedOn.Should().Be(new DateOnly(2026, 11, 27));
        claims.ValidUntil.Should().Be(new DateOnly(2031, 11, 26));
        claims.Revision.Should().Be(1);
        Encoding.UTF8.GetString(Convert.FromBase64String(Pad(token.Split('.')[1]))).Should().NotContain("nik").And.NotContain("1871014506");

        var parts = token.Split('.');
        var forgedPayload = Convert.ToBase64String(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1])))
            .Replace("Siti Rahmawati", "Someone Else", StringComparison.Ordinal))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        OfflineVerifier.Verify($"{parts[0]}.{forgedPayload}.{parts[2]}", jwks).Should().BeNull("a changed claim breaks the signature");
        var flipped = parts[2][..^2] + (parts[2][^2] == 'A' ? 'B' : 'A') + parts[2][^1];
        OfflineVerifier.Verify($"{parts[0]}.{parts[1]}.{flipped}", jwks).Should().BeNull("a changed signature fails");
        OfflineVerifier.Verify(token, "{\"keys\":[]}").Should().BeNull("an unpublished key is not trusted");
    }

    [Fact]
    public async Task Jwks_PublishesAnEs256KeyWhoseKidIsInTheToken()
    {
        var number = (await Issue(1))[0];
        var jwks = await (await _anonymous.GetAsync("/.well-known/jwks.json")).ShouldBeJson(HttpStatusCode.OK);
        var key = jwks.GetProperty("keys")[0];
        key.GetProperty("kty").GetString().Should().Be("EC");
        key.GetProperty("crv").GetString().Should().Be("P-256");
        key.GetProperty("alg").GetString().Should().Be("ES256");
        key.TryGetProperty("d", out _).Should().BeFalse("the private key is never published");

        var token = (await (await _api.Admin.GetAsync($"/api/v1/certificates/{number}")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("signedToken").GetString()!;
        var header = System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(Pad(token.Split('.')[0]))).RootElement;
        header.GetProperty("kid").GetString().Should().Be(key.GetProperty("kid").GetString());
    }

    [Fact]
    public async Task VerificationPage_ShowsStatusProminently_AndChecksTheQrToken()
    {
        var numbers = await Issue(2);
        var token = (await (await _api.Admin.GetAsync($"/api/v1/certificates/{numbers[0]}")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("signedToken").GetString()!;

        var page = await _anonymous.GetAsync($"/verify/{numbers[0]}?t={Uri.EscapeDataString(token)}");
        var html = await page.Content.ReadAsStringAsync();
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        page.Headers.GetValues("Content-Security-Policy").Single().Should().StartWith("default-src 'none'");
        page.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        page.Headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
        html.Should().Contain("data-status=\"active\"").And.Contain("SAH").And.Contain("Siti Rahmawati, S.Sos.").And.Contain("27 November 2026")
            .And.Contain("data-token=\"valid\"").And.Contain("<html lang=\"id\">").And.NotContain("<script");

        // A token of another certificate is validly signed but does not match this one.
        var other = await (await _anonymous.GetAsync($"/verify/{numbers[1]}?t={Uri.EscapeDataString(token)}")).Content.ReadAsStringAsync();
        other.Should().Contain("data-token=\"invalid\"").And.Contain("TIDAK cocok");
        var forged = await (await _anonymous.GetAsync($"/verify/{numbers[0]}?t=eyJhbGciOiJFUzI1NiJ9.e30.AAAA")).Content.ReadAsStringAsync();
        forged.Should().Contain("data-token=\"invalid\"").And.Contain("TIDAK SAH").And.Contain("class=\"status revoked\"").And.NotContain("class=\"status active\"", "a forged document never gets the green banner");

        await _api.Post($"/api/v1/certificates/{numbers[1]}/suspend", new { reason = "Diperiksa." }, HttpStatusCode.OK);
        (await (await _anonymous.GetAsync($"/verify/{numbers[1]}")).Content.ReadAsStringAsync()).Should().Contain("data-status=\"suspended\"").And.Contain("DIBEKUKAN");
        await _api.Post($"/api/v1/certificates/{numbers[1]}/revoke", new { reason = "Dicabut." }, HttpStatusCode.OK);
        (await (await _anonymous.GetAsync($"/verify/{numbers[1]}")).Content.ReadAsStringAsync()).Should().Contain("data-status=\"revoked\"").And.NotContain("SAH —");
    }

    [Fact]
    public async Task VerificationPage_ForAMistypedOrUnknownNumber_SaysSoInIndonesian()
    {
        var number = (await Issue(1))[0];
        var typo = number[..^1] + (char)('0' + ((number[^1] - '0' + 1) % 10));

        var mistyped = await _anonymous.GetAsync($"/verify/{typo}");
        mistyped.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await mistyped.Content.ReadAsStringAsync()).Should().Contain("Nomor sertifikat tidak valid");
        var unknown = await _anonymous.GetAsync($"/verify/{Domain.Certificates.CertificateNumber.Create("PSG", 2026, 777).Value}");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("Sertifikat tidak ditemukan");
        var hostile = await _anonymous.GetAsync("/verify/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        (await hostile.Content.ReadAsStringAsync()).Should().NotContain("<script>");
    }

    [Fact]
    public async Task QrCode_IsAnSvgOfTheVerificationUrl()
    {
        var number = (await Issue(1))[0];

        var qr = await _anonymous.GetAsync($"/api/v1/certificates/{number}/qr.svg");

        qr.StatusCode.Should().Be(HttpStatusCode.OK);
        qr.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        (await qr.Content.ReadAsStringAsync()).Should().Contain("<svg");
        await (await _anonymous.GetAsync("/api/v1/certificates/PSG-2026-000001-00/qr.svg")).ShouldBeProblem(HttpStatusCode.BadRequest, "certificate.number-invalid");
    }

    [Fact]
    public async Task TheQrOfAVerificationUrl_IsAtMost73ModulesWideAtErrorCorrectionM_ForAProductionLengthAddress()
    {
        var number = (await Issue(1))[0];
        var token = (await (await _api.Admin.GetAsync($"/api/v1/certificates/{number}")).ShouldBeJson(HttpStatusCode.OK)).GetProperty("signedToken").GetString()!;
        var url = $"https://sertifikasi.lsp-peksos.or.id/verify/{number}?t={Uri.EscapeDataString(token)}";

        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCoder.QRCodeGenerator.ECCLevel.M);

        (data.ModuleMatrix.Count - 8).Should().BeLessThanOrEqualTo(73, $"a QR printed 3.5 cm wide must scan; the URL is {url.Length} characters");
    }

    [Fact]
    public async Task BulkCsv_VerifiesEachLineAndAnswersCsv()
    {
        var numbers = await Issue(1);
        await _api.Post($"/api/v1/certificates/{numbers[0]}/suspend", new { reason = "Diperiksa." }, HttpStatusCode.OK);
        var csv = $"number\r\n{numbers[0]}\r\nPSG-2026-000001-00\r\n=HYPERLINK(\"x\")\r\n";
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");

        var response = await _anonymous.PostAsync("/api/v1/verify", content);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("number,found,valid,status,holderName,schemeName,issuedOn,validUntil,issuer,error");
        lines[1].Should().StartWith($"{numbers[0]},true,false,suspended,\"Siti Rahmawati, S.Sos.\",Pekerja Sosial Generalis,2026-11-27,2031-11-26");
        lines[2].Should().EndWith("certificate.number-invalid");
        lines[3].Should().StartWith("\"'=HYPERLINK(", "formula injection is defused");

        // The JSON variant still answers JSON on the same route.
        var json = await (await _anonymous.PostAsJsonAsync("/api/v1/verify", new { numbers })).ShouldBeJson(HttpStatusCode.OK);
        json[0].GetProperty("status").GetString().Should().Be("suspended");
    }

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
    }
}
