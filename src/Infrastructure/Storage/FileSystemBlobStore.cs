using Peksos.Clean.Application.Portfolios;

namespace Peksos.Clean.Infrastructure.Storage;

/// <summary>
/// Blobs as files under one folder (<c>Storage:Path</c>, created on first use). A write goes to <c>.incoming/</c> first
/// and is moved into place only once complete, hashed and within its limit, so a reader never sees half a file and a
/// failed write leaves nothing; leftovers of a crash in <c>.incoming/</c> are cleared at start-up.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const int BufferSize = BlobStaging.BufferSize;
    private readonly string _root;
    private readonly string _incoming;

    public FileSystemBlobStore(string root)
    {
        _root = Path.GetFullPath(root);
        _incoming = Path.Combine(_root, ".incoming");
        Directory.CreateDirectory(_incoming);
        foreach (var leftover in Directory.EnumerateFiles(_incoming))
        {
            File.Delete(leftover);
        }
    }

    public async Task<StoredBlob?> PutAsync(string key, ReadOnlyMemory<byte> head, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var target = PathOf(key);
        var temporary = Path.Combine(_incoming, Guid.NewGuid().ToString("N"));
        try
        {
            if (await BlobStaging.WriteAsync(temporary, head, content, maxBytes, cancellationToken) is not { } blob)
            {
                return null;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(temporary, target);
            return blob;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    /// <summary>A key is made by the application (<c>evidence/{portfolio}/{file}</c>); one that would leave the root is a bug.</summary>
    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !key.StartsWith('.')
            ? path
            : throw new ArgumentException("A blob key stays inside the store.", nameof(key));
    }
}
