namespace Peksos.Clean.Application.Events;

/// <summary>A page of the events feed. <see cref="NextCursor"/> is the id to pass as <c>after</c> next time.</summary>
public sealed record EventPage(IReadOnlyList<EventDto> Items, string? NextCursor);
