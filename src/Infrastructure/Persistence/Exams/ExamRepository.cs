using System.Data.Common;
using System.Text.Json;
using Dapper;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Application.Exams;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Infrastructure.Persistence.Exams;

/// <summary>
/// Exams with assessors, declarations and participants. An assessment's detail (verdicts, essay scores) is stored as
/// JSON on the participant row; the columns reports need (recommendation, result, appeal) are plain columns.
/// </summary>
public sealed class ExamRepository(DbSession session, ChangeTracker tracker) : IExamRepository
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<CompetencyExam?> GetAsync(ExamId id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ExamRow>(session.Command(
            """
            SELECT id, scheme_code, title, venue, region_code, scheduled_on, capacity, status, created_at, started_at, decree_number, decided_at, appeal_deadline, panel, version
            FROM exams WHERE id = @Id
            """, new { Id = id.Value }, cancellationToken));
        if (row is null)
        {
            return null;
        }

        var assessors = await connection.QueryAsync<AssessorRow>(session.Command(
            "SELECT assessor_id, name, organisation_key FROM exam_assessors WHERE exam_id = @Id ORDER BY position", new { row.Id }, cancellationToken));
        var declarations = await connection.QueryAsync<DeclarationRow>(session.Command(
            "SELECT assessor_id, statement, declared_at FROM exam_declarations WHERE exam_id = @Id ORDER BY declared_at", new { row.Id }, cancellationToken));
        var participants = await connection.QueryAsync<ParticipantRow>(session.Command(
            """
            SELECT id, portfolio_id, candidate_id, organisation_key, assessor_id, enrolled_at, assessment, assessed_at, result, override_reason,
                   appeal_reason, appeal_filed_at, appeal_upheld, appeal_note, appeal_resolved_at, certificate_number, version, status, status_note, assessment_history,
                   scheme_version, appeal_deadline
            FROM exam_participants WHERE exam_id = @Id ORDER BY position
            """, new { row.Id }, cancellationToken));

        var decision = row.DecreeNumber is null
            ? null
            : new PlenaryDecision(row.DecreeNumber,
                JsonSerializer.Deserialize<List<PanelJson>>(row.Panel!, Json)!.Select(m => new PanelMember(m.Name, m.AssessorId is { } a ? new AssessorId(a) : null)).ToList(),
                row.DecidedAt!.Value, row.AppealDeadline!.Value);

        return CompetencyExam.Rehydrate(
            new ExamId(row.Id), row.SchemeCode, row.Title, row.Venue, Stored.Value(RegionCode.Parse(row.RegionCode)), row.ScheduledOn, row.Capacity,
            Stored.Value(ExamStatus.FromCode(row.Status)), row.CreatedAt, row.StartedAt, decision, row.Version,
            assessors.Select(a => new ExamAssessor(new AssessorId(a.AssessorId), a.Name, a.OrganisationKey)),
            declarations.Select(d => new ImpartialityDeclaration(new AssessorId(d.AssessorId), d.Statement, d.DeclaredAt)),
            participants.Select(ToParticipant));
    }

    public async Task<bool> IsInUndecidedExamAsync(CandidateId candidateId, string schemeCode, ExamId except, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(session.Command(
            """
            SELECT COUNT(*) FROM exam_participants p JOIN exams e ON e.id = p.exam_id
            WHERE p.candidate_id = @CandidateId AND e.scheme_code = @SchemeCode AND e.status <> 'decided' AND e.id <> @Except
              AND p.status NOT IN ('absent', 'withdrawn')
            """, new { CandidateId = candidateId.Value, SchemeCode = schemeCode, Except = except.Value }, cancellationToken)) > 0;
    }

    public async Task<bool> IsAssessorOfPortfolioAsync(AssessorId assessorId, PortfolioId portfolioId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(session.Command(
            "SELECT COUNT(*) FROM exam_participants WHERE portfolio_id = @PortfolioId AND assessor_id = @AssessorId AND status NOT IN ('absent', 'withdrawn')",
            new { PortfolioId = portfolioId.Value, AssessorId = assessorId.Value }, cancellationToken)) > 0;
    }

    public async Task<Result> AddAsync(CompetencyExam exam, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(session.Command(
            """
            INSERT INTO exams (id, scheme_code, title, venue, region_code, scheduled_on, capacity, status, created_at, started_at, decree_number, decided_at, appeal_deadline, panel, version)
            VALUES (@Id, @SchemeCode, @Title, @Venue, @RegionCode, @ScheduledOn, @Capacity, @Status, @CreatedAt, @StartedAt, @DecreeNumber, @DecidedAt, @AppealDeadline, @Panel, 1)
            """, Parameters(exam), cancellationToken));
        return await WriteChildrenAsync(connection, exam, 1, cancellationToken);
    }

    /// <summary>
    /// An exam-wide change is checked against the exam's version; otherwise the exam's version only counts up (so its
    /// ETag moves) and each changed participant is checked against its own (docs/decisions.md, "Exam participants").
    /// </summary>
    public async Task<Result> UpdateAsync(CompetencyExam exam, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        int version;
        if (exam.HasExamChanges)
        {
            var updated = await connection.ExecuteAsync(session.Command(
                """
                UPDATE exams SET title = @Title, venue = @Venue, scheduled_on = @ScheduledOn, capacity = @Capacity, status = @Status, started_at = @StartedAt, decree_number = @DecreeNumber, decided_at = @DecidedAt, appeal_deadline = @AppealDeadline, panel = @Panel,
                    version = version + 1
                WHERE id = @Id AND version = @Version
                """, Parameters(exam), cancellationToken));
            if (updated == 0)
            {
                return PersistenceErrors.ConcurrencyConflict("exam");
            }

            version = exam.Version + 1;
        }
        else
        {
            version = await connection.ExecuteScalarAsync<int>(session.Command(
                "UPDATE exams SET version = version + 1 WHERE id = @Id RETURNING version", new { Id = exam.Id.Value }, cancellationToken));
        }

        return await WriteChildrenAsync(connection, exam, version, cancellationToken);
    }

    private static object Parameters(CompetencyExam e) => new
    {
        Id = e.Id.Value,
        e.SchemeCode,
        e.Title,
        e.Venue,
        RegionCode = e.Region.Value,
        e.ScheduledOn,
        e.Capacity,
        Status = e.Status.Code,
        e.CreatedAt,
        e.StartedAt,
        e.Decision?.DecreeNumber,
        DecidedAt = e.Decision?.DecidedAt,
        AppealDeadline = e.Decision?.AppealDeadline,
        Panel = e.Decision is null ? null : JsonSerializer.Serialize(e.Decision.Panel.Select(m => new PanelJson(m.Name, m.AssessorId?.Value)), Json),
        e.Version,
    };

    /// <summary>Inserts the new assessors, declarations and participants and updates the changed participants, then marks the exam saved.</summary>
    private async Task<Result> WriteChildrenAsync(DbConnection connection, CompetencyExam exam, int examVersion, CancellationToken cancellationToken)
    {
        var examId = exam.Id.Value;
        foreach (var removed in exam.RemovedParticipants)
        {
            await connection.ExecuteAsync(session.Command("DELETE FROM exam_participants WHERE id = @Id", new { removed.Id }, cancellationToken));
        }

        var position = exam.Assessors.Count - exam.NewAssessors.Count();
        foreach (var a in exam.NewAssessors)
        {
            await connection.ExecuteAsync(session.Command(
                "INSERT INTO exam_assessors (exam_id, assessor_id, position, name, organisation_key) VALUES (@ExamId, @AssessorId, @Position, @Name, @OrganisationKey)",
                new { ExamId = examId, AssessorId = a.AssessorId.Value, Position = position++, a.Name, a.OrganisationKey }, cancellationToken));
        }

        foreach (var d in exam.NewDeclarations)
        {
            // Declarations are the assessor's own rows: a second one arriving at the same moment is a conflict, not a 500.
            var inserted = await connection.ExecuteAsync(session.Command(
                """
                INSERT INTO exam_declarations (exam_id, assessor_id, statement, declared_at) VALUES (@ExamId, @AssessorId, @Statement, @DeclaredAt)
                ON CONFLICT (exam_id, assessor_id) DO NOTHING
                """, new { ExamId = examId, AssessorId = d.AssessorId.Value, d.Statement, d.DeclaredAt }, cancellationToken));
            if (inserted == 0)
            {
                return PersistenceErrors.ConcurrencyConflict("exam");
            }
        }

        var changed = exam.Participants.Select((p, i) => (Participant: p, Position: i)).Where(x => x.Participant.HasChanges).ToList();
        foreach (var (participant, index) in changed)
        {
            var sql = participant.Version == 0 ? InsertParticipantSql : UpdateParticipantSql;
            if (await connection.ExecuteAsync(session.Command(sql, ParticipantParameters(examId, index, participant), cancellationToken)) == 0)
            {
                return PersistenceErrors.ConcurrencyConflict("exam participant");
            }
        }

        foreach (var (participant, _) in changed)
        {
            participant.MarkSaved(participant.Version + 1);
        }

        exam.MarkSaved(examVersion);
        tracker.Track(exam);
        return Result.Success();
    }

    private const string InsertParticipantSql = """
        INSERT INTO exam_participants (id, exam_id, position, portfolio_id, candidate_id, organisation_key, assessor_id, enrolled_at,
            assessment, recommendation, assessed_at, result, override_reason, appeal_reason, appeal_filed_at, appeal_upheld, appeal_note,
            appeal_resolved_at, certificate_number, version, status, status_note, assessment_history, scheme_version, appeal_deadline)
        VALUES (@Id, @ExamId, @Position, @PortfolioId, @CandidateId, @OrganisationKey, @AssessorId, @EnrolledAt,
            @Assessment, @Recommendation, @AssessedAt, @Result, @OverrideReason, @AppealReason, @AppealFiledAt, @AppealUpheld, @AppealNote,
            @AppealResolvedAt, @CertificateNumber, 1, @Status, @StatusNote, @AssessmentHistory, @SchemeVersion, @AppealDeadline)
        """;

    private const string UpdateParticipantSql = """
        UPDATE exam_participants SET assessor_id = @AssessorId, assessment = @Assessment, recommendation = @Recommendation, assessed_at = @AssessedAt, result = @Result,
            override_reason = @OverrideReason, appeal_reason = @AppealReason, appeal_filed_at = @AppealFiledAt, appeal_upheld = @AppealUpheld,
            appeal_note = @AppealNote, appeal_resolved_at = @AppealResolvedAt, certificate_number = @CertificateNumber, status = @Status,
            status_note = @StatusNote, assessment_history = @AssessmentHistory, appeal_deadline = @AppealDeadline, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    private static object ParticipantParameters(Guid examId, int position, ExamParticipant p) => new
    {
        p.Id,
        ExamId = examId,
        Position = position,
        PortfolioId = p.PortfolioId.Value,
        CandidateId = p.CandidateId.Value,
        OrganisationKey = p.CandidateOrganisationKey,
        AssessorId = p.AssessorId.Value,
        p.EnrolledAt,
        Assessment = p.Assessment is null ? null : JsonSerializer.Serialize(AssessmentJson.From(p.Assessment), Json),
        Recommendation = p.Assessment?.Outcome.Recommendation.Code,
        AssessedAt = p.Assessment?.AssessedAt,
        Result = p.Result?.Code,
        p.OverrideReason,
        AppealReason = p.Appeal?.Reason,
        AppealFiledAt = p.Appeal?.FiledAt,
        AppealUpheld = p.Appeal?.Upheld is { } upheld ? (upheld ? 1 : 0) : (int?)null,
        AppealNote = p.Appeal?.ResolutionNote,
        AppealResolvedAt = p.Appeal?.ResolvedAt,
        CertificateNumber = p.CertificateNumber?.Value,
        p.Version,
        Status = p.Status.Code,
        p.StatusNote,
        AssessmentHistory = p.AssessmentHistory.Count == 0 ? null : JsonSerializer.Serialize(p.AssessmentHistory.Select(AssessmentJson.From).ToList(), Json),
        p.SchemeVersion,
        p.AppealDeadline,
    };

    private static ExamParticipant ToParticipant(ParticipantRow r) => ExamParticipant.Rehydrate(
        r.Id, new PortfolioId(r.PortfolioId), new CandidateId(r.CandidateId), r.OrganisationKey, new AssessorId(r.AssessorId), r.EnrolledAt,
        r.Assessment is null ? null : JsonSerializer.Deserialize<AssessmentJson>(r.Assessment, Json)!.ToAssessment(r.AssessedAt!.Value),
        r.Result is null ? null : Stored.Value(AssessmentResult.FromCode(r.Result)),
        r.OverrideReason,
        r.AppealReason is null ? null : new Appeal(r.AppealReason, r.AppealFiledAt!.Value, r.AppealUpheld is null ? null : r.AppealUpheld == 1, r.AppealNote, r.AppealResolvedAt),
        r.CertificateNumber is null ? null : Stored.Value(CertificateNumber.Parse(r.CertificateNumber)),
        r.Version,
        Stored.Value(ParticipantStatus.FromCode(r.Status)),
        r.StatusNote,
        r.AssessmentHistory is null ? null : JsonSerializer.Deserialize<List<AssessmentJson>>(r.AssessmentHistory, Json)!.Select(h => h.ToAssessment(h.AssessedAt!.Value)),
        r.SchemeVersion,
        r.AppealDeadline);

    private sealed record PanelJson(string Name, Guid? AssessorId);

    private sealed record VerdictJson(Guid EvidenceId, bool Valid, bool Authentic, bool Current, bool Sufficient, string? Note);

    private sealed record ScoreJson(string Code, int Score);

    private sealed record AssessmentJson(int WrittenScore, string Interview, string? InterviewNotes, List<VerdictJson> Verdicts, List<ScoreJson> EssayScores,
        string Written, string InterviewResult, string Portfolio, string Recommendation, string? AmendmentReason = null, DateTimeOffset? AssessedAt = null)
    {
        /// <summary>The current assessment keeps its time in its own column; an earlier version carries it here.</summary>
        public static AssessmentJson From(Assessment a) => new(
            a.Sheet.WrittenScore, a.Sheet.Interview.Code, a.Sheet.InterviewNotes,
            a.Sheet.EvidenceVerdicts.Select(v => new VerdictJson(v.EvidenceId, v.Verdict.Valid, v.Verdict.Authentic, v.Verdict.Current, v.Verdict.Sufficient, v.Note)).ToList(),
            a.Sheet.EssayScores.Select(s => new ScoreJson(s.Code.Value, s.Score)).ToList(),
            a.Outcome.Written.Code, a.Outcome.Interview.Code, a.Outcome.Portfolio.Code, a.Outcome.Recommendation.Code, a.AmendmentReason, a.AssessedAt);

        public Assessment ToAssessment(DateTimeOffset assessedAt) => new(
            new AssessmentSheet(WrittenScore, Stored.Value(AssessmentResult.FromCode(Interview)), InterviewNotes,
                Verdicts.Select(v => new EvidenceVerdict(v.EvidenceId, new VatmVerdict(v.Valid, v.Authentic, v.Current, v.Sufficient), v.Note)).ToList(),
                EssayScores.Select(s => new EssayScore(Stored.Value(EssayCode.Parse(s.Code)), s.Score)).ToList()),
            new AssessmentOutcome(Stored.Value(AssessmentResult.FromCode(Written)), Stored.Value(AssessmentResult.FromCode(InterviewResult)),
                Stored.Value(AssessmentResult.FromCode(Portfolio)), Stored.Value(AssessmentResult.FromCode(Recommendation))),
            assessedAt, AmendmentReason);
    }

    private sealed class ExamRow
    {
        public Guid Id { get; set; }
        public string SchemeCode { get; set; } = "";
        public string Title { get; set; } = "";
        public string Venue { get; set; } = "";
        public string RegionCode { get; set; } = "";
        public DateOnly ScheduledOn { get; set; }
        public int Capacity { get; set; }
        public string Status { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset? StartedAt { get; set; }
        public string? DecreeNumber { get; set; }
        public DateTimeOffset? DecidedAt { get; set; }
        public DateOnly? AppealDeadline { get; set; }
        public string? Panel { get; set; }
        public int Version { get; set; }
    }

    private sealed class AssessorRow
    {
        public Guid AssessorId { get; set; }
        public string Name { get; set; } = "";
        public string OrganisationKey { get; set; } = "";
    }

    private sealed class DeclarationRow
    {
        public Guid AssessorId { get; set; }
        public string Statement { get; set; } = "";
        public DateTimeOffset DeclaredAt { get; set; }
    }

    private sealed class ParticipantRow
    {
        public Guid Id { get; set; }
        public Guid PortfolioId { get; set; }
        public Guid CandidateId { get; set; }
        public string OrganisationKey { get; set; } = "";
        public Guid AssessorId { get; set; }
        public DateTimeOffset EnrolledAt { get; set; }
        public string? Assessment { get; set; }
        public DateTimeOffset? AssessedAt { get; set; }
        public string? Result { get; set; }
        public string? OverrideReason { get; set; }
        public string? AppealReason { get; set; }
        public DateTimeOffset? AppealFiledAt { get; set; }
        public int? AppealUpheld { get; set; }
        public string? AppealNote { get; set; }
        public DateTimeOffset? AppealResolvedAt { get; set; }
        public string? CertificateNumber { get; set; }
        public int Version { get; set; }
        public string Status { get; set; } = "";
        public string? StatusNote { get; set; }
        public string? AssessmentHistory { get; set; }
        public int SchemeVersion { get; set; } = 1;
        public DateOnly? AppealDeadline { get; set; }
    }
}
