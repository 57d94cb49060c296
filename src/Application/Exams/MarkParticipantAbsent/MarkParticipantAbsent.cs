using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams.MarkParticipantAbsent;

/// <summary>Marks a participant who did not come (exam in progress): no result, no appeal used, the portfolio may enrol again.</summary>
public sealed record MarkParticipantAbsent(Guid ExamId, Guid ParticipantId, string? Note, ExpectedVersions? ExpectedVersion = null) : ICommand<Result<ParticipantDto>>
{
    /// <summary>The note is optional; when given it is checked like any narrative.</summary>
    public Result<Narrative?> Parse()
    {
        if (string.IsNullOrWhiteSpace(Note))
        {
            return Result<Narrative?>.Success(null);
        }

        var note = CompetencyExam.ParseAbsenceNote(Note);
        return note.IsSuccess ? note.Value : note.Error!.AtField("note");
    }
}

public sealed class MarkParticipantAbsentHandler(ExamContext exams, TimeProvider clock) : ICommandHandler<MarkParticipantAbsent, Result<ParticipantDto>>
{
    public async ValueTask<Result<ParticipantDto>> Handle(MarkParticipantAbsent m, CancellationToken cancellationToken)
    {
        var note = m.Parse();
        if (note.IsFailure)
        {
            return note.Error!;
        }

        var exam = await exams.LoadAsync(m.ExamId, m.ExpectedVersion, cancellationToken);
        if (exam.IsFailure)
        {
            return exam.Error!;
        }

        if (exam.Value.MarkAbsent(m.ParticipantId, note.Value, clock) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        return await exams.SaveAsync(exam.Value, saved => ParticipantDto.From(saved, saved.FindParticipant(m.ParticipantId)!), cancellationToken);
    }
}
