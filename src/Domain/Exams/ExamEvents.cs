using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Exams;

public sealed record ExamPlanned(ExamId ExamId, string SchemeCode, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ExamRescheduled(ExamId ExamId, string Title, string Venue, DateOnly PreviousScheduledOn, DateOnly ScheduledOn, int Capacity,
    DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ParticipantEnrolled(ExamId ExamId, Guid ParticipantId, CandidateId CandidateId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ExamStarted(ExamId ExamId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ImpartialityDeclared(ExamId ExamId, AssessorId AssessorId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AssessmentRecorded(ExamId ExamId, Guid ParticipantId, AssessorId AssessorId, string Recommendation, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AssessmentAmended(ExamId ExamId, Guid ParticipantId, AssessorId AssessorId, string PreviousRecommendation, string Recommendation, string Reason,
    DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ExamDecided(ExamId ExamId, string DecreeNumber, int Participants, int Competent, IReadOnlyList<DecidedResult> Results,
    DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>One participant's result in a plenary decision, with the recommendation it confirmed or overrode.</summary>
public sealed record DecidedResult(Guid ParticipantId, string Result, string Recommendation, string? OverrideReason);

public sealed record AppealFiled(ExamId ExamId, Guid ParticipantId, CandidateId CandidateId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AppealResolved(ExamId ExamId, Guid ParticipantId, CandidateId CandidateId, bool Upheld, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AssessorAssigned(ExamId ExamId, AssessorId AssessorId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ParticipantMarkedAbsent(ExamId ExamId, Guid ParticipantId, CandidateId CandidateId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ParticipantWithdrawn(ExamId ExamId, Guid ParticipantId, CandidateId CandidateId, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ParticipantReassigned(ExamId ExamId, Guid ParticipantId, CandidateId CandidateId, AssessorId From, AssessorId To, string Reason,
    DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ParticipantRemoved(ExamId ExamId, Guid ParticipantId, CandidateId CandidateId, DateTimeOffset OccurredAt) : IDomainEvent;
