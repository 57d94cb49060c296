using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Domain.Certificates;

public sealed record CertificateIssued(CertificateId CertificateId, CertificateNumber Number, CandidateId CandidateId, string SchemeCode, ExamId ExamId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record CertificateSuspended(CertificateId CertificateId, CertificateNumber Number, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record CertificateReinstated(CertificateId CertificateId, CertificateNumber Number, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record CertificateRevoked(CertificateId CertificateId, CertificateNumber Number, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A valid certificate reaches <paramref name="DaysBefore"/> days (90 or 30) before the end of its validity.</summary>
public sealed record CertificateExpiring(CertificateId CertificateId, CertificateNumber Number, DateOnly ValidUntil, int DaysBefore, DateTimeOffset OccurredAt) : IDomainEvent;
