using Mediator;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Application.Reference.GetProvinces;

/// <summary>The 38 provinces (static reference data, built once).</summary>
public sealed record GetProvinces : IQuery<Result<IReadOnlyList<ProvinceDto>>>;

public sealed class GetProvincesHandler : IQueryHandler<GetProvinces, Result<IReadOnlyList<ProvinceDto>>>
{
    private static readonly Result<IReadOnlyList<ProvinceDto>> Provinces =
        Regions.Provinces.Select(p => new ProvinceDto(p.Code, p.Name)).ToList();

    public ValueTask<Result<IReadOnlyList<ProvinceDto>>> Handle(GetProvinces query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Provinces);
}
