using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Exams;

public static class ExamErrors
{
    public static readonly Error ParticipantNotFound = Error.NotFound("exam.participant-not-found", "This exam has no participant with that id.");

    public static readonly Error NotAssigned = Error.Forbidden("exam.assessor-not-assigned", "The assessor is not assigned to this exam.");

    /// <summary>The candidate no longer meets the scheme's eligibility (or already holds its certificate), with every reason.</summary>
    public static Error Ineligible(IReadOnlyList<Error> unmet) =>
        new("exam.participant-ineligible", $"{unmet.Count} eligibility condition(s) are no longer met.", ErrorKind.Rule) { Details = unmet };

    public static Error WrongStatus(ExamStatus status, string action) =>
        Error.Conflict("exam.invalid-status", $"The exam is {status.Code}; cannot {action} it now.");
}
