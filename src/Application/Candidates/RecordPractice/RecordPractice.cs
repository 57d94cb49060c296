using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Candidates.RecordPractice;

public sealed record PracticeRecordDto(Guid Id, Guid CandidateId, string Organisation, string Role, DateOnly StartDate, DateOnly EndDate, int Hours,
    string PmksCategory, int CandidatePracticeHours, int Version) : IVersioned
{
    public static PracticeRecordDto From(Candidate candidate, PracticeRecord r) => new(r.Id, candidate.Id.Value, r.Organisation, r.Role,
        r.Period.Start, r.Period.End, r.Hours, r.PmksCategory.Code, candidate.PracticeHours, candidate.Version);
}

/// <summary>Adds a practice record; the candidate's practice hours grow by its hours.</summary>
public sealed record RecordPractice(Guid CandidateId, string? Organisation, string? Role, DateOnly? StartDate, DateOnly? EndDate, int? Hours, string? PmksCategory,
    int? ExpectedVersion = null) : ICommand<Result<PracticeRecordDto>>
{
    public Result<PracticeRecordDetails> ToDetails() => PracticeRecordDetails.Create(Organisation, Role, StartDate, EndDate, Hours, PmksCategory);
}

public sealed class RecordPracticeValidator : IValidator<RecordPractice>
{
    public IReadOnlyList<Error> Validate(RecordPractice message) => message.ToDetails() is { IsFailure: true } failed ? [failed.Error!] : [];
}

public sealed class RecordPracticeHandler(ICandidateRepository candidates, TimeProvider clock) : ICommandHandler<RecordPractice, Result<PracticeRecordDto>>
{
    public async ValueTask<Result<PracticeRecordDto>> Handle(RecordPractice command, CancellationToken cancellationToken)
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

        var record = candidate.RecordPractice(command.ToDetails().Value, clock);
        if (record.IsFailure)
        {
            return record.Error!;
        }

        var saved = await candidates.UpdateAsync(candidate, cancellationToken);
        return saved.IsSuccess ? PracticeRecordDto.From(candidate, record.Value) : saved.Error!;
    }
}
