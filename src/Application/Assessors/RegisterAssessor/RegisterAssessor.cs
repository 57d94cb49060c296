using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Assessors.RegisterAssessor;

/// <summary>Registers a competency assessor (asesor kompetensi).</summary>
public sealed record RegisterAssessor(string? FullName, string? RegistrationNumber, string? Organisation, string? Email) : ICommand<Result<AssessorDto>>
{
    public Result<(PersonName Name, string RegistrationNumber, string Organisation, Email Email)> Parse()
    {
        var errors = new ErrorCollector();
        var name = errors.Take(PersonName.Parse(FullName, "full-name.invalid"), "fullName");
        var registration = errors.Take(Text.Required(RegistrationNumber, Assessor.MaxRegistrationNumberLength, "assessor.registration-number-invalid"), "registrationNumber");
        var organisation = errors.Take(Text.Required(Organisation, Employment.MaxOrganisationLength, "assessor.organisation-invalid"), "organisation");
        var email = errors.Take(Domain.Candidates.Email.Parse(Email), "email");
        return errors.HasErrors ? errors.ToError() : (name!, registration!, organisation!, email!);
    }
}

public sealed class RegisterAssessorHandler(IAssessorRepository assessors, TimeProvider clock) : ICommandHandler<RegisterAssessor, Result<AssessorDto>>
{
    public async ValueTask<Result<AssessorDto>> Handle(RegisterAssessor m, CancellationToken cancellationToken)
    {
        var parsed = m.Parse();
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        var (name, registrationNumber, organisation, email) = parsed.Value;
        var assessor = Assessor.Register(name, registrationNumber, organisation, email, clock);
        var saved = await assessors.AddAsync(assessor, cancellationToken);
        return saved.IsSuccess ? AssessorDto.From(assessor) : saved.Error!;
    }
}
