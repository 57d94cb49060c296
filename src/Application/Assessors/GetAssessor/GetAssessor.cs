using Mediator;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Assessors.GetAssessor;

/// <summary>One registered assessor.</summary>
public sealed record GetAssessor(Guid Id) : IQuery<Result<AssessorDto>>;

public sealed class GetAssessorHandler(IAssessorRepository assessors) : IQueryHandler<GetAssessor, Result<AssessorDto>>
{
    public async ValueTask<Result<AssessorDto>> Handle(GetAssessor query, CancellationToken cancellationToken) =>
        await assessors.GetAsync(new AssessorId(query.Id), cancellationToken) is { } assessor ? AssessorDto.From(assessor) : AssessorErrors.NotFound;
}
