using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Assessors;

public static class AssessorErrors
{
    public static readonly Error NotFound = Error.NotFound("assessor.not-found", "There is no assessor with that id.");

    public static readonly Error DuplicateRegistrationNumber =
        Error.Conflict("assessor.duplicate-registration-number", "An assessor with this registration number is already registered.");
}
