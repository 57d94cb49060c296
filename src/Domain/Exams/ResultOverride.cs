namespace Peksos.Clean.Domain.Exams;

/// <summary>An override of a recommendation by the plenary, with its written reason.</summary>
public sealed record ResultOverride(Guid ParticipantId, AssessmentResult Result, string Reason)
{
    public const int MaxReasonLength = 2_000;
}
