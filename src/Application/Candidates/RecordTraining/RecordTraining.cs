using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Candidates.RecordTraining;

public sealed record TrainingRecordDto(Guid Id, Guid CandidateId, string Title, string Organiser, DateOnly StartDate, DateOnly EndDate, int Hours, string Kind,
    Guid? TrainingEventId, int CandidateTrainingHours, int Version) : IVersioned
{
    public static TrainingRecordDto From(Candidate candidate, TrainingRecord r) => new(r.Id, candidate.Id.Value, r.Title, r.Organiser,
        r.Period.Start, r.Period.End, r.Hours, r.Kind.Code, r.TrainingEventId, candidate.TrainingHours, candidate.Version);
}

/// <summary>Adds a training record (Bimtek, diklat, other); the candidate's training hours grow by its hours.</summary>
public sealed record RecordTraining(Guid CandidateId, string? Title, string? Organiser, DateOnly? StartDate, DateOnly? EndDate, int? Hours, string? Kind,
    int? ExpectedVersion = null) : ICommand<Result<TrainingRecordDto>>
{
    public Result<TrainingRecordDetails> ToDetails() => TrainingRecordDetails.Create(Title, Organiser, StartDate, EndDate, Hours, Kind);
}

public sealed class RecordTrainingValidator : IValidator<RecordTraining>
{
    public IReadOnlyList<Error> Validate(RecordTraining message) => message.ToDetails() is { IsFailure: true } failed ? [failed.Error!] : [];
}

public sealed class RecordTrainingHandler(ICandidateRepository candidates, TimeProvider clock) : ICommandHandler<RecordTraining, Result<TrainingRecordDto>>
{
    public async ValueTask<Result<TrainingRecordDto>> Handle(RecordTraining command, CancellationToken cancellationToken)
    {
        var candidate = await candidates.GetAsync(new CandidateId(command.CandidateId), cancellationToken);
        if (candidate is null)
        {
            return CandidateErrors.NotFound;
        }

        if (Versioning.Check(command.ExpectedVersion, candidate) is { IsFailure: true } stale)
        {
            return stale.Error!;
        }

        var record = candidate.RecordTraining(command.ToDetails().Value, clock);
        if (record.IsFailure)
        {
            return record.Error!;
        }

        var saved = await candidates.UpdateAsync(candidate, cancellationToken);
        return saved.IsSuccess ? TrainingRecordDto.From(candidate, record.Value) : saved.Error!;
    }
}
