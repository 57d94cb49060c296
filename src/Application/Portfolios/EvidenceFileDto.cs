using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Portfolios;

/// <summary>A file of an evidence item: never its blob key; <c>sha256</c> is lowercase hex.</summary>
public sealed record EvidenceFileDto(Guid Id, string Name, string ContentType, long Size, string Sha256, UtcTimestamp UploadedAt)
{
    public static EvidenceFileDto From(EvidenceFile f) => new(f.Id, f.Name, f.ContentType, f.Size, f.Sha256, f.UploadedAt);
}
