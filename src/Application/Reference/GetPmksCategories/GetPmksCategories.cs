using Mediator;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Application.Reference.GetPmksCategories;

/// <summary>The six PMKS categories with their PMKS types (static reference data, built once).</summary>
public sealed record GetPmksCategories : IQuery<Result<IReadOnlyList<PmksCategoryDto>>>;

public sealed class GetPmksCategoriesHandler : IQueryHandler<GetPmksCategories, Result<IReadOnlyList<PmksCategoryDto>>>
{
    private static readonly Result<IReadOnlyList<PmksCategoryDto>> Categories = PmksCategory.All
        .Select(c => new PmksCategoryDto(c.Code, c.Name, c.NameEn, PmksType.In(c).Select(t => new PmksTypeDto(t.Code, t.Name)).ToList()))
        .ToList();

    public ValueTask<Result<IReadOnlyList<PmksCategoryDto>>> Handle(GetPmksCategories query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Categories);
}
