namespace Peksos.Clean.Application.Events;

public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, string? NextCursor);
