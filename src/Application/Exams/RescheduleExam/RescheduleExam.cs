using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams.RescheduleExam;

/// <summary>Changes a planned exam's day, venue, title or capacity; what is not sent stays as it is.</summary>
public sealed record RescheduleExam(Guid ExamId, string? Title, string? Venue, DateOnly? ScheduledOn, int? Capacity, ExpectedVersions? ExpectedVersion = null)
    : ICommand<Result<ExamDto>>
{
    public Result<(string? Title, string? Venue, DateOnly? ScheduledOn, int? Capacity)> Parse()
    {
        var errors = new ErrorCollector();
        var title = Title is null ? null : errors.Take(Text.Required(Title, CompetencyExam.MaxTitleLength, "exam.title-invalid"), "title");
        var venue = Venue is null ? null : errors.Take(Text.Required(Venue, CompetencyExam.MaxVenueLength, "exam.venue-invalid"), "venue");
        var capacity = Capacity is null ? null : errors.InRange(Capacity, "capacity", 1, CompetencyExam.MaxCapacity, "exam.capacity-invalid");
        return errors.HasErrors ? errors.ToError() : (title, venue, ScheduledOn, capacity);
    }
}

public sealed class RescheduleExamHandler(ExamContext exams, TimeProvider clock) : ICommandHandler<RescheduleExam, Result<ExamDto>>
{
    public async ValueTask<Result<ExamDto>> Handle(RescheduleExam m, CancellationToken cancellationToken)
    {
        var parsed = m.Parse();
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        var exam = await exams.LoadAsync(m.ExamId, m.ExpectedVersion, cancellationToken);
        if (exam.IsFailure)
        {
            return exam.Error!;
        }

        var (title, venue, scheduledOn, capacity) = parsed.Value;
        if (exam.Value.Reschedule(title, venue, scheduledOn, capacity, clock) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        return await exams.SaveAsync(exam.Value, ExamDto.From, cancellationToken);
    }
}
