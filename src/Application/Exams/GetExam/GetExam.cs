using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Exams.GetExam;

/// <summary>One exam with its participants, assessments and results. An assessor sees only exams they are assigned to.</summary>
public sealed record GetExam(Guid Id) : IQuery<Result<ExamDto>>;

public sealed class GetExamHandler(IExamRepository exams, ICurrentActor actor) : IQueryHandler<GetExam, Result<ExamDto>>
{
    public async ValueTask<Result<ExamDto>> Handle(GetExam query, CancellationToken cancellationToken)
    {
        var exam = await exams.GetAsync(new ExamId(query.Id), cancellationToken);
        if (exam is null || (actor.Role == Roles.Assessor && (actor.AssessorId is not { } me || !exam.IsAssigned(me))))
        {
            return ExamNotFound.Error;
        }

        return ExamDto.From(exam);
    }
}

/// <summary>Exams, newest first, filtered by scheme and status; an assessor lists only the exams they are assigned to.</summary>
public sealed record ListExams(string? SchemeCode, string? Status, int? Limit, string? Cursor) : IQuery<Result<Page<ExamSummaryDto>>>;

public sealed class ListExamsValidator : IValidator<ListExams>
{
    public IReadOnlyList<Error> Validate(ListExams m)
    {
        var errors = new ErrorCollector();
        errors.Take(PageRequest.Create(m.Limit, m.Cursor), string.Empty);
        if (m.SchemeCode is not null && SchemeCatalog.Find(m.SchemeCode).IsFailure)
        {
            errors.Add(Error.Validation("scheme.invalid", "Unknown scheme code."), "schemeCode");
        }

        if (m.Status is not null)
        {
            errors.Take(ExamStatus.FromCode(m.Status), "status");
        }

        return errors.Errors;
    }
}

public sealed class ListExamsHandler(IExamQueries queries, ICurrentActor actor) : IQueryHandler<ListExams, Result<Page<ExamSummaryDto>>>
{
    public async ValueTask<Result<Page<ExamSummaryDto>>> Handle(ListExams query, CancellationToken cancellationToken)
    {
        var page = PageRequest.Create(query.Limit, query.Cursor).Value;
        var onlyMine = actor.Role == Roles.Assessor ? actor.AssessorId?.Value ?? Guid.Empty : (Guid?)null;
        var rows = await queries.ListAsync(new ExamFilter(query.SchemeCode, query.Status, onlyMine), page, cancellationToken);
        return page.ToPage(rows, e => (string.Empty, e.Id));
    }
}
