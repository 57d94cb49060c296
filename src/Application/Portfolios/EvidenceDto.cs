using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Portfolios;

public sealed record EvidenceDto(Guid Id, string Kind, string Title, string? Description, DateOnly? DocumentDate, string? PmksCategory,
    IReadOnlyList<string> HelpingStages, string? ClientType, IReadOnlyList<EvidenceFileDto> Files)
{
    public static EvidenceDto From(Evidence e, IEnumerable<EvidenceFile> files) => new(e.Id, e.Kind.Code, e.Title, e.Description, e.DocumentDate, e.PmksCategory?.Code,
        e.HelpingStages.Select(s => s.Code).ToList(), e.ClientType?.Code, files.Select(EvidenceFileDto.From).ToList());
}
