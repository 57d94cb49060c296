using Peksos.Clean.Domain.Candidates;

namespace Peksos.Clean.Application.Candidates;

/// <summary>A candidate as admins see it. The NIK is masked; the raw NIK never leaves the system.</summary>
public sealed record CandidateDto(
    Guid Id,
    string NikMasked,
    string FullName,
    DateOnly BirthDate,
    string Sex,
    string Email,
    string Phone,
    EducationDto Education,
    EmploymentDto Employment,
    IReadOnlyList<string> PracticeAreas,
    int PracticeHours,
    int TrainingHours,
    IReadOnlyList<string> NikWarnings,
    DateTimeOffset CreatedAt,
    int Version) : Common.IVersioned
{
    public static CandidateDto From(Candidate candidate)
    {
        var p = candidate.Profile;
        return new CandidateDto(
            candidate.Id.Value,
            p.Nik.Masked,
            p.FullName.Value,
            p.BirthDate,
            p.Sex.Code,
            p.Email.Value,
            p.Phone.Value,
            new EducationDto(p.Education.Level.Code, p.Education.Field.Code, p.Education.Institution, p.Education.GraduationYear),
            new EmploymentDto(p.Employment.Type.Code, p.Employment.Organisation, p.Employment.Region.Value),
            p.PracticeAreas.Select(a => a.Code).ToList(),
            candidate.PracticeHours,
            candidate.TrainingHours,
            candidate.NikWarnings,
            candidate.CreatedAt,
            candidate.Version);
    }
}
