namespace Peksos.Clean.Application.Candidates;

/// <summary>
/// What a candidate's fields are called where they come from: the paths of the JSON body, or the columns of a roster
/// file. The profile parser reports each error under these names, so neither caller translates them.
/// </summary>
public sealed record CandidateFieldNames(
    string Education,
    string EducationLevel,
    string EducationField,
    string EducationInstitution,
    string GraduationYear,
    string Employment,
    string EmploymentType,
    string Organisation,
    string RegionCode,
    Func<int, string> PracticeArea)
{
    public static CandidateFieldNames Json { get; } = new("education", "education.level", "education.field", "education.institution",
        "education.graduationYear", "employment", "employment.type", "employment.organisation", "employment.regionCode", i => $"practiceAreas[{i}]");

    public static CandidateFieldNames Roster { get; } = new("education", "educationLevel", "educationField", "educationInstitution",
        "graduationYear", "employment", "employmentType", "organisation", "regionCode", _ => "practiceAreas");
}
