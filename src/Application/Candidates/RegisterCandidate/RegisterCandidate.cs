using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Application.Candidates.RegisterCandidate;

public sealed record EducationInput(string? Level, string? Field, string? Institution, int? GraduationYear);

public sealed record EmploymentInput(string? Type, string? Organisation, string? RegionCode);

/// <summary>Registers a candidate. The NIK is validated per domain.md §4 and must not be registered yet.</summary>
public sealed record RegisterCandidate(
    string? Nik,
    string? FullName,
    DateOnly? BirthDate,
    string? Sex,
    string? Email,
    string? Phone,
    EducationInput? Education,
    EmploymentInput? Employment,
    IReadOnlyList<string>? PracticeAreas) : ICommand<Result<CandidateDto>>
{
    /// <summary>Turns the raw input into a validated profile, reporting every field error at once.</summary>
    public Result<CandidateProfile> ToProfile(TimeProvider clock)
    {
        var errors = new ErrorCollector();
        var nik = errors.Take(Domain.Candidates.Nik.Parse(Nik), "nik");
        var name = errors.Take(PersonName.Parse(FullName, "full-name.invalid"), "fullName");
        errors.Require(BirthDate, "birthDate");
        var sex = errors.Take(Domain.Candidates.Sex.FromCode(Sex), "sex");
        var email = errors.Take(Domain.Candidates.Email.Parse(Email), "email");
        var phone = errors.Take(PhoneNumber.Parse(Phone), "phone");
        Education? education = null;
        if (errors.Require(Education, "education"))
        {
            education = errors.Take(
                Domain.Candidates.Education.Create(Education!.Level, Education.Field, Education.Institution, Education.GraduationYear, clock.GetUtcNow().Year),
                "education");
        }

        Employment? employment = null;
        if (errors.Require(Employment, "employment"))
        {
            employment = errors.Take(Domain.Candidates.Employment.Create(Employment!.Type, Employment.Organisation, Employment.RegionCode), "employment");
        }

        var areas = new List<PmksCategory>();
        if (PracticeAreas is null || PracticeAreas.Count == 0)
        {
            errors.Add(Error.Validation("practice-areas.required", "At least one practice area (PMKS category) is required."), "practiceAreas");
        }
        else
        {
            for (var i = 0; i < PracticeAreas.Count; i++)
            {
                if (errors.Take(PmksCategory.FromCode(PracticeAreas[i]), $"practiceAreas[{i}]") is { } area)
                {
                    areas.Add(area);
                }
            }
        }

        if (errors.HasErrors)
        {
            return errors.ToError();
        }

        return new CandidateProfile(nik!, name!, BirthDate!.Value, sex!, email!, phone!, education!, employment!, areas);
    }
}

public sealed class RegisterCandidateValidator(TimeProvider clock) : IValidator<RegisterCandidate>
{
    public IReadOnlyList<Error> Validate(RegisterCandidate message)
    {
        var profile = message.ToProfile(clock);
        return profile.IsSuccess ? [] : [profile.Error!];
    }
}

public sealed class RegisterCandidateHandler(ICandidateRepository candidates, TimeProvider clock)
    : ICommandHandler<RegisterCandidate, Result<CandidateDto>>
{
    public async ValueTask<Result<CandidateDto>> Handle(RegisterCandidate command, CancellationToken cancellationToken)
    {
        var profile = command.ToProfile(clock);
        if (profile.IsFailure)
        {
            return profile.Error!;
        }

        var registered = Candidate.Register(profile.Value, clock);
        if (registered.IsFailure)
        {
            return registered.Error!;
        }

        var saved = await candidates.AddAsync(registered.Value, cancellationToken);
        return saved.IsSuccess ? CandidateDto.From(registered.Value) : saved.Error!;
    }
}
