using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Trainings;

namespace Peksos.Clean.Application.Trainings.EnrolTrainingParticipant;

/// <summary>Enrols a registered candidate, within the training's capacity.</summary>
public sealed record EnrolTrainingParticipant(Guid TrainingId, Guid? CandidateId, ExpectedVersions? ExpectedVersion = null) : ICommand<Result<TrainingDto>>;

public sealed class EnrolTrainingParticipantValidator : IValidator<EnrolTrainingParticipant>
{
    public IReadOnlyList<Error> Validate(EnrolTrainingParticipant m)
    {
        var errors = new ErrorCollector();
        errors.Require(m.CandidateId, "candidateId");
        return errors.Errors;
    }
}

public sealed class EnrolTrainingParticipantHandler(ITrainingRepository trainings, ICandidateRepository candidates, TimeProvider clock)
    : ICommandHandler<EnrolTrainingParticipant, Result<TrainingDto>>
{
    public async ValueTask<Result<TrainingDto>> Handle(EnrolTrainingParticipant m, CancellationToken cancellationToken)
    {
        var training = Versioning.ForChange(await trainings.GetAsync(new TrainingEventId(m.TrainingId), cancellationToken), TrainingErrors.NotFound, m.ExpectedVersion);
        if (training.IsFailure)
        {
            return training.Error!;
        }

        var candidate = await candidates.GetAsync(new CandidateId(m.CandidateId!.Value), cancellationToken);
        if (candidate is null)
        {
            return CandidateErrors.NotFound with { Kind = ErrorKind.Rule };
        }

        if (training.Value.Enrol(candidate.Id, clock) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        var saved = await trainings.UpdateAsync(training.Value, cancellationToken);
        return saved.IsSuccess ? TrainingDto.From(training.Value) : saved.Error!;
    }
}
