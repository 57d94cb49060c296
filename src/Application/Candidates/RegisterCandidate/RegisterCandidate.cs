using Mediator;
using Peksos.Clean.Application.Common;
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
    /// <summary>Turns the raw input into a validated profile, reporting every field error at once under <paramref name="fields"/>' names.</summary>
    public Result<CandidateProfile> Parse(TimeProvider clock, CandidateFieldNames? fields = null)
    {
        fields ??= CandidateFieldNames.Json;
        var errors = new ErrorCollector();
        var nik = errors.Take(Domain.Candidates.Nik.Parse(Nik), "nik");
        var name = errors.Take(PersonName.Parse(FullName, "full-name.invalid"), "fullName");
        if (errors.Require(BirthDate, "birthDate") && BirthDate < Candidate.EarliestBirthDate)
        {
            errors.Add(Error.Validation("birth-date.too-early", $"birthDate is on or after {Candidate.EarliestBirthDate:yyyy-MM-dd}."), "birthDate");
        }

        var sex = errors.Take(Domain.Candidates.Sex.FromCode(Sex), "sex");
        var email = errors.Take(Domain.Candidates.Email.Parse(Email), "email");
        var phone = errors.Take(PhoneNumber.Parse(Phone), "phone");
        var education = errors.Require(Education, fields.Education) ? ParseEducation(Education!, errors, fields, clock.GetUtcNow().Year) : null;
        var employment = errors.Require(Employment, fields.Employment) ? ParseEmployment(Employment!, errors, fields) : null;
        var areas = new List<PmksCategory>();
        if (PracticeAreas is null || PracticeAreas.Count == 0)
        {
            errors.Add(Error.Validation("practice-areas.required", "At least one practice area (PMKS category) is required."), "practiceAreas");
        }
        else
        {
            for (var i = 0; i < PracticeAreas.Count; i++)
            {
                if (errors.Take(PmksCategory.FromCode(PracticeAreas[i]), fields.PracticeArea(i)) is { } area)
                {
                    areas.Add(area);
                }
            }
        }

        return errors.HasErrors ? errors.ToError() : new CandidateProfile(nik!, name!, BirthDate!.Value, sex!, email!, phone!, education!, employment!, areas);
    }

    /// <summary>A refusal of the registration rules, under the field it is about (the age rule is about <c>birthDate</c>).</summary>
    public static Error AtItsField(Error refusal) => refusal.Code == CandidateMustBeAdultRule.Code ? refusal.AtField("birthDate") : refusal;

    private static Education? ParseEducation(EducationInput input, ErrorCollector errors, CandidateFieldNames fields, int currentYear)
    {
        var level = errors.Take(EducationLevel.FromCode(input.Level), fields.EducationLevel);
        var field = errors.Take(Domain.Candidates.EducationField.FromCode(input.Field), fields.EducationField);
        var institution = errors.Take(Text.Optional(input.Institution, Domain.Candidates.Education.MaxInstitutionLength, "education.institution-invalid"), fields.EducationInstitution);
        if (input.GraduationYear is { } year && (year < Domain.Candidates.Education.MinGraduationYear || year > currentYear))
        {
            errors.Add(Error.Validation("education.graduation-year-invalid",
                $"A graduation year is between {Domain.Candidates.Education.MinGraduationYear} and {currentYear}."), fields.GraduationYear);
        }

        return level is null || field is null ? null : new Education(level, field, institution, input.GraduationYear);
    }

    private static Employment? ParseEmployment(EmploymentInput input, ErrorCollector errors, CandidateFieldNames fields)
    {
        var type = errors.Take(EmploymentType.FromCode(input.Type), fields.EmploymentType);
        var organisation = errors.Take(Text.Required(input.Organisation, Domain.Candidates.Employment.MaxOrganisationLength, "employment.organisation-invalid"), fields.Organisation);
        var region = errors.Take(RegionCode.Parse(input.RegionCode), fields.RegionCode);
        return type is null || organisation is null || region is null ? null : new Employment(type, organisation, region);
    }
}

public sealed class RegisterCandidateHandler(ICandidateRepository candidates, TimeProvider clock)
    : ICommandHandler<RegisterCandidate, Result<CandidateDto>>
{
    public async ValueTask<Result<CandidateDto>> Handle(RegisterCandidate command, CancellationToken cancellationToken)
    {
        var profile = command.Parse(clock);
        if (profile.IsFailure)
        {
            return profile.Error!;
        }

        var registered = Candidate.Register(profile.Value, clock);
        if (registered.IsFailure)
        {
            return RegisterCandidate.AtItsField(registered.Error!);
        }

        var saved = await candidates.AddAsync(registered.Value, cancellationToken);
        return saved.IsSuccess ? CandidateDto.From(registered.Value) : saved.Error!;
    }
}
