using Mediator;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Candidates.GetCandidate;

public sealed record GetCandidate(Guid Id) : IQuery<Result<CandidateDto>>;

public sealed class GetCandidateHandler(ICandidateRepository candidates) : IQueryHandler<GetCandidate, Result<CandidateDto>>
{
    public async ValueTask<Result<CandidateDto>> Handle(GetCandidate query, CancellationToken cancellationToken)
    {
        var candidate = await candidates.GetAsync(new CandidateId(query.Id), cancellationToken);
        return candidate is null ? CandidateErrors.NotFound : CandidateDto.From(candidate);
    }
}
