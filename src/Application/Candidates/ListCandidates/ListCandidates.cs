using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Application.Candidates.ListCandidates;

/// <summary>Candidates filtered by name (<c>q</c>, a prefix of any word … matched case-insensitively), region and employment type.</summary>
public sealed record ListCandidates(string? Q, string? RegionCode, string? EmploymentType, int? Limit, string? Cursor)
    : IQuery<Result<Page<CandidateSummaryDto>>>;

public sealed class ListCandidatesValidator : IValidator<ListCandidates>
{
    public IReadOnlyList<Error> Validate(ListCandidates message)
    {
        var errors = new ErrorCollector();
        errors.Take(PageRequest.Create(message.Limit, message.Cursor), string.Empty);
        if (message.RegionCode is not null)
        {
            errors.Take(RegionCode.Parse(message.RegionCode), "regionCode");
        }

        if (message.EmploymentType is not null)
        {
            errors.Take(Domain.Candidates.EmploymentType.FromCode(message.EmploymentType), "employmentType");
        }

        if (message.Q is { Length: > 100 })
        {
            errors.Add(Error.Validation("q.invalid", "q is at most 100 characters."), "q");
        }

        return errors.Errors;
    }
}

public sealed class ListCandidatesHandler(ICandidateQueries queries) : IQueryHandler<ListCandidates, Result<Page<CandidateSummaryDto>>>
{
    public async ValueTask<Result<Page<CandidateSummaryDto>>> Handle(ListCandidates query, CancellationToken cancellationToken)
    {
        var page = PageRequest.Create(query.Limit, query.Cursor).Value;
        var rows = await queries.ListAsync(new CandidateFilter(query.Q?.Trim(), query.RegionCode, query.EmploymentType), page, cancellationToken);
        return page.ToPage(rows, c => (string.Empty, c.Id));
    }
}
