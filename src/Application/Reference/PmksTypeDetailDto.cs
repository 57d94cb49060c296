namespace Peksos.Clean.Application.Reference;

public sealed record PmksTypeDetailDto(string Code, string Name, IReadOnlyList<string> Categories);
