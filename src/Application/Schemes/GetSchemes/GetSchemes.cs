using Mediator;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Schemes.GetSchemes;

/// <summary>Every scheme in its version in force now; or, with <see cref="Code"/>, every version of one scheme.</summary>
public sealed record GetSchemes(string? Code = null) : IQuery<Result<IReadOnlyList<SchemeDto>>>;

public sealed class GetSchemesHandler(ISchemeCatalog catalog, TimeProvider clock) : IQueryHandler<GetSchemes, Result<IReadOnlyList<SchemeDto>>>
{
    public ValueTask<Result<IReadOnlyList<SchemeDto>>> Handle(GetSchemes query, CancellationToken cancellationToken)
    {
        var entries = query.Code is null ? catalog.Current(clock.GetUtcNow()) : catalog.Versions(query.Code);
        Result<IReadOnlyList<SchemeDto>> result = query.Code is not null && entries.Count == 0
            ? SchemeCatalogExtensions.NotFound
            : entries.Select(SchemeDto.From).ToList();
        return ValueTask.FromResult(result);
    }
}
