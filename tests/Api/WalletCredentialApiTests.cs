using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>
/// The wallet credential over HTTP on each engine: an Open Badges 3.0 credential whose JWS verifies with the published
/// keys, and whose two status-list bits follow suspend, reinstate and revoke, read as a verifier would.
/// </summary>
public abstract class WalletCredentialApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private PeksosApiFactory _factory = null!;
    private ApiDriver _api = null!;
    private HttpClient _anonymous = null!;

    public Task InitializeAsync()
    {
        _factory = new PeksosApiFactory(provider);
        _api = new ApiDriver(_factory.CreateAdminClient());
        _anonymous = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [SkippableFact]
    public async Task TheCredential_VerifiesWithTheJwks_AndItsStatusBitsFollowSuspendReinstateAndRevoke()
    {
        var number = (await _api.IssueCertificates(2, _factory.CreateClientWithKey))[0];
        using var consumer = _factory.CreateClientWithKey(await _api.CreateKey("consumer"));
        using var response = await consumer.GetAsync($"/api/v1/certificates/{number}/credential");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vc+jwt");
        var jwks = await _anonymous.GetStringAsync("/.well-known/jwks.json");

        var (header, credential) = Verified(await response.Content.ReadAsStringAsync(), jwks);
        header.GetProperty("typ").GetString().Should().Be("vc+jwt");
        credential.GetProperty("type").EnumerateArray().Select(t => t.GetString()).Should().Equal("VerifiableCredential", "OpenBadgeCredential");
        credential.GetProperty("@context")[1].GetString().Should().Contain("ob/v3p0");
        credential.GetProperty("credentialSubject").GetProperty("achievement").GetProperty("name").GetString().Should().Be("Pekerja Sosial Generalis");
        credential.GetProperty("credentialSubject").GetProperty("identifier")[0].GetProperty("identityHash").GetString().Should().Be("Siti Rahmawati, S.Sos.");
        credential.GetProperty("validFrom").GetString().Should().Be("2026-11-26T17:00:00Z", "the day of issue starts at midnight WIB");
        var entries = credential.GetProperty("credentialStatus").EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("statusPurpose").GetString()).Should().Equal("revocation", "suspension");
        entries.Should().OnlyContain(e => e.GetProperty("type").GetString() == "BitstringStatusListEntry");

        async Task<(bool Revoked, bool Suspended)> Bits()
        {
            var bits = new List<bool>();
            foreach (var entry in entries)
            {
                var path = new Uri(entry.GetProperty("statusListCredential").GetString()!).AbsolutePath;
                using var list = await _anonymous.GetAsync(path);
                list.Headers.CacheControl!.Public.Should().BeTrue();
                var (_, listCredential) = Verified(await list.Content.ReadAsStringAsync(), jwks);
                var subject = listCredential.GetProperty("credentialSubject");
                subject.GetProperty("statusPurpose").GetString().Should().Be(entry.GetProperty("statusPurpose").GetString());
                var decoded = Gunzip(Base64Url(subject.GetProperty("encodedList").GetString()![1..]));
                decoded.Length.Should().BeGreaterThanOrEqualTo(131_072 / 8);
                var index = int.Parse(entry.GetProperty("statusListIndex").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                bits.Add((decoded[index / 8] & (0x80 >> (index % 8))) != 0);
            }

            return (bits[0], bits[1]);
        }

        (await Bits()).Should().Be((false, false));
        await _api.Post($"/api/v1/certificates/{number}/suspend", new { reason = "Pengaduan diperiksa." }, HttpStatusCode.OK);
        (await Bits()).Should().Be((false, true));
        await _api.Post($"/api/v1/certificates/{number}/reinstate", new { reason = "Pengaduan tidak terbukti." }, HttpStatusCode.OK);
        (await Bits()).Should().Be((false, false));
        await _api.Post($"/api/v1/certificates/{number}/revoke", new { reason = "Pelanggaran kode etik." }, HttpStatusCode.OK);
        (await Bits()).Should().Be((true, false));

        await (await _anonymous.GetAsync("/api/v1/status-lists/expiry/1")).ShouldBeProblem(HttpStatusCode.NotFound, "status-list.not-found");
        await (await _anonymous.GetAsync("/api/v1/status-lists/revocation/999")).ShouldBeProblem(HttpStatusCode.NotFound, "status-list.not-found");
        (await _anonymous.GetAsync($"/api/v1/certificates/{number}/credential")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    /// <summary>The header and payload of a JWS whose ES256 signature verifies with a key of the JWKS (as any verifier would check it).</summary>
    private static (JsonElement Header, JsonElement Payload) Verified(string jws, string jwksJson)
    {
        var parts = jws.Split('.');
        var header = JsonDocument.Parse(Base64Url(parts[0])).RootElement;
        var kid = header.GetProperty("kid").GetString();
        var jwk = JsonDocument.Parse(jwksJson).RootElement.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("kid").GetString() == kid);
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url(jwk.GetProperty("x").GetString()!), Y = Base64Url(jwk.GetProperty("y").GetString()!) },
        });
        key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url(parts[2]), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            .Should().BeTrue("the JWS is signed by a published key");
        return (header, JsonDocument.Parse(Base64Url(parts[1])).RootElement);
    }

    private static byte[] Base64Url(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);

    private static byte[] Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}

public sealed class SqliteWalletCredentialApiTests() : WalletCredentialApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresWalletCredentialApiTests() : WalletCredentialApiTests(DatabaseProvider.Postgres);
