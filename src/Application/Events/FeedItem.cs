namespace Peksos.Clean.Application.Events;

/// <summary>An event of the feed as stored: its data is the JSON text written in the changing transaction, served as is.</summary>
public sealed record FeedItem(long Id, string Type, DateTimeOffset OccurredAt, string Data);
