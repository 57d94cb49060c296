namespace Peksos.Clean.Application.Reference;

public sealed record ProvinceDto(string Code, string Name);
