using Mediator;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Schemes.GetScheme;

/// <summary>A scheme's version in force now, or the given version.</summary>
public sealed record GetScheme(string Code, int? Version = null) : IQuery<Result<SchemeDto>>;

public sealed class GetSchemeHandler(ISchemeCatalog catalog, TimeProvider clock) : IQueryHandler<GetScheme, Result<SchemeDto>>
{
    public ValueTask<Result<SchemeDto>> Handle(GetScheme query, CancellationToken cancellationToken)
    {
        var entry = query.Version is { } version ? catalog.Find(query.Code, version) : catalog.Current(query.Code, clock.GetUtcNow());
        return ValueTask.FromResult(entry is null ? SchemeCatalogExtensions.NotFound : Result.Success(SchemeDto.From(entry)));
    }
}
