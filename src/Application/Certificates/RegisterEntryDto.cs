using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Application.Certificates;

/// <summary>An entry of the public register: what anyone may see, nothing more.</summary>
public sealed record RegisterEntryDto(string Number, string HolderName, string SchemeName, string Province, DateOnly IssuedOn, DateOnly ValidUntil, string Status)
{
    public static RegisterEntryDto From(CertificateRow r, DateOnly today, string schemeName) => new(
        r.Number, r.HolderName, schemeName, Regions.FindProvince(r.RegionCode[..2])?.Name ?? r.RegionCode[..2],
        r.IssuedOn, r.ValidUntil, r.StatusOn(today).Code);
}
