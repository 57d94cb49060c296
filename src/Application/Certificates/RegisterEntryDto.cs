using Peksos.Clean.Domain.Reference;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Certificates;

/// <summary>An entry of the public register: what anyone may see, nothing more.</summary>
public sealed record RegisterEntryDto(string Number, string HolderName, string SchemeName, string Province, DateOnly IssuedOn, DateOnly ValidUntil, string Status)
{
    public static RegisterEntryDto From(CertificateRow r, DateOnly today) => new(
        r.Number, r.HolderName, SchemeCatalog.Find(r.SchemeCode).Value.Name, Regions.FindProvince(r.RegionCode[..2])?.Name ?? r.RegionCode[..2],
        r.IssuedOn, r.ValidUntil, r.StatusOn(today).Code);
}
