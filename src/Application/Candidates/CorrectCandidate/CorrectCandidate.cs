using Mediator;
using Peksos.Clean.Application.Candidates.RegisterCandidate;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Candidates.CorrectCandidate;

/// <summary>
/// Corrects a candidate's data: what is sent replaces what is stored (validated as at registration), the rest stays.
/// A NIK correction needs a reason and stays unique; every change is audited before and after.
/// </summary>
public sealed record CorrectCandidate(
    Guid CandidateId,
    string? Nik,
    string? FullName,
    DateOnly? BirthDate,
    string? Sex,
    string? Email,
    string? Phone,
    EducationInput? Education,
    EmploymentInput? Employment,
    IReadOnlyList<string>? PracticeAreas,
    string? Reason,
    ExpectedVersions? ExpectedVersion = null) : ICommand<Result<CandidateDto>>
{
    public const int MaxReasonLength = 2_000;

    /// <summary>The corrected profile: the stored one with every field sent replaced, all validated as at registration.</summary>
    public Result<(CandidateProfile Profile, Narrative? Reason)> Parse(CandidateProfile stored, TimeProvider clock)
    {
        var p = stored;
        var merged = new RegisterCandidate.RegisterCandidate(
            Nik ?? p.Nik.Value,
            FullName ?? p.FullName.Value,
            BirthDate ?? p.BirthDate,
            Sex ?? p.Sex.Code,
            Email ?? p.Email.Value,
            Phone ?? p.Phone.Value,
            Education ?? new EducationInput(p.Education.Level.Code, p.Education.Field.Code, p.Education.Institution, p.Education.GraduationYear),
            Employment ?? new EmploymentInput(p.Employment.Type.Code, p.Employment.Organisation, p.Employment.Region.Value),
            PracticeAreas ?? p.PracticeAreas.Select(a => a.Code).ToList());
        var profile = merged.Parse(clock);
        var errors = new ErrorCollector();
        if (profile.IsFailure)
        {
            errors.Add(profile.Error!);
        }

        var reason = string.IsNullOrWhiteSpace(Reason) ? null : errors.Take(Narrative.Parse(Reason, MaxReasonLength, "candidate.correction-reason-invalid"), "reason");
        if (profile.IsSuccess && profile.Value.Nik != stored.Nik)
        {
            errors.Require(Reason, "reason"); // a NIK is corrected only with a reason
        }

        return errors.HasErrors ? errors.ToError() : (profile.Value, reason);
    }
}

public sealed class CorrectCandidateHandler(ICandidateRepository candidates, TimeProvider clock) : ICommandHandler<CorrectCandidate, Result<CandidateDto>>
{
    public async ValueTask<Result<CandidateDto>> Handle(CorrectCandidate command, CancellationToken cancellationToken)
    {
        var candidate = Versioning.ForChange(await candidates.GetAsync(new CandidateId(command.CandidateId), cancellationToken), CandidateErrors.NotFound,
            command.ExpectedVersion);
        if (candidate.IsFailure)
        {
            return candidate.Error!;
        }

        var parsed = command.Parse(candidate.Value.Profile, clock);
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        var changes = candidate.Value.Correct(parsed.Value.Profile, parsed.Value.Reason, clock);
        if (changes.IsFailure)
        {
            return RegisterCandidate.RegisterCandidate.AtItsField(changes.Error!);
        }

        if (changes.Value.Count == 0)
        {
            return CandidateDto.From(candidate.Value);
        }

        var saved = await candidates.UpdateAsync(candidate.Value, cancellationToken);
        return saved.IsSuccess ? CandidateDto.From(candidate.Value) : saved.Error!;
    }
}
