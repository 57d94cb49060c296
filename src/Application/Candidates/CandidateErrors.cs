using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Candidates;

public static class CandidateErrors
{
    public static readonly Error NotFound = Error.NotFound("candidate.not-found", "There is no candidate with that id.");

    public static readonly Error DuplicateNik = Error.Conflict("candidate.duplicate-nik", "A candidate with this NIK is already registered.");
}
