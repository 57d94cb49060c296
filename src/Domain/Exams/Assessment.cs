namespace Peksos.Clean.Domain.Exams;

/// <summary>A recorded assessment; an amendment carries the reason it replaced the one before.</summary>
public sealed record Assessment(AssessmentSheet Sheet, AssessmentOutcome Outcome, DateTimeOffset AssessedAt, string? AmendmentReason = null);
