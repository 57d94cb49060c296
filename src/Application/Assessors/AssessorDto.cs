using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Assessors;

namespace Peksos.Clean.Application.Assessors;

public sealed record AssessorDto(Guid Id, string FullName, string RegistrationNumber, string Organisation, string Email, DateTimeOffset CreatedAt, int Version) : IVersioned
{
    public static AssessorDto From(Assessor a) => new(a.Id.Value, a.FullName.Value, a.RegistrationNumber, a.Organisation, a.Email.Value, a.CreatedAt, a.Version);
}
