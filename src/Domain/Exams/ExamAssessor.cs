using Peksos.Clean.Domain.Assessors;

namespace Peksos.Clean.Domain.Exams;

/// <summary>An assessor assigned to the exam, with the organisation used for conflict-of-interest checks.</summary>
public sealed record ExamAssessor(AssessorId AssessorId, string Name, string OrganisationKey);
