namespace Peksos.Clean.Domain.Exams;

/// <summary>An impartiality declaration by an assessor for one exam.</summary>
public sealed record ImpartialityDeclaration(Assessors.AssessorId AssessorId, string Statement, DateTimeOffset DeclaredAt);
