using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Application.Schemes;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams.ListExams;

/// <summary>Exams, newest first, filtered by scheme and status; an assessor lists only the exams they are assigned to.</summary>
public sealed record ListExams(string? SchemeCode, string? Status, int? Limit, string? Cursor) : IQuery<Result<Page<ExamSummaryDto>>>
{
    public Result<PageRequest> Parse(ISchemeCatalog schemes)
    {
        var errors = new ErrorCollector();
        var page = errors.Take(PageRequest.Create(Limit, Cursor), string.Empty);
        if (SchemeCode is not null && schemes.Versions(SchemeCode).Count == 0)
        {
            errors.Add(Error.Validation("scheme.invalid", "Unknown scheme code."), "schemeCode");
        }

        if (Status is not null)
        {
            errors.Take(ExamStatus.FromCode(Status), "status");
        }

        return errors.HasErrors ? errors.ToError() : page!;
    }
}

public sealed class ListExamsHandler(IExamQueries queries, ICurrentActor actor, ISchemeCatalog schemes) : IQueryHandler<ListExams, Result<Page<ExamSummaryDto>>>
{
    public async ValueTask<Result<Page<ExamSummaryDto>>> Handle(ListExams query, CancellationToken cancellationToken)
    {
        var page = query.Parse(schemes);
        if (page.IsFailure)
        {
            return page.Error!;
        }

        var onlyMine = actor.Role == Roles.Assessor ? actor.AssessorId?.Value ?? Guid.Empty : (Guid?)null;
        var rows = await queries.ListAsync(new ExamFilter(query.SchemeCode, query.Status, onlyMine), page.Value, cancellationToken);
        return page.Value.ToPage(rows, e => (string.Empty, e.Id));
    }
}
