using Mediator;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Exams.PlanExam;

/// <summary>Plans a competency exam round for a scheme at a venue (TUK).</summary>
public sealed record PlanExam(string? SchemeCode, string? Title, string? Venue, string? RegionCode, DateOnly? ScheduledOn, int? Capacity) : ICommand<Result<ExamDto>>;

public sealed class PlanExamHandler(IExamRepository exams, TimeProvider clock) : ICommandHandler<PlanExam, Result<ExamDto>>
{
    public async ValueTask<Result<ExamDto>> Handle(PlanExam m, CancellationToken cancellationToken)
    {
        var scheme = SchemeCatalog.Find(m.SchemeCode);
        if (scheme.IsFailure)
        {
            return Error.Validation("scheme.invalid", $"schemeCode must be one of {string.Join(", ", SchemeCatalog.All.Select(s => s.Code))}.", "schemeCode");
        }

        var exam = CompetencyExam.Plan(scheme.Value, m.Title, m.Venue, m.RegionCode, m.ScheduledOn, m.Capacity, clock);
        if (exam.IsFailure)
        {
            return exam.Error!;
        }

        var saved = await exams.AddAsync(exam.Value, cancellationToken);
        return saved.IsSuccess ? ExamDto.From(exam.Value) : saved.Error!;
    }
}
