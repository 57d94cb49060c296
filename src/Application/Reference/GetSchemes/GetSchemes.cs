using Mediator;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Reference.GetSchemes;

/// <summary>Every certification scheme with its rules (built once).</summary>
public sealed record GetSchemes : IQuery<Result<IReadOnlyList<SchemeDto>>>;

public sealed class GetSchemesHandler : IQueryHandler<GetSchemes, Result<IReadOnlyList<SchemeDto>>>
{
    private static readonly Result<IReadOnlyList<SchemeDto>> Schemes = SchemeCatalog.All.Select(SchemeDto.From).ToList();

    public ValueTask<Result<IReadOnlyList<SchemeDto>>> Handle(GetSchemes query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Schemes);
}
