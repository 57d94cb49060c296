using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Peksos.Clean.Application.Certificates;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Infrastructure.Security;

/// <summary>A public key that verifies certificate tokens, as published in the JWKS.</summary>
public sealed record PublishedKey(string Kid, string X, string Y, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt);

/// <summary>
/// The ES256 keys that sign certificate tokens: configured (<c>Certificates:SigningKeyPem</c>) or generated and stored
/// encrypted; rotated keys stay published. The token's header and claims (never the NIK): docs/decisions.md, "Certificates".
/// </summary>
public sealed class SigningKeyRing(IDbConnectionFactory factory, TimeProvider clock, SecretBox secrets, string? configuredPem)
    : ICertificateSigner, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private State? _state;

    private sealed record State(string ActiveKid, ECDsa ActiveKey, IReadOnlyDictionary<string, ECDsa> Verifiers, IReadOnlyList<PublishedKey> Published);

    /// <summary>The advisory lock key that serialises creating the first signing key ("SIGNKEY" as a number).</summary>
    private const long FirstKeyLock = 0x5349474E4B4559;

    private State Current => _state ?? throw new InvalidOperationException("The signing keys are not loaded; call Load() at start-up.");

    /// <summary>Loads the keys, generating and storing the first one when there is none and none is configured.</summary>
    public void Load()
    {
        using var connection = factory.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        // Nodes starting at once on an empty database must agree on one key: the check and the first key are one
        // transaction, serialised by SQLite's writer lock or a PostgreSQL advisory lock.
        using var transaction = connection.BeginTransaction();
        if (factory.Provider == DatabaseProvider.Postgres)
        {
            connection.Execute("SELECT pg_advisory_xact_lock(@Key)", new { Key = FirstKeyLock }, transaction);
        }

        var stored = connection.Query<KeyRow>("SELECT kid, created_at, public_x, public_y, private_key, retired_at FROM signing_keys ORDER BY created_at",
            transaction: transaction).ToList();
        if (configuredPem is null && stored.All(k => k.RetiredAt is not null))
        {
            stored.Add(Generate(connection, transaction));
        }

        transaction.Commit();

        var verifiers = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        var published = new List<PublishedKey>();
        foreach (var row in stored)
        {
            verifiers[row.Kid] = PublicKey(row.PublicX, row.PublicY);
            published.Add(new PublishedKey(row.Kid, row.PublicX, row.PublicY, row.CreatedAt, row.RetiredAt));
        }

        string activeKid;
        ECDsa activeKey;
        if (configuredPem is not null)
        {
            activeKey = ECDsa.Create();
            activeKey.ImportFromPem(configuredPem);
            var parameters = activeKey.ExportParameters(false);
            if (parameters.Curve.Oid.FriendlyName is not ("nistP256" or "ECDSA_P256"))
            {
                throw new InvalidOperationException("Certificates:SigningKeyPem must be a P-256 (ES256) key.");
            }

            var (x, y) = (Base64Url.EncodeToString(parameters.Q.X), Base64Url.EncodeToString(parameters.Q.Y));
            activeKid = Thumbprint(x, y);
            if (!verifiers.ContainsKey(activeKid))
            {
                verifiers[activeKid] = PublicKey(x, y);
                published.Add(new PublishedKey(activeKid, x, y, clock.GetUtcNow(), null));
            }
        }
        else
        {
            var active = stored.Last(k => k.RetiredAt is null);
            activeKid = active.Kid;
            activeKey = ECDsa.Create();
            activeKey.ImportPkcs8PrivateKey(Unprotect(active.PrivateKey), out _);
        }

        var previous = Interlocked.Exchange(ref _state, new State(activeKid, activeKey, verifiers, published));
        previous?.ActiveKey.Dispose();
    }

    /// <summary>Generates a new active key and retires the current stored one (which stays published). Returns the new kid.</summary>
    public string Rotate()
    {
        using (var connection = factory.OpenAsync(CancellationToken.None).GetAwaiter().GetResult())
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute("UPDATE signing_keys SET retired_at = @Now WHERE retired_at IS NULL", new { Now = clock.GetUtcNow() }, transaction);
            Generate(connection, transaction);
            transaction.Commit();
        }

        Load();
        return Current.ActiveKid;
    }

    public string ActiveKid => Current.ActiveKid;

    public IReadOnlyList<PublishedKey> PublishedKeys => Current.Published;

    /// <summary>
    /// The compact token of a QR code (docs/verifying-certificates.md): the number (whose prefix names the scheme), the
    /// holder, the dates as <c>yyyyMMdd</c> numbers and the revision, in one-letter claims, so that a typical QR is at
    /// most 73 × 73 modules at error correction M.
    /// </summary>
    public string Sign(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var claims = new JsonObject
        {
            ["sub"] = certificate.Number.Value,
            ["n"] = certificate.HolderName,
            ["i"] = Compact(certificate.IssuedOn),
            ["u"] = Compact(certificate.ValidUntil),
            ["r"] = certificate.Revision,
        };
        return SignWith(null, claims);
    }

    public string SignJson(JsonObject payload, string type)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return SignWith(type, payload);
    }

    /// <summary>A compact ES256 JWS by the active key (the QR's token has no <c>typ</c>, to stay short).</summary>
    private string SignWith(string? type, JsonObject payload)
    {
        var state = Current;
        var header = new JsonObject { ["alg"] = "ES256" };
        if (type is not null)
        {
            header["typ"] = type;
        }

        header["kid"] = state.ActiveKid;
        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        var signature = state.ActiveKey.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    private static int Compact(DateOnly date) => (date.Year * 10_000) + (date.Month * 100) + date.Day;

    public TokenCheck Verify(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4_096)
        {
            return TokenCheck.Invalid;
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return TokenCheck.Invalid;
        }

        try
        {
            // Any JSON may be sent: a header or claims that are not an object (null, a number, an array) are invalid, not a fault.
            if (JsonNode.Parse(Base64Url.DecodeFromChars(parts[0])) is not JsonObject header
                || (string?)header["alg"] != "ES256" || header["kid"]?.GetValue<string>() is not { } kid || !Current.Verifiers.TryGetValue(kid, out var key))
            {
                return TokenCheck.Invalid;
            }

            var signature = Base64Url.DecodeFromChars(parts[2]);
            if (signature.Length != 64
                || !key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                return TokenCheck.Invalid;
            }

            if (JsonNode.Parse(Base64Url.DecodeFromChars(parts[1])) is not JsonObject claims)
            {
                return TokenCheck.Invalid;
            }

            // Compact claims (n, i, u, r) since December 2026; tokens issued before carry the long ones and still verify.
            return claims.ContainsKey("n")
                ? new TokenCheck(true, kid, (string?)claims["sub"], (string?)claims["n"], null, CompactDate(claims["i"]), CompactDate(claims["u"]),
                    claims["r"] is JsonValue r && r.TryGetValue<int>(out var compactRevision) ? compactRevision : 1)
                : new TokenCheck(true, kid, (string?)claims["sub"], (string?)claims["name"], (string?)claims["scheme"],
                    Date(claims["issued_on"]), Date(claims["valid_until"]), claims["rev"] is JsonValue rev && rev.TryGetValue<int>(out var revision) ? revision : 1);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException or CryptographicException)
        {
            return TokenCheck.Invalid;
        }
    }

    /// <summary>RFC 7638 thumbprint of a P-256 public key: the key id.</summary>
    public static string Thumbprint(string x, string y) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{x}\",\"y\":\"{y}\"}}")));

    public void Dispose()
    {
        if (_state is { } state)
        {
            state.ActiveKey.Dispose();
            foreach (var verifier in state.Verifiers.Values)
            {
                verifier.Dispose();
            }
        }
    }

    private static DateOnly? CompactDate(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<int>(out var n) ? new DateOnly(n / 10_000, n / 100 % 100, n % 100) : null;

    private static DateOnly? Date(JsonNode? node) =>
        node is null ? null : DateOnly.ParseExact(node.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString(Json)));

    private static ECDsa PublicKey(string x, string y) => ECDsa.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = Base64Url.DecodeFromChars(x), Y = Base64Url.DecodeFromChars(y) },
    });

    private KeyRow Generate(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(false);
        var row = new KeyRow
        {
            PublicX = Base64Url.EncodeToString(parameters.Q.X),
            PublicY = Base64Url.EncodeToString(parameters.Q.Y),
            CreatedAt = clock.GetUtcNow(),
            PrivateKey = Protect(key.ExportPkcs8PrivateKey()),
        };
        row.Kid = Thumbprint(row.PublicX, row.PublicY);
        connection.Execute(
            "INSERT INTO signing_keys (kid, created_at, public_x, public_y, private_key, retired_at) VALUES (@Kid, @CreatedAt, @PublicX, @PublicY, @PrivateKey, NULL)",
            row, transaction);
        return row;
    }

    private string Protect(byte[] plaintext)
    {
        var stored = secrets.Protect(plaintext);
        CryptographicOperations.ZeroMemory(plaintext);
        return stored;
    }

    private byte[] Unprotect(string protectedKey) => secrets.Unprotect(protectedKey);

    private sealed class KeyRow
    {
        public string Kid { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public string PublicX { get; set; } = "";
        public string PublicY { get; set; } = "";
        public string PrivateKey { get; set; } = "";
        public DateTimeOffset? RetiredAt { get; set; }
    }
}
