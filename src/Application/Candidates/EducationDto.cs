namespace Peksos.Clean.Application.Candidates;

public sealed record EducationDto(string Level, string Field, string? Institution, int? GraduationYear);
