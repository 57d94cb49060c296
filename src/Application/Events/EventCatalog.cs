using Peksos.Clean.Application.ApiKeys;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Trainings;
using Peksos.Clean.Domain.Webhooks;

namespace Peksos.Clean.Application.Events;

/// <summary>
/// How each domain event is recorded: audit action, entity and data (never a NIK) and, when published, its feed type.
/// Every domain event must be here; a test checks it.
/// </summary>
public static class EventCatalog
{
    /// <summary>Every type the feed publishes (what a webhook may subscribe to); a test checks it against <see cref="Describe"/>.</summary>
    public static readonly IReadOnlyList<string> PublishedTypes =
    [
        "candidate.registered", "candidate.corrected",
        "portfolio.submitted", "portfolio.accepted", "portfolio.returned", "portfolio.withdrawn",
        "exam.participant-absent", "exam.participant-withdrawn", "exam.decided", "appeal.filed", "appeal.resolved",
        "certificate.issued", "certificate.reissued", "certificate.suspended", "certificate.reinstated", "certificate.revoked",
        "certificate.superseded", "certificate.expiring",
        "training.completed", "scheme.version-published", "webhook.disabled",
    ];

    /// <summary>How one event is recorded; <paramref name="Audit"/>, when given, is the audit entry's fuller data (the feed keeps <paramref name="Data"/>).</summary>
    public sealed record Entry(string Action, string EntityType, Guid EntityId, object Data, bool Published, object? Audit = null)
    {
        public object AuditData => Audit ?? Data;
    }

    public static Entry Describe(IDomainEvent e) => e switch
    {
        CandidateRegistered x => new("candidate.registered", "candidate", x.CandidateId.Value, new { candidateId = x.CandidateId.Value }, true),
        CandidateCorrected x => new("candidate.corrected", "candidate", x.CandidateId.Value, new { candidateId = x.CandidateId.Value, fields = x.Changes.Select(c => c.Field).ToList() }, true,
            new { candidateId = x.CandidateId.Value, changes = x.Changes, x.Reason }),
        PracticeRecorded x => new("candidate.practice-recorded", "candidate", x.CandidateId.Value, new { candidateId = x.CandidateId.Value, practiceRecordId = x.PracticeRecordId, x.Hours }, false),
        TrainingRecorded x => new("candidate.training-recorded", "candidate", x.CandidateId.Value, new { candidateId = x.CandidateId.Value, trainingRecordId = x.TrainingRecordId, x.Hours }, false),
        PortfolioOpened x => new("portfolio.opened", "portfolio", x.PortfolioId.Value, new { portfolioId = x.PortfolioId.Value, candidateId = x.CandidateId.Value, x.SchemeCode }, false),
        EvidenceAdded x => new("portfolio.evidence-added", "portfolio", x.PortfolioId.Value, new { portfolioId = x.PortfolioId.Value, x.EvidenceId, x.Kind }, false),
        EvidenceRemoved x => new("portfolio.evidence-removed", "portfolio", x.PortfolioId.Value, new { portfolioId = x.PortfolioId.Value, x.EvidenceId }, false),
        EssayWritten x => new("portfolio.essay-written", "portfolio", x.PortfolioId.Value, new { portfolioId = x.PortfolioId.Value, x.Code, x.WordCount }, false),
        PortfolioSubmitted x => new("portfolio.submitted", "portfolio", x.PortfolioId.Value, new { portfolioId = x.PortfolioId.Value, candidateId = x.CandidateId.Value, x.SchemeCode }, true),
        PortfolioAccepted x => new("portfolio.accepted", "portfolio", x.PortfolioId.Value, new { portfolioId = x.PortfolioId.Value, candidateId = x.CandidateId.Value, x.SchemeCode }, true),
        PortfolioReturned x => new("portfolio.returned", "portfolio", x.PortfolioId.Value, new { portfolioId = x.PortfolioId.Value, candidateId = x.CandidateId.Value, x.SchemeCode, x.Reason }, true),
        PortfolioClosed x => new("portfolio.closed", "portfolio", x.PortfolioId.Value, new { portfolioId = x.PortfolioId.Value, candidateId = x.CandidateId.Value, x.SchemeCode }, false),
        PortfolioWithdrawn x => new("portfolio.withdrawn", "portfolio", x.PortfolioId.Value, new { portfolioId = x.PortfolioId.Value, candidateId = x.CandidateId.Value, x.SchemeCode, x.Reason }, true),
        SpecialisationChanged x => new("portfolio.specialisation-changed", "portfolio", x.PortfolioId.Value, new { portfolioId = x.PortfolioId.Value, x.Previous, x.Specialisation }, false),
        AssessorRegistered x => new("assessor.registered", "assessor", x.AssessorId.Value, new { assessorId = x.AssessorId.Value }, false),
        ExamPlanned x => new("exam.planned", "exam", x.ExamId.Value, new { examId = x.ExamId.Value, x.SchemeCode }, false),
        ExamRescheduled x => new("exam.rescheduled", "exam", x.ExamId.Value, new { examId = x.ExamId.Value, x.Title, x.Venue, x.PreviousScheduledOn, x.ScheduledOn, x.Capacity }, false),
        AssessorAssigned x => new("exam.assessor-assigned", "exam", x.ExamId.Value, new { examId = x.ExamId.Value, assessorId = x.AssessorId.Value }, false),
        ParticipantEnrolled x => new("exam.participant-enrolled", "exam", x.ExamId.Value, new { examId = x.ExamId.Value, x.ParticipantId, candidateId = x.CandidateId.Value }, false),
        ExamStarted x => new("exam.started", "exam", x.ExamId.Value, new { examId = x.ExamId.Value }, false),
        ImpartialityDeclared x => new("exam.impartiality-declared", "exam", x.ExamId.Value, new { examId = x.ExamId.Value, assessorId = x.AssessorId.Value }, false),
        AssessmentRecorded x => new("exam.assessment-recorded", "exam", x.ExamId.Value, new { examId = x.ExamId.Value, x.ParticipantId, assessorId = x.AssessorId.Value, x.Recommendation }, false),
        AssessmentAmended x => new("exam.assessment-amended", "exam", x.ExamId.Value, new
        {
            examId = x.ExamId.Value,
            x.ParticipantId,
            assessorId = x.AssessorId.Value,
            x.PreviousRecommendation,
            x.Recommendation,
            x.Reason
        }, false),
        ParticipantMarkedAbsent x => new("exam.participant-absent", "exam", x.ExamId.Value, new { examId = x.ExamId.Value, x.ParticipantId, candidateId = x.CandidateId.Value }, true),
        ParticipantWithdrawn x => new("exam.participant-withdrawn", "exam", x.ExamId.Value, new { examId = x.ExamId.Value, x.ParticipantId, candidateId = x.CandidateId.Value, x.Reason }, true),
        ParticipantReassigned x => new("exam.participant-reassigned", "exam", x.ExamId.Value, new { examId = x.ExamId.Value, x.ParticipantId, candidateId = x.CandidateId.Value, fromAssessorId = x.From.Value, toAssessorId = x.To.Value, x.Reason }, false),
        ParticipantRemoved x => new("exam.participant-removed", "exam", x.ExamId.Value, new { examId = x.ExamId.Value, x.ParticipantId, candidateId = x.CandidateId.Value }, false),
        ExamDecided x => new("exam.decided", "exam", x.ExamId.Value, new { examId = x.ExamId.Value, x.DecreeNumber, x.Participants, x.Competent }, true,
            new { examId = x.ExamId.Value, x.DecreeNumber, x.Participants, x.Competent, results = x.Results }),
        AppealFiled x => new("appeal.filed", "exam", x.ExamId.Value, new { examId = x.ExamId.Value, x.ParticipantId, candidateId = x.CandidateId.Value }, true),
        AppealResolved x => new("appeal.resolved", "exam", x.ExamId.Value, new { examId = x.ExamId.Value, x.ParticipantId, candidateId = x.CandidateId.Value, x.Upheld }, true),
        CertificateIssued x => new("certificate.issued", "certificate", x.CertificateId.Value,
            new { number = x.Number.Value, candidateId = x.CandidateId.Value, x.SchemeCode, examId = x.ExamId.Value }, true),
        CertificateReissued x => new("certificate.reissued", "certificate", x.CertificateId.Value, new { number = x.Number.Value, x.Revision, x.Reason }, true),
        CertificateSuspended x => new("certificate.suspended", "certificate", x.CertificateId.Value, new { number = x.Number.Value, x.Reason }, true),
        CertificateReinstated x => new("certificate.reinstated", "certificate", x.CertificateId.Value, new { number = x.Number.Value, x.Reason }, true),
        CertificateRevoked x => new("certificate.revoked", "certificate", x.CertificateId.Value, new { number = x.Number.Value, x.Reason }, true),
        CertificateSuperseded x => new("certificate.superseded", "certificate", x.CertificateId.Value, new { number = x.Number.Value, supersededBy = x.SupersededBy.Value }, true),
        TrainingPlanned x => new("training.planned", "training", x.TrainingEventId.Value, new { trainingId = x.TrainingEventId.Value }, false),
        TrainingParticipantEnrolled x => new("training.participant-enrolled", "training", x.TrainingEventId.Value,
            new { trainingId = x.TrainingEventId.Value, candidateId = x.CandidateId.Value }, false),
        TrainingCompleted x => new("training.completed", "training", x.TrainingEventId.Value, new { trainingId = x.TrainingEventId.Value, x.Credited }, true),
        Schemes.SchemeVersionPublished x => new("scheme.version-published", "scheme", x.VersionId,
            new { code = x.Code, version = x.Version, effectiveFrom = x.EffectiveFrom }, true),
        EvidenceFileAttached x => new("portfolio.file-attached", "portfolio", x.PortfolioId.Value,
            new { portfolioId = x.PortfolioId.Value, x.EvidenceId, x.FileId, x.ContentType, x.Size, x.Sha256 }, false),
        EvidenceFileRemoved x => new("portfolio.file-removed", "portfolio", x.PortfolioId.Value, new { portfolioId = x.PortfolioId.Value, x.EvidenceId, x.FileId }, false),
        Exams.ExportBnspReport.BnspReportExported x => new("exam.bnsp-report-exported", "exam", x.ExamId.Value, new { examId = x.ExamId.Value, participants = x.Participants }, false),
        ApiKeyCreated x => new("api-key.created", "api-key", x.KeyId, new { keyId = x.KeyId, x.Name, x.Role, x.AssessorId }, false),
        ApiKeyRevoked x => new("api-key.revoked", "api-key", x.KeyId, new { keyId = x.KeyId }, false),
        CertificateExpiring x => new("certificate.expiring", "certificate", x.CertificateId.Value,
            new { number = x.Number.Value, validUntil = x.ValidUntil, daysBefore = x.DaysBefore }, true),
        WebhookCreated x => new("webhook.created", "webhook", x.WebhookId, new { webhookId = x.WebhookId, url = x.Url, eventTypes = x.EventTypes, watchedCertificates = x.WatchedCertificates }, false),
        WebhookDisabled x => new("webhook.disabled", "webhook", x.WebhookId, new { webhookId = x.WebhookId, url = x.Url }, true,
            new { webhookId = x.WebhookId, url = x.Url, attempts = x.Attempts }),
        WebhookDeleted x => new("webhook.deleted", "webhook", x.WebhookId, new { webhookId = x.WebhookId, url = x.Url }, false),
        _ => throw new InvalidOperationException($"{e.GetType().Name} is not in the event catalog; add it to EventCatalog.Describe."),
    };
}
