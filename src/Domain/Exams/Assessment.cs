namespace Peksos.Clean.Domain.Exams;

/// <summary>A recorded assessment.</summary>
public sealed record Assessment(AssessmentSheet Sheet, AssessmentOutcome Outcome, DateTimeOffset AssessedAt);
