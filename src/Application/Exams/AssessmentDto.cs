using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams;

public sealed record ComponentsDto(string Written, string Interview, string Portfolio);

public sealed record EvidenceVerdictDto(Guid EvidenceId, bool Valid, bool Authentic, bool Current, bool Sufficient, string? Note);

public sealed record EssayScoreDto(string Code, int Score);

public sealed record AssessmentDto(int WrittenScore, string Interview, string? InterviewNotes, IReadOnlyList<EvidenceVerdictDto> EvidenceVerdicts,
    IReadOnlyList<EssayScoreDto> EssayScores, string Recommendation, ComponentsDto Components, DateTimeOffset AssessedAt, string? AmendmentReason)
{
    public static AssessmentDto From(Assessment a) => new(
        a.Sheet.WrittenScore,
        a.Sheet.Interview.Code,
        a.Sheet.InterviewNotes,
        a.Sheet.EvidenceVerdicts.Select(v => new EvidenceVerdictDto(v.EvidenceId, v.Verdict.Valid, v.Verdict.Authentic, v.Verdict.Current, v.Verdict.Sufficient, v.Note)).ToList(),
        a.Sheet.EssayScores.Select(s => new EssayScoreDto(s.Code.Value, s.Score)).ToList(),
        a.Outcome.Recommendation.Code,
        ComponentsOf(a.Outcome),
        a.AssessedAt,
        a.AmendmentReason);

    public static ComponentsDto ComponentsOf(AssessmentOutcome o) => new(o.Written.Code, o.Interview.Code, o.Portfolio.Code);
}

/// <summary>An earlier version of a participant's assessment, as it stood before an amendment replaced it.</summary>
public sealed record AssessmentVersionDto(DateTimeOffset RecordedAt, int WrittenScore, string Interview, string Recommendation, string? AmendmentReason)
{
    public static AssessmentVersionDto From(Assessment a) => new(a.AssessedAt, a.Sheet.WrittenScore, a.Sheet.Interview.Code, a.Outcome.Recommendation.Code, a.AmendmentReason);
}
