using System.Security.Cryptography;
using System.Text;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Domain.Candidates;

namespace Peksos.Clean.Infrastructure.Security;

/// <summary>
/// NIK protection at rest (UU 27/2022): AES-256-GCM for the stored copy, a keyed HMAC-SHA256 blind index for lookups and
/// uniqueness (<c>Security:NikEncryptionKey</c>, <c>Security:NikIndexKey</c>).
/// </summary>
public sealed class NikProtector : INikProtector, IDisposable
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _encryptionKey;
    private readonly byte[] _indexKey;

    // One cipher and keyed hash per thread: not shareable, and costly to set up (docs/decisions.md, "Hot reads and bulk writes").
    private readonly ThreadLocal<AesGcm> _cipher;
    private readonly ThreadLocal<IncrementalHash> _index;

    // Random bytes for nonces, drawn from the system's CSPRNG a block at a time (each draw cost 2 µs, whatever its
    // size) and handed out once each, in order: a nonce is as random and as unique as one drawn on its own.
    [ThreadStatic]
    private static byte[]? t_random;
    [ThreadStatic]
    private static int t_randomUsed;

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
        // Values are not tracked: when a pool thread ends, its cipher and hash become garbage and their native state
        // is released by their finalizers, so a long-running host does not keep one per thread it ever had.
        _cipher = new ThreadLocal<AesGcm>(() => new AesGcm(_encryptionKey, TagSize));
        _index = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _indexKey));
    }

    /// <summary>Ends the per-thread slots (the host's instance lives as long as the process).</summary>
    public void Dispose()
    {
        _cipher.Dispose();
        _index.Dispose();
    }

    public string BlindIndex(Nik nik)
    {
        Span<byte> digits = stackalloc byte[16];
        Encoding.ASCII.GetBytes(nik.Value, digits);
        Span<byte> mac = stackalloc byte[32];
        var hmac = _index.Value!;
        hmac.AppendData(digits);
        hmac.GetHashAndReset(mac);
        return Convert.ToHexStringLower(mac);
    }

    public string Encrypt(Nik nik)
    {
        Span<byte> plaintext = stackalloc byte[16];
        Encoding.ASCII.GetBytes(nik.Value, plaintext);
        Span<byte> output = stackalloc byte[1 + NonceSize + TagSize + 16];
        output[0] = FormatVersion;
        var nonce = output.Slice(1, NonceSize);
        FillNonce(nonce);
        _cipher.Value!.Encrypt(nonce, plaintext, output[(1 + NonceSize + TagSize)..], output.Slice(1 + NonceSize, TagSize), [FormatVersion]);
        return Convert.ToBase64String(output);
    }

    private static void FillNonce(Span<byte> nonce)
    {
        // No block on this thread yet, or not enough of it left: draw a new one.
        if (t_random is not { } random || t_randomUsed + nonce.Length > random.Length)
        {
            random = t_random ??= new byte[4096];
            RandomNumberGenerator.Fill(random);
            t_randomUsed = 0;
        }

        random.AsSpan(t_randomUsed, nonce.Length).CopyTo(nonce);
        random.AsSpan(t_randomUsed, nonce.Length).Clear(); // handed out once: never again, not even from memory
        t_randomUsed += nonce.Length;
    }

    public Nik Decrypt(string protectedNik)
    {
        var input = Convert.FromBase64String(protectedNik);
        if (input.Length != 1 + NonceSize + TagSize + 16 || input[0] != FormatVersion)
        {
            throw new CryptographicException("Unrecognised protected NIK.");
        }

        var plaintext = new byte[16];
        _cipher.Value!.Decrypt(input.AsSpan(1, NonceSize), input.AsSpan(1 + NonceSize + TagSize), input.AsSpan(1 + NonceSize, TagSize), plaintext, [FormatVersion]);
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
