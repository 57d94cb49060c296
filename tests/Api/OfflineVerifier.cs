using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Peksos.Clean.Api.Tests;

/// <summary>
/// The sample of docs/verifying-certificates.md: how another application checks a certificate token offline with
/// nothing but the published JWKS — no access to this system's database or code.
/// </summary>
public static class OfflineVerifier
{
    /// <summary>What the token says: the number (its first three letters name the scheme, e.g. PSG), the holder, the dates and the revision.</summary>
    public sealed record Claims(string Number, string HolderName, DateOnly IssuedOn, DateOnly ValidUntil, int Revision);

    /// <summary>The token's claims when its ES256 signature verifies with a key of the JWKS; otherwise null.</summary>
    public static Claims? Verify(string token, string jwksJson)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
        if (header.RootElement.GetProperty("alg").GetString() != "ES256")
        {
            return null;
        }

        var kid = header.RootElement.GetProperty("kid").GetString();
        using var jwks = JsonDocument.Parse(jwksJson);
        var jwk = jwks.RootElement.GetProperty("keys").EnumerateArray().FirstOrDefault(k => k.GetProperty("kid").GetString() == kid);
        if (jwk.ValueKind == JsonValueKind.Undefined)
        {
            return null;
        }

        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = FromBase64Url(jwk.GetProperty("x").GetString()!), Y = FromBase64Url(jwk.GetProperty("y").GetString()!) },
        });
        var signed = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
        if (!key.VerifyData(signed, FromBase64Url(parts[2]), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return null;
        }

        using var payload = JsonDocument.Parse(FromBase64Url(parts[1]));
        var c = payload.RootElement;
        return new Claims(c.GetProperty("sub").GetString()!, c.GetProperty("n").GetString()!, Date(c.GetProperty("i").GetInt32()), Date(c.GetProperty("u").GetInt32()),
            c.TryGetProperty("r", out var r) ? r.GetInt32() : 1);
    }

    private static DateOnly Date(int yyyymmdd) => new(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100);

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
