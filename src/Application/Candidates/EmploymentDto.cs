namespace Peksos.Clean.Application.Candidates;

public sealed record EmploymentDto(string Type, string Organisation, string RegionCode);
