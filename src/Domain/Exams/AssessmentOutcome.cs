namespace Peksos.Clean.Domain.Exams;

/// <summary>How each part of the assessment came out, and the recommendation they add up to.</summary>
public sealed record AssessmentOutcome(AssessmentResult Written, AssessmentResult Interview, AssessmentResult Portfolio, AssessmentResult Recommendation);
