using Mediator;
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
    ExpectedVersions? ExpectedVersion = null) : ICommand<Result<TrainingRecordDto>>
{
    public Result<TrainingRecordDetails> Parse()
    {
        var errors = new ErrorCollector();
        var title = errors.Take(Text.Required(Title, TrainingRecordDetails.MaxTitleLength, "training.title-invalid"), "title");
        var organiser = errors.Take(Text.Required(Organiser, TrainingRecordDetails.MaxTitleLength, "training.organiser-invalid"), "organiser");
        var period = errors.Period(StartDate, EndDate);
        var kind = errors.Take(TrainingKind.FromCode(Kind), "kind");
        var hours = errors.PositiveHours(Hours);
        return errors.HasErrors ? errors.ToError() : new TrainingRecordDetails(title!, organiser!, period!, hours!.Value, kind!);
    }
}

public sealed class RecordTrainingHandler(ICandidateRepository candidates, TimeProvider clock) : ICommandHandler<RecordTraining, Result<TrainingRecordDto>>
{
    public async ValueTask<Result<TrainingRecordDto>> Handle(RecordTraining command, CancellationToken cancellationToken)
    {
        var details = command.Parse();
        if (details.IsFailure)
        {
            return details.Error!;
        }

        var candidate = Versioning.ForChange(await candidates.GetAsync(new CandidateId(command.CandidateId), cancellationToken), CandidateErrors.NotFound, command.ExpectedVersion);
        if (candidate.IsFailure)
        {
            return candidate.Error!;
        }

        var record = candidate.Value.RecordTraining(details.Value, clock);
        if (record.IsFailure)
        {
            return record.Error!;
        }

        var saved = await candidates.UpdateAsync(candidate.Value, cancellationToken);
        return saved.IsSuccess ? TrainingRecordDto.From(candidate.Value, record.Value) : saved.Error!;
    }
}
