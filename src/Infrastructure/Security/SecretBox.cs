using System.Security.Cryptography;

namespace Peksos.Clean.Infrastructure.Security;

/// <summary>
/// Secrets the server must read back (signing keys, webhook secrets), stored AES-256-GCM encrypted with the key-encryption
/// key (<c>Security:SigningKeyEncryptionKey</c>): nonce, tag and ciphertext in base64.
/// </summary>
public sealed class SecretBox(byte[] keyEncryptionKey)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public string Protect(ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, NonceSize));
        using var aes = new AesGcm(keyEncryptionKey, TagSize);
        aes.Encrypt(output.AsSpan(0, NonceSize), plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return Convert.ToBase64String(output);
    }

    public byte[] Unprotect(string stored)
    {
        var input = Convert.FromBase64String(stored);
        var plaintext = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(keyEncryptionKey, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plaintext);
        return plaintext;
    }
}
