using Mediator;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Reference.GetScheme;

/// <summary>One certification scheme by code.</summary>
public sealed record GetScheme(string Code) : IQuery<Result<SchemeDto>>;

public sealed class GetSchemeHandler : IQueryHandler<GetScheme, Result<SchemeDto>>
{
    public ValueTask<Result<SchemeDto>> Handle(GetScheme query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(SchemeCatalog.Find(query.Code).Map(SchemeDto.From));
}
