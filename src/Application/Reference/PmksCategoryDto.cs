namespace Peksos.Clean.Application.Reference;

public sealed record PmksTypeDto(string Code, string Name);

public sealed record PmksCategoryDto(string Code, string Name, string NameEn, IReadOnlyList<PmksTypeDto> PmksTypes);
