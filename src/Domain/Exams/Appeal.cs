namespace Peksos.Clean.Domain.Exams;

/// <summary>A BK participant's appeal (banding) and, once resolved, its resolution.</summary>
public sealed record Appeal(string Reason, DateTimeOffset FiledAt, bool? Upheld = null, string? ResolutionNote = null, DateTimeOffset? ResolvedAt = null)
{
    public bool IsResolved => Upheld is not null;
}
