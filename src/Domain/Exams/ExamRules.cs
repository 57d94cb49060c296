using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Exams;

/// <summary>An assessor never assesses a candidate from their own organisation.</summary>
public sealed class NoConflictOfInterestRule(string assessorOrganisationKey, string candidateOrganisationKey) : IBusinessRule
{
    public Error Error => Error.Rule("exam.conflict-of-interest", "The assessor belongs to the candidate's organisation (conflict of interest).");

    // Keys stored before folding was NFKC (upper case, ASCII spaces collapsed) fold to the same key again.
    public bool IsBroken() => string.Equals(TextKey.Fold(assessorOrganisationKey), TextKey.Fold(candidateOrganisationKey), StringComparison.Ordinal);
}

/// <summary>An exam never exceeds its capacity.</summary>
public sealed class ExamCapacityRule(int enrolled, int capacity) : IBusinessRule
{
    public Error Error => Error.Rule("exam.capacity-reached", $"The exam is full ({capacity} participants).");

    public bool IsBroken() => enrolled >= capacity;
}

/// <summary>An assessor never has more than the scheme's maximum participants in one exam.</summary>
public sealed class AssessorLoadRule(int assigned, int maximum) : IBusinessRule
{
    public Error Error => Error.Rule("exam.assessor-overloaded", $"The assessor already has {maximum} participants in this exam, the most allowed.");

    public bool IsBroken() => assigned >= maximum;
}

/// <summary>Only a participant's own assessor records their assessment.</summary>
public sealed class OnlyTheAssignedAssessorAssessesRule(AssessorId participantsAssessor, AssessorId actingAssessor) : IBusinessRule
{
    public Error Error => Error.Forbidden("exam.not-your-participant", "Only the participant's assigned assessor may assess them.");

    public bool IsBroken() => participantsAssessor != actingAssessor;
}

/// <summary>An assessor declares impartiality before assessing anyone.</summary>
public sealed class ImpartialityBeforeAssessmentRule(bool declared) : IBusinessRule
{
    public Error Error => Error.Rule("exam.impartiality-required", "The assessor must declare impartiality for this exam before assessing.");

    public bool IsBroken() => !declared;
}

/// <summary>The plenary panel includes nobody who assessed the participants it decides on, by id or, for a member given without one, by name (titles aside).</summary>
public sealed class PanelExcludesAssessorsRule(IReadOnlyList<PanelMember> panel, IReadOnlyList<ExamAssessor> assessorsOfParticipants) : IBusinessRule
{
    public Error Error => Error.Rule("exam.panel-conflict", "A panel member assessed participants of this exam; the plenary must be independent of the assessors.");

    public bool IsBroken() => panel.Any(m => assessorsOfParticipants.Any(a => m.AssessorId is { } id
        ? a.AssessorId == id
        : PersonNameKey.Of(a.Name) == PersonNameKey.Of(m.Name)));
}

/// <summary>An appeal is filed by the last day of the appeal window (the LSP's calendar).</summary>
public sealed class AppealWithinWindowRule(DateOnly deadline, DateOnly today) : IBusinessRule
{
    public Error Error => Error.Rule("appeal.window-closed", $"The appeal window closed on {deadline:yyyy-MM-dd}.");

    public bool IsBroken() => today > deadline;
}

/// <summary>An action is taken only in the exam status it belongs to.</summary>
public sealed class ExamIsRule(ExamStatus actual, ExamStatus required, string action) : IBusinessRule
{
    public Error Error => ExamErrors.WrongStatus(actual, action);

    public bool IsBroken() => actual != required;
}

/// <summary>A decided exam changes only through appeals.</summary>
public sealed class ExamIsUndecidedRule(ExamStatus actual, string action) : IBusinessRule
{
    public Error Error => ExamErrors.WrongStatus(actual, action);

    public bool IsBroken() => actual == ExamStatus.Decided;
}

/// <summary>An assessor is assigned to an exam once.</summary>
public sealed class AssessorAssignedOnceRule(bool alreadyAssigned) : IBusinessRule
{
    public Error Error => Error.Conflict("exam.assessor-already-assigned", "The assessor is already assigned to this exam.");

    public bool IsBroken() => alreadyAssigned;
}

/// <summary>A portfolio sits in exams of its own scheme only.</summary>
public sealed class PortfolioOfExamSchemeRule(string portfolioScheme, string examScheme) : IBusinessRule
{
    public Error Error => Error.Rule("exam.scheme-mismatch", $"The portfolio is for {portfolioScheme}; this exam is for {examScheme}.");

    public bool IsBroken() => portfolioScheme != examScheme;
}

/// <summary>Only accepted portfolios are enrolled.</summary>
public sealed class PortfolioAcceptedRule(Portfolios.PortfolioStatus status) : IBusinessRule
{
    public Error Error => Error.Rule("portfolio.not-accepted", $"The portfolio is {status.Code}; only accepted portfolios are enrolled.");

    public bool IsBroken() => status != Portfolios.PortfolioStatus.Accepted;
}

/// <summary>A candidate is in at most one undecided exam per scheme.</summary>
public sealed class OneUndecidedExamPerSchemeRule(bool alreadyEnrolled) : IBusinessRule
{
    public Error Error => Error.Conflict("exam.already-enrolled", "The candidate already sits in an undecided exam of this scheme.");

    public bool IsBroken() => alreadyEnrolled;
}

/// <summary>A participant is enrolled with one of the exam's own assessors.</summary>
public sealed class AssessorOfTheExamRule(bool assigned) : IBusinessRule
{
    public Error Error => Error.Rule("exam.assessor-not-assigned", "The assessor is not assigned to this exam.");

    public bool IsBroken() => !assigned;
}

/// <summary>An exam starts with at least one participant.</summary>
public sealed class ExamHasParticipantsRule(int participants) : IBusinessRule
{
    public Error Error => Error.Rule("exam.no-participants", "An exam starts with at least one participant.");

    public bool IsBroken() => participants == 0;
}

/// <summary>An assessor declares impartiality for an exam once.</summary>
public sealed class ImpartialityDeclaredOnceRule(bool alreadyDeclared) : IBusinessRule
{
    public Error Error => Error.Conflict("exam.impartiality-already-declared", "The assessor has already declared impartiality for this exam.");

    public bool IsBroken() => alreadyDeclared;
}

/// <summary>The plenary decides only when every participant has been assessed.</summary>
public sealed class EveryParticipantAssessedRule(int unassessed) : IBusinessRule
{
    public Error Error => Error.Rule("exam.not-fully-assessed", $"{unassessed} participant(s) have not been assessed yet.");

    public bool IsBroken() => unassessed > 0;
}

/// <summary>Only a BK result can be appealed.</summary>
public sealed class AppealOnlyAgainstBkRule(AssessmentResult? result) : IBusinessRule
{
    public Error Error => Error.Rule("appeal.not-bk", "Only a BK (not yet competent) result can be appealed.");

    public bool IsBroken() => result != AssessmentResult.NotYetCompetent;
}

/// <summary>A result is appealed once.</summary>
public sealed class AppealFiledOnceRule(bool alreadyFiled) : IBusinessRule
{
    public Error Error => Error.Conflict("appeal.already-filed", "This result has already been appealed; an appeal is filed once.");

    public bool IsBroken() => alreadyFiled;
}

/// <summary>Only a filed appeal is resolved.</summary>
public sealed class AppealFiledRule(bool filed) : IBusinessRule
{
    public Error Error => Error.NotFound("appeal.not-found", "This participant has not appealed.");

    public bool IsBroken() => !filed;
}

/// <summary>An appeal is resolved once.</summary>
public sealed class AppealResolvedOnceRule(bool resolved) : IBusinessRule
{
    public Error Error => Error.Conflict("appeal.already-resolved", "The appeal has already been resolved.");

    public bool IsBroken() => resolved;
}

/// <summary>Participants are removed outright, and the exam rescheduled, only while it is planned.</summary>
public sealed class ExamIsPlannedRule(ExamStatus actual, string? action = null) : IBusinessRule
{
    public Error Error => Error.Conflict("exam.not-planned", action is null
        ? $"The exam is {actual.Code}; participants are removed only while it is planned (mark them absent or withdrawn instead)."
        : $"The exam is {actual.Code}; it can be {action} only while it is planned.");

    public bool IsBroken() => actual != ExamStatus.Planned;
}

/// <summary>Absences are marked while the exam is in progress.</summary>
public sealed class ExamIsInProgressRule(ExamStatus actual) : IBusinessRule
{
    public Error Error => Error.Conflict("exam.not-in-progress", $"The exam is {actual.Code}; absences are marked while it is in progress.");

    public bool IsBroken() => actual != ExamStatus.InProgress;
}

/// <summary>Only a participant still waiting for their result can be marked absent (not yet assessed) or withdrawn (not yet decided).</summary>
public sealed class ParticipantIsPendingRule(ParticipantStatus status, bool evenIfAssessed) : IBusinessRule
{
    public Error Error => Error.Conflict("exam.participant-not-pending", $"The participant is {status.Code}; that can no longer change this way.");

    public bool IsBroken() => !(status == ParticipantStatus.Enrolled || (evenIfAssessed && status == ParticipantStatus.Assessed));
}

/// <summary>A reassignment hands the participant to another assessor.</summary>
public sealed class AnotherAssessorRule(AssessorId current, AssessorId next) : IBusinessRule
{
    public Error Error => Error.Conflict("exam.same-assessor", "The participant is already with this assessor.");

    public bool IsBroken() => current == next;
}

/// <summary>A recorded assessment is changed only with a written amendment reason.</summary>
public sealed class AmendmentHasReasonRule(bool alreadyRecorded, bool reasonGiven) : IBusinessRule
{
    public Error Error => Error.Conflict("exam.assessment-already-recorded", "This participant's assessment is already recorded; an amendment needs an amendmentReason.");

    public bool IsBroken() => alreadyRecorded && !reasonGiven;
}

/// <summary>An exam is never scheduled on a day already past (the LSP's calendar).</summary>
public sealed class NotScheduledInPastRule(DateOnly scheduledOn, DateOnly today) : IBusinessRule
{
    public Error Error => Error.Validation("exam.scheduled-in-past", $"scheduledOn {scheduledOn:yyyy-MM-dd} is before today ({today:yyyy-MM-dd}).");

    public bool IsBroken() => scheduledOn < today;
}

/// <summary>An exam starts on or after its scheduled day.</summary>
public sealed class ScheduledDayReachedRule(DateOnly scheduledOn, DateOnly today) : IBusinessRule
{
    public Error Error => Error.Conflict("exam.not-yet-scheduled", $"The exam is scheduled on {scheduledOn:yyyy-MM-dd}; it cannot start before that day.");

    public bool IsBroken() => today < scheduledOn;
}

/// <summary>A rescheduled exam keeps room for everyone already enrolled.</summary>
public sealed class CapacityNotBelowEnrolledRule(int capacity, int enrolled) : IBusinessRule
{
    public Error Error => Error.Rule("exam.capacity-below-enrolled", $"{enrolled} participants are enrolled; the capacity cannot be {capacity}.");

    public bool IsBroken() => capacity < enrolled;
}
