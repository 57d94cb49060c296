using Mediator;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Candidates.SearchCandidate;

/// <summary>Finds a candidate by NIK. The NIK travels in the body, never in a URL.</summary>
public sealed record SearchCandidate(string? Nik) : IQuery<Result<CandidateDto>>;

public sealed class SearchCandidateHandler(ICandidateRepository candidates) : IQueryHandler<SearchCandidate, Result<CandidateDto>>
{
    public async ValueTask<Result<CandidateDto>> Handle(SearchCandidate query, CancellationToken cancellationToken)
    {
        var nik = Nik.Parse(query.Nik);
        if (nik.IsFailure)
        {
            return nik.Error!.AtField("nik");
        }

        var candidate = await candidates.FindByNikAsync(nik.Value, cancellationToken);
        return candidate is null ? CandidateErrors.NotFound with { Message = "No candidate is registered with that NIK." } : CandidateDto.From(candidate);
    }
}
