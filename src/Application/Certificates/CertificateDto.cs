using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Certificates;

namespace Peksos.Clean.Application.Certificates;

public sealed record HolderDto(Guid CandidateId, string FullName, string NikMasked);

public sealed record SchemeRefDto(string Code, string Name);

public sealed record StatusChangeDto(UtcTimestamp At, string Action, string From, string To, string Reason);

/// <summary>A certificate as admins and consumers see it (the NIK masked).</summary>
public sealed record CertificateDto(string Number, HolderDto Holder, SchemeRefDto Scheme, DateOnly IssuedOn, DateOnly ValidUntil, string Status, bool Valid,
    Guid ExamId, string? SignedToken, IReadOnlyList<StatusChangeDto> History, int Version, int Revision, string? Supersedes, string? SupersededBy) : IVersioned
{
    public static CertificateDto From(Certificate c, string nikMasked, DateOnly today, string schemeName)
    {
        var status = c.StatusOn(today);
        return new(
            c.Number.Value,
            new HolderDto(c.CandidateId.Value, c.HolderName, nikMasked),
            new SchemeRefDto(c.SchemeCode, schemeName),
            c.IssuedOn,
            c.ValidUntil,
            status.Code,
            status.IsValid,
            c.ExamId.Value,
            c.SignedToken,
            c.History.Select(h => new StatusChangeDto(h.At, h.Action, h.From.Code, h.To.Code, h.Reason)).ToList(),
            c.Version,
            c.Revision,
            c.Supersedes?.Value,
            c.SupersededBy?.Value);
    }
}
