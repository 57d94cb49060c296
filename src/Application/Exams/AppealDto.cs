using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams;

public sealed record AppealDto(string Reason, DateTimeOffset FiledAt, bool? Upheld, string? ResolutionNote, DateTimeOffset? ResolvedAt)
{
    public static AppealDto From(Appeal a) => new(a.Reason, a.FiledAt, a.Upheld, a.ResolutionNote, a.ResolvedAt);
}
