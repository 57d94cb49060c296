using System.Security.Cryptography;
using System.Text;

namespace Peksos.Clean.Application.ApiKeys;

/// <summary>
/// API keys are 32 random bytes (base64url, prefixed <c>pk_</c>), shown once at creation. Only their SHA-256 is stored:
/// the keys are high-entropy, so a fast hash is enough and lookups stay cheap.
/// </summary>
public static class ApiKeyHashing
{
    public const string Prefix = "pk_";

    public static string NewKey() => Prefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(key, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The key's SHA-256 into <paramref name="destination"/> (32 bytes), without allocating.</summary>
    public static void Hash(string key, Span<byte> destination)
    {
        var length = Encoding.UTF8.GetMaxByteCount(key.Length);
        var buffer = length <= 1024 ? stackalloc byte[length] : new byte[length];
        SHA256.HashData(buffer[..Encoding.UTF8.GetBytes(key, buffer)], destination);
    }
}
