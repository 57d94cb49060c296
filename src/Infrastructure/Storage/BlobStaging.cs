using System.Buffers;
using System.Security.Cryptography;
using Peksos.Clean.Application.Portfolios;

namespace Peksos.Clean.Infrastructure.Storage;

/// <summary>
/// Streams an upload to a local file while hashing it and counting its size, so no store holds a file whole in memory
/// and none keeps a file that ran past its limit or broke off.
/// </summary>
internal static class BlobStaging
{
    public const int BufferSize = 81_920;

    /// <summary>Writes <paramref name="head"/> and the rest of <paramref name="content"/> to <paramref name="path"/>; null past <paramref name="maxBytes"/>.</summary>
    public static async Task<StoredBlob?> WriteAsync(string path, ReadOnlyMemory<byte> head, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
            hash.AppendData(head.Span);
            await file.WriteAsync(head, cancellationToken);
            long size = head.Length;
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    return null;
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            await file.FlushAsync(cancellationToken);
            return new StoredBlob(size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
