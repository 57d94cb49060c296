using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Candidates.ListCandidates;

/// <summary>Candidates filtered by name (<c>q</c>, a prefix of any word … matched case-insensitively), region and employment type.</summary>
public sealed record ListCandidates(string? Q, string? RegionCode, string? EmploymentType, int? Limit, string? Cursor)
    : IQuery<Result<Page<CandidateSummaryDto>>>
{
    public const int MaxQueryLength = 100;

    public Result<(CandidateFilter Filter, PageRequest Page)> Parse()
    {
        var errors = new ErrorCollector();
        var page = errors.Take(PageRequest.Create(Limit, Cursor), string.Empty);
        if (RegionCode is not null)
        {
            errors.Take(Domain.Reference.RegionCode.Parse(RegionCode), "regionCode");
        }

        if (EmploymentType is not null)
        {
            errors.Take(Domain.Candidates.EmploymentType.FromCode(EmploymentType), "employmentType");
        }

        if (Q is { Length: > MaxQueryLength })
        {
            errors.Add(Error.Validation("q.invalid", $"q is at most {MaxQueryLength} characters."), "q");
        }

        return errors.HasErrors ? errors.ToError() : (new CandidateFilter(Q?.Trim(), RegionCode, EmploymentType), page!);
    }
}

public sealed class ListCandidatesHandler(ICandidateQueries queries) : IQueryHandler<ListCandidates, Result<Page<CandidateSummaryDto>>>
{
    public async ValueTask<Result<Page<CandidateSummaryDto>>> Handle(ListCandidates query, CancellationToken cancellationToken)
    {
        var parsed = query.Parse();
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        var (filter, page) = parsed.Value;
        var rows = await queries.ListAsync(filter, page, cancellationToken);
        return page.ToPage(rows, c => (string.Empty, c.Id));
    }
}
