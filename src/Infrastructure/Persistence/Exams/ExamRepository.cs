using System.Data.Common;
using System.Text.Json;
using Dapper;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Reference;

using Peksos.Clean.Application.Events;

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
            SELECT id, scheme_code, title, venue, region_code, scheduled_on, capacity, status, created_at, started_at, decree_number, decided_at, panel, version
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
                   appeal_reason, appeal_filed_at, appeal_upheld, appeal_note, appeal_resolved_at, certificate_number
            FROM exam_participants WHERE exam_id = @Id ORDER BY position
            """, new { row.Id }, cancellationToken));

        var decision = row.DecreeNumber is null
            ? null
            : new PlenaryDecision(row.DecreeNumber,
                JsonSerializer.Deserialize<List<PanelJson>>(row.Panel!, Json)!.Select(m => new PanelMember(m.Name, m.AssessorId is { } a ? new AssessorId(a) : null)).ToList(),
                row.DecidedAt!.Value);

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
            """, new { CandidateId = candidateId.Value, SchemeCode = schemeCode, Except = except.Value }, cancellationToken)) > 0;
    }

    public async Task<Result> AddAsync(CompetencyExam exam, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(session.Command(
            """
            INSERT INTO exams (id, scheme_code, title, venue, region_code, scheduled_on, capacity, status, created_at, started_at, decree_number, decided_at, panel, version)
            VALUES (@Id, @SchemeCode, @Title, @Venue, @RegionCode, @ScheduledOn, @Capacity, @Status, @CreatedAt, @StartedAt, @DecreeNumber, @DecidedAt, @Panel, 1)
            """, Parameters(exam), cancellationToken));
        await WriteChildrenAsync(connection, exam, cancellationToken);
        exam.SetVersion(1);
        tracker.Track(exam);
        return Result.Success();
    }

    public Task<Result> UpdateAsync(CompetencyExam exam, CancellationToken cancellationToken) =>
        VersionedUpdate.ApplyAsync(session, tracker, exam, "exam",
            """
            UPDATE exams SET status = @Status, started_at = @StartedAt, decree_number = @DecreeNumber, decided_at = @DecidedAt, panel = @Panel,
                version = version + 1
            WHERE id = @Id AND version = @Version
            """, Parameters(exam),
            async connection =>
            {
                // Certificates reference participants, so participants are upserted, never deleted and re-inserted.
                await connection.ExecuteAsync(session.Command("DELETE FROM exam_assessors WHERE exam_id = @Id", new { Id = exam.Id.Value }, cancellationToken));
                await connection.ExecuteAsync(session.Command("DELETE FROM exam_declarations WHERE exam_id = @Id", new { Id = exam.Id.Value }, cancellationToken));
                await WriteChildrenAsync(connection, exam, cancellationToken);
            },
            cancellationToken);

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
        Panel = e.Decision is null ? null : JsonSerializer.Serialize(e.Decision.Panel.Select(m => new PanelJson(m.Name, m.AssessorId?.Value)), Json),
        e.Version,
    };

    private async Task WriteChildrenAsync(DbConnection connection, CompetencyExam exam, CancellationToken cancellationToken)
    {
        if (exam.Assessors.Count > 0)
        {
            await connection.ExecuteAsync(session.Command(
                "INSERT INTO exam_assessors (exam_id, assessor_id, position, name, organisation_key) VALUES (@ExamId, @AssessorId, @Position, @Name, @OrganisationKey)",
                exam.Assessors.Select((a, i) => new { ExamId = exam.Id.Value, AssessorId = a.AssessorId.Value, Position = i, a.Name, a.OrganisationKey }).ToList(),
                cancellationToken));
        }

        if (exam.Declarations.Count > 0)
        {
            await connection.ExecuteAsync(session.Command(
                "INSERT INTO exam_declarations (exam_id, assessor_id, statement, declared_at) VALUES (@ExamId, @AssessorId, @Statement, @DeclaredAt)",
                exam.Declarations.Select(d => new { ExamId = exam.Id.Value, AssessorId = d.AssessorId.Value, d.Statement, d.DeclaredAt }).ToList(),
                cancellationToken));
        }

        if (exam.Participants.Count > 0)
        {
            await connection.ExecuteAsync(session.Command(
                """
                INSERT INTO exam_participants (id, exam_id, position, portfolio_id, candidate_id, organisation_key, assessor_id, enrolled_at,
                    assessment, recommendation, assessed_at, result, override_reason, appeal_reason, appeal_filed_at, appeal_upheld, appeal_note,
                    appeal_resolved_at, certificate_number)
                VALUES (@Id, @ExamId, @Position, @PortfolioId, @CandidateId, @OrganisationKey, @AssessorId, @EnrolledAt,
                    @Assessment, @Recommendation, @AssessedAt, @Result, @OverrideReason, @AppealReason, @AppealFiledAt, @AppealUpheld, @AppealNote,
                    @AppealResolvedAt, @CertificateNumber)
                ON CONFLICT (id) DO UPDATE SET assessment = excluded.assessment, recommendation = excluded.recommendation,
                    assessed_at = excluded.assessed_at, result = excluded.result, override_reason = excluded.override_reason,
                    appeal_reason = excluded.appeal_reason, appeal_filed_at = excluded.appeal_filed_at, appeal_upheld = excluded.appeal_upheld,
                    appeal_note = excluded.appeal_note, appeal_resolved_at = excluded.appeal_resolved_at, certificate_number = excluded.certificate_number
                """,
                exam.Participants.Select((p, i) => new
                {
                    p.Id,
                    ExamId = exam.Id.Value,
                    Position = i,
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
                }).ToList(),
                cancellationToken));
        }
    }

    private static ExamParticipant ToParticipant(ParticipantRow r) => ExamParticipant.Rehydrate(
        r.Id, new PortfolioId(r.PortfolioId), new CandidateId(r.CandidateId), r.OrganisationKey, new AssessorId(r.AssessorId), r.EnrolledAt,
        r.Assessment is null ? null : JsonSerializer.Deserialize<AssessmentJson>(r.Assessment, Json)!.ToAssessment(r.AssessedAt!.Value),
        r.Result is null ? null : Stored.Value(AssessmentResult.FromCode(r.Result)),
        r.OverrideReason,
        r.AppealReason is null ? null : new Appeal(r.AppealReason, r.AppealFiledAt!.Value, r.AppealUpheld is null ? null : r.AppealUpheld == 1, r.AppealNote, r.AppealResolvedAt),
        r.CertificateNumber is null ? null : Stored.Value(CertificateNumber.Parse(r.CertificateNumber)));

    private sealed record PanelJson(string Name, Guid? AssessorId);

    private sealed record VerdictJson(Guid EvidenceId, bool Valid, bool Authentic, bool Current, bool Sufficient, string? Note);

    private sealed record ScoreJson(string Code, int Score);

    private sealed record AssessmentJson(int WrittenScore, string Interview, string? InterviewNotes, List<VerdictJson> Verdicts, List<ScoreJson> EssayScores,
        string Written, string InterviewResult, string Portfolio, string Recommendation)
    {
        public static AssessmentJson From(Assessment a) => new(
            a.Sheet.WrittenScore, a.Sheet.Interview.Code, a.Sheet.InterviewNotes,
            a.Sheet.EvidenceVerdicts.Select(v => new VerdictJson(v.EvidenceId, v.Verdict.Valid, v.Verdict.Authentic, v.Verdict.Current, v.Verdict.Sufficient, v.Note)).ToList(),
            a.Sheet.EssayScores.Select(s => new ScoreJson(s.Code.Value, s.Score)).ToList(),
            a.Outcome.Written.Code, a.Outcome.Interview.Code, a.Outcome.Portfolio.Code, a.Outcome.Recommendation.Code);

        public Assessment ToAssessment(DateTimeOffset assessedAt) => new(
            new AssessmentSheet(WrittenScore, Stored.Value(AssessmentResult.FromCode(Interview)), InterviewNotes,
                Verdicts.Select(v => new EvidenceVerdict(v.EvidenceId, new VatmVerdict(v.Valid, v.Authentic, v.Current, v.Sufficient), v.Note)).ToList(),
                EssayScores.Select(s => new EssayScore(Stored.Value(EssayCode.Parse(s.Code)), s.Score)).ToList()),
            new AssessmentOutcome(Stored.Value(AssessmentResult.FromCode(Written)), Stored.Value(AssessmentResult.FromCode(InterviewResult)),
                Stored.Value(AssessmentResult.FromCode(Portfolio)), Stored.Value(AssessmentResult.FromCode(Recommendation))),
            assessedAt);
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
    }
}
