using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Trainings;

namespace Peksos.Clean.Application.Trainings;

public interface ITrainingRepository
{
    Task<TrainingEvent?> GetAsync(TrainingEventId id, CancellationToken cancellationToken);

    Task AddAsync(TrainingEvent training, CancellationToken cancellationToken);

    Task<Result> UpdateAsync(TrainingEvent training, CancellationToken cancellationToken);
}

public sealed record TrainingParticipantDto(Guid CandidateId, DateTimeOffset EnrolledAt, int? AttendedHours);

public sealed record TrainingDto(Guid Id, string Title, string Organiser, string Venue, string RegionCode, DateOnly StartDate, DateOnly EndDate, int Hours,
    int Capacity, string Status, IReadOnlyList<TrainingParticipantDto> Participants, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, int Version) : IVersioned
{
    public static TrainingDto From(TrainingEvent t) => new(t.Id.Value, t.Title, t.Organiser, t.Venue, t.Region.Value, t.Period.Start, t.Period.End, t.Hours,
        t.Capacity, t.IsCompleted ? "completed" : "planned", t.Participants.Select(p => new TrainingParticipantDto(p.CandidateId.Value, p.EnrolledAt, p.AttendedHours)).ToList(),
        t.CreatedAt, t.CompletedAt, t.Version);
}

public static class TrainingErrors
{
    public static readonly Error NotFound = Error.NotFound("training.not-found", "There is no training with that id.");
}

/// <summary>Plans a Bimtek (technical guidance) event.</summary>
public sealed record PlanTraining(string? Title, string? Organiser, string? Venue, string? RegionCode, DateOnly? StartDate, DateOnly? EndDate, int? Hours,
    int? Capacity) : ICommand<Result<TrainingDto>>;

public sealed class PlanTrainingValidator(TimeProvider clock) : IValidator<PlanTraining>
{
    public IReadOnlyList<Error> Validate(PlanTraining m) =>
        TrainingEvent.Plan(m.Title, m.Organiser, m.Venue, m.RegionCode, m.StartDate, m.EndDate, m.Hours, m.Capacity, clock) is { IsFailure: true } failed ? [failed.Error!] : [];
}

/// <summary>Enrols a registered candidate, within the training's capacity.</summary>
public sealed record EnrolTrainingParticipant(Guid TrainingId, Guid? CandidateId, int? ExpectedVersion = null) : ICommand<Result<TrainingDto>>;

public sealed class EnrolTrainingParticipantValidator : IValidator<EnrolTrainingParticipant>
{
    public IReadOnlyList<Error> Validate(EnrolTrainingParticipant m)
    {
        var errors = new ErrorCollector();
        errors.Require(m.CandidateId, "candidateId");
        return errors.Errors;
    }
}

public sealed record AttendanceInput(Guid? CandidateId, int? AttendedHours);

/// <summary>
/// Completes the training with attendance: every attendee gains a <c>bimtek</c> training record of the hours attended
/// (so they count toward schemes that require training hours) — exactly once.
/// </summary>
public sealed record CompleteTraining(Guid TrainingId, IReadOnlyList<AttendanceInput>? Attendance, int? ExpectedVersion = null) : ICommand<Result<TrainingDto>>;

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

public sealed record GetTraining(Guid Id) : IQuery<Result<TrainingDto>>;

public sealed class TrainingHandlers(ITrainingRepository trainings, ICandidateRepository candidates, TimeProvider clock) :
    ICommandHandler<PlanTraining, Result<TrainingDto>>,
    ICommandHandler<EnrolTrainingParticipant, Result<TrainingDto>>,
    ICommandHandler<CompleteTraining, Result<TrainingDto>>,
    IQueryHandler<GetTraining, Result<TrainingDto>>
{
    public async ValueTask<Result<TrainingDto>> Handle(PlanTraining m, CancellationToken cancellationToken)
    {
        var training = TrainingEvent.Plan(m.Title, m.Organiser, m.Venue, m.RegionCode, m.StartDate, m.EndDate, m.Hours, m.Capacity, clock);
        if (training.IsFailure)
        {
            return training.Error!;
        }

        await trainings.AddAsync(training.Value, cancellationToken);
        return TrainingDto.From(training.Value);
    }

    public async ValueTask<Result<TrainingDto>> Handle(EnrolTrainingParticipant m, CancellationToken cancellationToken) =>
        await ChangeAsync(m.TrainingId, m.ExpectedVersion, async training =>
        {
            var candidate = await candidates.GetAsync(new CandidateId(m.CandidateId!.Value), cancellationToken);
            return candidate is null
                ? CandidateErrors.NotFound with { Kind = ErrorKind.Rule }
                : training.Enrol(candidate.Id, clock);
        }, cancellationToken);

    public async ValueTask<Result<TrainingDto>> Handle(CompleteTraining m, CancellationToken cancellationToken) =>
        await ChangeAsync(m.TrainingId, m.ExpectedVersion, async training =>
        {
            var credits = training.Complete((m.Attendance ?? []).Select(a => (new CandidateId(a.CandidateId!.Value), a.AttendedHours!.Value)).ToList(), clock);
            if (credits.IsFailure)
            {
                return credits.Error!;
            }

            foreach (var credit in credits.Value)
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
        }, cancellationToken);

    public async ValueTask<Result<TrainingDto>> Handle(GetTraining query, CancellationToken cancellationToken) =>
        await trainings.GetAsync(new TrainingEventId(query.Id), cancellationToken) is { } training ? TrainingDto.From(training) : TrainingErrors.NotFound;

    private async Task<Result<TrainingDto>> ChangeAsync(Guid id, int? expectedVersion, Func<TrainingEvent, Task<Result>> change, CancellationToken cancellationToken)
    {
        var training = await trainings.GetAsync(new TrainingEventId(id), cancellationToken);
        if (training is null)
        {
            return TrainingErrors.NotFound;
        }

        if (Versioning.Check(expectedVersion, training) is { IsFailure: true } stale)
        {
            return stale.Error!;
        }

        var changed = await change(training);
        if (changed.IsFailure)
        {
            return changed.Error!;
        }

        var saved = await trainings.UpdateAsync(training, cancellationToken);
        return saved.IsSuccess ? TrainingDto.From(training) : saved.Error!;
    }
}
