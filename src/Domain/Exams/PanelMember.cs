namespace Peksos.Clean.Domain.Exams;

/// <summary>A panel member of the plenary; <see cref="AssessorId"/> when the member is a registered assessor.</summary>
public sealed record PanelMember(string Name, Assessors.AssessorId? AssessorId);
