namespace Peksos.Clean.Application.Exams.RecordAssessment;

public sealed record AssessmentOutcomeDto(Guid ParticipantId, string Recommendation, ComponentsDto Components);
