using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Trainings;

namespace Peksos.Clean.Application.Trainings.CompleteTraining;

public sealed record AttendanceInput(Guid? CandidateId, int? AttendedHours);

/// <summary>
/// Completes the training with attendance: every attendee gains a <c>bimtek</c> training record of the hours attended
/// (so they count toward schemes that require training hours) — exactly once.
/// </summary>
public sealed record CompleteTraining(Guid TrainingId, IReadOnlyList<AttendanceInput>? Attendance, ExpectedVersions? ExpectedVersion = null) : ICommand<Result<TrainingDto>>;

public sealed class CompleteTrainingValidator : IValidator<CompleteTraining>
{
    public IReadOnlyList<Error> Validate(CompleteTraining m)
    {
        var errors = new ErrorCollector();
        for (var i = 0; i < (m.Attendance?.Count ?? 0); i++)
        {
            errors.Require(m.Attendance![i].CandidateId, $"attendance[{i}].candidateId");
            errors.Require(m.Attendance[i].AttendedHours, $"attendance[{i}].attendedHours");
        }

        return errors.Errors;
    }
}

public sealed class CompleteTrainingHandler(ITrainingRepository trainings, ICandidateRepository candidates, TimeProvider clock)
    : ICommandHandler<CompleteTraining, Result<TrainingDto>>
{
    public async ValueTask<Result<TrainingDto>> Handle(CompleteTraining m, CancellationToken cancellationToken)
    {
        var training = Versioning.ForChange(await trainings.GetAsync(new TrainingEventId(m.TrainingId), cancellationToken), TrainingErrors.NotFound, m.ExpectedVersion);
        if (training.IsFailure)
        {
            return training.Error!;
        }

        var attendance = (m.Attendance ?? []).Select(a => (new CandidateId(a.CandidateId!.Value), a.AttendedHours!.Value)).ToList();
        var credits = training.Value.Complete(attendance, clock);
        if (credits.IsFailure)
        {
            return credits.Error!;
        }

        if (await CreditAsync(credits.Value, cancellationToken) is { IsFailure: true } notCredited)
        {
            return notCredited.Error!;
        }

        var saved = await trainings.UpdateAsync(training.Value, cancellationToken);
        return saved.IsSuccess ? TrainingDto.From(training.Value) : saved.Error!;
    }

    /// <summary>Adds each attendee's <c>bimtek</c> training record.</summary>
    private async Task<Result> CreditAsync(IReadOnlyList<TrainingCredit> credits, CancellationToken cancellationToken)
    {
        foreach (var credit in credits)
        {
            var candidate = await candidates.GetAsync(credit.CandidateId, cancellationToken)
                ?? throw new InvalidOperationException("An enrolled candidate is missing.");
            if (candidate.RecordTraining(credit.Record, clock) is { IsFailure: true } notCredited)
            {
                return notCredited.Error!;
            }

            if (await candidates.UpdateAsync(candidate, cancellationToken) is { IsFailure: true } notSaved)
            {
                return notSaved;
            }
        }

        return Result.Success();
    }
}
