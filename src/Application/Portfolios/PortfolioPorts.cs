using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Portfolios;

public interface IPortfolioRepository
{
    Task<Portfolio?> GetAsync(PortfolioId id, CancellationToken cancellationToken);

    /// <summary>Holds the portfolio until the command commits: commands on one portfolio then run one after the other.</summary>
    Task LockAsync(PortfolioId id, CancellationToken cancellationToken);

    /// <summary>Whether the candidate has a portfolio for the scheme that is not closed.</summary>
    Task<bool> HasOpenPortfolioAsync(CandidateId candidateId, string schemeCode, CancellationToken cancellationToken);

    Task<Result> AddAsync(Portfolio portfolio, CancellationToken cancellationToken);

    Task<Result> UpdateAsync(Portfolio portfolio, CancellationToken cancellationToken);
}

/// <summary>What a store answers for a blob it has written: its size and SHA-256 (lowercase hex), computed as the bytes went by.</summary>
public sealed record StoredBlob(long Size, string Sha256);

/// <summary>
/// Where evidence files live: the filesystem by default (<c>Storage:Path</c>), or an S3-compatible store. Bodies are
/// streamed, never held whole in memory; a write that fails or runs past <c>maxBytes</c> leaves nothing behind.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Writes <paramref name="head"/> then the rest of <paramref name="content"/> under <paramref name="key"/>; null when it ran
    /// past <paramref name="maxBytes"/>. Nothing is kept then, nor when reading <paramref name="content"/> fails.
    /// </summary>
    Task<StoredBlob?> PutAsync(string key, ReadOnlyMemory<byte> head, Stream content, long maxBytes, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
