namespace Peksos.Clean.Domain.Exams;

/// <summary>What an assessor records for one participant, as parsed from the request.</summary>
public sealed record AssessmentSheet(
    int WrittenScore,
    AssessmentResult Interview,
    string? InterviewNotes,
    IReadOnlyList<EvidenceVerdict> EvidenceVerdicts,
    IReadOnlyList<EssayScore> EssayScores)
{
    public const int MaxWrittenScore = 100;
    public const int MaxNotesLength = 4_000;
    public const int MaxVerdictNoteLength = 2_000;
}
