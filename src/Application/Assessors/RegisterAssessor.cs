using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Assessors;

public sealed record AssessorDto(Guid Id, string FullName, string RegistrationNumber, string Organisation, string Email, DateTimeOffset CreatedAt, int Version) : IVersioned
{
    public static AssessorDto From(Assessor a) => new(a.Id.Value, a.FullName.Value, a.RegistrationNumber, a.Organisation, a.Email.Value, a.CreatedAt, a.Version);
}

public static class AssessorErrors
{
    public static readonly Error NotFound = Error.NotFound("assessor.not-found", "There is no assessor with that id.");

    public static readonly Error DuplicateRegistrationNumber =
        Error.Conflict("assessor.duplicate-registration-number", "An assessor with this registration number is already registered.");
}

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

public sealed record GetAssessor(Guid Id) : IQuery<Result<AssessorDto>>;

public sealed class GetAssessorHandler(IAssessorRepository assessors) : IQueryHandler<GetAssessor, Result<AssessorDto>>
{
    public async ValueTask<Result<AssessorDto>> Handle(GetAssessor query, CancellationToken cancellationToken) =>
        await assessors.GetAsync(new AssessorId(query.Id), cancellationToken) is { } assessor ? AssessorDto.From(assessor) : AssessorErrors.NotFound;
}
