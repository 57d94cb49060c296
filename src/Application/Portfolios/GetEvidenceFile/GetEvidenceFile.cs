using System.Security.Cryptography;
using Mediator;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Portfolios.GetEvidenceFile;

/// <summary>A file's description and its bytes, whose digest was checked against the one recorded at upload.</summary>
public sealed record EvidenceFileContent(EvidenceFileDto File, Stream Content);

/// <summary>Downloads an evidence file: admins, and the assessor of a participant holding the portfolio; anyone else gets 404.</summary>
public sealed record GetEvidenceFile(Guid PortfolioId, Guid EvidenceId, Guid FileId) : IQuery<Result<EvidenceFileContent>>;

public sealed class GetEvidenceFileHandler(IPortfolioRepository portfolios, AssessorPortfolioAccess access, IBlobStore blobs)
    : IQueryHandler<GetEvidenceFile, Result<EvidenceFileContent>>
{
    public async ValueTask<Result<EvidenceFileContent>> Handle(GetEvidenceFile query, CancellationToken cancellationToken)
    {
        var id = new PortfolioId(query.PortfolioId);
        if (!await access.MayReadAsync(id, cancellationToken) || await portfolios.GetAsync(id, cancellationToken) is not { } portfolio)
        {
            return PortfolioErrors.NotFound;
        }

        if (portfolio.FilesOf(query.EvidenceId).FirstOrDefault(f => f.Id == query.FileId) is not { } file)
        {
            return Portfolio.FileNotFound;
        }

        // The digest is checked in a first pass, so a corrupted blob is refused before any byte is sent.
        string actual;
        try
        {
            await using var check = await blobs.OpenReadAsync(file.BlobKey, cancellationToken);
            actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(check, cancellationToken));
        }
        catch (FileNotFoundException)
        {
            actual = "missing";
        }

        if (actual != file.Sha256)
        {
            return Error.Corrupt("file.integrity-failed", "The stored file does not match the digest recorded at upload; it is not served.");
        }

        return new EvidenceFileContent(EvidenceFileDto.From(file), await blobs.OpenReadAsync(file.BlobKey, cancellationToken));
    }
}
