using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Candidates.SearchCandidate;

/// <summary>Finds a candidate by NIK. The NIK travels in the body, never in a URL.</summary>
public sealed record SearchCandidate(string? Nik) : IQuery<Result<CandidateDto>>;

public sealed class SearchCandidateValidator : IValidator<SearchCandidate>
{
    public IReadOnlyList<Error> Validate(SearchCandidate message)
    {
        var nik = Nik.Parse(message.Nik);
        return nik.IsSuccess ? [] : [nik.Error!.AtField("nik")];
    }
}

public sealed class SearchCandidateHandler(ICandidateRepository candidates) : IQueryHandler<SearchCandidate, Result<CandidateDto>>
{
    public async ValueTask<Result<CandidateDto>> Handle(SearchCandidate query, CancellationToken cancellationToken)
    {
        var candidate = await candidates.FindByNikAsync(Nik.Parse(query.Nik).Value, cancellationToken);
        return candidate is null ? CandidateErrors.NotFound with { Message = "No candidate is registered with that NIK." } : CandidateDto.From(candidate);
    }
}
