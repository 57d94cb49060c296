using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Infrastructure.Security;

namespace Peksos.Clean.Infrastructure.Tests.Security;

/// <summary>
/// The protector keeps a cipher, a keyed hash and a block of random bytes per thread; these check that doing so changes
/// nothing anyone can observe: every thread's output decrypts, nonces never repeat, and the blind index is the plain
/// HMAC-SHA256 of the digits (existing rows were indexed that way).
/// </summary>
public sealed class NikProtectorTests : IDisposable
{
    private static readonly byte[] EncryptionKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] IndexKey = Enumerable.Range(101, 32).Select(i => (byte)i).ToArray();
    private readonly NikProtector _protector = new(EncryptionKey, IndexKey);

    public void Dispose() => _protector.Dispose();

    private static Nik NikNumber(int i) => Nik.Parse($"187101450690{i % 9_999 + 1:D4}").Value;

    [Fact]
    public void ManyThreads_EveryNikDecrypts_AndNoNonceRepeats()
    {
        var nonces = new ConcurrentDictionary<string, bool>();
        var failures = new ConcurrentBag<string>();

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var nik = NikNumber(i);
            var stored = _protector.Encrypt(nik);
            if (!nonces.TryAdd(Convert.ToHexString(Convert.FromBase64String(stored).AsSpan(1, 12)), true))
            {
                failures.Add($"nonce repeated at {i}");
            }

            if (_protector.Decrypt(stored).Value != nik.Value)
            {
                failures.Add($"round trip failed at {i}");
            }
        });

        failures.Should().BeEmpty();
        nonces.Should().HaveCount(20_000); // past several refills of each thread's random block (341 nonces each)
    }

    [Fact]
    public void BlindIndex_IsTheHmacOfTheDigits_OnEveryThread()
    {
        var results = new ConcurrentBag<(string Nik, string Index)>();
        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results.Add((NikNumber(i).Value, _protector.BlindIndex(NikNumber(i)))));

        results.Should().AllSatisfy(r => r.Index.Should().Be(Convert.ToHexStringLower(HMACSHA256.HashData(IndexKey, Encoding.ASCII.GetBytes(r.Nik)))));
    }

    [Fact]
    public void ATamperedCopy_IsRefused()
    {
        var stored = Convert.FromBase64String(_protector.Encrypt(NikNumber(3)));
        stored[^1] ^= 1;

        var decrypt = () => _protector.Decrypt(Convert.ToBase64String(stored));

        decrypt.Should().Throw<CryptographicException>();
    }
}
