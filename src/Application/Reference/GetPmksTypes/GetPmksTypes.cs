using Mediator;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Application.Reference.GetPmksTypes;

/// <summary>The 26 PMKS types with the categories each belongs to (built once).</summary>
public sealed record GetPmksTypes : IQuery<Result<IReadOnlyList<PmksTypeDetailDto>>>;

public sealed class GetPmksTypesHandler : IQueryHandler<GetPmksTypes, Result<IReadOnlyList<PmksTypeDetailDto>>>
{
    private static readonly Result<IReadOnlyList<PmksTypeDetailDto>> Types =
        PmksType.All.Select(t => new PmksTypeDetailDto(t.Code, t.Name, t.Categories.Select(c => c.Code).ToList())).ToList();

    public ValueTask<Result<IReadOnlyList<PmksTypeDetailDto>>> Handle(GetPmksTypes query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Types);
}
