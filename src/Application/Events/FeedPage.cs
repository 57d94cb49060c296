namespace Peksos.Clean.Application.Events;

/// <summary>A page of the feed, written as <see cref="EventPage"/> (the documented shape) without parsing each item's data.</summary>
public sealed record FeedPage(IReadOnlyList<FeedItem> Items, string? NextCursor);
