using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Assessors.RegisterAssessor;

/// <summary>Registers a competency assessor (asesor kompetensi).</summary>
public sealed record RegisterAssessor(string? FullName, string? RegistrationNumber, string? Organisation, string? Email) : ICommand<Result<AssessorDto>>;

public sealed class RegisterAssessorValidator(TimeProvider clock) : IValidator<RegisterAssessor>
{
    public IReadOnlyList<Error> Validate(RegisterAssessor m) =>
        Assessor.Register(m.FullName, m.RegistrationNumber, m.Organisation, m.Email, clock) is { IsFailure: true } failed ? [failed.Error!] : [];
}

public sealed class RegisterAssessorHandler(IAssessorRepository assessors, TimeProvider clock) : ICommandHandler<RegisterAssessor, Result<AssessorDto>>
{
    public async ValueTask<Result<AssessorDto>> Handle(RegisterAssessor m, CancellationToken cancellationToken)
    {
        var assessor = Assessor.Register(m.FullName, m.RegistrationNumber, m.Organisation, m.Email, clock);
        if (assessor.IsFailure)
        {
            return assessor.Error!;
        }

        var saved = await assessors.AddAsync(assessor.Value, cancellationToken);
        return saved.IsSuccess ? AssessorDto.From(assessor.Value) : saved.Error!;
    }
}
