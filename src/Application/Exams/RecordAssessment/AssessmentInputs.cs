namespace Peksos.Clean.Application.Exams.RecordAssessment;

public sealed record EvidenceVerdictInput(Guid? EvidenceId, bool? Valid, bool? Authentic, bool? Current, bool? Sufficient, string? Note);

public sealed record EssayScoreInput(string? Code, int? Score);
