using System.Security.Cryptography;
using System.Text;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Domain.Candidates;

namespace Peksos.Clean.Infrastructure.Security;

/// <summary>
/// NIK protection at rest (UU 27/2022): AES-256-GCM with a random nonce for the stored copy, and HMAC-SHA256 with a
/// separate key as a blind index, so the NIK can be looked up and kept unique without being stored in clear.
/// Keys come from configuration (<c>Security:NikEncryptionKey</c>, <c>Security:NikIndexKey</c>, base64 of 32 bytes).
/// </summary>
public sealed class NikProtector : INikProtector
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _encryptionKey;
    private readonly byte[] _indexKey;

    public NikProtector(byte[] encryptionKey, byte[] indexKey)
    {
        if (encryptionKey.Length != 32 || indexKey.Length != 32)
        {
            throw new ArgumentException("NIK keys must be 32 bytes each.");
        }

        if (encryptionKey.AsSpan().SequenceEqual(indexKey))
        {
            throw new ArgumentException("The NIK encryption key and index key must differ.");
        }

        _encryptionKey = encryptionKey;
        _indexKey = indexKey;
    }

    public string BlindIndex(Nik nik)
    {
        Span<byte> digits = stackalloc byte[16];
        Encoding.ASCII.GetBytes(nik.Value, digits);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_indexKey, digits));
    }

    public string Encrypt(Nik nik)
    {
        var plaintext = Encoding.ASCII.GetBytes(nik.Value);
        var output = new byte[1 + NonceSize + TagSize + plaintext.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize), [FormatVersion]);
        return Convert.ToBase64String(output);
    }

    public Nik Decrypt(string protectedNik)
    {
        var input = Convert.FromBase64String(protectedNik);
        if (input.Length != 1 + NonceSize + TagSize + 16 || input[0] != FormatVersion)
        {
            throw new CryptographicException("Unrecognised protected NIK.");
        }

        var plaintext = new byte[16];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(input.AsSpan(1, NonceSize), input.AsSpan(1 + NonceSize + TagSize), input.AsSpan(1 + NonceSize, TagSize), plaintext, [FormatVersion]);
        var parsed = Nik.Parse(Encoding.ASCII.GetString(plaintext));
        return parsed.IsSuccess ? parsed.Value : throw new CryptographicException("A stored NIK no longer validates.");
    }

    /// <summary>Reads a 32-byte key from base64 configuration.</summary>
    public static byte[] ParseKey(string base64, string name)
    {
        try
        {
            var key = Convert.FromBase64String(base64);
            return key.Length == 32 ? key : throw new InvalidOperationException($"{name} must be 32 bytes (base64).");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{name} is not valid base64.");
        }
    }
}
