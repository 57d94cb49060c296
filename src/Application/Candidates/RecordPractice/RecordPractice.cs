using Mediator;
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
    ExpectedVersions? ExpectedVersion = null) : ICommand<Result<PracticeRecordDto>>
{
    public Result<PracticeRecordDetails> Parse()
    {
        var errors = new ErrorCollector();
        var organisation = errors.Take(Text.Required(Organisation, Employment.MaxOrganisationLength, "practice.organisation-invalid"), "organisation");
        var role = errors.Take(Text.Required(Role, PracticeRecordDetails.MaxRoleLength, "practice.role-invalid"), "role");
        var period = errors.Period(StartDate, EndDate);
        var category = errors.Take(Domain.Reference.PmksCategory.FromCode(PmksCategory), "pmksCategory");
        var hours = errors.PositiveHours(Hours);
        return errors.HasErrors ? errors.ToError() : new PracticeRecordDetails(organisation!, role!, period!, hours!.Value, category!);
    }
}

public sealed class RecordPracticeHandler(ICandidateRepository candidates, TimeProvider clock) : ICommandHandler<RecordPractice, Result<PracticeRecordDto>>
{
    public async ValueTask<Result<PracticeRecordDto>> Handle(RecordPractice command, CancellationToken cancellationToken)
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

        var record = candidate.Value.RecordPractice(details.Value, clock);
        if (record.IsFailure)
        {
            return record.Error!;
        }

        var saved = await candidates.UpdateAsync(candidate.Value, cancellationToken);
        return saved.IsSuccess ? PracticeRecordDto.From(candidate.Value, record.Value) : saved.Error!;
    }
}
